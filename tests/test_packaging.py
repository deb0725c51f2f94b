"""The wheel: built from this checkout, installed in a fresh venv, used from outside the repository.

Nothing is downloaded: the wheel is built without build isolation (``build`` and
``hatchling`` come from the ``test`` extra), the venv sees the machine's packages
(``--system-site-packages``: sympy, networkx) and the wheel is installed with
``--no-deps --no-index``.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import symbolic_minima
from symbolic_minima.proving import proof_names

pytestmark = pytest.mark.slow  # ~10 s: a build, a venv with pip, and three runs of the installed command

REPOSITORY = Path(symbolic_minima.__file__).resolve().parent.parent


def _run(command, cwd, env=None):
    return subprocess.run([str(c) for c in command], capture_output=True, text=True, cwd=cwd, env=env, timeout=600)


def _clean_env(venv: Path) -> dict:
    """The environment of a user of the venv: no PYTHONPATH, the venv's scripts first on PATH."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")}
    env["PATH"] = str(venv / "bin") + os.pathsep + env.get("PATH", "")
    env["SYMBOLIC_MINIMA_PROGRESS"] = "0"
    return env


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The wheel, the venv, a directory outside the repository, the venv's site-packages and what the install added."""
    if not (REPOSITORY / "pyproject.toml").is_file():
        pytest.skip(f"not a source checkout: no pyproject.toml next to the package in {REPOSITORY}")
    missing = [name for name in ("build", "hatchling", "venv", "ensurepip") if importlib.util.find_spec(name) is None]
    if missing:
        pytest.skip(f"cannot build and install a wheel offline: {', '.join(missing)} not importable "
                    "(pip install -e '.[test]' installs build and hatchling)")
    if os.name != "posix":
        pytest.skip("the venv layout (bin/) checked here is the POSIX one")
    base = tmp_path_factory.mktemp("packaging")
    dist, venv, outside = base / "dist", base / "venv", base / "elsewhere"
    outside.mkdir()
    res = _run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist, REPOSITORY], cwd=base)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    wheels = sorted(dist.glob("symbolic_minima-*.whl"))
    assert len(wheels) == 1, wheels
    res = _run([sys.executable, "-m", "venv", "--system-site-packages", venv], cwd=base)
    if res.returncode != 0:
        pytest.skip(f"cannot create a venv here: {res.stderr.strip()[-500:]}")
    res = _run([venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
               cwd=outside, env=_clean_env(venv))
    site_packages = Path(res.stdout.strip())
    before = {p.name for p in site_packages.iterdir()}
    res = _run([venv / "bin" / "python", "-m", "pip", "install", "--no-deps", "--no-index", "--no-cache-dir",
                "--disable-pip-version-check", wheels[0]], cwd=outside, env=_clean_env(venv))
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    added = {p.name for p in site_packages.iterdir()} - before
    return {"wheel": wheels[0], "venv": venv, "outside": outside, "site_packages": site_packages, "added": added}


def test_the_wheel_holds_one_top_level_package_with_the_proofs_inside(installed):
    with zipfile.ZipFile(installed["wheel"]) as wheel:
        names = wheel.namelist()
    top = {name.split("/")[0] for name in names}
    assert {t for t in top if not t.endswith(".dist-info")} == {"symbolic_minima"}
    assert "symbolic_minima/_proofs/__init__.py" in names and "symbolic_minima/_proofs/_common.py" in names
    assert {f"symbolic_minima/_proofs/{name}.py" for name in proof_names()} <= set(names)
    assert "symbolic_minima/py.typed" in names  # PEP 561: the package's annotations are used by type checkers
    assert not any(name.startswith(("proofs/", "tests/", "benchmarks/", "docs/")) for name in names)


def test_site_packages_has_no_top_level_proofs(installed):
    site_packages = installed["site_packages"]
    assert (site_packages / "symbolic_minima" / "_proofs" / "t_singletons.py").is_file()
    assert not (site_packages / "proofs").exists() and not (site_packages / "proofs.py").exists()
    added = {name for name in installed["added"] if name != "__pycache__"}
    assert added == {"symbolic_minima", f"symbolic_minima-{symbolic_minima.__version__}.dist-info"}, added


def test_prove_list_from_outside_the_repository(installed):
    venv, outside = installed["venv"], installed["outside"]
    res = _run(["symbolic-minima", "prove", "--list"], cwd=outside, env=_clean_env(venv))
    assert res.returncode == 0 and res.stderr == "", res.stderr
    names = [line.split()[0] for line in res.stdout.strip().splitlines()]
    assert sorted(names) == proof_names()  # (the generic proofs are listed first, then the activation classes')
    assert "class_odd" in names  # the class proofs ship in the wheel too


def test_prove_one_claim_from_outside_the_repository(installed):
    venv, outside = installed["venv"], installed["outside"]
    env = _clean_env(venv)
    res = _run(["symbolic-minima", "prove", "relation_shift"], cwd=outside, env=env)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("VERIFIED relation_shift")
    # one proof run as a module of the installed package
    res = _run([venv / "bin" / "python", "-m", "symbolic_minima._proofs.g_critical", "--max-r", "2", "--extra-m", "1"],
               cwd=outside, env=env)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("VERIFIED g_critical")


def test_the_installed_code_is_used_and_imports_no_top_level_proofs(installed):
    venv, outside = installed["venv"], installed["outside"]
    code = ("import sys, symbolic_minima, symbolic_minima.proving as p; before = list(sys.path); "
            "print(symbolic_minima.__file__); print(p.proofs_package().__file__); p.list_proofs(); "
            "print('proofs' in sys.modules, sys.path == before)")
    res = _run([venv / "bin" / "python", "-c", code], cwd=outside, env=_clean_env(venv))
    assert res.returncode == 0, res.stderr
    package_file, proofs_file, flags = res.stdout.strip().splitlines()
    assert Path(package_file).resolve().is_relative_to(venv.resolve())  # the wheel, not the checkout
    assert Path(proofs_file).resolve().is_relative_to(venv.resolve())
    assert Path(proofs_file).parent.name == "_proofs"
    assert flags == "False True"
