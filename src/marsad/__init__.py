"""marsad: from conflict monitors' reports to a verified, queryable record.

Library first: ``marsad.extract.extract_text`` turns one report into facts,
``marsad.store`` keeps them, ``marsad.reconcile`` links and estimates,
``marsad.publish`` writes bulletins and exports. The CLI, HTTP API and
dashboard are thin adapters over these packages.
"""

__version__ = "0.1.0"
