"""marsad train: an event-type model from a user's own coded archive."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import _register_commands, cli
from marsad.errors import InputError
from marsad.extract.event_model import load_model, read_training_csv, train_from_csv
from marsad.extract.events import use_event_model
from marsad.extract.pipeline import extract_text

PLACES = ["Tafas", "Jasim", "Inkhil", "Nawa", "Dael", "Busra", "Sanamayn", "Izraa"]


def _archive(path: Path) -> Path:
    """A small archive whose coder files every 'hunger strike' as Other, unlike the rules."""
    rows = []
    for i, place in enumerate(PLACES):
        rows.append({"notes": f"On {i + 1} May 2023, detainees' relatives began a hunger strike in {place}.",
                     "sub_event_type": "Other", "event_type": "Strategic developments"})
        rows.append({"notes": f"On {i + 1} June 2023, gunmen shot dead a farmer in {place}.",
                     "sub_event_type": "Attack", "event_type": "Violence against civilians"})
        rows.append({"notes": f"On {i + 1} July 2023, regime forces shelled {place} with artillery.",
                     "sub_event_type": "Shelling/artillery/missile attack", "event_type": "Explosions/Remote violence"})
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["notes", "event_type", "sub_event_type"])
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_trained_model_follows_the_archives_coding(tmp_path):
    model = train_from_csv(_archive(tmp_path / "coded.csv"), tmp_path / "m.joblib")
    assert model.meta["examples"] == 24
    loaded = load_model(tmp_path / "m.joblib")
    note = "On 9 May 2023, relatives of detainees began a hunger strike in Sheikh Miskin."
    assert loaded.predict([note])[0][0] == "Other"
    use_event_model(tmp_path / "m.joblib")
    try:
        assert extract_text(note).events[0].sub_event_type == "Other"
    finally:
        use_event_model(None)
    assert extract_text(note).events[0].sub_event_type == "Peaceful protest"


def test_same_archive_and_seed_give_the_same_predictions(tmp_path):
    archive = _archive(tmp_path / "coded.csv")
    a = train_from_csv(archive, tmp_path / "a.joblib")
    b = train_from_csv(archive, tmp_path / "b.joblib")
    notes = [f"On 3 March 2023, gunmen killed a man in {p}." for p in PLACES]
    assert a.predict(notes) == b.predict(notes)


def test_cli_trains_and_reports(tmp_path):
    _register_commands()
    result = CliRunner().invoke(cli, ["train", str(_archive(tmp_path / "c.csv")), "-o", str(tmp_path / "m.joblib")])
    assert result.exit_code == 0, result.output
    assert "24 notes" in result.output and (tmp_path / "m.joblib").is_file()


def test_cli_names_the_file_when_columns_are_missing(tmp_path):
    _register_commands()
    bad = tmp_path / "bad.csv"
    bad.write_text("id,description\n1,something happened\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["train", str(bad), "-o", str(tmp_path / "m.joblib")])
    assert result.exit_code != 0
    assert "bad.csv:1" in result.output and "sub_event_type" in result.output
    assert not (tmp_path / "m.joblib").exists()


def test_unknown_sub_event_types_and_foreign_files_are_refused(tmp_path):
    odd = tmp_path / "odd.csv"
    odd.write_text("notes,sub_event_type\nA fight,Skirmish\nA march,Peaceful protest\n", encoding="utf-8")
    with pytest.raises(InputError, match="Skirmish"):
        train_from_csv(odd, tmp_path / "m.joblib")
    foreign = tmp_path / "not-a-model.joblib"
    foreign.write_text(json.dumps({"hello": 1}), encoding="utf-8")
    with pytest.raises(InputError, match="not a marsad event model"):
        load_model(foreign)
    with pytest.raises(InputError, match="marsad train"):
        load_model(tmp_path / "missing.joblib")


def test_rows_without_text_or_label_are_skipped(tmp_path):
    path = tmp_path / "gaps.csv"
    path.write_text("text,sub_event_type\nGunmen killed a man.,Attack\n,Attack\nA rally.,\n", encoding="utf-8")
    texts, labels = read_training_csv(path)
    assert (texts, labels) == (["Gunmen killed a man."], ["Attack"])


def test_shipped_model_is_built_from_written_templates_covering_all_25_types():
    import re
    from importlib import resources

    import yaml

    from marsad.extract.event_model import shipped_model_path
    from marsad.extract.event_types import load_rules

    training = resources.files("marsad.data").joinpath("training")
    slots = yaml.safe_load(training.joinpath("slots.yaml").read_text(encoding="utf-8"))
    templates = [json.loads(line) for line in training.joinpath("templates.jsonl").read_text(encoding="utf-8").splitlines()
                 if line.strip()]
    assert {t["sub_event_type"] for t in templates} == set(load_rules().event_type_of)
    for template in templates:
        assert set(re.findall(r"\{(\w+)\}", template["template"])) <= set(slots), template
    model = load_model(shipped_model_path())
    assert model.authority == "hybrid" and len(model.meta["classes"]) == 25
    assert model.meta["name"] == "marsad-written-examples"
    assert model.meta["embedding"] == "wordllama-l2_supercat-256" and 0.5 <= model.override < 1.0
    written = training.joinpath("written.tsv").read_text(encoding="utf-8").splitlines()
    labels = {line.split("\t", 1)[0] for line in written if line.strip() and not line.startswith("#")}
    assert labels == set(load_rules().event_type_of)
