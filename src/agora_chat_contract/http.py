"""HTTP for the runner's own calls (set-up, restore, probes): a 429 is waited out, never an error.

The target may enforce the spec's ``x-agora-rate-limit`` buckets, as the real service does; the
runner's calls then share those buckets with the generated ones, so a 429 means "later", honouring
``Retry-After`` when the server sends it and backing off exponentially otherwise.
"""

from __future__ import annotations

import time

import httpx

MAX_ATTEMPTS = 8
FIRST_BACKOFF_S = 0.25
MAX_WAIT_S = 10.0


class RetryOn429(httpx.HTTPTransport):
    def handle_request(self, request: httpx.Request) -> httpx.Response:
        backoff = FIRST_BACKOFF_S
        for _ in range(MAX_ATTEMPTS - 1):
            response = super().handle_request(request)
            if response.status_code != 429:
                return response
            response.read()
            response.close()
            time.sleep(min(_retry_after(response) or backoff, MAX_WAIT_S))
            backoff *= 2
        return super().handle_request(request)


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    try:
        return max(float(value), 0.0)
    except ValueError:
        return None


def client(base_url: str, token: str | None = None) -> httpx.Client:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.Client(base_url=base_url, headers=headers, timeout=30, transport=RetryOn429())
