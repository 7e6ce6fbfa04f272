"""Who may see and change a person's alert choices: that person alone."""


def alert_preferences_access(user, person) -> bool:
    return bool(user.is_authenticated and person is not None and user.pk == person.pk)
