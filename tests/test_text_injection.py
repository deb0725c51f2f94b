"""No user text reaches sympy's parser through any public function, at any nesting depth.

Each payload, if parsed by ``sympify``/``parse_expr``/``eval``, would create a
file; the tests call public entry points with the payload bare and wrapped in
lists, tuples, sets and dicts (as keys and as values, nested) and check that
the file never appears.  The sweep covers every callable named in the
``__all__`` of every module, with the payload in each of the first three
positional arguments; a curated list covers methods of public objects.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import signal
from contextlib import contextmanager

import pytest
import sympy

import symbolic_minima
from symbolic_minima.errors import ArgumentTypeError, contains_text

# Modules whose public functions write files, draw, or run for a long time
# given a *valid* argument; their text-taking arguments are covered by the
# curated cases below instead of a blind sweep.
SKIP_MODULES = {"symbolic_minima.__main__", "symbolic_minima.strategies"}
SKIP_NAMES = {"write_report", "write_graph", "draw_png", "plot_ratio", "plot_graph", "main", "run_all_proofs"}


def _wrappings(payload):
    yield payload
    yield [payload]
    yield (payload,)
    yield {payload}
    yield {payload: 1}
    yield {1: payload}
    yield [[(payload,)]]
    yield ({"k": [payload]},)
    yield payload.encode()
    yield [payload.encode()]


@pytest.fixture
def payload(tmp_path):
    target = tmp_path / "PWNED"
    return f"__import__('pathlib').Path({str(target)!r}).touch()", target


@contextmanager
def _time_limit(seconds):
    def handler(signum, frame):
        raise TimeoutError

    old = signal.signal(signal.SIGALRM, handler)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _public_callables():
    seen = set()
    modules = [symbolic_minima]
    for info in pkgutil.walk_packages(symbolic_minima.__path__, "symbolic_minima."):
        if info.name in SKIP_MODULES:
            continue
        modules.append(importlib.import_module(info.name))
    for module in modules:
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if name in SKIP_NAMES or not callable(obj) or id(obj) in seen:
                continue
            seen.add(id(obj))
            yield f"{module.__name__}.{name}", obj


PUBLIC = sorted(_public_callables(), key=lambda item: item[0])


def test_contains_text_finds_text_at_any_depth():
    assert contains_text("x")
    assert contains_text([("x",)])
    assert contains_text({1: {"k": 2}})
    assert contains_text(b"x")
    assert not contains_text([1, (2, {3: sympy.Integer(4)})])
    assert not contains_text(sympy.Symbol("x"))


def test_the_sweep_covers_the_known_entry_points():
    names = {name.rsplit(".", 1)[1] for name, _ in PUBLIC}
    assert {"StirlingS2", "coefficient", "closed_form_coefficient", "T", "G", "simplifies_to_zero"} <= names
    assert len(PUBLIC) > 60


@pytest.mark.parametrize("name,func", PUBLIC, ids=[name for name, _ in PUBLIC])
def test_public_callable_never_parses_text(name, func, payload, tmp_path, monkeypatch):
    text, target = payload
    monkeypatch.chdir(tmp_path)
    try:
        nparams = len(inspect.signature(func).parameters)
    except (TypeError, ValueError):
        nparams = 2
    for position in range(max(1, min(nparams, 3))):
        for wrapped in _wrappings(text):
            args = [2] * max(position + 1, min(nparams, 2))
            args[position] = wrapped
            try:
                with _time_limit(5):
                    func(*args)
            except (TimeoutError, Exception, SystemExit):  # any refusal is fine; parsing the text is not
                pass
            assert not target.exists(), f"{name} executed text given at position {position} as {wrapped!r:.60}"


def test_known_findings_are_refused(payload):
    from symbolic_minima.network import Teacher, generic_sigma
    from symbolic_minima.species import closed_form_coefficient, coefficient
    from symbolic_minima.stirling import StirlingS2

    text, target = payload
    calls = [
        lambda: StirlingS2([text], 1),
        lambda: StirlingS2((text,), 1),
        lambda: StirlingS2(1, {text: 1}),
        lambda: coefficient((text,), 2),
        lambda: coefficient({text: 1}, 2),
        lambda: closed_form_coefficient((text,), 2),
        lambda: Teacher.default(2).network().activation(text),
        lambda: Teacher.default(2).network().activation([text]),
        lambda: Teacher.default(2).network(activation="tanh").activation((text,)),
        lambda: generic_sigma(text),
        lambda: Teacher.default(2).network(activation=sympy.tanh).activation(text),
        lambda: Teacher.default(2).network(activation=lambda z: sympy.sin(z)).activation([text]),
    ]
    for call in calls:
        with pytest.raises(ArgumentTypeError):
            call()
        assert not target.exists()


def test_methods_of_public_objects_never_parse_text(payload):
    from symbolic_minima import count, global_minimum_subspaces
    from symbolic_minima.network import Teacher

    text, target = payload
    teacher = Teacher.default(2)
    subspace = next(iter(global_minimum_subspaces(teacher, 3)))
    c = count("T", 2, 3)
    objects = [teacher, teacher.network(), subspace, c]
    for obj in objects:
        for attr in dir(obj):
            if attr.startswith("_"):
                continue
            method = getattr(obj, attr, None)
            if not inspect.ismethod(method):
                continue
            for wrapped in _wrappings(text):
                try:
                    with _time_limit(5):
                        method(wrapped)
                except (TimeoutError, Exception, SystemExit):
                    pass
                assert not target.exists(), f"{type(obj).__name__}.{attr} executed {wrapped!r:.60}"
