"""CLI commands for the gazetteer domain (thin adapters over marsad.gazetteer)."""

from __future__ import annotations

import json
import sys

import click

from marsad.cli import cli

LAYOUTS = ("geonames", "ocha", "acled", "ucdp")


@cli.group()
def gazetteer() -> None:
    """Places: import gazetteers and coded archives, look names up.

    \b
    Example:
        marsad gazetteer import SY.txt IQ.txt
        marsad gazetteer lookup "Albu Badran" --near "Deir ez-Zor"
    """


@gazetteer.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--layout", type=click.Choice(LAYOUTS), default="geonames", show_default=True,
              help="geonames: GeoNames dump (SY.txt); ocha: OCHA populated places CSV; "
                   "acled / ucdp: learn places from a coded event archive.")
def import_command(files: tuple[str, ...], layout: str) -> None:
    """Import places into the local gazetteer index (idempotent).

    \b
    Example:
        marsad gazetteer import SY.txt IQ.txt
        marsad gazetteer import syr_pplp.csv --layout ocha
        marsad gazetteer import my-archive.csv --layout acled
    """
    from marsad.gazetteer.importers import import_files

    for report in import_files(list(files), layout=layout):
        state = "unchanged (already imported)" if report.skipped else f"{report.places} places, {report.names} names"
        click.echo(f"{report.path}: {state}")


@gazetteer.command("lookup")
@click.argument("name")
@click.option("--near", help="A place the name should be near (its governorate and surroundings).")
@click.option("--country", help="ISO country code the place should be in, e.g. SY.")
@click.option("--limit", default=5, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def lookup_command(name: str, near: str | None, country: str | None, limit: int, fmt: str) -> None:
    """Rank the gazetteer entries a place name may refer to.

    \b
    Example:
        marsad gazetteer lookup "Albu Badran" --near "Deir ez-Zor"
        marsad gazetteer lookup Hajin --country SY --format json
    """
    from marsad.gazetteer.resolve import lookup

    rows = [
        {"name": r.place.name, "country": r.place.country, "admin1": r.place.admin1,
         "latitude": r.place.latitude, "longitude": r.place.longitude, "feature": r.place.feature,
         "population": r.place.population, "source": r.place.source, "id": r.place.id,
         "score": round(r.score, 2), "fuzzy": r.fuzzy}
        for r in lookup(name, near=near, country=country, limit=limit)
    ]
    if not rows and fmt == "table":
        click.echo(f"No place matches {name!r}. Import a fuller gazetteer: marsad gazetteer import SY.txt", err=True)
        sys.exit(1)
    _emit(rows, fmt)


@gazetteer.command("stats")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats_command(fmt: str) -> None:
    """Show what the gazetteer index holds and which files were imported.

    \b
    Example:
        marsad gazetteer stats
    """
    from marsad.gazetteer.index import default_gazetteer

    stats = default_gazetteer().stats()
    if fmt == "json":
        click.echo(json.dumps(stats, indent=2))
        return
    click.echo(f"user index:    {stats['user_index']}")
    click.echo(f"bundled index: {stats['bundled_index']}")
    for schema in ("main", "bundled"):
        if schema in stats:
            for source, count in stats[schema]["places_by_source"].items():
                click.echo(f"  {source:<12} {count:>9} places")
    for entry in stats["imports"]:
        click.echo(f"  imported {entry['path']} ({entry['layout']}, {entry['places']} places, {entry['imported_at']})")


def _emit(rows: list[dict], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        from marsad import csvsafe

        writer = csvsafe.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["name"])
        writer.writeheader()
        writer.writerows(rows)
    else:
        for row in rows:
            fuzzy = " (fuzzy)" if row["fuzzy"] else ""
            click.echo(
                f"{row['score']:>6}  {row['name']}, {row['admin1'] or '-'}, {row['country']}  "
                f"({row['latitude']:.4f}, {row['longitude']:.4f})  {row['feature']} {row['source']}{fuzzy}"
            )
