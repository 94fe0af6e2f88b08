"""Build marsad, compiling its extraction hot path to C with mypyc.

The modules compiled are listed in ``pyproject.toml`` (``[tool.marsad.build]``).
Compiled, extraction takes about 14% fewer instructions per document
(``docs/benchmarks.md``) and gives byte for byte the same output: it is the
same source.

Compiling needs a C compiler. Without one, or with ``MARSAD_PURE_PYTHON=1`` in
the environment, marsad installs as pure Python: slower, same results. After
editing a compiled module in an editable install, run ``pip install -e .``
again (marsad warns when a compiled module is older than its source).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tomllib
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).parent
#: what marsad.compiled reads to tell a compiled module from its edited source
RECORD = ROOT / "src" / "marsad" / "compiled_sources.json"


def compiled_modules() -> list[str]:
    """The modules pyproject.toml lists to compile."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(config["tool"]["marsad"]["build"]["compiled"])


class OptionalBuildExt(build_ext):
    """Builds the compiled modules, or none: a failed build (no C compiler)
    removes what it built, so that marsad installs as pure Python."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # noqa: BLE001 - any failure falls back to the same code, uncompiled
            self._fall_back(error)

    def _fall_back(self, error: Exception) -> None:
        for extension in self.extensions:
            Path(self.build_lib, self.get_ext_filename(extension.name)).unlink(missing_ok=True)
        Path(self.build_lib, RECORD.relative_to(ROOT / "src")).unlink(missing_ok=True)
        self.extensions = []
        remove_compiled()
        print(f"marsad: compiling with mypyc failed ({error}); installing pure Python (same output, slower)",
              file=sys.stderr)


def source(module: str) -> Path:
    return Path("src", *module.split(".")).with_suffix(".py")


def remove_compiled() -> None:
    """Compiled files an earlier editable install left beside the sources (Python
    would import them before the sources), and their record."""
    for module in compiled_modules():
        for suffix in EXTENSION_SUFFIXES:
            (ROOT / source(module)).with_suffix(suffix).unlink(missing_ok=True)
    for group in (ROOT / "src").glob("marsad__mypyc*"):
        group.unlink()
    RECORD.unlink(missing_ok=True)


#: the setup.py commands that build (pip first asks for metadata: egg_info, dist_info)
BUILD_COMMANDS = {"build", "build_ext", "bdist_wheel", "editable_wheel", "install", "develop"}


def extensions() -> list:
    if not BUILD_COMMANDS & set(sys.argv[1:]):
        return []  # describing the package: no need to type-check and generate C
    try:
        from mypyc.build import mypycify
    except ImportError:  # building without the build requirements (python setup.py …)
        mypycify = None
    if os.environ.get("MARSAD_PURE_PYTHON") or mypycify is None:
        remove_compiled()
        return []
    modules = compiled_modules()
    digests = {module: hashlib.sha256((ROOT / source(module)).read_bytes()).hexdigest() for module in modules}
    try:
        built = mypycify(["--strict-optional", *map(str, map(source, modules))], opt_level="3", group_name="marsad")
    except (Exception, SystemExit) as error:  # mypyc exits on a type error: fall back, do not fail the install
        print(f"marsad: mypyc could not compile ({error}); installing pure Python (same output, slower)",
              file=sys.stderr)
        remove_compiled()
        return []
    RECORD.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return built


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
