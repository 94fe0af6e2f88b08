"""CLI commands for the reconcile domain (thin adapters over marsad.reconcile):
``reconcile``, ``incidents show``, ``tally``, ``review pairs|same|different``, ``check``."""

from __future__ import annotations

import json
import sys

import click

from marsad.cli import cli
from marsad.cli.store import DATE, database_option, emit_rows, format_option


def _database(url):
    from marsad.store.db import open_database

    return open_database(url)


@cli.command("reconcile")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@database_option
def reconcile_command(output_format, database_url) -> None:
    """Link reports of the same incident across documents and sources, and
    update the count estimates and claimed totals. Safe to re-run: unchanged
    data changes nothing.

    \b
    Example:
        marsad reconcile
        marsad reconcile --format json
    """
    from marsad.reconcile import reconcile

    with _database(database_url).transaction() as session:
        summary = reconcile(session)
    if output_format == "json":
        click.echo(json.dumps(summary.to_dict(), indent=2))
        return
    click.echo(
        f"{summary.reports} reports → {summary.incidents} incidents ({summary.pairs_scored} pairs scored, "
        f"{summary.review_queue} uncertain for review); {summary.claims} claimed totals, {summary.derived_claims} derived; "
        f"{summary.changed} rows changed in {summary.seconds:.1f}s"
    )
    if summary.review_queue:
        click.echo("Review the uncertain pairs with: marsad review pairs")


@cli.group()
def incidents() -> None:
    """Reconciled incidents."""


@incidents.command("show")
@click.argument("incident_id", type=int)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@database_option
def incidents_show(incident_id, output_format, database_url) -> None:
    """One incident: every report of it, the counts each gave, the estimate and why.

    \b
    Example:
        marsad incidents show 1234
        marsad incidents show 1234 --format json
    """
    from marsad.reconcile import incident

    with _database(database_url).transaction() as session:
        view = incident(session, incident_id)
    if output_format == "json":
        click.echo(json.dumps(view, indent=2, default=str, ensure_ascii=False))
        return
    i = view["incident"]
    click.echo(f"Incident {i['id']}: {i['sub_event_type'] or i['event_type']} on {i['event_date']} in {i['location'] or '?'} ({i['admin1'] or '?'}); perpetrator {i['perpetrator'] or 'unstated'}")
    click.echo(f"{i['n_reports']} reports from {i['n_sources']} sources: {', '.join(i['sources'] or [])}")
    for e in view["estimates"]:
        click.echo(f"  {e['outcome']} {e['category']}: low {e['low']}, best {e['best']}, high {e['high']}{'+' if e['open_high'] else ''} — {e['why']}")
    for r in view["reports"]:
        counts = "; ".join(f"{_amount(c)} {c['group'] or c['victims'] or ''} {c['outcome']} «{c['evidence']}»" for c in r["counts"])
        mark = " [superseded]" if r["superseded"] else ""
        click.echo(f"  report {r['report']} {r['source']} {r['published']}{mark}: {counts or 'no count'}")
    for link in view["links"][:20]:
        why = ", ".join(f"{k} {v['level']} {v['log2_bf']:+.1f}" for k, v in link["contributions"].items())
        click.echo(f"  link {link['a']}–{link['b']} p={link['probability']:.3f} {link['status']}: {why}")


@cli.command("tally")
@click.option("--from", "date_from", type=DATE, help="First day (inclusive).")
@click.option("--to", "date_to", type=DATE, help="Last day (inclusive).")
@click.option("--area", help="Governorate, district or place (spelling-tolerant).")
@click.option("--by", "by", multiple=True, type=click.Choice(["day", "week", "month", "admin1", "admin2", "perpetrator", "victims", "outcome"]), help="Group by (repeatable).")
@click.option("--victims", help="civilians, combatants, unknown, children, women or combatants/<group>; default: all top-level categories.")
@click.option("--outcome", default="killed", show_default=True, help="killed (includes executions), injured, abducted … or 'all'.")
@click.option("--perpetrator", help="Only incidents of this perpetrator.")
@format_option
@database_option
def tally_command(date_from, date_to, area, by, victims, outcome, perpetrator, output_format, database_url) -> None:
    """Totals of reconciled incidents with low/best/high, incidents and sources.

    \b
    Example:
        marsad tally --from 2018-09-10 --to 2018-11-10 --area "Deir ez-Zor" --by month --by perpetrator --victims civilians
        marsad tally --by week --format csv
    """
    from marsad.reconcile import tally

    with _database(database_url).transaction() as session:
        rows = tally(session, date_from=date_from, date_to=date_to, area=area, by=list(by), victims=victims,
                     outcome=None if outcome == "all" else outcome, perpetrator=perpetrator)  # fmt: skip
    emit_rows([r.to_dict() for r in rows], [*by, "low", "best", "high", "incidents", "sources"], output_format)


