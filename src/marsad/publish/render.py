"""Render a :class:`~marsad.publish.report.Bulletin` as Markdown, HTML or PDF.

The templates are Jinja2 files in ``marsad/publish/templates``; pass your
own copy with ``template=`` (``marsad report --template``). HTML is
self-contained (inline styles, the chart as a data URI); PDF is rendered from
that HTML by WeasyPrint (``pip install 'marsad[pdf]'``).
"""

from __future__ import annotations

import base64
from pathlib import Path

from marsad.errors import InputError, MissingExtraError
from marsad.publish.escaping import markdown_text, safe_url
from marsad.publish.report import Bulletin, Figure, _period_text

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
FORMATS = ("md", "html", "pdf")


def methods_paragraph(bulletin: Bulletin) -> str:
    named = [s for s in bulletin.sources if s.name]
    sources = "; ".join(
        f"{s.name}" + (f" (reliability {s.reliability})" if s.reliability and not bulletin.public else "")
        + f", {s.documents} report{'s' if s.documents != 1 else ''}" for s in named
    ) or "no reports"
    return (
        f"This bulletin draws on {sum(s.documents for s in named)} stored report(s) from: {sources}. "
        "Figures are those the sources state for the period and area; each is footnoted to the report and the "
        "exact words that state it. “At least” figures are lower bounds and vague quantities (such as "
        "“hundreds”) are shown as stated and never added. Sub-counts introduced by “including” are shown under "
        "their totals and not added to them. Counts of single incidents are summed per victim group and perpetrator, "
        "each incident listed under its sum. Remainders the text implies (“the rest”, or a total minus the part "
        "stated for one month) are derived by subtraction and marked as derived. When several reports give a "
        "total for the same scope, the latest report is used and the earlier ones are cited. Perpetrator totals "
        "attribute a total to the parts that split it by perpetrator when they add up to it; totals attributed "
        "to several parties jointly are shown jointly. Estimated are: derived remainders, and the dates of "
        "periods stated relative to the report's publication date."
        + (" Sources marked confidential are counted but not named, linked or quoted." if bulletin.public else "")
    )


def _environment(template: Path | None, *, html: bool):
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
    from markupsafe import Markup

    loaders = [FileSystemLoader(str(template.parent))] if template else []
    loaders.append(FileSystemLoader(str(TEMPLATES_DIR)))
    # HTML: Jinja escapes every value. Markdown: every value is made inert
    # text (markdown_text) unless a helper below marks it as Markup.
    env = Environment(loader=ChoiceLoader(loaders), autoescape=select_autoescape(["html", "html.j2"]) if html else False,
                      finalize=None if html else markdown_text, trim_blocks=False, keep_trailing_newline=True)
    env.filters["num"] = lambda n: "–" if n is None else f"{n:,}"
    env.filters["refs"] = lambda numbers: Markup("".join(f"[^{int(n)}]" for n in numbers))
    env.filters["url"] = lambda url: Markup(safe_url(url) or "")
    env.filters["hrefs"] = lambda numbers: Markup("".join(f'<sup><a href="#ev-{n}">[{n}]</a></sup>' for n in numbers))
    return env


def _markdown_tree(figure: Figure, depth: int):
    from markupsafe import Markup

    indent = "  " * depth
    derived = f" *(derived: {markdown_text(figure.derived)})*" if figure.derived else ""
    earlier = "".join(f"[^{n}]" for n in figure.earlier)
    line = (f'{indent}- <a id="{markdown_text(figure.anchor)}"></a>**{markdown_text(str(figure.amount))}** '
            f"{markdown_text(figure.label)}{derived} "
            + "".join(f"[^{n}]" for n in figure.evidence) + (f" (earlier reports: {earlier})" if earlier else "") + "\n")
    return Markup(line + "".join(_markdown_tree(child, depth + 1) for child in figure.children))


def render_text(bulletin: Bulletin, fmt: str, *, template: Path | None = None, chart_png: bytes | None = None) -> str:
    """The bulletin as Markdown or HTML text."""
    if fmt not in ("md", "html"):
        raise InputError(f"Unknown text format {fmt!r}: use md or html.")
    env = _environment(template, html=fmt == "html")
    name = template.name if template else f"bulletin.{fmt}.j2"
    chart_uri = "data:image/png;base64," + base64.b64encode(chart_png).decode() if chart_png else None
    return env.get_template(name).render(
        b=bulletin, period=_period_text(bulletin.scope), methods=methods_paragraph(bulletin),
        tree=_markdown_tree, chart_uri=chart_uri,
    )


def render_pdf(html: str) -> bytes:
    try:
        from weasyprint import HTML
    except ImportError as error:
        raise MissingExtraError("weasyprint", "pdf") from error
    except OSError as error:  # pango missing: WeasyPrint cannot load its libraries
        raise MissingExtraError("weasyprint (and Debian's libpango-1.0-0 libpangoft2-1.0-0)", "pdf") from error
    return HTML(string=html, base_url=None).write_pdf()


def write_bulletin(bulletin: Bulletin, fmt: str, out: str | Path, *, template: Path | None = None,
                   with_chart: bool = True) -> Path:
    """Render and write the bulletin; ``fmt`` is md, html or pdf."""
    if fmt not in FORMATS:
        raise InputError(f"Unknown report format {fmt!r}: use one of {', '.join(FORMATS)}.")
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    chart = None
    if with_chart and fmt != "md" and bulletin.by_perpetrator:
        from marsad.publish.charts import perpetrator_bar_png

        chart = perpetrator_bar_png(bulletin)
    if fmt == "pdf":
        html_template = template if template and template.name.endswith(".html.j2") else None
        path.write_bytes(render_pdf(render_text(bulletin, "html", template=html_template, chart_png=chart)))
    else:
        path.write_text(render_text(bulletin, fmt, template=template, chart_png=chart), encoding="utf-8")
    return path
