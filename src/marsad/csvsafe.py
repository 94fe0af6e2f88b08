"""CSV cells that a spreadsheet cannot run: every CSV marsad writes goes
through :func:`writer` or :class:`DictWriter` here.

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is read by Excel, LibreOffice and Google Sheets as a formula
(``=HYPERLINK(...)`` in a source name or a quoted sentence). As OWASP
recommends for CSV injection, such a cell is written with a leading single
quote, which spreadsheets show as text. Numbers, including negative ones such
as longitudes, are left as they are, whether they arrive as numbers or as
the text of a number (coded values read back from an imported file).

>>> [safe_cell(v) for v in ("=1+2", "@SUM(A1)", "-36.2", -36.2, "+963 11", "Aleppo", None)]
["'=1+2", "'@SUM(A1)", '-36.2', -36.2, "'+963 11", 'Aleppo', None]
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from typing import IO, Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value: Any) -> Any:
    """``value`` as a spreadsheet will take it as data, never as a formula."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS) or _NUMBER.fullmatch(value):
        return value
    return "'" + value


class _Writer:
    def __init__(self, stream: IO[str], **kwargs: Any):
        self._writer = csv.writer(stream, **kwargs)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(stream: IO[str], **kwargs: Any) -> _Writer:
    """Like :func:`csv.writer`, with every cell passed through :func:`safe_cell`."""
    return _Writer(stream, **kwargs)


class DictWriter(csv.DictWriter):
    """Like :class:`csv.DictWriter`, with every cell passed through :func:`safe_cell`."""

    def writerow(self, rowdict: Mapping[Any, Any]) -> Any:
        return super().writerow({key: safe_cell(value) for key, value in rowdict.items()})

    def writerows(self, rowdicts: Iterable[Mapping[Any, Any]]) -> None:
        for row in rowdicts:
            self.writerow(row)
