"""Import of escalations: each request (up to a higher register, or back down) and its decision.

Rows are imported in the order they were requested, so a risk climbs and returns as it did.
A request goes through `escalation_request` or `escalation_request_return`, a decision through
`escalation_decide`; then the moments the file gives (requested at, decided at), which the
services set to "now", are written through the model with full_clean() (`model_update`), so an
escalation imported from an export keeps its dates. A recorded request or decision never changes.
"""

from scorecard.risks import services as risk_services
from scorecard.risks.choices import EscalationDirection, EscalationStatus
from scorecard.risks.models import Escalation, Risk
from scorecard.risks.selectors.access import can as risk_can

from ..columns import local_moment
from .base import model_update
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
            risk = self._risk(sheet, number, "risk", values["risk"])
            to_register = self._register(sheet, number, "to_register", values["to_register"])
            requested_by = self._person(sheet, number, "requested_by", values["requested_by"])
            moment = local_moment(values["requested_at"])
            label = f"{risk.reference} to {to_register}, requested {moment:%d/%m/%Y %H:%M}"
            escalation = existing.get((risk.pk, moment))
            action = UNCHANGED
            if escalation is None:
                escalation = self._request(sheet, number, values, risk, to_register, requested_by)
                existing[(risk.pk, moment)] = escalation
                action = CREATED
            elif (
                escalation.direction,
                escalation.to_register_id,
                escalation.reason,
                escalation.requested_by_id,
            ) != (values["direction"], to_register.pk, values["reason"].strip(), requested_by.pk):
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

    def _request(self, sheet, number, values, risk, to_register, requested_by) -> Escalation:
        risk = Risk.objects.select_related("register", "escalated_to").get(pk=risk.pk)
        if values["direction"] == EscalationDirection.UP:
            escalation = risk_services.escalation_request(
                risk=risk,
                to_register=to_register,
                reason=values["reason"],
                requested_by=requested_by,
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
                risk=risk, reason=values["reason"], requested_by=requested_by
            )
        given = values.get("from_register")
        if given and given.strip().lower() != escalation.from_register.name.lower():
            self._fail(
                sheet,
                number,
                "from_register",
                f"{risk.reference} is on {escalation.from_register} when this request is made, not '{given}'",
            )
        model_update(escalation, requested_at=values["requested_at"])
        return escalation

    def _decide(self, sheet, number, values, escalation, status) -> None:
        if status == EscalationStatus.REQUESTED:
            self._fail(sheet, number, "status", "a decided request does not go back to awaiting")
        if not risk_can(self.user, "decide", escalation.risk):
            self._fail(
                sheet, number, "status", "only the performance and risk team decide escalations"
            )
        decided_by = self._person(sheet, number, "decided_by", values.get("decided_by"))
        escalation = risk_services.escalation_decide(
            escalation=escalation,
            accepted=status == EscalationStatus.ACCEPTED,
            decided_by=decided_by or self.user,
            note=self._text(values, "decision_note"),
        )
        if values.get("decided_at"):
            model_update(escalation, decided_at=values["decided_at"])
