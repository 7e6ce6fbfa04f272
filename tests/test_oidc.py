"""Optional single sign-on with OpenID Connect: off unless configured; when on, a button on the
sign-in page and people matched to their accounts by email. No identity provider is contacted:
the tests stop at the redirect to it, and hand the backend the claims a provider would give."""

import importlib
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import SuspiciousOperation
from django.urls import NoReverseMatch, clear_url_caches, reverse

import scorecard.urls
from scorecard.oidc import CouncilOIDCBackend
from scorecard.organisation.models import Membership, User
from tests.test_settings import settings_value

PROVIDER = "https://login.midshire.example/oauth2/v2.0"
CONFIGURED = {
    "SCORECARD_OIDC_PROVIDER_NAME": "Midshire Entra ID",
    "SCORECARD_OIDC_CLIENT_ID": "scorecard-client",
    "SCORECARD_OIDC_CLIENT_SECRET": "client-secret",
    "SCORECARD_OIDC_AUTHORIZATION_ENDPOINT": f"{PROVIDER}/authorize",
    "SCORECARD_OIDC_TOKEN_ENDPOINT": f"{PROVIDER}/token",
    "SCORECARD_OIDC_USER_ENDPOINT": f"{PROVIDER}/userinfo",
    "SCORECARD_OIDC_JWKS_ENDPOINT": f"{PROVIDER}/keys",
}
BACKEND = "scorecard.oidc.CouncilOIDCBackend"


def test_single_sign_on_is_off_unless_configured(tmp_path):
    result = settings_value(
        "s.OIDC_ENABLED, s.AUTHENTICATION_BACKENDS", SCORECARD_VAR_DIR=str(tmp_path)
    )
    assert result.stdout.startswith("(False, ["), result.stderr
    assert BACKEND not in result.stdout


def test_configured_single_sign_on_adds_the_backend_and_creates_no_account(tmp_path):
    result = settings_value(
        "s.OIDC_ENABLED, s.AUTHENTICATION_BACKENDS[-1], s.OIDC_CREATE_USER, s.OIDC_PROVIDER_NAME",
        SCORECARD_VAR_DIR=str(tmp_path),
        **CONFIGURED,
    )
    assert result.stdout.strip() == f"(True, '{BACKEND}', False, 'Midshire Entra ID')", (
        result.stderr
    )


def test_single_sign_on_without_its_endpoints_refuses_to_start(tmp_path):
    result = settings_value(
        "s.OIDC_ENABLED", SCORECARD_VAR_DIR=str(tmp_path), SCORECARD_OIDC_CLIENT_ID="scorecard"
    )
    assert result.returncode != 0
    assert "also needs SCORECARD_OIDC_CLIENT_SECRET, SCORECARD_OIDC_AUTHORIZATION_ENDPOINT" in (
        result.stderr
    )


def test_without_single_sign_on_there_is_no_button_and_no_oidc_url(client, db):
    page = client.get("/sign-in/").content.decode()
    assert "Sign in with" not in page
    with pytest.raises(NoReverseMatch):
        reverse("oidc_authentication_init")
    assert client.get("/sign-in/oidc/").status_code == 404


@pytest.fixture
def single_sign_on(settings):
    """The settings that settings.py derives from CONFIGURED, and the URLs that follow."""
    settings.OIDC_ENABLED = True
    settings.OIDC_PROVIDER_NAME = CONFIGURED["SCORECARD_OIDC_PROVIDER_NAME"]
    settings.OIDC_RP_CLIENT_ID = CONFIGURED["SCORECARD_OIDC_CLIENT_ID"]
    settings.OIDC_RP_CLIENT_SECRET = CONFIGURED["SCORECARD_OIDC_CLIENT_SECRET"]
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = CONFIGURED["SCORECARD_OIDC_AUTHORIZATION_ENDPOINT"]
    settings.OIDC_OP_TOKEN_ENDPOINT = CONFIGURED["SCORECARD_OIDC_TOKEN_ENDPOINT"]
    settings.OIDC_OP_USER_ENDPOINT = CONFIGURED["SCORECARD_OIDC_USER_ENDPOINT"]
    settings.OIDC_OP_JWKS_ENDPOINT = CONFIGURED["SCORECARD_OIDC_JWKS_ENDPOINT"]
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    settings.OIDC_RP_SCOPES = "openid email profile"
    settings.OIDC_USE_PKCE = True
    settings.OIDC_CREATE_USER = False
    settings.LOGIN_REDIRECT_URL_FAILURE = "/sign-in/"
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, BACKEND]
    importlib.reload(scorecard.urls)
    clear_url_caches()
    yield settings
    settings.OIDC_ENABLED = False
    importlib.reload(scorecard.urls)
    clear_url_caches()


