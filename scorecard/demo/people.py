"""Officers of the demo council who own indicators and risks (they cannot sign in)."""

from scorecard.organisation import services
from scorecard.organisation.models import Directorate, User

# directorate code -> (username, first, last, job title)
DIRECTORS = {
    "ASC": ("director.asc", "Sarah", "Wilkes", "Director of Adult Services"),
    "CFC": ("director.cfc", "Catherine", "Ford", "Director of Children, Families and Communities"),
    "EI": ("director.ei", "John", "Holt", "Director of Economy and Infrastructure"),
    "COACH": ("director.coach", "Michael", "Reid", "Director of Commercial and Change"),
    "PH": ("director.ph", "Frances", "Osei", "Director of Public Health"),
}


def load() -> dict[str, User]:
    """The director of each directorate, created once; returns them by directorate code."""
    directors = {}
    existing = {u.username: u for u in User.objects.filter(username__startswith="director.")}
    for code, (username, first, last, title) in DIRECTORS.items():
        person = existing.get(username) or services.person_create(
            username=username,
            password=None,
            first_name=first,
            last_name=last,
            email=f"{username}@midshire.example",
            job_title=title,
        )
        directorate = Directorate.objects.get(code=code)
        if directorate.director_id != person.pk:
            services.directorate_update(
                directorate=directorate,
                code=directorate.code,
                name=directorate.name,
                director=person,
                is_archived=False,
            )
        directors[code] = person
    return directors
