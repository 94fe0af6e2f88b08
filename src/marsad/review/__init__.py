"""The newsroom library: people verify every number before it is published.

- :mod:`marsad.review.users`: accounts, roles (viewer < analyst < reviewer <
  admin), argon2 password hashes, API tokens (stored hashed);
- :mod:`marsad.review.service`: the status machine on facts and links
  (machine → in_review → verified | corrected | rejected) and the decisions
  that move it;
- :mod:`marsad.review.overlay`: review decisions applied to what reconcile,
  the bulletin and the exports read (``apply_reviews``), and their re-anchoring
  after a re-extraction (``sync_reviews``);
- :mod:`marsad.review.audit`: who, when, what (old → new), why;
- :mod:`marsad.review.published`: the read API's pages (filters, paging,
  redaction of confidential sources);
- :mod:`marsad.review.readcache`: what the read API keeps between requests
  (ordered ids per filter set, pages, tallies), keyed by a store revision that
  any write changes;
- :mod:`marsad.review.newsroom`: what the dashboard's screens show.

The HTTP API (:mod:`marsad.api`) and the dashboard (:mod:`marsad.web`) are
thin adapters over these functions. Tables: ``marsad.review.models``
(Alembic revisions ``i10_001``, ``i10_002``).
"""
