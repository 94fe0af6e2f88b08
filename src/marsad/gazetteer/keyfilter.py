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
from bisect import bisect_left
from collections.abc import Iterable
from pathlib import Path
from typing import Final

_MAGIC = b"marsad-keyfilter-1\n"
_HEADER = len(_MAGIC) + 8  # the magic, then the index file's size (8 bytes, little-endian)


def fingerprint(key: str) -> int:
    """A key's 64-bit fingerprint (stable across processes, unlike ``hash``)."""
    return _from_bytes(_blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


_blake2b, _from_bytes = hashlib.blake2b, int.from_bytes


# (Final: a compiled probe reads the constants below as literals, not from the module's dictionary)

#: fingerprints are bisected within one of 2**_BUCKET_BITS buckets (finding where they start costs less than
#: a millisecond when a filter is read)
_BUCKET_BITS: Final = 8
_BUCKET_SHIFT: Final = 64 - _BUCKET_BITS
#: the bits of a fingerprint below its bucket's
_IN_BUCKET: Final = (1 << _BUCKET_SHIFT) - 1
#: a probe's guess of its place in its bucket reads this many of those bits (few enough for the product with
#: a bucket's count to stay a machine integer)
_GUESS_BITS: Final = 32
_GUESS_SHIFT: Final = _BUCKET_SHIFT - _GUESS_BITS
#: how far either side of that guess a probe bisects first
_WINDOW: Final = 64


class KeyFilter:
    """Fingerprints of a set of keys; ``key in filter`` is False only for
    keys that are certainly not in the set."""

    def __init__(self, fingerprints: array):
        self._fingerprints = fingerprints  # sorted, distinct, typecode "Q"
        # where each bucket of fingerprints (by their top _BUCKET_BITS bits) begins: a probe bisects
        # one bucket (each step of a bisection compares Python ints
        # made from its items: 20 steps for the whole bundled array, 12 for a bucket)
        self._buckets = [bisect_left(fingerprints, bucket << _BUCKET_SHIFT) for bucket in range(1 << _BUCKET_BITS)]
        self._buckets.append(len(fingerprints))
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
        wanted: int = _from_bytes(hashed.digest(), "little")
        fingerprints, bucket = self._fingerprints, wanted >> _BUCKET_SHIFT
        start, end = self._buckets[bucket], self._buckets[bucket + 1]
        # Fingerprints are uniform: where ``wanted`` would lie in its bucket is known to within a few
        # dozen places (the spread of a uniform sample's order statistics: about sqrt(count) / 2), so
        # the bisection starts from a window around it, 7 steps rather than 12 for the bundled index's
        # buckets; the whole bucket is bisected when the answer is at an edge of the window.
        guess = start + (((wanted & _IN_BUCKET) >> _GUESS_SHIFT) * (end - start) >> _GUESS_BITS)
        low, high = max(start, guess - _WINDOW), min(end, guess + _WINDOW)
        position = bisect_left(fingerprints, wanted, low, high)
        if (position == low and low > start) or (position == high and high < end):
            position = bisect_left(fingerprints, wanted, start, end)
        return position < end and fingerprints[position] == wanted

    def __len__(self) -> int:
        return len(self._fingerprints)

    def to_bytes(self) -> bytes:
        values = array("Q", self._fingerprints)
        if sys.byteorder != "little":
            values.byteswap()
        return values.tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyFilter:
        values = array("Q")
        values.frombytes(data)
        if sys.byteorder != "little":
            values.byteswap()
        return cls(values)


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
