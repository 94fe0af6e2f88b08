"""Publishing's own table: the coded fields of events imported from a coded
dataset (an ACLED-layout CSV), so that exporting them again gives back the
coder's values (ids, inter codes, tags, source scale …) that marsad's event
table has no column for. Created by the Alembic revision ``p001``."""

from __future__ import annotations

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from marsad.store.models import Base


class CodedEvent(Base):
    __tablename__ = "coded_events"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    layout: Mapped[str] = mapped_column(String(30))  # "acled"
    external_id: Mapped[str | None] = mapped_column(String(100), index=True)
    fields: Mapped[dict] = mapped_column(JSON)
