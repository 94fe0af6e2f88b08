"""The FastAPI application: read API under ``/api/v1``, its OpenAPI
description at ``/api/openapi.json`` (a page listing it at ``/api/docs``,
served without any CDN), the dashboard under ``/`` and its static files
(htmx and Leaflet vendored) under ``/static``."""

from __future__ import annotations

import secrets
from pathlib import Path

from marsad.errors import ConfigError

SESSION_COOKIE = "marsad_session"
SESSION_MAX_AGE_S = 8 * 3600


def session_secret(explicit: str | None = None) -> str:
    """The key that signs session cookies: given, else ``MARSAD_SECRET_KEY``,
    else a random key kept in the data directory (made once, mode 0600)."""
    import os

    from marsad.config import data_dir

    secret = explicit or os.environ.get("MARSAD_SECRET_KEY")
    if secret:
        if len(secret) < 32:
            raise ConfigError("MARSAD_SECRET_KEY needs at least 32 characters (e.g. `python -c 'import secrets; print(secrets.token_hex(32))'`).")
        return secret
    path = Path(data_dir()) / "web-secret.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text().strip()


def create_app(database_url: str | None = None, *, secret_key: str | None = None, https_only: bool = False,
               auto_reconcile: bool = True):
    """The application over the database at ``database_url`` (default: the
    configured one). ``auto_reconcile``: recompute incidents and tallies after
    every review decision (turn off for very large archives and use the
    Tallies screen's button)."""
    from fastapi import FastAPI
    from starlette.middleware.sessions import SessionMiddleware
    from starlette.staticfiles import StaticFiles

    from marsad import __version__
    from marsad.api import errors, v1
    from marsad.api.auth import LoginThrottle
    from marsad.store import open_database
    from marsad.web import routes as web

    database = open_database(database_url)
    app = FastAPI(title="marsad", version=__version__, docs_url=None, redoc_url=None, openapi_url="/api/openapi.json",
                  description="Public read API of a marsad archive: events, incidents, tallies, claims, documents.",
                  lifespan=_request_threads(database))
    app.state.db = database
    app.state.throttle = LoginThrottle()
    app.state.auto_reconcile = auto_reconcile
    app.add_middleware(SessionMiddleware, secret_key=session_secret(secret_key), session_cookie=SESSION_COOKIE,
                       max_age=SESSION_MAX_AGE_S, same_site="strict", https_only=https_only)
    app.add_middleware(SecurityHeaders)
    errors.install(app)
    app.include_router(v1.router, prefix="/api/v1")
    app.include_router(web.router)
    app.mount("/static", StaticFiles(directory=Path(__file__).resolve().parent.parent / "web" / "static"), name="static")
    return app


def _request_threads(database):
    """Run at most as many requests at once (in the thread pool that serves
    plain functions) as the database's connection pool holds: connections
    beyond it are opened and closed per request (on SQLite with an empty page
    cache), and on a few cores more threads only queue for the interpreter.
    The others wait their turn in the event loop."""
    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def lifespan(app):
        import anyio.to_thread

        size = getattr(database.engine.pool, "size", None)
        if callable(size):
            anyio.to_thread.current_default_thread_limiter().total_tokens = max(2, size())
        yield

    return lifespan


class SecurityHeaders:
    """No framing, no MIME sniffing, scripts and styles from this site only."""

    HEADERS = [
        (b"x-frame-options", b"DENY"),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"same-origin"),
        (b"content-security-policy", b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                      b"script-src 'self'; frame-ancestors 'none'"),
    ]

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + self.HEADERS
            await send(message)

        return await self.app(scope, receive, with_headers)


def app_from_environment():
    """The app ``marsad serve`` runs in each Uvicorn worker, configured by the
    environment it sets (database URL, session key, options)."""
    import os

    return create_app(os.environ.get("MARSAD_DATABASE_URL"), secret_key=os.environ.get("MARSAD_SECRET_KEY"),
                      https_only=os.environ.get("MARSAD_HTTPS_ONLY") == "1",
                      auto_reconcile=os.environ.get("MARSAD_AUTO_RECONCILE", "1") == "1")
