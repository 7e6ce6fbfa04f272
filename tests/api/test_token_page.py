"""A person gets their API token from the product, sees it once, and can replace it. Only a
fingerprint (digest) of the token is stored, so a copy of the database opens nothing."""

import pytest
from knox.models import AuthToken

pytestmark = pytest.mark.django_db


def shown_token(response) -> str:
    page = response.content.decode()
    start = page.index('<code id="api-token">') + len('<code id="api-token">')
    return page[start : page.index("</code>", start)]


def test_a_reader_creates_a_token_sees_it_once_and_replaces_it(client, demo):
    reader = demo["reader"]
    client.force_login(reader)
    assert "You have no token yet." in client.get("/api/token/").content.decode()

    made = client.post("/api/token/")
    assert made["Cache-Control"] == "no-store"
    first = shown_token(made)
    assert "it is shown only this once" in made.content.decode()
    stored = AuthToken.objects.get(user=reader)
    assert first not in {stored.digest, stored.token_key} and stored.digest != first
    again = client.get("/api/token/").content.decode()
    assert first not in again  # never shown again
    assert f"You have a token beginning <code>{first[:8]}</code>" in again

    client.logout()
    assert client.get("/api/v1/indicators/").status_code == 401
    assert client.get("/api/v1/indicators/", HTTP_AUTHORIZATION=f"Token {first}").status_code == 200
    wrong = first[:-1] + ("0" if first[-1] != "0" else "1")
    assert client.get("/api/v1/indicators/", HTTP_AUTHORIZATION=f"Token {wrong}").status_code == 401

    client.force_login(reader)
    second = shown_token(client.post("/api/token/"))
    assert second != first and AuthToken.objects.filter(user=reader).count() == 1
    client.logout()
    assert client.get("/api/v1/indicators/", HTTP_AUTHORIZATION=f"Token {first}").status_code == 401
    assert (
        client.get("/api/v1/indicators/", HTTP_AUTHORIZATION=f"Token {second}").status_code == 200
    )


def test_the_token_page_needs_a_post_with_csrf(demo):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(demo["reader"])
    assert strict.post("/api/token/").status_code == 403
    assert not AuthToken.objects.filter(user=demo["reader"]).exists()
