"""A person gets their API token from the product, and can replace it."""

import pytest
from rest_framework.authtoken.models import Token

pytestmark = pytest.mark.django_db


def test_a_reader_creates_a_token_that_opens_the_api_and_replaces_it(client, demo):
    reader = demo["reader"]
    client.force_login(reader)
    assert "You have no token yet." in client.get("/api/token/").content.decode()

    assert client.post("/api/token/").status_code == 302
    first = Token.objects.get(user=reader).key
    page = client.get("/api/token/").content.decode()
    assert f'<code id="api-token">{first}</code>' in page

    client.logout()
    assert client.get("/api/v1/indicators/").status_code == 401
    assert client.get("/api/v1/indicators/", HTTP_AUTHORIZATION=f"Token {first}").status_code == 200

    client.force_login(reader)
    client.post("/api/token/")
    second = Token.objects.get(user=reader).key
    assert second != first
    client.logout()
    assert client.get("/api/v1/indicators/", HTTP_AUTHORIZATION=f"Token {first}").status_code == 401


def test_the_token_page_needs_a_post_with_csrf(demo):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(demo["reader"])
    assert strict.post("/api/token/").status_code == 403
    assert not Token.objects.filter(user=demo["reader"]).exists()
