"""Sessions: the CSRF token, signing in with the password, and counting wrong passwords.

A session lives in a signed cookie (see ``ladle.web.security``): ``csrf`` holds its CSRF token,
``auth`` is true once it signed in with the password.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable

from fastapi import Request

__all__ = [
    "AUTH_KEY",
    "CSRF_KEY",
    "LoginLimiter",
    "csrf_token",
    "password_matches",
    "sign_in",
    "signed_in",
]

CSRF_KEY = "csrf"
AUTH_KEY = "auth"


def csrf_token(request: Request) -> str:
    """The CSRF token of this request's session, made when the session has none yet."""
    token = request.session.get(CSRF_KEY)
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session[CSRF_KEY] = token
    return token


def signed_in(request: Request) -> bool:
    """Whether this session signed in with the password (never, when there is none)."""
    return request.app.state.settings.password is not None and request.session.get(AUTH_KEY) is True


def password_matches(given: str, password: str) -> bool:
    """Compare in constant time (the digests, so the length does not show either)."""
    digest = hashlib.sha256
    return hmac.compare_digest(digest(given.encode()).digest(), digest(password.encode()).digest())


def sign_in(request: Request) -> None:
    """A new session, signed in, with a new CSRF token (a token seen before does not carry)."""
    request.session.clear()
    request.session[AUTH_KEY] = True
    request.session[CSRF_KEY] = secrets.token_urlsafe(32)


class LoginLimiter:
    """Wrong passwords per client: ``failures`` within ``window`` seconds, then a wait."""

    def __init__(
        self,
        failures: int = 5,
        window: float = 60.0,
        max_clients: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.clock = clock
        self.failures = failures
        self.window = window
        self.max_clients = max_clients
        self._seen: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()  # the login runs in FastAPI's worker threads

    def _recent(self, client: str, now: float) -> deque[float]:
        times = self._seen.get(client, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def retry_after(self, client: str) -> int | None:
        """Seconds this client must wait before trying again, or None."""
        with self._lock:
            now = self.clock()
            times = self._recent(client, now)
            if len(times) < self.failures:
                return None
            return max(1, math.ceil(times[0] + self.window - now))

    def failed(self, client: str) -> None:
        with self._lock:
            now = self.clock()
            times = self._recent(client, now)
            times.append(now)
            self._seen[client] = times
            self._seen.move_to_end(client)
            while len(self._seen) > self.max_clients:  # the oldest clients are forgotten
                self._seen.popitem(last=False)

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._seen.pop(client, None)
