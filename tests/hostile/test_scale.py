"""Time and memory grow with the input, not its square (issue 14)."""

from __future__ import annotations

import subprocess
import sys
import time

FEED_READER = r"""
import resource, sys
from pathlib import Path
from marsad.ingest.readers import read_feed
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
entries = sum(1 for _ in read_feed(Path(sys.argv[1])))
print(entries, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
"""


def test_a_large_feed_is_streamed_in_flat_memory(tmp_path):
    path = tmp_path / "big.xml"
    body = "Five civilians were killed in an airstrike on the market of Sarmada, the monitor said. " * 40
    with path.open("w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Monitor</title>\n')
        for n in range(12_000):  # about 45 MB
            handle.write(f"<item><title>Report {n}</title><guid>g{n}</guid><link>https://m.example/{n}</link>"
                         f"<pubDate>Thu, 04 Mar 2021 08:00:00 GMT</pubDate><description>{body}</description></item>\n")
        handle.write("</channel></rss>\n")
    assert path.stat().st_size > 40_000_000
    out = subprocess.run([sys.executable, "-c", FEED_READER, str(path)], check=True, capture_output=True,
                         text=True).stdout.split()
    entries, growth_mb = int(out[0]), int(out[1])
    assert entries == 12_000
    assert growth_mb < 60, f"reading a 45 MB feed grew the process by {growth_mb} MB"


def _cpu(text: str) -> float:
    from marsad.extract import extract_text

    best = float("inf")
    for _ in range(2):
        started = time.process_time()
        extract_text(text)
        best = min(best, time.process_time() - started)
    return best


def test_extraction_time_grows_linearly_with_a_single_line_report():
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2] / "bench"))
    from large_docs import document

    _cpu("On 3 May 2019, five civilians were killed in an airstrike on Idlib.")
    small, large = _cpu(document(20_000, single_line=True)), _cpu(document(80_000, single_line=True))
    # Four times the text: about four times the time; quadratic code took 16 times (or more).
    assert large / small < 8, f"20 KB: {small:.2f} s, 80 KB: {large:.2f} s"
