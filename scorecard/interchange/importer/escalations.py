"""Import of escalations: each request (up to a higher register, or back down) and its decision.

Rows are imported in the order they were requested, so a risk climbs and returns as it did.
A request goes through `escalation_request` or `escalation_request_return`, a decision through
`escalation_decide`, which decides who may decide. As on the pages, the person importing is the
one who requests or decides, at the council clock's present moment: a row naming somebody else is
refused, and a time the file gives is replaced, with a notice. A recorded request or decision
never changes: a row matching one (by its moment, or as the request this import recorded from
the same row before) is unchanged.
"""

from scorecard.risks import services as risk_services
from scorecard.risks.choices import EscalationDirection, EscalationStatus
from scorecard.risks.models import Escalation, Risk

from ..columns import local_moment
from .outcome import CHANGED, CREATED, UNCHANGED


class EscalationSheets:
    """Handler of the Escalations sheet."""

    def _apply_escalations(self, sheet, rows) -> None:
        self._load_risks(values["risk"] for _, values in rows)
        references = [values["risk"] for _, values in rows]
        existing = {
            (e.risk_id, local_moment(e.requested_at)): e
            for e in Escalation.objects.filter(risk__reference__in=references)
        }
        rows = sorted(rows, key=lambda row: (row[1]["requested_at"], row[0]))

        def handle(number, values):
            named = values.get("requested_by")
            risk, to_register, requested_by = self._together(
                lambda: self._risk(sheet, number, "risk", values["risk"]),
                lambda: self._register(sheet, number, "to_register", values["to_register"]),
                lambda: self._person(sheet, number, "requested_by", named),
            )
            moment = local_moment(values["requested_at"])
            label = f"{risk.reference} to {to_register}, requested {moment:%d/%m/%Y %H:%M}"
            escalation = existing.get((risk.pk, moment)) or self._recorded_before(
                risk, values, to_register
            )
            action = UNCHANGED
            if escalation is None:
                self._actor(sheet, number, "requested_by", named, role="person asking")
                escalation = self._request(sheet, number, values, risk, to_register)
                existing[(risk.pk, moment)] = escalation
                action = CREATED
            elif (
                escalation.direction,
                escalation.to_register_id,
                escalation.reason,
                escalation.requested_by_id,
            ) != (
                values["direction"],
                to_register.pk,
                values["reason"].strip(),
                requested_by.pk if requested_by else escalation.requested_by_id,
            ):
                self._fail(
                    sheet,
                    number,
                    "reason",
                    f"{risk.reference} already has a request made at {moment:%d/%m/%Y %H:%M} with "
                    "other details: a recorded request is not changed",
                )
            status = values.get("status") or EscalationStatus.REQUESTED
            if status == escalation.status:
                note = values.get("decision_note")
                if action == UNCHANGED and note is not None and note != escalation.decision_note:
                    self._fail(sheet, number, "decision_note", "a recorded decision is not changed")
                return action, label
            if escalation.status != EscalationStatus.REQUESTED:
                self._fail(
                    sheet,
                    number,
                    "status",
                    f"this request was {escalation.get_status_display().lower()}: a recorded decision is not changed",
                )
            self._decide(sheet, number, values, escalation, status)
            return (CREATED if action == CREATED else CHANGED), label

        self._each(sheet, rows, handle)

    def _recorded_before(self, risk, values, to_register) -> Escalation | None:
        """The request an earlier import of this row recorded, at its own later moment, with
        the same details: found again, so a file imported twice (or to decide the request it
        made) changes nothing it recorded."""
        return (
            Escalation.objects.filter(
                risk=risk,
                direction=values["direction"],
                to_register=to_register,
                reason=values["reason"].strip(),
                requested_at__gte=values["requested_at"],
            )
            .order_by("requested_at")
            .first()
        )

    def _request(self, sheet, number, values, risk, to_register) -> Escalation:
        risk = Risk.objects.select_related("register", "escalated_to").get(pk=risk.pk)
        if values["direction"] == EscalationDirection.UP:
            escalation = risk_services.escalation_request(
                risk=risk, to_register=to_register, reason=values["reason"], requested_by=self.user
            )
        else:
            if to_register.pk != risk.register_id:
                self._fail(
                    sheet,
                    number,
                    "to_register",
                    f"a risk returns to its own register, {risk.register}",
                )
            escalation = risk_services.escalation_request_return(
                risk=risk, reason=values["reason"], requested_by=self.user
            )
        given = values.get("from_register")
        if given and given.strip().lower() != escalation.from_register.name.lower():
            self._fail(
                sheet,
                number,
                "from_register",
                f"{risk.reference} is on {escalation.from_register} when this request is made, not '{given}'",
            )
        self._moment_notice(
            sheet, number, "requested_at", values["requested_at"], escalation.requested_at
        )
        return escalation

    def _decide(self, sheet, number, values, escalation, status) -> None:
        if status == EscalationStatus.REQUESTED:
            self._fail(sheet, number, "status", "a decided request does not go back to awaiting")
        self._actor(sheet, number, "decided_by", values.get("decided_by"), role="person deciding")
        escalation = risk_services.escalation_decide(  # it decides who may decide
            escalation=escalation,
            accepted=status == EscalationStatus.ACCEPTED,
            decided_by=self.user,
            note=self._text(values, "decision_note"),
        )
        self._moment_notice(
            sheet, number, "decided_at", values.get("decided_at"), escalation.decided_at
        )
