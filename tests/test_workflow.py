"""The GitHub workflow: valid against GitHub's schema, and no command that .ci/run does not run.

The workflow cannot run here; what keeps it honest is that each of its commands is one of
the tools/ci.py steps (or the install and system-library commands) that .ci/run runs on
Linux on every change. Only the release job, which publishes on GitHub, is GitHub's own.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"
CI_RUN = ROOT / ".ci" / "run"
sys.path.insert(0, str(ROOT / "tools"))

from ci import chooses_tests  # noqa: E402
from windows_version import version_file_text, version_numbers  # noqa: E402

GITHUB_ONLY_JOBS = {"release"}  # publishing a release has no local counterpart


def load_workflow(path: Path = WORKFLOW) -> dict[str, Any]:
    return dict(YAML(typ="safe").load(path.read_text(encoding="utf-8")))


def ci_run_text() -> str:
    """.ci/run and every script it calls (scripts/x, and the scripts those call), as one text."""
    texts, waiting, seen = [], [CI_RUN], set()
    while waiting:
        text = waiting.pop().read_text(encoding="utf-8")
        texts.append(text)
        for script in set(re.findall(r"scripts/[\w-]+", text)) - seen:
            seen.add(script)
            if (ROOT / script).is_file():
                waiting.append(ROOT / script)
    return "\n".join(texts)


def workflow_commands() -> list[str]:
    commands = []
    for name, job in load_workflow()["jobs"].items():
        if name not in GITHUB_ONLY_JOBS:
            commands += [" ".join(step["run"].split()) for step in job["steps"] if "run" in step]
    return commands


def check_schema(path: Path) -> subprocess.CompletedProcess[str]:
    checker = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) or "check-jsonschema"
    return subprocess.run(
        [checker, "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_workflow_validates_against_githubs_schema() -> None:
    done = check_schema(WORKFLOW)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_schema_check_refuses_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "ci.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on:", "run-on:"), encoding="utf-8")
    assert check_schema(broken).returncode != 0


def test_every_workflow_command_is_one_that_ci_run_runs() -> None:
    local = ci_run_text()
    commands = workflow_commands()
    assert commands
    for command in commands:
        step = re.fullmatch(r"python tools/ci\.py ([\w-]+)( .*)?", command)
        if step:
            assert re.search(rf"tools/ci\.py {step.group(1)}\b", local), command
        elif command.startswith("bash scripts/"):
            assert command.removeprefix("bash ") in local, command
        else:
            assert command == 'python -m pip install -e ".[dev]"', command
            assert "-m pip install -q -e '.[dev]'" in local


def test_the_workflow_tests_freezes_and_uploads_on_linux_and_windows() -> None:
    app = load_workflow()["jobs"]["app"]
    assert set(app["strategy"]["matrix"]["os"]) == {"ubuntu-latest", "windows-latest"}
    assert set(app["strategy"]["matrix"]["python"]) == {"3.11", "3.12"}
    steps = [step.get("run", step.get("uses", "")) for step in app["steps"]]
    order = ["ci.py test", "ci.py build", "ci.py frozen-check", "ci.py zip", "actions/upload-artifact"]
    positions = [next(i for i, step in enumerate(steps) if part in step) for part in order]
    assert positions == sorted(positions)
    assert app["env"]["QT_QPA_PLATFORM"] == "offscreen"


def test_a_tag_publishes_the_zipped_apps() -> None:
    workflow = load_workflow()
    assert "v*" in workflow["on"]["push"]["tags"]
    release = workflow["jobs"]["release"]
    assert release["needs"] == "app"
    assert "refs/tags/v" in release["if"]
    assert any("release/*.zip" in step.get("run", "") for step in release["steps"])


@pytest.mark.parametrize(
    ("version", "numbers"), [("0.1.0", (0, 1, 0, 0)), ("1.2rc1", (1, 2, 0, 0)), ("2.0.1.4.5", (2, 0, 1, 4))]
)
def test_windows_version_numbers_have_four_parts(version: str, numbers: tuple[int, ...]) -> None:
    assert version_numbers(version) == numbers


def test_the_windows_version_resource_names_the_product_and_version() -> None:
    text = version_file_text("1.4.2", "Frame Studio.exe")
    tree = ast.parse(text, mode="eval")  # PyInstaller evaluates this text as Python
    strings = {
        node.args[0].value: node.args[1].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "StringStruct"
        if isinstance(node.args[0], ast.Constant) and isinstance(node.args[1], ast.Constant)
    }
    assert strings["ProductName"] == "Frame Studio"
    assert strings["ProductVersion"] == strings["FileVersion"] == "1.4.2"
    assert strings["OriginalFilename"] == "Frame Studio.exe"
    assert "filevers=(1, 4, 2, 0)" in text


@pytest.mark.parametrize(
    ("args", "chooses"),
    [
        (["-q", "-p", "no:cacheprovider"], False),  # .ci/run's options: GUI tests then run on their own
        (["-x"], False),
        (["-m", "not gui"], True),
        (["tests/gui"], True),
        (["tests/test_workflow.py::test_a_tag_publishes_the_zipped_apps"], True),
    ],
)
def test_ci_runs_the_gui_tests_apart_unless_the_arguments_pick_tests(args: list[str], chooses: bool) -> None:
    assert chooses_tests(args) is chooses
