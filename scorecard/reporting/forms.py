from django import forms


class LockForm(forms.Form):
    confirm = forms.BooleanField(
        label="I have checked the figures: lock the quarter and publish its report",
        error_messages={"required": "Confirm that you have checked the figures."},
    )


class LockWithGapsForm(LockForm):
    """Locking a quarter with updates or reviews missing: the gaps are acknowledged, with a
    reason that the report prints (the service refuses a lock with gaps and no reason)."""

    acknowledge_gaps = forms.BooleanField(
        label="I know that some updates or reviews are missing: their last rating is shown, "
        "marked as carried",
        error_messages={"required": "Acknowledge the missing updates and reviews to lock now."},
    )
    gaps_reason = forms.CharField(
        label="Why lock the quarter without them",
        help_text="Printed in the report with your name, e.g. the Cabinet deadline.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the quarter is locked with updates missing."},
    )


class WordingForm(forms.Form):
    text = forms.CharField(
        label="Wording of the Cabinet cover report",
        widget=forms.Textarea(attrs={"rows": 30}),
        help_text="Lines starting with # are the title, ## headings, - list items; blank lines "
        "separate paragraphs. Figures: {{ indicator_total }}, {{ green }}, {{ red }}, "
        "{{ red_updated }}, {{ red_updated_names }}, {{ red_updated_rated }} (each name with its "
        "value and what it was rated against), {{ rated_this_quarter }}, {{ carried }}, "
        "{{ awaiting }}, {{ late }}, {{ risk_total }}, {{ risk_red }}, "
        "{{ risk_areas }}, {{ period_label }}, {{ refreshed }}; plural(count, 'indicator') writes "
        "1 indicator or 2 indicators, number(count) writes 1,310.",
    )
