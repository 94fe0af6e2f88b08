"""Charts with matplotlib (Agg backend, no display needed).

``marsad chart deaths --by perpetrator --weekly -o deaths.png`` draws deaths
per week (or day/month) stacked by perpetrator (the event's actor1, the
party that acted), event type, admin1 area or country; the figures are the
events' best fatality estimates. ``.png`` and ``.svg`` are chosen by suffix.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from marsad.errors import InputError
from marsad.publish.records import EventRecord

GROUPINGS = {
    "perpetrator": lambda r: r.actor1 or "Unidentified",
    "event-type": lambda r: r.event_type or "Unknown",
    "area": lambda r: r.admin1 or "Unknown",
    "country": lambda r: r.country or "Unknown",
}
FREQUENCIES = {"daily": "D", "weekly": "W-MON", "monthly": "MS"}
TOP_GROUPS = 8
CHART_SUFFIXES = (".png", ".svg", ".pdf")


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def deaths_table(records: Iterable[EventRecord], *, by: str, frequency: str):
    """A pandas table: one row per period, one column per group (the top
    groups by deaths; the rest summed as "Other")."""
    import pandas as pd

    if by not in GROUPINGS:
        raise InputError(f"Unknown grouping {by!r}: use one of {', '.join(GROUPINGS)}.")
    key = GROUPINGS[by]
    totals: dict[tuple, int] = defaultdict(int)
    for record in records:
        if record.event_date and record.fatalities:
            totals[(pd.Timestamp(record.event_date), key(record))] += record.fatalities
    if not totals:
        return pd.DataFrame()
    frame = pd.Series(totals).rename_axis(["date", "group"]).rename("deaths").reset_index()
    table = frame.pivot_table(index="date", columns="group", values="deaths", aggfunc="sum", fill_value=0)
    table = table.resample(FREQUENCIES[frequency], label="left", closed="left").sum()
    order = table.sum().sort_values(ascending=False).index
    if len(order) > TOP_GROUPS:
        kept = list(order[: TOP_GROUPS - 1])
        table = table[kept].assign(Other=table[[c for c in order if c not in kept]].sum(axis=1))
    else:
        table = table[list(order)]
    return table


def draw_deaths_chart(records: Iterable[EventRecord], out: str | Path, *, by: str = "perpetrator",
                      frequency: str = "weekly", title: str | None = None) -> Path:
    path = Path(out)
    if path.suffix.lower() not in CHART_SUFFIXES:
        raise InputError(f"{path}: choose a .png, .svg or .pdf file name for the chart.")
    if frequency not in FREQUENCIES:
        raise InputError(f"Unknown frequency {frequency!r}: use one of {', '.join(FREQUENCIES)}.")
    table = deaths_table(records, by=by, frequency=frequency)
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(10, 5.5), dpi=100)
    if table.empty:
        axes.text(0.5, 0.5, "No deaths recorded in this period and area", ha="center", va="center",
                  transform=axes.transAxes)
    else:
        labels = [d.strftime("%-d %b %Y") for d in table.index]
        bottom = [0] * len(table)
        colours = plt.get_cmap("tab10").colors
        for index, column in enumerate(table.columns):
            values = list(table[column])
            axes.bar(range(len(values)), values, bottom=bottom, label=str(column), color=colours[index % 10])
            bottom = [b + v for b, v in zip(bottom, values)]
        step = max(1, len(labels) // 12)
        axes.set_xticks(range(0, len(labels), step), labels[::step], rotation=45, ha="right")
        axes.legend(title=by.replace("-", " "), fontsize=8, frameon=False)
    axes.set_ylabel(f"deaths per {frequency.removesuffix('ly').replace('dai', 'day')}")
    axes.set_title(title or f"Deaths by {by.replace('-', ' ')}, {frequency}")
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    plt.close(figure)
    return path


def perpetrator_bar_png(bulletin) -> bytes:
    """The bulletin's deaths-by-perpetrator table as a horizontal bar chart."""
    plt = _pyplot()
    rows = list(reversed(bulletin.by_perpetrator))
    figure, axes = plt.subplots(figsize=(8, 0.5 + 0.45 * max(len(rows), 1)), dpi=110)
    names = [r.perpetrator for r in rows]
    axes.barh(names, [r.civilians for r in rows], color="#8b1a1a", label="civilians")
    axes.barh(names, [r.fighters for r in rows], left=[r.civilians for r in rows], color="#7a8a99", label="fighters")
    for index, row in enumerate(rows):
        axes.text(row.total, index, f" {row.total:,}", va="center", fontsize=8)
    axes.set_xlabel("deaths")
    axes.legend(frameon=False, fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    return buffer.getvalue()
