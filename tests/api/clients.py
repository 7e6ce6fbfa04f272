"""An API client signed in as a person, with a token of their own, as their scripts would be."""

from knox.models import AuthToken
from rest_framework.test import APIClient


def client_for(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {AuthToken.objects.create(user)[1]}")
    return client
