"""`--level-head` on `render` and `batch`: tilted heads are levelled, the report carries `angle`.

`render` runs in-process (`run_cli`); `batch` runs as a real process, as HR runs it, with
its worker processes. Photos are the committed portraits, one of them turned by 12 degrees.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import portrait_image, run_cli, run_subprocess, turned

from frame_studio.core.placement import LEVEL_HEAD_DEFAULT

TURN = 12


@pytest.fixture
def photos(tmp_path: Path) -> Path:
    """IN/tilted.jpg (Grace Hopper turned 12 degrees clockwise) and IN/upright.jpg (the astronaut)."""
    folder = tmp_path / "in"
    folder.mkdir()
    turned(portrait_image("grace_hopper.jpg"), TURN).save(folder / "tilted.jpg", quality=92)
    portrait_image("astronaut.jpg").save(folder / "upright.jpg", quality=92)
    return folder


def read_jsonl(path: Path) -> dict[str, dict[str, Any]]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return {Path(record["input"]).name: record for record in records}


def test_render_level_head_report_levels_the_tilted_head_only(
    photos: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "render.jsonl"
    inputs = [photos / "tilted.jpg", photos / "upright.jpg"]
    run = run_cli(
        capsys, "render", *inputs, "-o", tmp_path / "out", "--size", "256", "--level-head", "--report", report
    )
    assert run.code == 0, run.err
    records = read_jsonl(report)
    assert records["tilted.jpg"]["angle"] >= 5, records["tilted.jpg"]
    assert records["upright.jpg"]["angle"] == 0.0, records["upright.jpg"]
    assert all(record["status"] == "framed" for record in records.values())


def test_render_no_level_head_reports_angle_zero(
    photos: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "render.jsonl"
    args = ("render", photos / "tilted.jpg", "-o", tmp_path / "out", "--size", "256", "--report", report)
    run = run_cli(capsys, *args, "--no-level-head")
    assert run.code == 0, run.err
    assert read_jsonl(report)["tilted.jpg"]["angle"] == 0.0


def test_render_default_is_the_core_default(
    photos: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "render.jsonl"
    run = run_cli(
        capsys, "render", photos / "tilted.jpg", "-o", tmp_path / "out", "--size", "256", "--report", report
    )
    assert run.code == 0, run.err
    assert (read_jsonl(report)["tilted.jpg"]["angle"] >= 5) is LEVEL_HEAD_DEFAULT


def test_render_help_names_both_flags(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(capsys, "render", "--help")
    assert run.code == 0
    assert "--level-head" in run.out and "--no-level-head" in run.out


def test_batch_level_head_report_lines_carry_angle(photos: Path, tmp_path: Path) -> None:
    report = tmp_path / "batch.jsonl"
    args = ("batch", photos, tmp_path / "out", "--size", "256", "--jobs", "2", "--report", report)
    run = run_subprocess(*args, "--level-head", cwd=tmp_path)
    assert run.code == 0, run.err
    records = read_jsonl(report)
    assert set(records) == {"tilted.jpg", "upright.jpg"}
    assert records["tilted.jpg"]["status"] == "framed"
    assert records["tilted.jpg"]["angle"] >= 5, records["tilted.jpg"]
    assert records["upright.jpg"]["angle"] == 0.0, records["upright.jpg"]

    rerun = run_subprocess(*args, "--level-head", "--overwrite", cwd=tmp_path)  # nothing to redo
    assert rerun.code == 0, rerun.err
    again = read_jsonl(report)
    assert again["tilted.jpg"]["status"] == "skipped"
    assert again["tilted.jpg"]["angle"] == records["tilted.jpg"]["angle"]  # kept by the journal


def test_batch_no_level_head_redoes_the_photos_unlevelled(photos: Path, tmp_path: Path) -> None:
    report = tmp_path / "batch.jsonl"
    args = (
        "batch",
        photos,
        tmp_path / "out",
        "--size",
        "256",
        "--jobs",
        "1",
        "--report",
        report,
        "--overwrite",
    )
    assert run_subprocess(*args, "--level-head", cwd=tmp_path).code == 0
    run = run_subprocess(*args, "--no-level-head", cwd=tmp_path)  # other settings: done again
    assert run.code == 0, run.err
    records = read_jsonl(report)
    assert records["tilted.jpg"]["status"] == "framed"
    assert records["tilted.jpg"]["angle"] == 0.0
