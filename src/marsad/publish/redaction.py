"""Public mode: nothing from a confidential source leaves marsad.

A source marked ``confidential`` in the database may have its *figures*
published, but never its name, its URL, its document titles or any text
quoted from its documents. :func:`redact_record` applies that to an export
record; the bulletin applies :func:`redact_evidence` to every footnote.
"""

from __future__ import annotations

import dataclasses

from marsad.publish.records import EventRecord

CONFIDENTIAL_LABEL = "Confidential source"
WITHHELD_TEXT = "[evidence withheld: confidential source]"
# Coded fields that name or quote the source.
CODED_SOURCE_FIELDS = ("source", "notes", "source_article", "source_office", "source_headline", "source_original")


def redact_record(record: EventRecord) -> EventRecord:
    """A copy of ``record`` safe to publish (the record itself when it is)."""
    if not record.source_confidential:
        return record
    coded = dict(record.coded)
    for name in CODED_SOURCE_FIELDS:
        if name in coded:
            coded[name] = CONFIDENTIAL_LABEL if name in ("source", "source_office") else ""
    return dataclasses.replace(
        record,
        source_name=CONFIDENTIAL_LABEL,
        document_url=None,
        document_title=None,
        evidence=None,
        span_start=None,
        span_end=None,
        coded=coded,
    )


def redact_evidence(text: str | None, confidential: bool) -> str | None:
    return WITHHELD_TEXT if confidential else text
