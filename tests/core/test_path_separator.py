"""Paths shown to people use the platform's separator, one style throughout (issue 11).

A batch keeps the names relative to its folders joined with "/" on every platform: they are
keys (plan, journal, window). Where a name is shown (the reports, the notes, the command
line's lines) `winpath.shown` writes it with the platform's separator, like the full paths
`str(Path)` writes beside it. On Linux the Windows style is checked by setting
`winpath.SEPARATOR` to a backslash, as `APPLY_WINDOWS_RULES` imitates Windows' length rule.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path, PurePath, PureWindowsPath

import pytest
from helpers import run_cli

from frame_studio.core import winpath
from frame_studio.core.batch_files import write_batch_files
from frame_studio.core.batch_plan import BatchSettings, plan_batch
from frame_studio.core.outcome import FRAMED, REJECTED, JobResult
from frame_studio.core.report import read_report, update_reports
from frame_studio.core.roster import read_roster
from frame_studio.core.winpath import shown

DATA = Path(__file__).parent.parent / "data"
NAMES = ["Tổ 2/Nguyễn Thị Hường.jpg", "Tổ 2/b/c.jpg", "a.jpg"]


@pytest.fixture
def as_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(winpath, "SEPARATOR", "\\")


@pytest.mark.parametrize("name", NAMES)
def test_shown_writes_what_str_of_a_path_writes(name: str) -> None:
    assert shown(name) == str(PurePath(name))  # this platform's style, whichever it is


@pytest.mark.usefixtures("as_on_windows")
@pytest.mark.parametrize("name", NAMES)
def test_shown_writes_windows_style_there(name: str) -> None:
    assert shown(name) == str(PureWindowsPath(name))
    assert "/" not in shown(name)


def test_shown_leaves_a_name_at_the_top_and_a_windows_path_as_they_are(as_on_windows: None) -> None:
    assert shown("Nguyễn Thị Hường.jpg") == "Nguyễn Thị Hường.jpg"
    windows_path = str(PureWindowsPath("D:/Ảnh/Tổ 2/a.jpg"))
    assert shown(windows_path) == windows_path == "D:\\Ảnh\\Tổ 2\\a.jpg"


def test_reports_and_notes_show_names_with_one_separator(tmp_path: Path, as_on_windows: None) -> None:
    in_dir, out_dir = tmp_path / "in", tmp_path / "out"
    for name in NAMES:
        (in_dir / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(DATA / "grace_hopper.jpg", in_dir / name)
    roster_file = tmp_path / "danh sách.csv"
    roster_file.write_text("tep_anh;ho_ten\r\na.jpg;An\r\n", encoding="utf-8-sig")
    plan = plan_batch(in_dir, out_dir, BatchSettings(recursive=True), roster=read_roster(roster_file))
    assert [job.name for job in plan.jobs] == ["a.jpg", "Tổ 2/Nguyễn Thị Hường.jpg", "Tổ 2/b/c.jpg"]
    assert "Tổ 2\\Nguyễn Thị Hường.jpg: no row in the roster" in plan.notes
    assert "Tổ 2\\b\\c.jpg: no row in the roster" in plan.notes

    results = {
        job.name: JobResult(job.name, FRAMED, tuple(str(out_dir / o) for o in job.outputs))
        for job in plan.jobs
    }
    results["a.jpg"] = JobResult("a.jpg", REJECTED, reason="test", code="damaged")
    out_dir.mkdir()  # as the batch does
    files = write_batch_files(plan, [result.record() for result in reversed(results.values())])
    assert files.problems == []
    shown_names = ["a.jpg", "Tổ 2\\Nguyễn Thị Hường.jpg", "Tổ 2\\b\\c.jpg"]
    lines = files.written["report_jsonl"].read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["input"] for line in lines] == shown_names  # in the plan's order
    rows = list(csv.DictReader(io.StringIO(files.written["report_csv"].read_text(encoding="utf-8-sig"))))
    assert [row["Ảnh gốc"] for row in rows] == shown_names

    update_reports(results["a.jpg"].record(), files.written["report_jsonl"], files.written["report_csv"])
    fixed = JobResult("Tổ 2/b/c.jpg", FRAMED, ("elsewhere.jpg",))
    update_reports(fixed.record(), files.written["report_jsonl"], files.written["report_csv"])
    records = read_report(files.written["report_jsonl"])
    assert [record["input"] for record in records] == shown_names  # replaced, not added
    assert records[2]["output"] == "elsewhere.jpg"


def test_the_command_line_shows_names_as_the_report_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], as_on_windows: None
) -> None:
    photo = tmp_path / "in" / "Tổ 2" / "a.jpg"
    photo.parent.mkdir(parents=True)
    shutil.copyfile(DATA / "grace_hopper.jpg", photo)
    (tmp_path / "in" / "Tổ 2" / "notes.jpg").write_text("not a photo", encoding="utf-8")
    run = run_cli(capsys, "batch", tmp_path / "in", tmp_path / "out", "--recursive", "--size", "256")
    assert run.code == 1, run.err
    lines = run.err.splitlines()
    assert "[1/2] framed: Tổ 2\\a.jpg" in lines or "[2/2] framed: Tổ 2\\a.jpg" in lines, lines
    assert any(line.startswith("rejected: Tổ 2\\notes.jpg: ") for line in lines), lines
    records = read_report(tmp_path / "out" / "frame-studio-report.jsonl")
    assert [record["input"] for record in records] == ["Tổ 2\\a.jpg", "Tổ 2\\notes.jpg"]


def test_a_fix_replaces_the_row_of_a_report_written_with_slashes(tmp_path: Path, as_on_windows: None) -> None:
    jsonl, csv_file = tmp_path / "report.jsonl", tmp_path / "report.csv"
    jsonl.write_text(json.dumps({"input": "Tổ 2/a.jpg", "status": "rejected"}) + "\n", encoding="utf-8")
    update_reports(JobResult("Tổ 2/a.jpg", FRAMED, ("a.jpg",)).record(), jsonl, csv_file)
    assert [(r["input"], r["status"]) for r in read_report(jsonl)] == [("Tổ 2\\a.jpg", FRAMED)]
