"""End-to-end tests of `frame-studio batch IN_DIR OUT_DIR [options]`, as a real process.

Every test runs `python -m frame_studio batch ...` in a subprocess: exit codes, the summary
line, the reports, progress on a non-terminal and on a cp1252 console, and the batch being
killed (SIGKILL) or interrupted (SIGINT, Ctrl-C) in the middle and then resumed.
Photos are the committed portraits, scaled down and cropped a little differently each.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from helpers import portrait_image
from PIL import Image

from frame_studio.core.atomic import is_temp_name
from frame_studio.core.journal import JOURNAL_NAME

VIETNAMESE = "Nguyễn Thị Hường.jpg"
SUMMARY = re.compile(
    r"^(\d+) framed, (\d+) skipped, (\d+) rejected(, stopped early: (\d+) not done)?; \d+ to review"
    r"(?:; \d+ system files? ignored)?; report: (.+)$"
)


@dataclass(frozen=True)
class Run:
    code: int
    err: str
    out: str


def batch(*argv: str | Path, cwd: Path, env: dict[str, str] | None = None, encoding: str = "utf-8") -> Run:
    """Run `python -m frame_studio batch ARGV...` to the end."""
    done = subprocess.run(
        [sys.executable, "-m", "frame_studio", "batch", *(str(arg) for arg in argv)],
        cwd=cwd,
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )
    return Run(done.returncode, done.stderr.decode(encoding), done.stdout.decode(encoding))


def make_photos(folder: Path, count: int, size: tuple[int, int] = (400, 500)) -> list[str]:
    """`count` small portrait JPEGs, each cropped a little differently."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = [portrait_image("grace_hopper.jpg"), portrait_image("astronaut.jpg")]
    names = []
    for index in range(count):
        source = sources[index % 2]
        dx, dy = (index * 7) % 60, (index * 5) % 60
        crop = source.crop((dx, dy, source.width - (60 - dx), source.height - (60 - dy)))
        name = f"staff_{index:03}.jpg"
        crop.resize(size, Image.Resampling.BILINEAR).save(folder / name, quality=88)
        names.append(name)
    return names


def summary(run: Run) -> re.Match[str]:
    lines = run.err.splitlines()
    assert lines, run
    match = SUMMARY.match(lines[-1])
    assert match, f"no summary line: {lines[-1]!r}"
    return match


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def outputs_in(folder: Path) -> list[Path]:
    """The visible output images (not the journal, temp files or QR codes)."""
    return sorted(
        p
        for p in folder.rglob("*.jpg")
        if not p.name.startswith(".") and not p.name.startswith("campaign-qr")
    )


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if is_temp_name(p.name)]


def assert_complete_image(path: Path, size: int | None = None) -> None:
    with Image.open(path) as image:
        image.load()
        if size is not None:
            assert image.size == (size, size), path


def fingerprints(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in folder.iterdir()
    }


def done_outputs(out_dir: Path) -> dict[str, list[str]]:
    """Per input, the outputs of its last `done` line with status framed."""
    done: dict[str, list[str]] = {}
    for line in (out_dir / JOURNAL_NAME).read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue  # the last line may be cut by the kill
        if record.get("state") == "done" and record.get("status") == "framed":
            done[record["input"]] = record["outputs"]
    return done


# ---------------------------------------------------------------------------------------
# Exit codes, summary, reports, progress
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportRun:
    in_dir: Path
    out_dir: Path
    report: Path
    run: Run
    inputs: list[str]


@pytest.fixture(scope="module")
def report_run(tmp_path_factory: pytest.TempPathFactory) -> ReportRun:
    """Two photos (one with a Vietnamese name) and a text file named .jpg, with --report."""
    root = tmp_path_factory.mktemp("report run")
    in_dir = root / "in"
    make_photos(in_dir, 1)
    (in_dir / "staff_000.jpg").rename(in_dir / VIETNAMESE)
    make_photos(in_dir / "more", 1)
    (in_dir / "more" / "staff_000.jpg").rename(in_dir / "portrait.jpg")
    (in_dir / "more").rmdir()
    (in_dir / "text.jpg").write_text("Not a photo.\n", encoding="utf-8")
    report = root / "reports" / "batch.jsonl"
    report.parent.mkdir()
    run = batch(in_dir, root / "out", "--size", "256", "--jobs", "2", "--report", report, cwd=root)
    return ReportRun(in_dir, root / "out", report, run, sorted(p.name for p in in_dir.iterdir()))


def test_some_rejected_exits_1_with_a_summary(report_run: ReportRun) -> None:
    assert report_run.run.code == 1, report_run.run.err
    match = summary(report_run.run)
    assert match.group(1, 2, 3) == ("2", "0", "1")
    assert match.group(4) is None
    assert match.group(6) == str(report_run.report.with_suffix(".csv"))


def test_report_option_puts_jsonl_there_and_csv_beside_it(report_run: ReportRun) -> None:
    assert sorted(p.name for p in report_run.report.parent.iterdir()) == ["batch.csv", "batch.jsonl"]
    assert not (report_run.out_dir / "frame-studio-report.jsonl").exists()


