from django import forms


class PublicSiteForm(forms.Form):
    is_enabled = forms.BooleanField(
        label="Publish each locked and published quarter on the public site",
        required=False,
        help_text="Anyone can then read the published quarters' pages without signing in. "
        "A scorecard's indicators are shown when the scorecard is published to the public.",
    )
    how_we_measure = forms.CharField(
        label="How we measure performance",
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="Plain text, shown as written; a blank line starts a new paragraph.",
    )
