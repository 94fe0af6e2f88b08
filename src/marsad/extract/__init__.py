"""Extraction: one report's text in, structured facts out (pure: no database,
no network). See ``pipeline.py`` for the registered, versioned components."""
