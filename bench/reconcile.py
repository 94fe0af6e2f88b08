"""Reconciliation benchmark against simulated ground truth (bench/simulate.py).

1. The simulated reports are ingested through marsad's real ingest into a
   fresh SQLite database, with (a) marsad's extractor over the text and (b)
   an oracle extractor that returns the facts the simulator wrote (so that
   linkage and estimation are measured apart from extraction errors).
2. ``marsad.reconcile.reconcile`` runs over each; we print pairwise and
   B-cubed precision/recall of the incident clusters, the error of monthly
   tallies' best estimates per governorate, the share of incidents whose
   true count lies in low–high, and the run time; then a second reconcile
   to show it changes nothing.
3. Scale: facts of 100,000 documents and more (generated directly) through the
   linkage + clustering + estimation core.

    python bench/reconcile.py [--incidents 3000] [--scale 100000 300000 1000000] [--max-gb 8] [--skip-text]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from simulate import KINDS, SOURCES, TOWNS, SimDocument, simulate, simulate_stream  # noqa: E402

from marsad import model as m  # noqa: E402

GRADES = {p.name: p.grade for p in SOURCES}


# ------------------------------------------------------------------ oracle facts


def oracle_extraction(doc: SimDocument, incidents: dict, rng: random.Random) -> m.Extraction:
    """The facts a perfect extractor would read: places as written (resolved
    only when the canonical spelling is used), counts with their qualifiers."""
    events, casualties = [], []
    for index, (mention, (start, end)) in enumerate(zip(doc.mentions, doc.spans), 1):
        inc = incidents[mention.incident]
        town = TOWNS[inc.town]
        event_type, sub, *_ = KINDS[inc.kind]
        resolved = mention.place_text == town[0]
        span = m.Span(start, end, doc.text[start:end])
        low = 12 if mention.qualifier == "vague" else mention.count
        c = m.Casualty(
            id=f"C{index}", outcome="killed", count=mention.count, low=low, high=None if mention.qualifier != "exact" else mention.count,
            qualifier="at_least" if mention.qualifier == "at_least" else ("exact" if mention.qualifier == "exact" else None),
            vague="dozens" if mention.qualifier == "vague" else None, victims=inc.victims,
            affiliation=inc.affiliation, perpetrator=[inc.perpetrator], span=span, period=m.DateValue(inc.day, inc.day, 1),
        )  # fmt: skip
        ids = [c.id]
        casualties.append(c)
        if mention.children:
            casualties.append(m.Casualty(id=f"C{index}k", outcome="killed", count=mention.children, low=mention.children, high=mention.children,
                                         victims="civilians", victim_group="children", part_of=c.id, span=span))  # fmt: skip
            ids.append(f"C{index}k")
        events.append(m.Event(
            id=f"E{index}", event_type=event_type, sub_event_type=sub, event_date=inc.day, date=m.DateValue(inc.day, inc.day, 1),
            actor1=inc.perpetrator, actor2=inc.affiliation, location=town[0] if resolved else mention.place_text, admin1=town[2],
            admin2=town[3] if resolved else None, country="Syria", latitude=town[4] if resolved else None,
            longitude=town[5] if resolved else None, fatalities=mention.count, casualty_ids=ids, span=span,
        ))  # fmt: skip
    for index, claim in enumerate(doc.claims, 1):
        start_day, end_day = (date.fromisoformat(d) for d in claim["period"])
        period = m.DateValue(start_day, end_day, 4)
        events.append(m.Event(id=f"E{len(events) + 1}", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                              date=period, admin1=claim["admin1"], country="Syria", casualty_ids=[f"T{index}", f"T{index}k"]))  # fmt: skip
        casualties.append(m.Casualty(id=f"T{index}", outcome="killed", count=claim["civilians"], victims="civilians", period=period, is_tally=True))
        casualties.append(m.Casualty(id=f"T{index}k", outcome="killed", count=claim["children"], victims="civilians", victim_group="children", part_of=f"T{index}", period=period, is_tally=True))  # fmt: skip
    return m.Extraction(document_id=doc.id, published=doc.published, source=doc.source, language="en", events=events,
                        casualties=casualties, pipeline={"name": "sim-oracle", "version": "1"})  # fmt: skip


def ingest(db, documents: list[SimDocument], incidents: dict, oracle: bool):
    from marsad.ingest import IngestOptions, RawDocument, ingest_documents
    from marsad.store import repository as repo

    with db.transaction() as session:
        for profile in SOURCES:
            repo.get_or_create_source(session, profile.name, reliability=profile.grade)
    by_id = {d.id: d for d in documents}
    rng = random.Random(1)
    extractor = None
    if oracle:

        def extractor(document):
            return oracle_extraction(by_id[document.raw.external_id], incidents, rng)

    raws = [RawDocument(origin=f"sim:{d.id}", input_format="text", text=d.text, published=d.published, source=d.source, external_id=d.id) for d in documents]
    return ingest_documents(db, raws, IngestOptions(languages=None), extractor=extractor)


# ------------------------------------------------------------------ metrics


def bcubed(truth: dict, predicted: dict) -> tuple[float, float]:
    """B-cubed precision and recall over the items both maps hold."""
    items = [i for i in truth if i in predicted]
    by_true, by_pred = defaultdict(set), defaultdict(set)
    for i in items:
        by_true[truth[i]].add(i)
        by_pred[predicted[i]].add(i)
    precision = recall = 0.0
    for i in items:
        same_pred, same_true = by_pred[predicted[i]], by_true[truth[i]]
        both = len(same_pred & same_true)
        precision += both / len(same_pred)
        recall += both / len(same_true)
    return precision / len(items), recall / len(items)


def pairwise(truth: dict, predicted: dict) -> tuple[float, float]:
    def pairs(assign):
        groups = defaultdict(list)
        for i, g in assign.items():
            if i in truth and i in predicted:
                groups[g].append(i)
        return {(a, b) for members in groups.values() for x, a in enumerate(sorted(members)) for b in sorted(members)[x + 1 :]}

    t, p = pairs(truth), pairs(predicted)
    return (len(t & p) / len(p) if p else 1.0), (len(t & p) / len(t) if t else 1.0)


AREA_ALIASES = {"rural damascus": "Rif Dimashq", "raqqa": "Ar-Raqqah", "hasakah": "Al-Hasakah", "deir ezzor": "Deir ez-Zor", "dara": "Daraa"}


def area_label(name: str | None) -> str:
    from marsad.reconcile.linkage import place_key

    if not name:
        return "?"
    canonical = AREA_ALIASES.get(name.lower().replace("al-", "").replace("ar-", "").strip(), name)
    return place_key(canonical) or "?"


def truth_of_events(session, documents: dict[str, SimDocument], incidents: dict) -> dict[int, int]:
    """event id → true incident. Each simulated mention claims the document's
    event that fits it best (same place, then same date, then order); events
    left over are extraction surplus and are not scored."""
    from sqlalchemy import select

    from marsad.reconcile.linkage import place_key
    from marsad.store.models import Document, Event, ExtractionRun

    by_document = defaultdict(list)
    rows = session.execute(select(Event, Document.external_id).join(Document, Event.document_id == Document.id).join(ExtractionRun, Event.run_id == ExtractionRun.id)
                           .where(ExtractionRun.is_current.is_(True)).order_by(Event.id))  # fmt: skip
    for event, external_id in rows:
        by_document[external_id].append(event)
    out = {}
    for external_id, events in by_document.items():
        doc = documents.get(external_id)
        if doc is None or not doc.mentions:
            continue
        free = list(events)
        for mention in doc.mentions:
            inc = incidents[mention.incident]
            town = TOWNS[inc.town]
            keys = {place_key(v) for v in [town[0], *town[1], mention.place_text]}
            scored = [((place_key(e.location) in keys) * 2 + (e.event_date == inc.day), -index, e) for index, e in enumerate(free)]
            if not scored:
                break
            score, _, event = max(scored, key=lambda t: (t[0], t[1]))
            if score == 0 and len(doc.mentions) > 1:
                continue
            out[event.id] = mention.incident
            free.remove(event)
    return out


def evaluate(db, documents: list[SimDocument], incidents: dict) -> dict:
    from sqlalchemy import select

    from marsad.reconcile import tally
    from marsad.reconcile.models import IncidentEstimate, IncidentReport

    with db.transaction() as session:
        truth = truth_of_events(session, {d.id: d for d in documents}, incidents)
        predicted = dict(session.execute(select(IncidentReport.event_id, IncidentReport.incident_id)).all())
        estimates = {(e.incident_id, e.category): e for e in session.scalars(select(IncidentEstimate).where(IncidentEstimate.outcome == "killed"))}
        rows = tally(session, by=["month", "admin1"], victims="civilians")
    bp, br = bcubed(truth, predicted)
    pp, pr = pairwise(truth, predicted)
    inside = total = 0
    members = defaultdict(list)
    for event_id, incident_id in truth.items():
        if event_id in predicted:
            members[incident_id].append(predicted[event_id])
    for incident_id, clusters in members.items():
        inc = incidents[incident_id]
        cluster = Counter(clusters).most_common(1)[0][0]
        estimate = estimates.get((cluster, inc.victims))
        total += 1
        inside += bool(estimate and estimate.low <= inc.killed <= estimate.high)
    true_tally = Counter()
    for inc in incidents.values():
        if inc.victims == "civilians":
            true_tally[(f"{inc.day:%Y-%m}", area_label(TOWNS[inc.town][2]))] += inc.killed
    found = Counter()
    for r in rows:  # the gazetteer may name a governorate differently ("Rural Damascus")
        found[(r.group["month"], area_label(r.group["admin1"]))] += r.best
    errors = [abs(found[key] - truth_value) / truth_value for key, truth_value in true_tally.items()]
    sum_best, sum_true = sum(found.values()), sum(true_tally.values())
    return {
        "reports_mapped": len(truth), "reports_linked": len(predicted),
        "bcubed_p": bp, "bcubed_r": br, "bcubed_f1": 2 * bp * br / (bp + br), "pairwise_p": pp, "pairwise_r": pr,
        "in_range": inside / max(1, total), "incidents_scored": total,
        "tally_mape": sum(errors) / max(1, len(errors)), "tally_total_error": (sum_best - sum_true) / max(1, sum_true),
    }  # fmt: skip


def run_db(label: str, documents, incidents, oracle: bool) -> dict:
    from marsad.reconcile import check, reconcile
    from marsad.store import open_database

    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(f"sqlite:///{tmp}/bench.sqlite")
        started = time.perf_counter()
        summary = ingest(db, documents, incidents, oracle)
        ingest_s = time.perf_counter() - started
        started = time.perf_counter()
        with db.transaction() as session:
            first = reconcile(session)
        reconcile_s = time.perf_counter() - started
        with db.transaction() as session:
            again = reconcile(session)
        with db.transaction() as session:
            result = check(session)
        for finding in result.contradictions[:5]:
            print("contradiction:", finding.message, flush=True)
        shares = [f.figures["documented_share"] for f in result.findings if f.kind == "coverage" and f.figures.get("documented_share") is not None]
        metrics = evaluate(db, documents, incidents)
        db.dispose()
    metrics.update({
        "label": label, "documents": len(documents), "ingest_s": ingest_s, "reconcile_s": reconcile_s,
        "reports": first.reports, "incidents_found": first.incidents, "review_queue": first.review_queue,
        "rerun_changes": again.changed, "claims": result.claims, "contradictions": len(result.contradictions),
        "median_documented_share": sorted(shares)[len(shares) // 2] if shares else None, "ingest_failed": summary.failed,
    })  # fmt: skip
    return metrics


# ------------------------------------------------------------------ scale


def reports_from_simulation(documents: Iterable[SimDocument], incidents: dict) -> tuple[list, dict]:
    """The linkage inputs the oracle facts would give, built without a database
    (``documents`` may be a stream: none is held)."""
    from marsad.reconcile.estimates import figures_of_report
    from marsad.reconcile.linkage import Report, evidence_words

    rng = random.Random(1)
    reports, truth = [], {}
    for doc_index, doc in enumerate(documents, 1):
        if not doc.mentions:
            continue
        extraction = oracle_extraction(doc, incidents, rng)
        by_event = defaultdict(list)
        for c in extraction.casualties:
            by_event[c.id.rstrip("k")].append({"id": c.id, "part_of": c.part_of, "outcome": c.outcome, "count": c.count, "low": c.low, "high": c.high,
                                              "qualifier": c.qualifier, "vague": c.vague, "victims": c.victims, "victim_group": c.victim_group, "affiliation": c.affiliation})  # fmt: skip
        for event, mention in zip(extraction.events, doc.mentions):
            uid = len(reports) + 1
            key = f"{doc_index}/{event.id}"
            casualties = by_event[event.casualty_ids[0]]
            figures = figures_of_report(key, doc.source, GRADES[doc.source], doc.published.toordinal(), doc_index, casualties)
            killed = [f for f in figures if "/" not in f.category and f.category in ("civilians", "combatants", "unknown")]
            reports.append(Report(
                uid=uid, key=key, document_id=doc_index, source=doc.source, reliability=GRADES[doc.source], published=doc.published.toordinal(),
                day=event.event_date.toordinal(), location=event.location, latitude=event.latitude, longitude=event.longitude, admin1=event.admin1,
                admin2=event.admin2, country="Syria", event_type=event.event_type, sub_event_type=event.sub_event_type,
                actors=[a for a in (event.actor1, event.actor2) if a], killed=sum(f.best for f in killed), killed_low=sum(f.low for f in killed),
                killed_high=None if any(f.high is None for f in killed) else sum(f.high for f in killed), words=evidence_words(event.span.text),
                counts=[f.__dict__ for f in figures], perpetrators=[event.actor1],
            ))  # fmt: skip
            truth[uid] = mention.incident
    return reports, truth


def scale_run(n_documents: int) -> dict:
    """Reports built directly from simulated mentions (no text, no database),
    linked by ``link_reports`` (a month at a time). Peak memory is measured
    twice: building the simulation and its reports, then the linkage alone
    (the kernel's high-water mark is reset in between)."""
    import os

    from marsad.reconcile.service import link_reports

    n_incidents = int(n_documents / 1.68)
    started = time.perf_counter()
    incidents, stream = simulate_stream(n_incidents, days=365 * 3, seed=11)
    documents = _Counted(stream)  # streamed: a million documents' texts held at once were ~6 GB
    reports, truth = reports_from_simulation(documents, {i.id: i for i in incidents})
    n_docs, months = documents.count, len({date.fromordinal(r.day).strftime("%Y-%m") for r in reports})
    del incidents, documents, stream  # the linkage's memory, not the simulation's
    prepared, prepare_peak = time.perf_counter() - started, _peak_mb(reset=True)
    started, cpu = time.perf_counter(), time.process_time()
    linked = link_reports(reports)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu  # CPU of all threads (DuckDB's too)
    predicted = {uid: index for index, draft in enumerate(linked.drafts) for uid in draft.report_uids}
    bp, br = bcubed(truth, predicted)
    return {"documents": n_docs, "reports": len(reports), "reports_per_month": len(reports) / months, "pairs": linked.pairs_scored,
            "pairs_kept": len(linked.pairs), "incidents": len(linked.drafts), "seconds": seconds, "cpu_s": cpu, "prepare_s": prepared,
            "bcubed_f1": 2 * bp * br / (bp + br), "bcubed_p": bp, "bcubed_r": br, "prepare_peak_mb": prepare_peak,
            "peak_mb": _peak_mb(), "load": os.getloadavg()[1]}  # fmt: skip


class _Counted:
    """An iterable that counts what it gave."""

    def __init__(self, items: Iterable):
        self.items, self.count = items, 0

    def __iter__(self):
        for item in self.items:
            self.count += 1
            yield item


def _peak_mb(reset: bool = False) -> float:
    """This process's peak resident memory (VmHWM) in MB; ``reset`` starts a new peak after reading."""
    status = Path("/proc/self/status").read_text()
    peak = int(status.split("VmHWM:")[1].split()[0]) / 1024
    if reset:
        Path("/proc/self/clear_refs").write_text("5")
    return peak


def scale_child(n_documents: int, max_gb: float) -> dict:
    """:func:`scale_run` in a child process (each size's peak memory its own),
    stopped once its resident memory passes ``max_gb``."""
    import json
    import subprocess

    child = subprocess.Popen([sys.executable, "-P", __file__, "--scale-one", str(n_documents)], stdout=subprocess.PIPE, text=True)
    peak = 0.0
    while child.poll() is None:
        try:
            rss = int(Path(f"/proc/{child.pid}/statm").read_text().split()[1]) * 4096 / 2**20
        except (FileNotFoundError, ProcessLookupError):
            break
        peak = max(peak, rss)
        if rss > max_gb * 1024:
            child.kill()
            child.wait()
            return {"documents": n_documents, "stopped_mb": peak}
        time.sleep(0.5)
    lines = (child.stdout.read() if child.stdout else "").strip().splitlines()
    if child.wait() != 0 or not lines:
        return {"documents": n_documents, "failed": child.returncode, "stopped_mb": peak}
    return json.loads(lines[-1])


def scale_table(rows: list[dict]) -> str:
    lines = ["| documents | reports | reports per month | scored pairs | pairs per report | linkage CPU s | linkage wall s | peak RSS, linkage | peak RSS, simulation | B-cubed F1 | load avg |",
             "|" + "---|" * 11]  # fmt: skip
    for r in rows:
        if "stopped_mb" in r:
            lines.append(f"| {r['documents']:,} | | | | | | stopped | > {r['stopped_mb'] / 1024:.1f} GB | | | |")
            continue
        lines.append(f"| {r['documents']:,} | {r['reports']:,} | {r['reports_per_month']:,.0f} | {r['pairs']:,} | {r['pairs'] / r['reports']:.1f} | "
                     f"{r['cpu_s']:.0f} | {r['seconds']:.0f} | {r['peak_mb'] / 1024:.2f} GB | {r['prepare_peak_mb'] / 1024:.2f} GB | {r['bcubed_f1']:.3f} | {r['load']:.1f} |")  # fmt: skip
    return "\n".join(lines)


def scale_db_run(n_documents: int) -> dict:
    """The full path at scale: oracle facts of ``n_documents`` ingested into
    SQLite through marsad's ingest, then ``reconcile(session)`` and a re-run."""
    from marsad.reconcile import reconcile
    from marsad.store import open_database

    incidents, documents = simulate(int(n_documents / 1.68), days=365 * 3, seed=11)
    by_id = {i.id: i for i in incidents}
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(f"sqlite:///{tmp}/scale.sqlite")
        started = time.perf_counter()
        ingest(db, documents, by_id, oracle=True)
        ingest_s = time.perf_counter() - started
        started = time.perf_counter()
        with db.transaction() as session:
            first = reconcile(session)
        reconcile_s = time.perf_counter() - started
        started = time.perf_counter()
        with db.transaction() as session:
            again = reconcile(session)
        rerun_s = time.perf_counter() - started
        db.dispose()
    return {"documents": len(documents), "reports": first.reports, "incidents": first.incidents, "pairs": first.pairs_scored,
            "ingest_s": ingest_s, "reconcile_s": reconcile_s, "rerun_s": rerun_s, "rerun_changes": again.changed}  # fmt: skip


def table(results: list[dict]) -> str:
    lines = ["| run | documents | reports | incidents (true) | B-cubed P / R / F1 | pairwise P / R | true count in low–high | monthly tally error (MAPE) | total error | reconcile s | re-run changes | claims / contradictions |", "|" + "---|" * 12]
    for r in results:
        lines.append(
            f"| {r['label']} | {r['documents']:,} | {r['reports']:,} | {r['incidents_found']:,} ({r['true_incidents']:,}) | "
            f"{r['bcubed_p']:.3f} / {r['bcubed_r']:.3f} / **{r['bcubed_f1']:.3f}** | {r['pairwise_p']:.3f} / {r['pairwise_r']:.3f} | "
            f"**{r['in_range']:.3f}** | {r['tally_mape']:.3f} | {r['tally_total_error']:+.3f} | {r['reconcile_s']:.1f} | {r['rerun_changes']} | {r['claims']} / {r['contradictions']} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--incidents", type=int, default=3000)
    parser.add_argument("--scale", type=int, nargs="*", default=[100_000], help="documents for the scale runs (none to skip)")
    parser.add_argument("--max-gb", type=float, default=8.0, help="stop a scale run whose memory passes this")
    parser.add_argument("--scale-one", type=int, help=argparse.SUPPRESS)  # one scale run, printed as JSON (scale_child)
    parser.add_argument("--skip-text", action="store_true", help="skip the run through marsad's extractor")
    parser.add_argument("--scale-db", type=int, default=0, help="also ingest this many documents' oracle facts into SQLite and time reconcile over them")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    if args.scale_one:
        import json

        print(json.dumps(scale_run(args.scale_one)), flush=True)
        return
    incidents, documents = simulate(args.incidents)
    by_id = {i.id: i for i in incidents}
    results = []
    runs = [("oracle facts", True)] + ([] if args.skip_text else [("marsad extractor", False)])
    for label, oracle in runs:
        result = run_db(label, documents, by_id, oracle)
        result["true_incidents"] = len(incidents)
        print(result, flush=True)
        results.append(result)
    scale = []
    for n_documents in args.scale:
        scale.append(scale_child(n_documents, args.max_gb))
        print(scale[-1], flush=True)
    scale_db = scale_db_run(args.scale_db) if args.scale_db else None
    if scale_db:
        print(scale_db, flush=True)
    markdown = [
        f"`python bench/reconcile.py`: {args.incidents:,} simulated incidents over 180 days and {len(TOWNS)} towns in 8 governorates, reported by {len(SOURCES)} sources "
        "(coverage 30–80%, delays 0–4 days, spelling variants, \"at least\" and vague counts, toll updates, daily round-ups, monthly cumulative bulletins), "
        "ingested through marsad's ingest into SQLite, then `reconcile`. *Oracle facts*: the extractor returns the facts the simulator wrote "
        "(measures linkage and estimation alone); *marsad extractor*: the real pipeline over the text.",
        "",
        table(results),
        "",
        "Targets: B-cubed F1 ≥ 0.95; true count inside low–high for ≥ 95% of incidents; reconcile of 100,000 documents' facts < 5 min.",
    ]
    if scale:
        markdown += ["", "Scale (`--scale N …`): facts of N documents generated directly over three years (no text, no database), each size in its own "
                     "process, linked, clustered and estimated by `link_reports` one calendar month at a time; CPU seconds count all threads "
                     "(DuckDB's too); peak RSS is the linkage's own, after the simulation's (reset in between); the load average is the machine's "
                     "over the run's last 5 minutes.", "", scale_table(scale)]  # fmt: skip
    if scale_db:
        markdown += ["", f"Scale through the database: {scale_db['documents']:,} documents' oracle facts ingested into SQLite ({scale_db['ingest_s']:.0f} s), "
                     f"then `reconcile`: {scale_db['reports']:,} reports → {scale_db['incidents']:,} incidents in **{scale_db['reconcile_s']:.0f} s** "
                     f"(load, link, estimate, write); re-run {scale_db['rerun_s']:.0f} s with {scale_db['rerun_changes']} rows changed."]  # fmt: skip
    if not args.no_write:
        from _report import write_section

        write_section("reconcile", "\n".join(markdown))
    print("\n".join(markdown))


if __name__ == "__main__":
    main()
