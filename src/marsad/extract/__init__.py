"""Extraction: one report's text in, structured facts out (pure: no database,
no network). See ``pipeline.py`` for the registered, versioned components.

    from marsad.extract import extract_text
    extraction = extract_text(text, published=date(2018, 11, 10), source="SOHR")
"""

from marsad.extract.pipeline import (
    PIPELINE_VERSION,
    DocContext,
    Pipeline,
    extract_document,
    extract_many,
    extract_text,
    register,
)

__all__ = ["PIPELINE_VERSION", "DocContext", "Pipeline", "extract_document", "extract_many", "extract_text",
           "register"]
