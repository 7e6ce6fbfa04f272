"""Sign-in lockout: by user name and address, so nobody locks another person out from elsewhere,
and behind a configured proxy the address is the client's, from X-Forwarded-For."""

import pytest
from django.conf import settings

from scorecard.ops.security import client_address

A, B = "203.0.113.10", "198.51.100.20"  # two people's addresses (documentation ranges)
PROXY = "127.0.0.1"


def _sign_in(client, password, **meta):
    return client.post("/sign-in/", {"username": "reader", "password": password}, **meta)


def _fail_until_locked(client, **meta):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = _sign_in(client, "wrong-password", **meta)
    assert response.status_code == 429  # locked out there
    return response


def test_wrong_passwords_from_one_address_do_not_stop_the_user_signing_in_from_another(
    client, demo, demo_password
):
    _fail_until_locked(client, REMOTE_ADDR=A)
    assert _sign_in(client, demo_password, REMOTE_ADDR=A).status_code == 429
    response = _sign_in(client, demo_password, REMOTE_ADDR=B)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(demo["reader"].pk)


def test_without_the_proxy_setting_a_forwarded_address_is_not_believed(
    client, demo, demo_password, settings
):
    settings.TRUSTED_PROXY_COUNT = 0
    _fail_until_locked(client, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=A)
    # A forged header changes nothing: the address is the connection's, and it is locked.
    response = _sign_in(client, demo_password, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=B)
    assert response.status_code == 429


def test_behind_the_proxy_the_address_comes_from_x_forwarded_for(
    client, demo, demo_password, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    _fail_until_locked(client, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=A)
    assert (
        _sign_in(client, demo_password, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=A).status_code
        == 429
    )
    # Everyone reaches the application from the proxy; the reader elsewhere still signs in.
    response = _sign_in(client, demo_password, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=B)
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        (0, PROXY, A, PROXY),  # no proxy configured: the header is ignored
        (1, PROXY, A, A),
        (1, PROXY, f"{B}, {A}", A),  # the client wrote B; nginx appended the address it saw
        (2, "10.0.0.5", f"{B}, {A}, 10.0.0.9", A),  # a load balancer, then nginx
        (1, PROXY, "", PROXY),  # no header: the connection's address
        (1, PROXY, "not-an-address", PROXY),
        (2, PROXY, A, PROXY),  # fewer addresses than proxies: nothing to believe
    ],
)
def test_the_client_address_is_the_one_the_outermost_trusted_proxy_saw(
    rf, settings, proxies, remote, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected
