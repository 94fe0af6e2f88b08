"""The audit log: every change as who, when, what (old → new) and why."""

from __future__ import annotations

from datetime import date, datetime


def _plain(values: dict | None) -> dict | None:
    if values is None:
        return None
    return {k: (v.isoformat() if isinstance(v, (date, datetime)) else v) for k, v in values.items()}


def record(session, username: str, action: str, record: str, old: dict | None, new: dict | None,
           why: str | None = None) -> None:
    """Append one entry; the caller commits (with the change it describes)."""
    from marsad.review.models import AuditEntry

    session.add(AuditEntry(username=username, action=action, record=record, old=_plain(old), new=_plain(new), why=why))


def audit_entries(session, *, username: str | None = None, record: str | None = None, limit: int = 200,
                  offset: int = 0) -> list[dict]:
    """Newest first, filtered by user and by record (a prefix: ``casualty 12/``)."""
    from sqlalchemy import select

    from marsad.review.models import AuditEntry

    query = select(AuditEntry).order_by(AuditEntry.id.desc())
    if username:
        query = query.where(AuditEntry.username == username)
    if record:
        query = query.where(AuditEntry.record.like(record.replace("%", r"\%").replace("_", r"\_") + "%", escape="\\"))
    return [
        {"id": e.id, "at": e.at, "user": e.username, "action": e.action, "record": e.record, "old": e.old,
         "new": e.new, "why": e.why}
        for e in session.scalars(query.limit(limit).offset(offset))
    ]
