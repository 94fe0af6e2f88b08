"""Export benchmark: N events (default 1,000,000) generated directly into a
SQLite database, exported in every layout; prints rows/s and peak memory.

Each export runs in its own process so that its peak resident memory
(``ru_maxrss``) is its own; a run at N/10 events shows whether memory is
flat in the number of events.

    python bench/export.py                 # 1,000,000 events
    python bench/export.py --events 50000  # quick look
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

LAYOUTS = ("acled", "ucdp-ged", "geojson", "parquet", "jsonl")
EVENTS_PER_DOCUMENT = 10
PLACES = [("Hajin", "Deir ez-Zor", 34.6951, 40.8314), ("As Susah", "Deir ez-Zor", 34.5337, 40.9582),
          ("Ariha", "Idlib", 35.8117, 36.6098), ("Tal Rifaat", "Aleppo", 36.4730, 37.0970),
          ("Mosul", "Nineveh", 36.3350, 43.1189), ("Daraa", "Daraa", 32.6189, 36.1021)]
TYPES = [("Battles", "Armed clash", "SDF", "ISIS"),
         ("Explosions/Remote violence", "Air/drone strike", "International Coalition", "ISIS"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Military Forces of Turkey", "SDF"),
         ("Violence against civilians", "Attack", "ISIS", "Civilians (Syria)"),
         ("Protests", "Peaceful protest", "Protesters (Syria)", None)]


def generate(path: Path, events: int) -> None:
    """Create the schema with marsad's migrations, then bulk-insert rows."""
    from marsad.store import open_database

    open_database(f"sqlite:///{path}").dispose()
    rng = random.Random(7)
    now = datetime(2026, 1, 1).isoformat(sep=" ")
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=OFF")
    connection.execute("PRAGMA synchronous=OFF")
    connection.executemany("INSERT INTO sources (id, name, reliability, confidential, created_at) VALUES (?,?,?,?,?)",
                           [(1, "Monitor A", "B", 0, now), (2, "Confidential Network", "C", 1, now)])
    documents = events // EVENTS_PER_DOCUMENT
    start = date(2018, 1, 1)
    for first in range(0, documents, 10_000):
        ids = range(first + 1, min(first + 10_000, documents) + 1)
        connection.executemany(
            "INSERT INTO documents (id, content_hash, source_id, url, title, published, published_inferred, text, "
            "char_count, version, is_current, ingested_at) VALUES (?,?,?,?,?,?,0,?,?,1,1,?)",
            [(i, f"{i:064x}", 1 + (i % 7 == 0), f"https://example.org/{i}", f"Report {i}",
              (start + timedelta(days=i % 2000)).isoformat(), f"Report {i} text.", 15, now) for i in ids])
        connection.executemany(
            "INSERT INTO extraction_runs (id, document_id, pipeline_name, pipeline_version, pipeline_hash, pipeline, "
            "is_current, created_at) VALUES (?,?,'bench','1','x','{}',1,?)", [(i, i, now) for i in ids])
        event_rows, casualty_rows = [], []
        for document in ids:
            for k in range(EVENTS_PER_DOCUMENT):
                event_id = (document - 1) * EVENTS_PER_DOCUMENT + k + 1
                place, admin1, lat, lon = PLACES[rng.randrange(len(PLACES))]
                event_type, sub_type, actor1, actor2 = TYPES[rng.randrange(len(TYPES))]
                deaths = 0 if event_type == "Protests" else rng.randrange(0, 12)
                day = (start + timedelta(days=(document + k) % 2000)).isoformat()
                event_rows.append((event_id, document, document, f"E{k + 1}", event_type, sub_type, day, day, day, 1,
                                   actor1, actor2, place, admin1, "Syria", lat, lon, 1, deaths, 0, k,
                                   f"{deaths} killed in {place}", 0, 20))
                if deaths:
                    victims = "civilians" if actor2 == "Civilians (Syria)" else "combatants"
                    casualty_rows.append((event_id, document, document, event_id, "C1", "killed", deaths, victims,
                                          actor2 if victims == "combatants" else None))
        connection.executemany(
            "INSERT INTO events (id, run_id, document_id, local_id, event_type, sub_event_type, event_date, date_start, "
            "date_end, date_precision, actor1, actor2, location, admin1, country, latitude, longitude, geo_precision, "
            "fatalities, injured, rank, span_text, span_start, span_end) VALUES "
            "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", event_rows)
        connection.executemany(
            "INSERT INTO casualties (id, run_id, document_id, event_id, local_id, outcome, count, victims, affiliation, "
            "is_tally) VALUES (?,?,?,?,?,?,?,?,?,0)", casualty_rows)
    connection.commit()
    connection.close()


