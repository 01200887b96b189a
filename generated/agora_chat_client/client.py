"""The clients every operation takes, with defaults that fit the service.

* A finite timeout (``DEFAULT_TIMEOUT``): a hanging server fails the call with
  ``httpx.TimeoutException`` instead of blocking forever.
* Retries (``default_retry()``, from httpx-retries): 429 and 503 are retried with exponential
  backoff and full jitter, waiting what ``Retry-After`` asks when the service sends it. Pass
  ``retry=Retry(...)`` to tune them, ``retry=None`` to switch them off. One connection pool per
  client is kept across retries.
* ``raise_on_error=True``: every status other than 200 raises ``errors.AgoraChatError`` (a
  subclass per status class), and ``sync``/``asyncio`` are typed as returning the success model.
* ``AuthenticatedClient(token=AppToken(client_id, client_secret))``: the app token is fetched
  through ``/token``, cached until shortly before it expires, and fetched again once on a 401.
"""

import ssl
import threading
import time
from collections.abc import Generator
from typing import Any, Generic, Literal, Self, TypedDict, Unpack, overload

import httpx
from attrs import define, evolve, field
from httpx_retries import Retry, RetryTransport
from typing_extensions import TypeVar

from .errors import AgoraChatError

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
"""30 s per read, write or pool wait, 10 s to connect."""

RETRIED_STATUSES = (429, 503)


def default_retry() -> Retry:
    """The retry policy clients use unless given ``retry=``: 4 retries of a 429 or 503, for
    every method (the service refuses such a request before acting on it), waiting
    ``Retry-After`` when sent, else 0.5 s, 1 s, 2 s, 4 s with full jitter, at most 30 s each.
    Timeouts and connection errors are not retried: they surface at once."""
    return Retry(
        total=4,
        allowed_methods=["HEAD", "GET", "PUT", "POST", "DELETE", "OPTIONS", "TRACE", "PATCH"],
        status_forcelist=RETRIED_STATUSES,
        retry_on_exceptions=(),
        backoff_factor=0.5,
        backoff_jitter=1.0,
        respect_retry_after_header=True,
        max_backoff_wait=30.0,
    )


Raises = TypeVar("Raises", bound=bool, default=bool, covariant=True)
"""``Literal[True]`` for a client built with ``raise_on_error=True``: operations then return the
success model only."""


class ClientOptions(TypedDict, total=False):
    """Keyword options both clients take."""

    cookies: dict[str, str]
    """Cookies sent with every request."""
    headers: dict[str, str]
    """Headers sent with every request."""
    timeout: httpx.Timeout | float | None
    """Per-request timeout; default ``DEFAULT_TIMEOUT``. None waits forever."""
    retry: Retry | None
    """Retry policy; default ``default_retry()``. None switches retries off."""
    verify_ssl: str | bool | ssl.SSLContext
    """Verify the server's certificate (True), or a CA bundle path or SSLContext."""
    follow_redirects: bool
    """Follow redirects (default False)."""
    httpx_args: dict[str, Any]
    """More arguments for the ``httpx.Client``/``httpx.AsyncClient`` constructors."""
    raise_on_unexpected_status: bool
    """Raise ``errors.UnexpectedStatus`` for a status the spec does not document."""


def _timeout(value: httpx.Timeout | float | None) -> httpx.Timeout:
    return value if isinstance(value, httpx.Timeout) else httpx.Timeout(value)


