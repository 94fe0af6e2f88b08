"""Page rendering: one Jinja2 environment (autoescaped), the acting user and
the CSRF token in every page."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATUS_LABELS = {"machine": "machine", "in_review": "in review", "verified": "verified", "corrected": "corrected",
                 "rejected": "rejected"}  # fmt: skip


@lru_cache(maxsize=1)
def templates():
    from fastapi.templating import Jinja2Templates

    engine = Jinja2Templates(directory=str(TEMPLATES))
    engine.env.filters["status_label"] = lambda s: STATUS_LABELS.get(s, s)
    engine.env.filters["num"] = lambda n: "—" if n is None else f"{n:,}" if isinstance(n, int) else n
    return engine


def render(request, name: str, context: dict | None = None, *, status_code: int = 200):
    from marsad.api.auth import csrf_token, current_actor

    actor = current_actor(request) if "session" in request.scope else None
    base = {"actor": actor, "csrf": csrf_token(request) if "session" in request.scope else ""}
    return templates().TemplateResponse(request, name, {**base, **(context or {})}, status_code=status_code)
