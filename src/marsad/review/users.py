"""Accounts, roles, passwords and API tokens.

Passwords are hashed with argon2id (``argon2-cffi``); API tokens are random
(``secrets``) and stored as SHA-256 hashes, shown once. There is no default
account and no default password: the first admin is made with
``marsad users add NAME --role admin``.

Roles, each including the rights of the ones before it:

- ``viewer`` reads verified, public material;
- ``analyst`` reads everything (but confidential sources' names stay hidden
  from nobody but viewers) and proposes corrections;
- ``reviewer`` confirms, corrects and rejects facts, confirms and splits links;
- ``admin`` manages users and sources.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime, timezone

from marsad.errors import InputError, NotFoundError

ROLES = ("viewer", "analyst", "reviewer", "admin")
MIN_PASSWORD_LENGTH = 10
TOKEN_PREFIX = "mt_"
USERNAME_PATTERN = re.compile(r"^[A-Za-z0-9_.@-]{2,100}$")

# What each permission needs; routes name a permission, never a role.
PERMISSIONS = {
    "read": "viewer",  # verified, public material
    "read_all": "analyst",  # machine output, confidential sources' names and quotes
    "propose": "analyst",
    "verify": "reviewer",
    "admin": "admin",
}


class AuthError(InputError):
    """Wrong name or password, or a revoked token (the message never says which)."""


def role_allows(role: str | None, permission: str) -> bool:
    if role not in ROLES:
        return False
    return ROLES.index(role) >= ROLES.index(PERMISSIONS[permission])


def _hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()


def hash_password(password: str) -> str:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise InputError(f"A password needs at least {MIN_PASSWORD_LENGTH} characters.")
    return _hasher().hash(password)


def check_role(role: str) -> str:
    if role not in ROLES:
        raise InputError(f"Unknown role {role!r}: use one of {', '.join(ROLES)}.")
    return role


def add_user(session, username: str, *, role: str, password: str):
    """Create an account; the caller commits."""
    from sqlalchemy import select

    from marsad.review.audit import record
    from marsad.review.models import User

    if not USERNAME_PATTERN.match(username or ""):
        raise InputError("A user name is 2–100 letters, digits or . _ @ - (e.g. amal).")
    check_role(role)
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise InputError(f"User {username!r} exists: change it with `marsad users set {username} --role ...`.")
    user = User(username=username, role=role, password_hash=hash_password(password))
    session.add(user)
    session.flush()
    record(session, "system", "user.add", f"user {username}", None, {"role": role})
    return user


def get_user(session, username: str):
    from sqlalchemy import select

    from marsad.review.models import User

    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFoundError(f"No user {username!r}: list them with `marsad users list`.")
    return user


def list_users(session) -> list:
    from sqlalchemy import select

    from marsad.review.models import User

    return list(session.scalars(select(User).order_by(User.username)))


def update_user(session, username: str, *, by: str, role: str | None = None, active: bool | None = None,
                password: str | None = None):
    user = get_user(session, username)
    old = {"role": user.role, "active": user.active}
    if role is not None:
        user.role = check_role(role)
    if active is not None:
        user.active = active
    if password is not None:
        user.password_hash = hash_password(password)
    from marsad.review.audit import record

    new = {"role": user.role, "active": user.active, **({"password": "changed"} if password else {})}
    record(session, by, "user.update", f"user {username}", old, new)
    return user


def authenticate(session, username: str, password: str):
    """The active user with this name and password, else :class:`AuthError`."""
    from argon2.exceptions import InvalidHashError, VerificationError
    from sqlalchemy import select

    from marsad.review.models import User

    user = session.scalar(select(User).where(User.username == username))
    hasher = _hasher()
    if user is None or not user.active:
        # Spend the same time as a real check, so a name cannot be probed by timing.
        try:
            hasher.verify(_DUMMY_HASH(), password or "")
        except (VerificationError, InvalidHashError):
            pass
        raise AuthError("Wrong user name or password.")
    try:
        hasher.verify(user.password_hash, password or "")
    except (VerificationError, InvalidHashError):
        raise AuthError("Wrong user name or password.") from None
    if hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hasher.hash(password)
    return user


_dummy: list[str] = []


def _DUMMY_HASH() -> str:  # noqa: N802 - a lazily made constant
    if not _dummy:
        _dummy.append(_hasher().hash(secrets.token_hex(8)))
    return _dummy[0]


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(session, username: str, *, name: str | None = None) -> str:
    """A new API token for ``username``; returned once, stored hashed."""
    from marsad.review.audit import record
    from marsad.review.models import ApiToken

    user = get_user(session, username)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, name=name, token_hash=token_digest(token)))
    session.flush()
    record(session, username, "token.create", f"user {username}", None, {"name": name})
    return token


def user_for_token(session, token: str):
    """The active user a token belongs to, else :class:`AuthError`. Reads only:
    :func:`touch_token` marks it used, at most every :data:`TOKEN_TOUCH_S`."""
    from sqlalchemy import select

    from marsad.review.models import ApiToken, User

    row = session.execute(
        select(ApiToken, User).join(User, User.id == ApiToken.user_id).where(ApiToken.token_hash == token_digest(token or ""))
    ).first()
    if row is None or row[0].revoked or not row[1].active:
        raise AuthError("Invalid or revoked API token: make one with `marsad users token NAME`.")
    return row[1]


TOKEN_TOUCH_S = 300


def token_needs_touch(session, token: str) -> bool:
    from sqlalchemy import select

    from marsad.review.models import ApiToken
    from marsad.store.models import as_utc

    last = session.scalar(select(ApiToken.last_used_at).where(ApiToken.token_hash == token_digest(token)))
    if last is None:
        return True
    return (datetime.now(timezone.utc) - as_utc(last)).total_seconds() > TOKEN_TOUCH_S


def touch_token(session, token: str) -> None:
    from sqlalchemy import update

    from marsad.review.models import ApiToken

    session.execute(update(ApiToken).where(ApiToken.token_hash == token_digest(token)).values(last_used_at=datetime.now(timezone.utc)))


def update_source(session, source_id: int, *, by: str, confidential: bool | None = None, reliability: str | None = None):
    """Mark a source confidential (or not) or regrade it; audited."""
    from marsad.review.audit import record
    from marsad.store.models import RELIABILITY_GRADES, Source

    source = session.get(Source, source_id)
    if source is None:
        raise NotFoundError(f"No source {source_id}: list them with `marsad sources`.")
    old = {"confidential": source.confidential, "reliability": source.reliability}
    if confidential is not None:
        source.confidential = confidential
    if reliability is not None:
        if reliability.upper() not in RELIABILITY_GRADES:
            raise InputError("Reliability is an Admiralty grade: A, B, C, D, E or F.")
        source.reliability = reliability.upper()
    record(session, by, "source.update", f"source {source.name}", old,
           {"confidential": source.confidential, "reliability": source.reliability})
    return source
