"""Rebuild marsad's shipped Syrian communities table from OCHA's file.

Input: the CSV described in ``shared/data/gazetteer-sy-ocha/SOURCES.md``
(OCHA COD ``syr_pplp_adm4_unocha``: 7,266 communities with English and Arabic
names, admin-1/2/3 names and P-codes, WGS84 points; GeoNames alternate names
for the rows that matched one). Output:
``src/marsad/data/gazetteer/sy_ocha_communities.tsv.gz``, a gzip'd TSV with an
attribution header, alternate names cut to the scripts marsad reads (Latin and
Arabic), written byte-for-byte reproducibly (gzip mtime 0), so the
gazetteer's content version (:func:`marsad.gazetteer.index.gazetteer_version`)
changes only when the data does. ``marsad`` builds it into the bundled index
on first use; nothing is downloaded.

Usage: python scripts/build_ocha_gazetteer.py [path/to/syria_communities.csv]
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "gazetteer-sy-ocha" / "syria_communities.csv"
TARGET = ROOT / "src" / "marsad" / "data" / "gazetteer" / "sy_ocha_communities.tsv.gz"
COLUMNS = ("pcode", "name_en", "name_ar", "alt_names", "geonames_id", "admin1_pcode", "admin2_pcode",
           "admin3_pcode", "admin1_en", "admin2_en", "admin3_en", "lat", "lon")
HEADER = (
    "# Syrian communities: UN OCHA Common Operational Dataset, populated places (syr_pplp_adm4_unocha),\n"
    "# via the Humanitarian Data Exchange; licence CC BY 3.0 IGO. Admin-3 English names: Open-Syria/data-geography\n"
    "# (CC BY 4.0). Alternate names: GeoNames cities500 (CC BY 4.0). Rebuilt by scripts/build_ocha_gazetteer.py.\n"
)
_USEFUL = re.compile(r"^[\s\u0000-\u024f\u1e00-\u1eff\u02b0-\u02ff\u0600-\u06ff'’‘ʿʾ.\-]+$")


def rows(path: Path):
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            alternates, geonames_id = [], ""
            for name in (row.get("alt_names") or "").split("|"):
                if name.startswith("geonames:"):
                    geonames_id = name.split(":", 1)[1]
                elif name and _USEFUL.match(name) and "\t" not in name:
                    alternates.append(name)
            yield {**row, "alt_names": "|".join(alternates), "geonames_id": geonames_id,
                   "lat": f"{float(row['lat']):.6f}", "lon": f"{float(row['lon']):.6f}"}


def build(source: Path = DEFAULT, target: Path = TARGET) -> Path:
    text = io.StringIO()
    text.write(HEADER)
    writer = csv.writer(text, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for row in sorted(rows(source), key=lambda r: r["pcode"]):
        writer.writerow([row[column].replace("\t", " ") for column in COLUMNS])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(gzip.compress(text.getvalue().encode("utf-8"), compresslevel=9, mtime=0))
    return target


if __name__ == "__main__":
    out = build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
    print(f"wrote {out} ({out.stat().st_size:,} bytes)")
