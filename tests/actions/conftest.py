from tests.projects.conftest import people, project  # noqa: F401 (shared fixtures)
