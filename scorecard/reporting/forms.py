from django import forms


class LockForm(forms.Form):
    confirm = forms.BooleanField(
        label="I have checked the figures: lock the quarter and publish its report",
        error_messages={"required": "Confirm that you have checked the figures."},
    )


class WordingForm(forms.Form):
    text = forms.CharField(
        label="Wording of the Cabinet cover report",
        widget=forms.Textarea(attrs={"rows": 30}),
        help_text="Lines starting with # are the title, ## headings, - list items; blank lines "
        "separate paragraphs. Figures: {{ indicator_total }}, {{ green }}, {{ red }}, "
        "{{ red_updated }}, {{ red_updated_names }}, {{ red_updated_rated }} (each name with its "
        "value and what it was rated against), {{ risk_total }}, {{ risk_red }}, "
        "{{ risk_areas }}, {{ period_label }}, {{ refreshed }}; plural(count, 'indicator') writes "
        "1 indicator or 2 indicators, number(count) writes 1,310.",
    )
