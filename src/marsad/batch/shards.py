"""Input cut into shards: the unit of work of a distributed batch.

A JSON Lines file is cut at line ends into byte ranges of about
:data:`SHARD_BYTES`; other files (text, HTML, feeds, JSON, CSV) are read whole
by their reader and grouped, in order, until a group reaches the same size.
A shard's key is the SHA-256 of its bytes, its file names and a caller's
context (options and pipeline version), so the same input under the same
options always gives the same keys: a re-run recognises what it stored.

Planning reads every input once (hashing runs at disk speed, far faster
than extraction); workers read their ranges again from the same paths, so
a remote cluster needs the files at the same paths (a shared file system).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from marsad.ingest.readers import CsvOptions, RawDocument, ReadFailure, format_of, jsonl_document, read_paths

SHARD_BYTES = 512 << 10  # about 250 reports of 2,000 characters, seconds of one core: no worker waits long at the end
MAX_FILES_PER_SHARD = 2_000


@dataclass(frozen=True)
class Part:
    """A whole file (``end`` None) or lines ``first_line``… of a JSON Lines file, bytes [start, end)."""

    path: str
    start: int = 0
    end: int | None = None
    first_line: int = 1

    @property
    def origin(self) -> str:
        return self.path if self.end is None else f"{self.path}@{self.start}-{self.end}"


@dataclass(frozen=True)
class Shard:
    index: int  # position in input order
    parts: tuple[Part, ...]
    key: str
    size: int  # bytes, for progress and ETA

    @property
    def origin(self) -> str:
        first = self.parts[0].origin
        return first if len(self.parts) == 1 else f"{first} (+{len(self.parts) - 1} files)"


def plan_shards(paths: Iterable[Path], *, context: str = "", shard_bytes: int | None = None) -> list[Shard]:
    """Shards covering ``paths`` in order (see the module docstring)."""
    shard_bytes = shard_bytes or SHARD_BYTES
    shards: list[Shard] = []
    group: list[tuple[Part, bytes]] = []

    def close_group() -> None:
        if group:
            shards.append(_shard(len(shards), group, context))
            group.clear()

    for path in paths:
        if format_of(path) == "jsonl":
            close_group()
            for part, data in _jsonl_parts(path, shard_bytes):
                shards.append(_shard(len(shards), [(part, data)], context))
            continue
        group.append((Part(str(path)), _file_digest(path)))
        if sum(_size(p) for p, _ in group) >= shard_bytes or len(group) >= MAX_FILES_PER_SHARD:
            close_group()
    close_group()
    return shards


def read_shard(shard: Shard, csv_options: CsvOptions | None = None) -> Iterator[RawDocument | ReadFailure]:
    """The shard's documents, exactly as :func:`marsad.ingest.readers.read_paths` reads them."""
    for part in shard.parts:
        if part.end is None:
            yield from read_paths([Path(part.path)], csv_options=csv_options)
            continue
        try:
            with open(part.path, "rb") as handle:
                handle.seek(part.start)
                data = handle.read(part.end - part.start)
        except OSError as error:
            yield ReadFailure(part.origin, error)
            continue
        for number, line in enumerate(data.split(b"\n"), start=part.first_line):
            if line.strip():
                yield jsonl_document(line, f"{part.path}:{number}")


def _jsonl_parts(path: Path, shard_bytes: int) -> Iterator[tuple[Part, bytes]]:
    """Byte ranges of about ``shard_bytes`` that end at a line end (a line is never cut)."""
    start, line, pending = 0, 1, b""
    with open(path, "rb") as handle:
        while block := handle.read(shard_bytes):
            pending += block
            cut = pending.rfind(b"\n")
            if cut < 0:
                continue
            piece, pending = pending[: cut + 1], pending[cut + 1 :]
            yield Part(str(path), start, start + len(piece), line), piece
            start, line = start + len(piece), line + piece.count(b"\n")
    if pending:
        yield Part(str(path), start, start + len(pending), line), pending


def _file_digest(path: Path) -> bytes:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
    except OSError:
        pass  # the reader reports it, with the file's name, when the shard runs
    return digest.digest()


def _size(part: Part) -> int:
    if part.end is not None:
        return part.end - part.start
    try:
        return Path(part.path).stat().st_size
    except OSError:
        return 0


def _shard(index: int, parts: list[tuple[Part, bytes]], context: str) -> Shard:
    digest = hashlib.sha256(context.encode("utf-8"))
    for part, data in parts:
        digest.update(f"\x00{part.path}\x00{part.start}\x00{part.first_line}\x00".encode())
        digest.update(hashlib.sha256(data).digest() if part.end is not None else data)
    return Shard(index, tuple(p for p, _ in parts), digest.hexdigest(), sum(_size(p) for p, _ in parts))
