from django import forms

from .choices import WEEKDAYS, AlertKind, Delivery


class ScheduleForm(forms.Form):
    send_time = forms.TimeField(
        label="Time of day for reminders and review alerts",
        help_text="24-hour clock, for example 09:00.",
    )
    days_before_deadline = forms.IntegerField(
        label="Remind updaters this many days before an update's deadline",
        min_value=0,
        max_value=60,
        help_text="0 reminds them on the day.",
    )
    late_every_days = forms.IntegerField(
        label="Remind updaters of late updates every (days)",
        min_value=0,
        max_value=60,
        help_text="0 sends no reminders for late updates.",
    )
    reviews_overdue = forms.BooleanField(
        label="Tell risk owners when a review becomes overdue", required=False
    )
    digest_weekday = forms.TypedChoiceField(
        label="Weekly digest: day", choices=WEEKDAYS, coerce=int
    )
    digest_time = forms.TimeField(
        label="Weekly digest: time", help_text="24-hour clock, for example 08:00."
    )


class AlertChoicesForm(forms.Form):
    """One choice per kind of alert."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind, label in AlertKind.choices:
            self.fields[kind] = forms.ChoiceField(label=label, choices=Delivery.choices)
