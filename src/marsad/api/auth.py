"""Who is asking: a bearer API token (scripts) or the signed session cookie
(browsers), else anonymous. Routes declare a permission (``needs("verify")``);
roles are mapped to permissions in one place, :mod:`marsad.review.users`.

Login throttling: after :data:`MAX_FAILURES` failed logins for one name or
one address within :data:`WINDOW_S`, further attempts are refused with 429
until the window passes (kept in the server process)."""

from __future__ import annotations

import secrets
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass

from fastapi import HTTPException, Request

MAX_FAILURES = 5
WINDOW_S = 15 * 60


@dataclass(frozen=True)
class Actor:
    username: str | None = None
    role: str | None = None
    via: str = "anonymous"  # anonymous | session | token

    @property
    def full(self) -> bool:
        """May see machine output and confidential sources."""
        from marsad.review.users import role_allows

        return role_allows(self.role, "read_all")

    def can(self, permission: str) -> bool:
        from marsad.review.users import role_allows

        return permission == "public" or role_allows(self.role, permission)


ANONYMOUS = Actor()


def current_actor(request) -> Actor:
    cached = getattr(request.state, "actor", None)
    if cached is not None:
        return cached
    actor = _resolve(request)
    request.state.actor = actor
    return actor


def _resolve(request) -> Actor:
    from marsad.review.models import User
    from marsad.review.users import token_needs_touch, touch_token, user_for_token

    header = request.headers.get("authorization", "")
    db = request.app.state.db
    if header.lower().startswith("bearer "):
        token = header[7:].strip()
        with db.reader() as session:
            user = user_for_token(session, token)
            actor, stale = Actor(user.username, user.role, "token"), token_needs_touch(session, token)
        if stale:
            with db.transaction() as session:
                touch_token(session, token)
        return actor
    user_id = request.session.get("user_id") if "session" in request.scope else None
    if user_id:
        with db.reader() as session:
            user = session.get(User, user_id)
            if user is not None and user.active and request.session.get("stamp") == stamp(user):
                return Actor(user.username, user.role, "session")
        request.session.clear()
    return ANONYMOUS


def stamp(user) -> str:
    """Changes when the password, role or active flag changes, ending old sessions."""
    import hashlib

    return hashlib.sha256(f"{user.id}:{user.role}:{user.active}:{user.password_hash}".encode()).hexdigest()[:16]


def needs(permission: str):
    """A FastAPI dependency: 401 for anonymous callers, 403 for too low a role."""
    def dependency(request: Request) -> Actor:
        actor = current_actor(request)
        if not actor.can(permission):
            if actor.role is None:
                raise HTTPException(401, "Log in (or send an API token: Authorization: Bearer …) to do this.")
            raise HTTPException(403, f"Your role ({actor.role}) cannot do this: it needs {permission!r} rights.")
        return actor

    dependency.permission = permission  # type: ignore[attr-defined]  # read by the authorization matrix test
    return dependency


# ---------------------------------------------------------------- CSRF


def csrf_token(request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return token


def check_csrf(request, submitted: str | None) -> None:
    """Every state-changing form or htmx request carries the session's token
    (form field ``csrf`` or header ``X-CSRF-Token``); token requests need none."""
    if current_actor(request).via == "token":
        return
    expected = request.session.get("csrf")
    given = submitted or request.headers.get("x-csrf-token")
    if not expected or not given or not secrets.compare_digest(expected, given):
        raise HTTPException(403, "The form has expired or did not come from this site (CSRF check): reload the page and try again.")


# ---------------------------------------------------------------- throttling


class LoginThrottle:
    def __init__(self, max_failures: int = MAX_FAILURES, window_s: float = WINDOW_S):
        self.max_failures, self.window_s = max_failures, window_s
        self._failures: dict[str, deque] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque:
        entries = self._failures[key]
        while entries and now - entries[0] > self.window_s:
            entries.popleft()
        return entries

    def blocked(self, *keys: str) -> bool:
        now = time.monotonic()
        with self._lock:
            return any(len(self._recent(k, now)) >= self.max_failures for k in keys)

    def failed(self, *keys: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key in keys:
                self._recent(key, now).append(now)

    def succeeded(self, username_key: str) -> None:
        with self._lock:
            self._failures.pop(username_key, None)
