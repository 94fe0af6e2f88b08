"""The compiled extraction hot path (setup.py, mypyc): what is compiled, and the
warning when an editable install's source moved on from its compiled module."""

from __future__ import annotations

import ast
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from marsad import compiled

PYPROJECT = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
LISTED = PYPROJECT["tool"]["marsad"]["build"]["compiled"]


def test_every_compiled_module_is_checked_with_strict_optional():
    # mypyc refuses code that type-checks only without strict Optional, and CI's
    # mypy must catch that before an install falls back to pure Python
    strict = {module for override in PYPROJECT["tool"]["mypy"]["overrides"] if override.get("strict_optional")
              for module in override["module"]}
    assert set(LISTED) <= strict


def _source_of(module: str) -> ast.Module:
    path = Path(__file__).parents[1] / "src" / Path(*module.split(".")).with_suffix(".py")
    return ast.parse(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("module", LISTED)
def test_no_compiled_module_relies_on_what_mypyc_drops(module):
    # Two patterns that run in pure Python and silently stop working compiled: a
    # functools.cached_property (a native class has no __dict__, so it recomputes on
    # every use: the actors' first words cost 4x the actors component) and an identity
    # test against a module-level tuple (compiled, the tuple is rebuilt: never identical).
    tree = _source_of(module)
    tuples = {target.id for node in tree.body if isinstance(node, ast.Assign) and isinstance(node.value, ast.Tuple)
              for target in node.targets if isinstance(target, ast.Name)}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            for decorator in node.decorator_list:
                assert "cached_property" not in ast.unparse(decorator), f"{module}.{node.name}: cached_property"
        if isinstance(node, ast.Compare) and any(isinstance(op, (ast.Is, ast.IsNot)) for op in node.ops):
            names = {n.id for n in [node.left, *node.comparators] if isinstance(n, ast.Name)}
            assert not names & tuples, f"{module}: identity test against a tuple: {ast.unparse(node)}"


@pytest.mark.skipif(not os.environ.get("MARSAD_EXPECT_COMPILED"), reason="only where the build must compile (CI)")
def test_the_listed_modules_run_compiled():
    assert sorted(compiled.compiled_modules()) == sorted(LISTED)
    assert compiled.stale_modules() == []


def test_an_edited_source_is_reported_and_warned(tmp_path, monkeypatch):
    module = "marsad.extract.numbers"
    source = Path(compiled.__file__).parent / "extract" / "numbers.py"
    record = tmp_path / "compiled_sources.json"
    monkeypatch.setattr(compiled, "RECORD", record)
    monkeypatch.setattr(compiled, "compiled_modules", lambda: [module])

    record.write_text(json.dumps({module: hashlib.sha256(source.read_bytes()).hexdigest()}))
    assert compiled.stale_modules() == []

    record.write_text(json.dumps({module: "0" * 64}))  # compiled from other text than the source now holds
    assert compiled.stale_modules() == [module]
    with pytest.warns(RuntimeWarning, match="pip install -e"):
        compiled.warn_if_stale()


def test_a_pure_python_install_has_nothing_compiled(tmp_path, monkeypatch):
    monkeypatch.setattr(compiled, "RECORD", tmp_path / "absent.json")
    assert compiled.source_digests() == {}
    assert compiled.compiled_modules() == []
    assert compiled.stale_modules() == []


@pytest.mark.slow  # pip fetches the build requirements (setuptools, wheel, mypy) from the package index
def test_without_a_c_compiler_the_build_falls_back_to_pure_python(tmp_path):
    # a copy: a failed build removes compiled files beside the sources it built from
    root = Path(__file__).parents[1]
    source = tmp_path / "source"
    shutil.copytree(root / "src", source / "src", ignore=shutil.ignore_patterns("*.so", "__pycache__", "*.egg-info",
                                                                               "compiled_sources.json"))
    for name in ("setup.py", "pyproject.toml", "README.md"):
        shutil.copy(root / name, source / name)
    environment = {**os.environ, "CC": "/bin/false"}
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                            "-w", str(tmp_path / "wheel"), str(source)], env=environment, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "wheel").glob("marsad-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "marsad/extract/places.py" in names
    assert not [name for name in names if name.endswith(".so") or name.endswith("compiled_sources.json")]