@cli.command("check")
@click.option("--all", "show_all", is_flag=True, help="Also list the documented share of every claim.")
@format_option
@database_option
def check_command(show_all, output_format, database_url) -> None:
    """Check claimed totals: derive remainders, find sub-counts above their
    parent and claims below the documented incidents, report documented shares.
    Exits with 1 when a contradiction is found.

    \b
    Example:
        marsad check
        marsad check --all --format json
    """
    from marsad.reconcile import check

    with _database(database_url).transaction() as session:
        result = check(session)
    findings = [f for f in result.findings if show_all or f.kind != "coverage"]
    rows = [{"kind": f.kind, "claim": f.claim_key, "message": f.message, **({"figures": f.figures} if output_format == "json" else {})} for f in findings]
    columns = ["kind", "claim", "message"] + (["figures"] if output_format == "json" else [])
    if output_format == "table":
        for row in rows:
            click.echo(f"{row['kind']:<13} {row['claim']:<24} {row['message']}")
        click.echo(f"{result.claims} claims checked, {len(result.contradictions)} contradiction(s).")
    else:
        emit_rows(rows, columns, output_format)
    if result.contradictions:
        sys.exit(1)


@cli.group()
def review() -> None:
    """The review queue: uncertain links for a person to confirm or split."""


@review.command("pairs")
@click.option("--limit", type=int, default=50, show_default=True)
@format_option
@database_option
def review_pairs(limit, output_format, database_url) -> None:
    """Uncertain pairs of reports, closest to a coin toss first.

    \b
    Example:
        marsad review pairs
        marsad review confirm 12/E1 15/E2   # the same incident (alias: same)
        marsad review split 12/E1 15/E2     # different incidents (alias: different)
    """
    from marsad.reconcile import review_queue

    with _database(database_url).transaction() as session:
        rows = review_queue(session, limit=limit)
    emit_rows(rows, ["report_a", "report_b", "probability", "status", "why"], output_format)


def _decide(decision: str, report_a: str, report_b: str, by: str | None, note: str | None, database_url) -> None:
    from marsad.reconcile import decide

    with _database(database_url).transaction() as session:
        saved = decide(session, report_a, report_b, decision, decided_by=by, note=note)
    click.echo(f"Stored: {saved['report_key_a']} and {saved['report_key_b']} are {'the same incident' if decision == 'same' else 'different incidents'}. Run `marsad reconcile` to apply.")


def _register_decision(name: str, decision: str) -> None:
    meaning = "the same incident" if decision == "same" else "different incidents"

    @review.command(name, help=(
        f"Record a person's decision: REPORT_A and REPORT_B (report keys like 12/E1, or event ids) are {meaning}; "
        f"it always wins over the model. Applied at the next `marsad reconcile`.\n\n\b\nExample:\n    marsad review {name} 12/E1 15/E2 --by analyst1"
    ))  # fmt: skip
    @click.argument("report_a")
    @click.argument("report_b")
    @click.option("--by", help="Who decided (kept with the decision).")
    @click.option("--note", help="Why.")
    @database_option
    def command(report_a, report_b, by, note, database_url) -> None:
        _decide(decision, report_a, report_b, by, note, database_url)


for _name, _decision in (("same", "same"), ("confirm", "same"), ("different", "different"), ("split", "different")):
    _register_decision(_name, _decision)


def _amount(count: dict) -> str:
    """"dozens (counted as 12)", "at least 5", "7 (exact)": a vague quantity keeps its word."""
    if count.get("vague"):
        return f"{count['vague']} (counted as {count['count']})"
    return f"{count['count']} ({(count['qualifier'] or 'exact').replace('_', ' ')})"