def test_the_sign_in_page_offers_the_provider_and_sends_the_person_there(
    client, db, single_sign_on
):
    page = client.get("/sign-in/?next=/risks/").content.decode()
    assert "Sign in with Midshire Entra ID" in page
    assert '<a href="/sign-in/oidc/?next=/risks/" role="button"' in page
    response = client.get("/sign-in/oidc/?next=/risks/")
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == f"{PROVIDER}/authorize"
    query = parse_qs(location.query)
    assert query["client_id"] == ["scorecard-client"]
    assert query["redirect_uri"] == ["http://testserver/sign-in/oidc/callback/"]
    assert query["scope"] == ["openid email profile"]
    assert "code_challenge" in query  # PKCE


def test_a_failed_single_sign_on_returns_to_the_sign_in_page_with_a_message(
    client, db, single_sign_on
):
    # A callback without the state this browser was given is refused, never signed in.
    response = client.get("/sign-in/oidc/callback/?code=abc&state=forged", follow=True)
    assert response.redirect_chain[-1][0] == "/sign-in/"
    assert "Midshire Entra ID did not sign you in to Scorecard" in response.content.decode()
    assert "_auth_user_id" not in client.session


def claims(email, **more):
    return {"sub": "provider-id-1", "email": email, "email_verified": True, **more}


def signed_in(backend, user_claims):
    """What the backend does once the provider's tokens checked out, given the user's claims."""
    backend.get_userinfo = lambda access_token, id_token, payload: user_claims
    return backend.get_or_create_user("access-token", "id-token", {})


def test_a_person_is_matched_to_their_account_by_email_ignoring_case(demo, single_sign_on):
    editor = demo["editor"]
    assert editor.email == "editor@midshire.example"
    assert signed_in(CouncilOIDCBackend(), claims("Editor@Midshire.EXAMPLE")) == editor


def test_no_account_is_created_for_an_unknown_address_unless_the_setting_says_so(
    demo, single_sign_on
):
    before = User.objects.count()
    assert signed_in(CouncilOIDCBackend(), claims("new.officer@midshire.example")) is None
    assert User.objects.count() == before

    single_sign_on.OIDC_CREATE_USER = True
    created = signed_in(
        CouncilOIDCBackend(),
        claims("New.Officer@midshire.example", given_name="Nia", family_name="Officer"),
    )
    assert (created.username, created.email, created.get_full_name()) == (
        "new.officer@midshire.example", "New.Officer@midshire.example", "Nia Officer",
    )  # fmt: skip
    assert not created.has_usable_password()
    # An account made this way sees nothing until an administrator gives it a role.
    assert not Membership.objects.filter(person=created).exists()


def test_unverified_shared_or_inactive_addresses_sign_nobody_in(demo, single_sign_on):
    backend = CouncilOIDCBackend()
    with pytest.raises(SuspiciousOperation):
        signed_in(backend, claims("editor@midshire.example", email_verified=False))
    reader = demo["reader"]
    reader.is_active = False
    reader.save(update_fields=["is_active"])
    assert signed_in(backend, claims("reader@midshire.example")) is None
    admin = demo["admin"]
    admin.email = "editor@midshire.example"
    admin.save(update_fields=["email"])
    with pytest.raises(SuspiciousOperation):  # two accounts share it: which one is unclear
        signed_in(backend, claims("editor@midshire.example"))