def test_jsonl_report_has_one_line_per_input(report_run: ReportRun) -> None:
    records = read_jsonl(report_run.report)
    assert sorted(r["input"] for r in records) == report_run.inputs
    statuses = {r["input"]: r["status"] for r in records}
    assert statuses == {VIETNAMESE: "framed", "portrait.jpg": "framed", "text.jpg": "rejected"}
    rejected = next(r for r in records if r["status"] == "rejected")
    assert rejected["reason"] and rejected["output"] is None
    for record in records:
        if record["status"] == "framed":
            assert_complete_image(Path(record["output"]), 256)


def test_csv_report_opens_in_excel(report_run: ReportRun) -> None:
    data = report_run.report.with_suffix(".csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["Ảnh gốc", "Kết quả", "Cần xem lại", "Lý do", "Ghi chú", "Ảnh đã gắn khung"]
    by_file = {row[0]: row for row in rows[1:]}
    assert sorted(by_file) == report_run.inputs
    assert by_file[VIETNAMESE][1] == "Đã gắn khung"
    assert "Nguyễn Thị Hường" in by_file[VIETNAMESE][5]
    assert by_file["text.jpg"][1] == "Không xử lý được" and by_file["text.jpg"][3]
    assert by_file["text.jpg"][5] == ""


def test_progress_on_a_non_terminal_prints_plain_lines(report_run: ReportRun) -> None:
    err = report_run.run.err
    assert "\r" not in err and "\x1b" not in err
    lines = err.splitlines()
    progress = [re.fullmatch(r"\[([123])/3\] framed: (.+)", line) for line in lines if line.startswith("[")]
    assert all(progress), lines
    assert sorted(m.group(2) for m in progress if m) == sorted([VIETNAMESE, "portrait.jpg"])
    reason = next(r for r in read_jsonl(report_run.report) if r["status"] == "rejected")["reason"]
    assert [line for line in lines if line.startswith("rejected: ")] == [f"rejected: text.jpg: {reason}"]
    assert len(lines) == 4, lines  # two progress lines, one rejected line, the summary


def test_inputs_are_unchanged_by_the_batch(report_run: ReportRun) -> None:
    assert sorted(p.name for p in report_run.in_dir.iterdir()) == report_run.inputs


def test_all_framed_exits_0_with_reports_in_the_output_folder(tmp_path: Path) -> None:
    make_photos(tmp_path / "in", 2)
    run = batch("in", "out", "--size", "200", "--jobs", "1", cwd=tmp_path)
    assert run.code == 0, run.err
    assert summary(run).group(1, 2, 3) == ("2", "0", "0")
    out = tmp_path / "out"
    assert (out / "frame-studio-report.jsonl").is_file() and (out / "frame-studio-report.csv").is_file()
    assert [r["status"] for r in read_jsonl(out / "frame-studio-report.jsonl")] == ["framed", "framed"]
    assert (out / "campaign-qr.png").is_file() and (out / "campaign-qr.svg").is_file()

    again = batch("in", "out", "--size", "200", "--jobs", "1", cwd=tmp_path)
    assert again.code == 0, again.err
    assert summary(again).group(1, 2, 3) == ("0", "2", "0")
    assert [r["status"] for r in read_jsonl(out / "frame-studio-report.jsonl")] == ["skipped", "skipped"]


def _out_inside_in(root: Path) -> list[str]:
    return ["in", "in/framed"]


def _out_is_in(root: Path) -> list[str]:
    return ["in", "in"]


def _missing_in(root: Path) -> list[str]:
    return ["no such folder", "out"]


def _bad_frame(root: Path) -> list[str]:
    return ["in", "out", "--frame", "no-such-frame"]


def _bad_template(root: Path) -> list[str]:
    return ["in", "out", "--name", "{don_vi}/{ho_ten}"]


@pytest.mark.parametrize(
    "arguments",
    [_out_inside_in, _out_is_in, _missing_in, _bad_frame, _bad_template],
    ids=["out inside in", "out is in", "missing in", "bad frame", "bad name template"],
)
def test_cannot_start_exits_2(tmp_path: Path, arguments: Any) -> None:
    make_photos(tmp_path / "in", 1)
    before = fingerprints(tmp_path / "in")
    run = batch(*arguments(tmp_path), cwd=tmp_path)
    assert run.code == 2, run.err
    lines = run.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), run.err
    assert "Traceback" not in run.err
    assert fingerprints(tmp_path / "in") == before
    assert not (tmp_path / "in" / "framed").exists()


