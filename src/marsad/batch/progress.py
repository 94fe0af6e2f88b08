"""A one-line progress report for long batches: documents/s, ETA, failures.

Written to stderr, at most once a second, only when asked (``--progress``)
or when stderr is a terminal; the ETA comes from the bytes of input done,
which the shard plan knows in advance.
"""

from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, total_bytes: int, *, enabled: bool, label: str = "documents", stream=None):
        self.total, self.enabled, self.label = max(total_bytes, 1), enabled, label
        self.stream = stream or sys.stderr
        self.documents = self.failures = self.done_bytes = 0
        self.started = self._shown = time.monotonic()

    def update(self, *, documents: int, failures: int, size: int) -> None:
        self.documents += documents
        self.failures += failures
        self.done_bytes += size
        now = time.monotonic()
        if self.enabled and now - self._shown >= 1.0:
            self._shown = now
            self.stream.write("\r" + self.line(now))
            self.stream.flush()

    def line(self, now: float | None = None) -> str:
        elapsed = max((now or time.monotonic()) - self.started, 1e-9)
        rate = self.documents / elapsed
        fraction = min(self.done_bytes / self.total, 1.0)
        eta = elapsed * (1 - fraction) / fraction if fraction else None
        left = "?" if eta is None else f"{int(eta // 60)}:{int(eta % 60):02d}"
        return (f"{self.documents} {self.label}, {rate:.1f}/s, {fraction:.0%} of input, ETA {left}, "
                f"{self.failures} failed ")  # fmt: skip

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + self.line() + "\n")
            self.stream.flush()