@define(init=False)
class _BaseClient(Generic[Raises]):
    raise_on_error: bool = field(default=False, kw_only=True)
    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    _base_url: str = field(alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers")
    _timeout: httpx.Timeout = field(default=DEFAULT_TIMEOUT, converter=_timeout, kw_only=True, alias="timeout")
    _retry: Retry | None = field(factory=default_retry, kw_only=True, alias="retry")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    _client: httpx.Client | None = field(default=None, init=False, repr=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False, repr=False)

    def with_headers(self, headers: dict[str, str]) -> Self:
        """Get a new client matching this one with additional headers"""
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return self._evolve(headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> Self:
        """Get a new client matching this one with additional cookies"""
        if self._client is not None:
            self._client.cookies.update(cookies)
        if self._async_client is not None:
            self._async_client.cookies.update(cookies)
        return self._evolve(cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> Self:
        """Get a new client matching this one with a new timeout configuration"""
        if self._client is not None:
            self._client.timeout = timeout
        if self._async_client is not None:
            self._async_client.timeout = timeout
        return self._evolve(timeout=timeout)

    def _evolve(self, **changes: Any) -> Self:
        # evolve() calls the overloaded __init__, which mypy cannot match to attrs' field list.
        return evolve(self, **changes)

    def _auth(self) -> httpx.Auth | None:
        return None

    def _client_args(self, transport: httpx.BaseTransport | httpx.AsyncBaseTransport) -> dict[str, Any]:
        arguments: dict[str, Any] = {
            "base_url": self._base_url,
            "cookies": self._cookies,
            "headers": self._headers,
            "timeout": self._timeout,
            "follow_redirects": self._follow_redirects,
            "auth": self._auth(),
            **self._httpx_args,
        }
        if self._retry is not None and "transport" not in self._httpx_args:
            arguments["transport"] = RetryTransport(transport=transport, retry=self._retry)
        return arguments

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, timeout and retries.
        """
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._client is None:
            transport = httpx.HTTPTransport(verify=self._verify_ssl)
            self._client = httpx.Client(verify=self._verify_ssl, **self._client_args(transport))
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(*args, **kwargs)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, timeout and retries.
        """
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            transport = httpx.AsyncHTTPTransport(verify=self._verify_ssl)
            self._async_client = httpx.AsyncClient(verify=self._verify_ssl, **self._client_args(transport))
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(*args, **kwargs)


@define(init=False)
class Client(_BaseClient[Raises]):
    """A client without a token: for ``/token``, the one operation that needs none.

    ``Client(base_url, *, raise_on_error=False, **options)``; ``base_url`` is the whole
    ``https://HOST/ORG_NAME/APP_NAME`` prefix. See ``ClientOptions`` for the options.
    """

    @overload
    def __init__(
        self: "Client[Literal[True]]", base_url: str, *, raise_on_error: Literal[True], **options: Unpack[ClientOptions]
    ) -> None: ...

    @overload
    def __init__(
        self: "Client[Literal[False]]",
        base_url: str,
        *,
        raise_on_error: Literal[False] = False,
        **options: Unpack[ClientOptions],
    ) -> None: ...

    def __init__(self, base_url: str, *, raise_on_error: bool = False, **options: Unpack[ClientOptions]) -> None:
        self.__attrs_init__(base_url=base_url, raise_on_error=raise_on_error, **options)


@define
class AppToken(httpx.Auth):
    """App-token authentication from the app's client ID and secret.

    The token is fetched through ``POST /token`` on first use, cached until ``refresh_margin``
    seconds before its ``expires_in``, and fetched again once when a call gets a 401 (a token
    revoked, or expired by the server's clock). ``ttl`` asks for a validity in seconds (the
    service's default otherwise). One object serves one app: give it to one client.
    """

    client_id: str
    client_secret: str = field(repr=False)
    ttl: int | None = None
    refresh_margin: float = 60.0
    requires_response_body = True
    _token_url: httpx.URL | None = field(default=None, init=False, repr=False)
    _token: str | None = field(default=None, init=False, repr=False)
    _expires_at: float = field(default=0.0, init=False, repr=False)
    _lock: threading.Lock = field(factory=threading.Lock, init=False, repr=False)

    def bind(self, base_url: str) -> None:
        """Fetch tokens from ``base_url``/token (the client calls this)."""
        self._token_url = httpx.URL(base_url.rstrip("/") + "/token")

    def _token_request(self) -> httpx.Request:
        if self._token_url is None:
            raise RuntimeError("AppToken is not bound to a base URL: pass it as AuthenticatedClient(token=...)")
        body: dict[str, Any] = {
            "grant_type": "client_credentials",
            "client_id": self.client_id,
            "client_secret": self.client_secret,
        }
        if self.ttl is not None:
            body["ttl"] = self.ttl
        return httpx.Request("POST", self._token_url, json=body)

    def _store(self, response: httpx.Response) -> str:
        try:
            body = response.json()
            token = str(body["access_token"])
            expires_in = int(body["expires_in"])
        except (ValueError, KeyError, TypeError):
            raise AgoraChatError.from_response(response) from None
        if response.status_code != 200:
            raise AgoraChatError.from_response(response)
        now = time.monotonic()
        # expires_in 0 means the token never expires.
        lifetime = float("inf") if expires_in == 0 else max(0.0, expires_in - min(self.refresh_margin, expires_in / 2))
        with self._lock:
            self._token, self._expires_at = token, now + lifetime
        return token

    def _valid_token(self) -> str | None:
        with self._lock:
            return self._token if self._token is not None and time.monotonic() < self._expires_at else None

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = self._valid_token()
        if token is None:
            token = self._store((yield self._token_request()))
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code == 401:
            request.headers["Authorization"] = f"Bearer {self._store((yield self._token_request()))}"
            yield request


@define(init=False)
class AuthenticatedClient(_BaseClient[Raises]):
    """A client that sends the app token: ``AuthenticatedClient(base_url, token, **options)``.

    ``token`` is a token string, or an ``AppToken(client_id, client_secret)`` that fetches and
    renews it. ``base_url`` is the whole ``https://HOST/ORG_NAME/APP_NAME`` prefix. See
    ``ClientOptions`` for the options.
    """

    token: str | AppToken = field(default="", repr=False)
    prefix: str = field(default="Bearer", kw_only=True)
    auth_header_name: str = field(default="Authorization", kw_only=True)

    @overload
    def __init__(
        self: "AuthenticatedClient[Literal[True]]",
        base_url: str,
        token: str | AppToken,
        *,
        raise_on_error: Literal[True],
        prefix: str = "Bearer",
        auth_header_name: str = "Authorization",
        **options: Unpack[ClientOptions],
    ) -> None: ...

    @overload
    def __init__(
        self: "AuthenticatedClient[Literal[False]]",
        base_url: str,
        token: str | AppToken,
        *,
        raise_on_error: Literal[False] = False,
        prefix: str = "Bearer",
        auth_header_name: str = "Authorization",
        **options: Unpack[ClientOptions],
    ) -> None: ...

    def __init__(
        self,
        base_url: str,
        token: str | AppToken,
        *,
        raise_on_error: bool = False,
        prefix: str = "Bearer",
        auth_header_name: str = "Authorization",
        **options: Unpack[ClientOptions],
    ) -> None:
        self.__attrs_init__(
            base_url=base_url,
            token=token,
            raise_on_error=raise_on_error,
            prefix=prefix,
            auth_header_name=auth_header_name,
            **options,
        )
        if isinstance(token, AppToken):
            token.bind(base_url)
        else:
            self._headers = {**self._headers, auth_header_name: f"{prefix} {token}" if prefix else token}

    def _auth(self) -> httpx.Auth | None:
        return self.token if isinstance(self.token, AppToken) else None
