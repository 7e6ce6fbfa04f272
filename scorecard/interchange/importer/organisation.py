"""Import of the organisation's sheets: the council's settings, directorates, their services and
people."""

from functools import partial

from scorecard.organisation import services as organisation_services
from scorecard.organisation.choices import MONTH_CHOICES, Role
from scorecard.organisation.models import Directorate, OrganisationSettings, Service, User

from .base import model_update
from .outcome import CHANGED, CREATED, UNCHANGED

MONTH_NUMBERS = {name: number for number, name in MONTH_CHOICES}


class OrganisationSheets:
    """Handlers of the Organisation settings, Directorates, Services and People sheets (mixed
    into the Importer)."""

    def _apply_organisation_settings(self, sheet, rows) -> None:
        stored = OrganisationSettings.objects.order_by("pk").first()
        first = rows[0][0] if rows else None

        def handle(number, values):
            if number != first:
                self._fail(sheet, number, None, "the council has one row of settings: give one")
            month = MONTH_NUMBERS[values["financial_year_start_month"]]
            # A file without the column keeps the stored code; an empty cell clears it.
            code = (values.get("ons_code") or "").strip().upper() if "ons_code" in values else None
            if (
                stored is not None
                and (stored.name, stored.financial_year_start_month)
                == (
                    values["name"],
                    month,
                )
                and code in (None, stored.ons_code)
            ):
                return UNCHANGED, stored.name
            settings = organisation_services.organisation_settings_update(
                name=values["name"], financial_year_start_month=month, ons_code=code
            )
            self.start_month = settings.financial_year_start_month  # the periods that follow
            return (CREATED if stored is None else CHANGED), settings.name

        self._each(sheet, rows, handle)

    def _apply_directorates(self, sheet, rows) -> None:
        existing = {d.code.lower(): d for d in Directorate.objects.all()}

        def handle(number, values):
            action, directorate = write(number, values)
            if "director" in values:  # once the People sheet is in: the director may be on it
                self._followups.append(
                    (sheet, number, directorate.name, partial(
                        self._set_director, sheet, number, directorate, values["director"]
                    ))
                )  # fmt: skip
            return action, directorate.name

        def write(number, values):
            directorate = existing.get(values["code"].lower())
            if directorate is None:
                directorate = organisation_services.directorate_create(
                    code=values["code"], name=values["name"]
                )
                if values.get("is_archived"):
                    organisation_services.directorate_update(
                        directorate=directorate,
                        code=directorate.code,
                        name=directorate.name,
                        director=None,
                        is_archived=True,
                    )
                existing[directorate.code.lower()] = directorate
                return CREATED, directorate
            archived = values.get("is_archived", directorate.is_archived)
            archived = directorate.is_archived if archived is None else archived
            if (directorate.name, directorate.is_archived) == (values["name"], archived):
                return UNCHANGED, directorate
            organisation_services.directorate_update(
                directorate=directorate,
                code=directorate.code,
                name=values["name"],
                director=directorate.director,
                is_archived=archived,
            )
            return CHANGED, directorate

        self._each(sheet, rows, handle)
        if hasattr(self, "_directorates"):
            del self._directorates

    def _apply_services(self, sheet, rows) -> None:
        existing = {
            (s.directorate_id, s.name.strip().lower()): s
            for s in Service.objects.all()  # a few per directorate
        }

        def handle(number, values):
            directorate = self._directorate(sheet, number, "directorate", values["directorate"])
            service = existing.get((directorate.pk, values["name"].lower()))
            label = f"{directorate.code}: {values['name']}"
            archived = values.get("is_archived")
            if service is None:
                service = organisation_services.service_create(
                    directorate=directorate, name=values["name"]
                )
                existing[(directorate.pk, service.name.lower())] = service
                if archived:
                    model_update(service, is_archived=True)
                return CREATED, label
            if archived is None or archived == service.is_archived:
                return UNCHANGED, label
            model_update(service, is_archived=archived)  # no service archives a service yet
            return CHANGED, label

        self._each(sheet, rows, handle)

    def _set_director(self, sheet, number, directorate, text) -> bool:
        directorate = Directorate.objects.get(pk=directorate.pk)
        director = self._person(sheet, number, "director", text)
        if directorate.director_id == getattr(director, "pk", None):
            return False
        if not self.is_admin:
            self._fail(
                sheet, number, None, "only the performance and risk team can change directorates"
            )
        organisation_services.directorate_update(
            directorate=directorate,
            code=directorate.code,
            name=directorate.name,
            director=director,
            is_archived=directorate.is_archived,
        )
        return True

    def _roles(self, sheet, number, text) -> set[tuple[str, int | None]]:
        roles = set()
        for part in str(text or "").replace(",", ";").split(";"):
            if not part.strip():
                continue
            role_text, _, code = part.partition(":")
            role = next(
                (r for r in Role if role_text.strip().lower() in {r.value, r.label.lower()}), None
            )
            if role is None:
                self._fail(
                    sheet,
                    number,
                    "roles",
                    f"'{role_text.strip()}' is not a role: use {', '.join(Role.values)}",
                )
            directorate = (
                self._directorate(sheet, number, "roles", code.strip()) if code.strip() else None
            )
            roles.add((role, directorate.pk if directorate else None))
        return roles

    def _apply_people(self, sheet, rows) -> None:
        existing = {u.username.lower(): u for u in User.objects.prefetch_related("memberships")}
        fields = ["first_name", "last_name", "email", "job_title"]

        def handle(number, values):
            person = existing.get(values["username"].lower())
            roles = self._roles(sheet, number, values.get("roles")) if "roles" in values else set()
            action = UNCHANGED
            if person is None:
                person = organisation_services.person_create(
                    username=values["username"],
                    password=None,
                    **{f: self._text(values, f) for f in fields},
                )
                existing[person.username.lower()] = person
                have = set()
                action = CREATED
            else:
                have = {(m.role, m.directorate_id) for m in person.memberships.all()}
                wanted = {
                    f: self._text(values, f) if f in values else getattr(person, f) for f in fields
                }
                if any(getattr(person, f) != v for f, v in wanted.items()):
                    organisation_services.person_update(
                        person=person, is_active=person.is_active, **wanted
                    )
                    action = CHANGED
            directorates = {
                d.pk: d for d in Directorate.objects.filter(pk__in=[d for _, d in roles if d])
            }
            for role, directorate_id in sorted(roles - have, key=str):
                organisation_services.membership_create(
                    person=person, role=role, directorate=directorates.get(directorate_id)
                )
                action = action if action == CREATED else CHANGED
            self._people = None
            return action, person.username

        self._each(sheet, rows, handle)
