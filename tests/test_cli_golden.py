"""Every recorded CLI output stays byte-identical across refactors.

``tests/data/cli_golden.json`` was recorded by ``tests/_record_cli_golden.py``
before the roles-and-readings refactor; each command must print the same
stdout, stderr and exit status now.
"""

import json
import pathlib
import re

import pytest
from _record_cli_golden import COMMANDS, run  # type: ignore[import-not-found]

GOLDEN = json.loads((pathlib.Path(__file__).parent / "data" / "cli_golden.json").read_text())


def test_golden_covers_every_command():
    assert set(GOLDEN) == set(COMMANDS)


def _untimed(record):
    # the proofs' verdict lines end with their wall-clock time ("...; 0.5 s)"): not part of the contract
    return {**record, "stdout": re.sub(r"; [0-9.]+ s\)", "; 0 s)", record["stdout"])}


@pytest.mark.parametrize("command", sorted(GOLDEN))
def test_cli_output_unchanged(command):
    assert _untimed(run(command)) == _untimed(GOLDEN[command])