def test_vietnamese_names_do_not_crash_a_cp1252_console(tmp_path: Path) -> None:
    make_photos(tmp_path / "in", 1)
    (tmp_path / "in" / "staff_000.jpg").rename(tmp_path / "in" / VIETNAMESE)
    (tmp_path / "in" / f"hỏng {VIETNAMESE}").write_bytes(b"")
    run = batch(
        "in",
        "out",
        "--size",
        "200",
        "--jobs",
        "1",
        cwd=tmp_path,
        env={"PYTHONIOENCODING": "cp1252"},
        encoding="cp1252",
    )
    assert run.code == 1, run.err
    assert "Traceback" not in run.err
    escaped = VIETNAMESE.encode("cp1252", "backslashreplace").decode("cp1252")
    assert escaped != VIETNAMESE
    assert f"framed: {escaped}" in run.err, run.err
    assert f"rejected: {'hỏng '.encode('cp1252', 'backslashreplace').decode('cp1252')}{escaped}" in run.err
    assert summary(run).group(1, 2, 3) == ("1", "0", "1")
    records = read_jsonl(tmp_path / "out" / "frame-studio-report.jsonl")
    assert sorted(r["input"] for r in records) == sorted([VIETNAMESE, f"hỏng {VIETNAMESE}"])


# ---------------------------------------------------------------------------------------
# Killed and interrupted batches
# ---------------------------------------------------------------------------------------

PHOTOS = 40
KILL_ARGS = ("--size", "320", "--jobs", "2")


def start_batch(root: Path, log: Any) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "frame_studio", "batch", "in", "out", *KILL_ARGS],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=log,
        start_new_session=True,
    )


def wait_for_outputs(proc: subprocess.Popen[bytes], out_dir: Path, count: int, timeout: float = 60) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = len(outputs_in(out_dir)) if out_dir.exists() else 0
        if found >= count:
            return found
        assert proc.poll() is None, "the batch ended before it could be stopped"
        time.sleep(0.05)
    raise AssertionError(f"fewer than {count} outputs after {timeout} s")


def check_resumed(root: Path, names: Sequence[str], before: dict[str, tuple[str, int]]) -> None:
    """Rerun to completion and check the finished folder."""
    in_dir, out_dir = root / "in", root / "out"
    finished = done_outputs(out_dir)
    assert finished, "nothing was journaled as done before the stop"
    times = {o: (out_dir / o).stat().st_mtime_ns for outputs in finished.values() for o in outputs}

    rerun = batch("in", "out", *KILL_ARGS, cwd=root)
    assert rerun.code == 0, rerun.err
    records = read_jsonl(out_dir / "frame-studio-report.jsonl")
    assert sorted(r["input"] for r in records) == sorted(names), "every input exactly once"
    statuses = {r["input"]: r["status"] for r in records}
    assert all(status in {"framed", "skipped"} for status in statuses.values()), statuses
    assert {name for name, status in statuses.items() if status == "skipped"} == set(finished)
    for name, outputs in finished.items():
        for output in outputs:
            assert (out_dir / output).stat().st_mtime_ns == times[output], f"{name}: {output} was rewritten"

    outputs = outputs_in(out_dir)
    assert len(outputs) == len(names), "an input has two outputs, or one is missing"
    assert sorted(Path(r["output"]).name for r in records) == sorted(p.name for p in outputs)
    for output in outputs:
        assert_complete_image(output, 320)
    assert temp_files(out_dir) == []
    assert fingerprints(in_dir) == before, "an input was modified"


@pytest.mark.posix(reason="SIGKILL and process groups (os.killpg) are POSIX")
def test_sigkill_mid_batch_then_resume(tmp_path: Path) -> None:
    names = make_photos(tmp_path / "in", PHOTOS)
    before = fingerprints(tmp_path / "in")
    out_dir = tmp_path / "out"
    with (tmp_path / "first.log").open("wb") as log, start_batch(tmp_path, log) as proc:
        try:
            wait_for_outputs(proc, out_dir, 4)
        finally:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    # The moment after the kill: every file under a final name is complete.
    left = outputs_in(out_dir)
    assert 4 <= len(left) < PHOTOS, "the batch was not killed mid-way"
    for output in left:
        assert_complete_image(output, 320)
    check_resumed(tmp_path, names, before)


@pytest.mark.posix(reason="sends SIGINT to the process group with os.killpg (POSIX)")
def test_ctrl_c_stops_cleanly_keeps_finished_work_and_resumes(tmp_path: Path) -> None:
    names = make_photos(tmp_path / "in", PHOTOS)
    before = fingerprints(tmp_path / "in")
    out_dir = tmp_path / "out"
    with (tmp_path / "first.log").open("wb") as log, start_batch(tmp_path, log) as proc:
        try:
            wait_for_outputs(proc, out_dir, 4)
            os.killpg(proc.pid, signal.SIGINT)
            code = proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=30)
    err = (tmp_path / "first.log").read_text(encoding="utf-8")
    assert code == 1, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    match = summary(Run(code, err, ""))
    framed, skipped, rejected, not_done = (int(match.group(i)) for i in (1, 2, 3, 5))
    assert (skipped, rejected) == (0, 0) and framed >= 1 and not_done >= 1 and framed + not_done == PHOTOS
    records = read_jsonl(out_dir / "frame-studio-report.jsonl")
    assert len(records) == framed and all(r["status"] == "framed" for r in records)
    for record in records:
        assert_complete_image(tmp_path / record["output"], 320)  # relative to the batch's folder
    assert temp_files(out_dir) == [], "an interrupted batch left temp files"
    check_resumed(tmp_path, names, before)
