"""A key filter: which keys an index certainly does not hold, without SQL.

Most n-grams of a text are not place names, and each one is probed in the
gazetteer (:attr:`~marsad.gazetteer.index.Gazetteer.has_key`). An SQLite
probe of the 120 MB bundled index costs 15-100 µs of CPU; this filter answers
"certainly absent" in about 2 µs, so SQL only runs for keys that are there.

The filter is the sorted array of 64-bit fingerprints (BLAKE2b) of the index's
distinct keys: 8 bytes a key, 5.6 MB for the bundled index's 700k keys, read
in a few milliseconds. It never says "absent" for a key it holds; it says
"maybe" for a key it does not hold about once in 2^64/700k probes, and the
caller's SQL query answers those exactly.

For the bundled index the filter is a file beside it (``<index>.keys``),
written when the index is built; an index built by an older marsad gets its
filter on first use (about one second, once). The file records the index's
size: a filter that does not match its index is rebuilt, never trusted.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import threading
from array import array
from collections.abc import Iterable
from pathlib import Path
from typing import Final

_MAGIC = b"marsad-keyfilter-1\n"
_HEADER = len(_MAGIC) + 8  # the magic, then the index file's size (8 bytes, little-endian)


def fingerprint(key: str) -> int:
    """A key's 64-bit fingerprint (stable across processes, unlike ``hash``)."""
    return _from_bytes(_blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


_blake2b, _from_bytes = hashlib.blake2b, int.from_bytes


#: a filter of this many fingerprints or more is bucketed by their top 16 bits (about ten of the bundled index's
#: a bucket), a smaller one by their top 8 (its buckets are found at once)
_FINE_BUCKETS: Final = 1 << 16


class KeyFilter:
    """Fingerprints of a set of keys; ``key in filter`` is False only for
    keys that are certainly not in the set."""

    def __init__(self, fingerprints: array | bytes):
        """``fingerprints``: sorted and distinct, as an array or as :meth:`to_bytes`' little-endian bytes."""
        if isinstance(fingerprints, bytes):
            data = fingerprints
        else:  # (a copy only where the machine's order must be swapped)
            values = array("Q", fingerprints) if sys.byteorder != "little" else fingerprints
            if sys.byteorder != "little":
                values.byteswap()
            data = values.tobytes()
        # Held as their little-endian bytes, which are a fingerprint's digest as hashed: a probe looks for its
        # digest among its bucket's bytes with bytes.find (a bisection compared Python ints made from the
        # array's items, and a fingerprint's 64 bits are no small int: half of what a probe cost).
        self._data = data
        fine = len(data) // 8 >= _FINE_BUCKETS
        self._starts = _bucket_starts(data, fine)
        self._shift = 0 if fine else 8  # (of a fingerprint's top 16 bits, to its bucket)
        # fingerprint()'s hash, ready to copy: a copy and an update cost a fifth less than a new
        # hash object built from its keyword arguments
        self._hash = _blake2b(digest_size=8)

    @classmethod
    def from_keys(cls, keys: Iterable[str]) -> KeyFilter:
        return cls(array("Q", sorted({fingerprint(key) for key in keys})))

    def __contains__(self, key: str) -> bool:
        # fingerprint(key), inline: a text's every new n-gram is probed
        hashed = self._hash.copy()
        hashed.update(key.encode("utf-8", "surrogatepass"))
        digest: bytes = hashed.digest()
        bucket = (digest[7] << 8 | digest[6]) >> self._shift  # (the top bits of the little-endian fingerprint)
        data, end = self._data, self._starts[bucket + 1]
        position = data.find(digest, self._starts[bucket], end)
        while position > 0 and position & 7:  # (found across two fingerprints: look on)
            position = data.find(digest, position + 1, end)
        return position >= 0

    def __len__(self) -> int:
        return len(self._data) // 8

    def to_bytes(self) -> bytes:
        return self._data

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyFilter:
        """The filter of :meth:`to_bytes`' bytes, held as they are (no array of 64-bit ints in between)."""
        return cls(bytes(data))


def _bucket_starts(data: bytes, fine: bool) -> list[int]:
    """Where the fingerprints of each bucket begin in ``data`` (their bytes), by their top 8 bits (or 16 when
    ``fine``), and its length last: one vectorised search over the sorted fingerprints (a bisection per bucket,
    65,536 of them, was a tenth of a one-line extraction's CPU time; numpy is loaded for the event model anyway)."""
    import numpy as np

    tops = np.frombuffer(data, dtype="<u8") >> np.uint64(48 if fine else 56)  # (sorted: their fingerprints are)
    buckets = np.arange((1 << 16) if fine else 256, dtype=np.uint64)
    starts: list[int] = (np.searchsorted(tops, buckets) * 8).tolist()
    starts.append(len(data))
    return starts


def filter_path(index: Path) -> Path:
    """Where the filter of an index file lives (beside it)."""
    return index.with_name(index.name + ".keys")


def index_keys(index: Path) -> KeyFilter:
    """The filter of every ``names.key`` of an index file, read from the index."""
    connection = sqlite3.connect(index.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return KeyFilter.from_keys(row[0] for row in connection.execute("SELECT key FROM names"))
    finally:
        connection.close()


def write_filter(index: Path, keys: KeyFilter, *, size: int | None = None) -> None:
    """Write the filter of ``index`` beside it, atomically. ``size`` is the
    index file's size when it is written before the index is in place."""
    size = index.stat().st_size if size is None else size
    target = filter_path(index)
    temporary = target.with_name(f"{target.name}.{os.getpid()}-{threading.get_ident()}.tmp")
    try:
        with open(temporary, "wb") as out:
            out.write(_MAGIC + size.to_bytes(8, "little") + keys.to_bytes())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def load_filter(index: Path) -> KeyFilter:
    """The filter of an index file: from the file beside it when that matches
    the index, else read from the index and written beside it (when the folder
    is writable)."""
    try:
        data = filter_path(index).read_bytes()
    except OSError:
        data = b""
    size = index.stat().st_size
    if data.startswith(_MAGIC) and int.from_bytes(data[len(_MAGIC):_HEADER], "little") == size \
            and (len(data) - _HEADER) % 8 == 0:
        return KeyFilter.from_bytes(data[_HEADER:])
    keys = index_keys(index)
    try:
        write_filter(index, keys, size=size)
    except OSError:
        pass  # a read-only data folder: the filter lives in memory only
    return keys