def export_once(database: str, layout: str, out: str, public: bool) -> None:
    """Child process: export and print rows, seconds and peak memory as JSON."""
    from marsad.publish.export import export_events
    from marsad.store import open_database

    db = open_database(database)
    began = time.perf_counter()
    with db.reader() as session:
        rows = export_events(session, layout, out, public=public)
    seconds = time.perf_counter() - began
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"rows": rows, "seconds": seconds, "peak_mib": peak_mib, "bytes": Path(out).stat().st_size}))


def run_export(database: Path, layout: str, folder: Path, public: bool = False) -> dict:
    out = folder / f"events-{layout}{'-public' if public else ''}.out"
    command = [sys.executable, __file__, "--child", f"sqlite:///{database}", layout, str(out), str(int(public))]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    out.unlink()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--no-write", action="store_true", help="Do not update docs/benchmarks.md.")
    args = parser.parse_args()
    small = max(args.events // 10, EVENTS_PER_DOCUMENT)
    rows = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        peaks_small = {}
        for events, label in ((small, "small"), (args.events, "full")):
            database = folder / f"{label}.sqlite"
            began = time.perf_counter()
            generate(database, events)
            print(f"generated {events:,} events in {time.perf_counter() - began:.0f} s "
                  f"({database.stat().st_size / 2**20:.0f} MiB)", flush=True)
            for layout in LAYOUTS:
                figures = run_export(database, layout, folder)
                if label == "small":
                    peaks_small[layout] = figures["peak_mib"]
                    continue
                rate = figures["rows"] / figures["seconds"]
                print(f"{layout:9} {figures['rows']:>9,} rows  {rate:>9,.0f} rows/s  peak {figures['peak_mib']:.0f} MiB "
                      f"(at {small:,} events: {peaks_small[layout]:.0f} MiB)  {figures['bytes'] / 2**20:.0f} MiB written",
                      flush=True)
                rows.append((layout, figures, rate, peaks_small[layout]))
            if label == "full":
                public = run_export(database, "acled", folder, public=True)
                print(f"acled --public: {public['rows'] / public['seconds']:,.0f} rows/s, peak {public['peak_mib']:.0f} MiB")
    table = [f"`bench/export.py`: {args.events:,} generated events (10 per document, casualty rows for the fatal "
             "ones) in a SQLite file, each layout exported by `marsad.publish.export.export_events` in its own "
             f"process. Peak memory is the process's maximum resident set; the second figure is the same export "
             f"of {small:,} events, to show memory does not grow with the event count.", "",
             f"| layout | rows | rows/s | peak memory (MiB) | peak at {small:,} events (MiB) | output (MiB) |",
             "|---|---:|---:|---:|---:|---:|"]
    for layout, figures, rate, small_peak in rows:
        table.append(f"| {layout} | {figures['rows']:,} | {rate:,.0f} | {figures['peak_mib']:.0f} | {small_peak:.0f} | "
                     f"{figures['bytes'] / 2**20:.0f} |")
    table.append("")
    table.append("UCDP GED writes only organised violence (Battles, Explosions/Remote violence, Violence against "
                 "civilians), hence fewer rows.")
    if not args.no_write:
        from _report import write_section

        write_section("export", "## Export\n\n" + "\n".join(table))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        export_once(sys.argv[2], sys.argv[3], sys.argv[4], bool(int(sys.argv[5])))
    else:
        main()
