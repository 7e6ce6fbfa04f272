"""Optional single sign-on with OpenID Connect (mozilla-django-oidc), off unless configured.

A person who signs in at the council's identity provider is matched to their Scorecard account
by email address (ignoring case). No account is created unless SCORECARD_OIDC_CREATE_USERS is on,
and one created that way has no role until an administrator gives it one. See docs/deployment.md.
"""

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest
from django.urls import path
from mozilla_django_oidc.auth import OIDCAuthenticationBackend, default_username_algo
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from scorecard.organisation.services import person_create


class CouncilOIDCBackend(OIDCAuthenticationBackend):
    def verify_claims(self, claims) -> bool:
        # An address the provider says it has not verified could be anyone's.
        return bool(claims.get("email")) and claims.get("email_verified", True) is not False

    def filter_users_by_claims(self, claims):
        email = (claims.get("email") or "").strip()
        if not email:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, is_active=True)

    def create_user(self, claims):
        """Only with SCORECARD_OIDC_CREATE_USERS on: an account with no role and no password."""
        email = claims["email"].strip()
        username = email.lower()
        if len(username) > 150 or self.UserModel.objects.filter(username=username).exists():
            username = default_username_algo(email, claims)
        return person_create(
            username=username,
            password=None,
            first_name=claims.get("given_name", ""),
            last_name=claims.get("family_name", ""),
            email=email,
        )


class CouncilCallbackView(OIDCAuthenticationCallbackView):
    def login_failure(self):
        # The callback cannot tell a refused, expired or unknown sign-in apart for the person.
        name = settings.OIDC_PROVIDER_NAME
        messages.error(
            self.request,
            f"{name} did not sign you in to Scorecard. Try again; if it fails again, ask the "
            f"performance and risk team to check that your account has the email address you "
            f"use at {name}.",
        )
        return super().login_failure()


def single_sign_on(request: HttpRequest) -> dict:
    """The provider's name for the sign-in page's button, when single sign-on is on."""
    return {"single_sign_on": settings.OIDC_PROVIDER_NAME if settings.OIDC_ENABLED else ""}


urlpatterns = [
    path("", OIDCAuthenticationRequestView.as_view(), name="oidc_authentication_init"),
    path("callback/", CouncilCallbackView.as_view(), name="oidc_authentication_callback"),
]
