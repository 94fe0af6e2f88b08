"""The documentation database: SQLite by default, PostgreSQL for teams.

Opening it
----------
>>> from marsad.store import open_database
>>> db = open_database()            # --database / MARSAD_DATABASE_URL / SQLite in the data dir
>>> with db.transaction() as session:   # commits at the end, rolls back on error
...     ...
>>> with db.reader() as session:        # read only (listings, exports): takes no SQLite write lock
...     ...

``open_database(url)`` creates the engine (SQLite: WAL, foreign keys, busy
timeout, ``BEGIN IMMEDIATE``; ``postgresql://`` URLs use psycopg 3) and applies
pending Alembic migrations the first time a process opens a URL (``marsad
init`` does it explicitly). Repository functions take the session and never
commit: **the caller owns the transaction**.

Schema (``marsad.store.models``, Alembic revision ``"0001"``)
-----------------------------------------------------------
- ``sources``: ``name`` (as first written), ``name_key`` (unique: the identity,
  ``models.source_key(name)``: casefolded, whitespace collapsed; revision
  ``i14b_001``), ``reliability`` (Admiralty A–F or NULL),
  ``confidential`` (bool: never publish its name, URL or text), ``url``, ``notes``.
- ``documents``: one row per *version* of a report: ``content_hash`` (SHA-256
  of ``text``, unique), ``source_id``, ``external_id``, ``url``, ``title``,
  ``published`` (date), ``published_inferred``, ``language``, ``text`` (full
  text: every span indexes into it), ``char_count``, ``input_format``,
  ``origin`` (file[:line]), ``version_key`` (URL, else ``source:external_id``),
  ``version``, ``supersedes_id``, ``is_current`` (false once a newer version
  of the same URL arrived), ``ingested_at``.
- ``extraction_runs``: ``document_id``, ``pipeline_name``, ``pipeline_version``,
  ``pipeline`` (JSON of ``Extraction.pipeline``: enough to replay),
  ``pipeline_hash``, ``extraction`` (JSON of the whole Extraction, audit only),
  ``warnings``, ``is_current``: true only for the latest run of the current
  version of its document. **Every fact query must filter on it**; use
  :func:`~marsad.store.repository.current_fact_query`.
- Facts, each with ``run_id``, ``document_id``, ``local_id`` (the
  Extraction's id: "E1", "C3", "P2"), ``span_start``/``span_end``/``span_text``
  over ``documents.text``, ``rule``, ``confidence``:
  - ``events``: ``event_type``, ``sub_event_type``, ``event_date``,
    ``date_start``/``date_end``/``date_precision`` (UCDP date_prec), ``actor1``,
    ``actor2``, ``assoc_actor_1/2``, ``location``, ``admin1``, ``admin2``,
    ``country``, ``latitude``, ``longitude``, ``geo_precision``, ``fatalities``,
    ``injured``, ``salience``, ``rank`` (0 = the document's main event).
  - ``casualties``: ``event_id`` (FK events, from ``Event.casualty_ids``),
    ``part_of_id`` (FK casualties: the "including" parent),
    ``alternative_of_id`` (FK casualties: the count this one restates, never
    added again), ``outcome``,
    ``count``, ``low``, ``high``, ``qualifier``, ``vague``, ``victims``,
    ``victim_group``, ``affiliation``, ``nationality``, ``perpetrator`` ("; "
    joined) and ``perpetrators`` (JSON list), ``cause``,
    ``period_start``/``period_end``/``period_precision``/``period_relative``,
    ``derived``, ``is_tally``, ``party_claim`` (a party's word on its own
    kills, given alone: reconciliation prefers any other source's figure).
  - ``places``: ``text`` (as written), ``name`` (resolved), ``latitude``,
    ``longitude``, ``admin1``, ``admin2``, ``country``, ``geo_precision``,
    ``where_prec``, ``gazetteer_id``, ``feature``, ``relation``, ``resolved``.
  - ``actors``: ``text``, ``name`` (canonical), ``acled_name``, ``ucdp_name``, ``inter``.
  - link tables ``event_places(event_id, place_id)`` and
    ``casualty_places(casualty_id, place_id)``.
- ``ingest_failures``: ``origin``, ``stage`` (read, clean, language,
  extract, store), ``error_type``, ``error``, ``content_hash``,
  ``document_id``, ``created_at``, ``resolved_at``.

Adding tables (reconciliation, publishing)
------------------------------------------
Declare models on ``marsad.store.models.Base`` in your own module (e.g.
``marsad/reconcile/models.py``; it is listed in ``marsad.store.extensions``
so autogenerate sees it) and add your own revision file in
``src/marsad/store/migrations/versions/`` with ``down_revision = "0001"``
(migrations upgrade to all heads, so two packages' revisions may branch
from 0001 independently).

Repository (``marsad.store.repository``; all take ``session`` first)
--------------------------------------------------------------------
- ``get_or_create_source(session, name, *, reliability=None, confidential=None) -> Source``
  (an upsert: safe when two transactions create the same source at once);
  ``find_source(session, name)``; ``list_sources``.
- ``add_document(session, *, text, source=None, url=None, external_id=None, title=None,
  published=None, language=None, input_format=None, origin=None) -> StoredDocument``
  (``.document``, ``.status`` in new|unchanged|updated, ``.superseded``).
- ``find_documents_by_hash(session, hashes) -> {hash: Document}``; ``content_hash(text)``.
- ``add_extraction(session, document, extraction) -> ExtractionRun``: stores
  a ``marsad.model.Extraction`` and its facts as the current run (idempotent
  per pipeline configuration).
- ``current_fact_query(Model) -> Select`` (facts of current runs only);
  ``events_query(place=, date_from=, date_to=, source=, event_type=, actor=)``,
  ``list_events``; ``casualties_query(document_id=, include_tallies=)``;
  ``documents_query(since=, until=, source=, language=)``, ``list_documents``;
  ``facts_of_document(session, document)``; ``document_versions``; ``get_document``.
- ``record_failure(session, *, origin, stage, error)``, ``list_failures``, ``count_rows``.

Tests: the ``db_url`` fixture (tests/conftest.py) runs a test on SQLite and
on PostgreSQL (a fresh schema per test); ``database`` opens it migrated.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Database", "open_database", "repository", "models"]


def __getattr__(name: str) -> Any:
    # Lazy, so that `import marsad.store` costs nothing until the database is used.
    if name in ("Database", "open_database"):
        from marsad.store import db

        return getattr(db, name)
    if name in ("repository", "models"):
        import importlib

        return importlib.import_module(f"marsad.store.{name}")
    raise AttributeError(name)
