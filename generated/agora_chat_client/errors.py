"""Errors raised by the client.

``AgoraChatError`` and its subclasses carry the service's flat error body (``error``,
``exception``, ``error_description``, ``error_code``) and the raw response text. A client built
with ``raise_on_error=True`` raises them for every status other than 200. Whatever the option,
a body that cannot be parsed (an HTML page from a gateway, an empty object where the model has
required fields) or a status outside the HTTP registry (a CDN's 520) raises one instead of a
``JSONDecodeError``, ``ValueError`` or ``KeyError``.
"""

import json
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx


class UnexpectedStatus(Exception):
    """Raised by api functions when the response status an undocumented status and Client.raise_on_unexpected_status is True"""

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content

        super().__init__(
            f"Unexpected status code: {status_code}\n\nResponse content:\n{content.decode(errors='ignore')}"
        )


def _text_field(body: dict[str, Any], name: str) -> str | None:
    value = body.get(name)
    return None if value is None else str(value)


class AgoraChatError(Exception):
    """A response other than the success the operation documents.

    Attributes:
        status_code: the HTTP status, also one outside the registry (520).
        error: the service's error code, e.g. ``service_resource_not_found``; None without a JSON body.
        exception: the service's exception class name, e.g. ``EntityNotFoundException``.
        error_description: the service's explanation.
        error_code: the numeric code some deployments add, as text.
        text: the raw response body.
        headers: the response headers.
    """

    def __init__(self, status_code: int, text: str, headers: httpx.Headers, body: dict[str, Any]) -> None:
        self.status_code = status_code
        self.text = text
        self.headers = headers
        self.error = _text_field(body, "error")
        self.exception = _text_field(body, "exception")
        self.error_description = _text_field(body, "error_description")
        self.error_code = _text_field(body, "error_code")
        if self.error is not None:
            detail = f"{self.error} ({self.exception}): {self.error_description}"
        else:
            detail = text[:200] if text else "empty body"
        super().__init__(f"HTTP {status_code}: {detail}")

    @staticmethod
    def from_response(response: httpx.Response) -> "AgoraChatError":
        """The error for ``response``, of the subclass its status selects."""
        text = response.text
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = None
        body: dict[str, Any] = parsed if isinstance(parsed, dict) else {}
        status = response.status_code
        cls: type[AgoraChatError] = _BY_STATUS.get(status, ServerError if status >= 500 else AgoraChatError)
        return cls(status, text, response.headers, body)


class BadRequestError(AgoraChatError):
    """400: the request was refused (``illegal_argument``, an unknown template...)."""


class AuthenticationError(AgoraChatError):
    """401: a missing, wrong or expired token, or a user who may not act on the resource."""


class NotFoundError(AgoraChatError):
    """404: the user, room or app does not exist (``service_resource_not_found``)."""


class RateLimitError(AgoraChatError):
    """429: too many requests, still refused after the client's retries.

    Attributes:
        retry_after: seconds the server asked to wait (``Retry-After``), or None.
    """

    def __init__(self, status_code: int, text: str, headers: httpx.Headers, body: dict[str, Any]) -> None:
        super().__init__(status_code, text, headers, body)
        self.retry_after = _retry_after_seconds(headers.get("Retry-After"))


class ServerError(AgoraChatError):
    """5xx, including statuses outside the registry such as a CDN's 520."""


_BY_STATUS: dict[int, type[AgoraChatError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    404: NotFoundError,
    429: RateLimitError,
}


def _retry_after_seconds(value: str | None) -> float | None:
    """``Retry-After`` as seconds: delta-seconds or an HTTP date."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


__all__ = [
    "AgoraChatError",
    "AuthenticationError",
    "BadRequestError",
    "NotFoundError",
    "RateLimitError",
    "ServerError",
    "UnexpectedStatus",
]
