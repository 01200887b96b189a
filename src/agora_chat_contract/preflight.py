"""Before a contract run: the target's token (fetched with client credentials, or checked),
refused with one ``SetupError`` line that names the cause."""

from __future__ import annotations

import httpx

from agora_chat_contract.pacing import Pacer, paced_client


class SetupError(Exception):
    """The target cannot be tested at all (unreachable, unknown app, rejected credentials)."""


def _error_of(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:120].strip() or response.reason_phrase
    if isinstance(body, dict):
        parts = [str(body.get("error") or ""), str(body.get("error_description") or "")]
        return ": ".join(part for part in parts if part) or response.text[:120]
    return response.text[:120]


def _describe_transport_error(base_url: str, exc: httpx.HTTPError) -> str:
    reason = str(exc) or type(exc).__name__
    return f"cannot reach {base_url}: {reason}"


def fetch_token(base_url: str, client_id: str, client_secret: str, pacer: Pacer) -> str:
    """An app token from the target's own ``/token``; ``SetupError`` naming why not."""
    try:
        with paced_client(base_url, pacer) as client:
            response = client.post(
                "/token",
                json={
                    "grant_type": "client_credentials",
                    "client_id": client_id,
                    "client_secret": client_secret,
                },
            )
    except httpx.HTTPError as exc:
        raise SetupError(_describe_transport_error(base_url, exc)) from None
    if response.status_code == 200:
        token = response.json().get("access_token") if _is_json_object(response) else None
        if isinstance(token, str) and token:
            return token
        raise SetupError(f"POST {base_url}/token answered 200 without an access_token")
    raise SetupError(_setup_refusal("POST /token", base_url, response, "client credentials"))


def check_token(base_url: str, token: str, pacer: Pacer, prefix: str) -> None:
    """One authenticated read (a user that cannot exist) proves the app and the token."""
    try:
        with paced_client(base_url, pacer, token=token) as client:
            response = client.get(f"/users/{prefix}probe")
    except httpx.HTTPError as exc:
        raise SetupError(_describe_transport_error(base_url, exc)) from None
    error = _error_of(response)
    if response.status_code in (200, 404) and "organization_application_not_found" not in error:
        return
    raise SetupError(_setup_refusal("GET /users/{username}", base_url, response, "token"))


def _is_json_object(response: httpx.Response) -> bool:
    try:
        return isinstance(response.json(), dict)
    except ValueError:
        return False


def _setup_refusal(call: str, base_url: str, response: httpx.Response, credential: str) -> str:
    error = _error_of(response)
    if response.status_code == 404:
        return f"{base_url}: no such org/app on this host ({call} answered 404 {error})"
    if response.status_code == 401:
        verb = "were" if credential.endswith("s") else "was"
        return f"the {credential} {verb} rejected ({call} answered 401 {error})"
    return f"{call} on {base_url} answered {response.status_code} {error}"
