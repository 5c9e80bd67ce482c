"""End-to-end tests of `run_batch`: real photos, a real process pool (2 workers), real files.

The corpus is made here from the committed portraits (scaled down to keep the run fast)
plus generated bad inputs. One module fixture plans and runs it, then reruns it twice (same
settings, then other encoder settings), so that each test reads those runs.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import struct
import threading
import time
import unicodedata
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from helpers import no_face_image, portrait_image
from PIL import Image

from frame_studio.core.atomic import is_temp_name
from frame_studio.core.batch import run_batch
from frame_studio.core.batch_files import REPORT_STEM, write_batch_files
from frame_studio.core.batch_plan import BatchSettings, Plan, plan_batch
from frame_studio.core.journal import JOURNAL_NAME
from frame_studio.core.outcome import FRAMED, REJECTED, SKIPPED, JobResult
from frame_studio.core.qr import decode_qr
from frame_studio.core.reminder import REMINDER_FILE
from frame_studio.core.render import EncodeSettings

WORKERS = 2
SIZES = (200, 320)
EXIF_ORIENTATION, EXIF_GPS_IFD = 0x0112, 0x8825
QR_FILES = ("campaign-qr.png", "campaign-qr.svg")
VIETNAMESE = "Nguyễn Thị Hường.jpg"


def small_portrait(name: str = "grace_hopper.jpg", width: int = 300) -> Image.Image:
    image = portrait_image(name)
    return image.resize((width, round(image.height * width / image.width)), Image.Resampling.LANCZOS)


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def temp_files(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if is_temp_name(path.name)]


def journal_lines(out_dir: Path) -> list[dict[str, Any]]:
    lines = (out_dir / JOURNAL_NAME).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def output_times(results: list[JobResult]) -> dict[str, int]:
    return {output: Path(output).stat().st_mtime_ns for r in results for output in r.outputs}


def run(plan: Plan, **options: Any) -> list[JobResult]:
    """The photos, then the files beside them, as the CLI and the app run a batch."""
    results = list(run_batch(plan, workers=WORKERS, **options))
    files = write_batch_files(plan, [result.record() for result in results])
    assert not files.problems, files.problems
    return results


def assert_valid_image(path: Path, fmt: str, size: int) -> None:
    with Image.open(path) as image:
        assert (image.format, image.size) == (fmt, (size, size)), path
        image.load()  # a truncated file raises here
    with Image.open(path) as image:
        image.verify()


# ---------------------------------------------------------------------------------------
# The corpus
# ---------------------------------------------------------------------------------------


def _portrait(path: Path) -> None:
    small_portrait().save(path, quality=92)


def _astronaut(path: Path) -> None:
    small_portrait("astronaut.jpg").save(path, quality=92)


def _truncated(path: Path) -> None:
    buffer = io.BytesIO()
    small_portrait().save(buffer, format="JPEG", quality=92)
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])


def _png_bomb_header(path: Path) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (100, 100), (120, 30, 30)).save(buffer, format="PNG")
    data = bytearray(buffer.getvalue())
    data[16:24] = struct.pack(">II", 20_000, 20_000)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    path.write_bytes(bytes(data))


def _cmyk(path: Path) -> None:
    small_portrait().convert("CMYK").save(path, quality=92)


def _png_16_bit(path: Path) -> None:
    grey = np.asarray(small_portrait().convert("L"), dtype=np.uint16) * 257
    image = Image.fromarray(grey)
    assert image.mode == "I;16"
    image.save(path)


def _palette_transparent(path: Path) -> None:
    small_portrait().quantize(colors=128).save(path, transparency=0)
    with Image.open(path) as check:
        assert check.mode == "P" and "transparency" in check.info


def _orientation_6(path: Path) -> None:
    exif = Image.Exif()
    exif[EXIF_ORIENTATION] = 6
    small_portrait().transpose(Image.Transpose.ROTATE_90).save(path, quality=92, exif=exif)


def _with_gps(path: Path) -> None:
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Camera maker", "Camera model"
    exif.get_ifd(EXIF_GPS_IFD).update({1: "N", 2: (21.0, 50.0, 0.0), 3: "E", 4: (106.0, 45.0, 0.0)})
    small_portrait().save(path, quality=92, exif=exif)
    with Image.open(path) as check:
        assert check.getexif().get_ifd(EXIF_GPS_IFD)


def _no_face(path: Path) -> None:
    no_face_image((320, 240)).save(path)


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], None]
    status: str
    reason_words: str = ""
    has_face: bool = False


CORPUS = [
    Case("portrait.jpg", _portrait, FRAMED, has_face=True),
    Case("astronaut.jpg", _astronaut, FRAMED, has_face=True),
    Case("portrait.png", lambda p: small_portrait().save(p), FRAMED, has_face=True),
    Case("truncated.jpg", _truncated, REJECTED, "truncated"),
    Case("zero bytes.jpg", lambda p: p.write_bytes(b""), REJECTED, "empty"),
    Case("text.jpg", lambda p: p.write_text("Not a photo.\n"), REJECTED, "not a supported image"),
    Case("bomb.png", _png_bomb_header, REJECTED, "too large"),
    Case("cmyk.jpg", _cmyk, FRAMED, has_face=True),
    Case("grey-16-bit.png", _png_16_bit, FRAMED, has_face=True),
    Case("palette-transparent.png", _palette_transparent, FRAMED, has_face=True),
    Case("orientation-6.jpg", _orientation_6, FRAMED, has_face=True),
    Case("with gps.jpg", _with_gps, FRAMED, has_face=True),
    Case("landscape.png", _no_face, FRAMED),
    Case(unicodedata.normalize("NFC", VIETNAMESE), _portrait, FRAMED, has_face=True),
    Case(unicodedata.normalize("NFD", VIETNAMESE), _portrait, FRAMED, has_face=True),
    Case("-leading dash.jpg", _portrait, FRAMED, has_face=True),
]
FRAMED_CASES = [case.name for case in CORPUS if case.status == FRAMED]


@dataclass
class Runs:
    in_dir: Path
    out_dir: Path
    inputs_before: dict[str, tuple[str, int]]
    plan: Plan
    first: list[JobResult]
    after_first: dict[str, int]
    listing_after_first: list[str]
    temps_after_first: list[Path]
    second: list[JobResult]
    after_second: dict[str, int]
    third: list[JobResult]
    after_third: dict[str, int]
    plan_third: Plan

    def result(self, name: str) -> JobResult:
        (found,) = [r for r in self.first if r.input == name]
        return found


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    root = tmp_path_factory.mktemp("batch")
    in_dir, out_dir = root / "in", root / "out"
    in_dir.mkdir()
    for case in CORPUS:
        case.make(in_dir / case.name)
    assert len(list(in_dir.iterdir())) == len(CORPUS), "NFC and NFD names must be two files"
    before = {case.name: fingerprint(in_dir / case.name) for case in CORPUS}
    settings = BatchSettings(sizes=SIZES, format="jpg")

    plan = plan_batch(in_dir, out_dir, settings)
    first = run(plan)
    after_first = output_times(first)
    listing = sorted(p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*"))
    temps = temp_files(out_dir)

    second = run(plan_batch(in_dir, out_dir, settings))
    after_second = output_times(first)

    other = dataclasses.replace(settings, encode=EncodeSettings(jpeg_quality=70))
    plan_third = plan_batch(in_dir, out_dir, other)
    third = run(plan_third)
    after_third = output_times(third)
    return Runs(
        in_dir, out_dir, before, plan, first, after_first, listing, temps, second, after_second, third,
        after_third, plan_third,
    )  # fmt: skip


def test_every_input_ends_as_exactly_one_result(runs: Runs) -> None:
    names = [r.input for r in runs.first]
    assert sorted(names) == sorted(case.name for case in CORPUS)
    assert len(set(names)) == len(names)
    assert {r.status for r in runs.first} <= {FRAMED, REJECTED}


@pytest.mark.parametrize("case", CORPUS, ids=lambda case: case.name.encode("ascii", "replace").decode())
def test_input_ends_as_expected(runs: Runs, case: Case) -> None:
    result = runs.result(case.name)
    assert result.status == case.status, result
    if case.status == REJECTED:
        assert result.outputs == () and result.code
        assert result.reason and result.reason.isascii() and result.reason.isprintable(), result
        assert case.reason_words in result.reason, result
        assert "Traceback" not in result.reason and result.code != "internal", result
    else:
        assert result.reason is None and len(result.outputs) == len(SIZES), result
        if case.has_face:
            assert result.faces, f"no face found in {case.name}"
            assert result.window_rect is not None


def test_inputs_are_byte_identical_with_the_same_mtime(runs: Runs) -> None:
    after = {name: fingerprint(runs.in_dir / name) for name in runs.inputs_before}
    assert after == runs.inputs_before
    assert sorted(p.name for p in runs.in_dir.iterdir()) == sorted(runs.inputs_before)


def test_outputs_are_complete_images_of_the_requested_sizes(runs: Runs) -> None:
    outputs = [output for r in runs.first for output in r.outputs]
    assert len(outputs) == len(FRAMED_CASES) * len(SIZES)
    assert len(set(outputs)) == len(outputs)
    for r in runs.first:
        if r.status != FRAMED:
            continue
        for size, output in zip(SIZES, r.outputs, strict=True):
            path = Path(output)
            assert path.parent == runs.out_dir and path.suffix == ".jpg", output
            assert_valid_image(path, "JPEG", size)


def test_output_folder_holds_only_outputs_journal_and_qr(runs: Runs) -> None:
    outputs = {Path(o).name for r in runs.first for o in r.outputs}
    assert runs.temps_after_first == []
    reports = {f"{REPORT_STEM}.jsonl", f"{REPORT_STEM}.csv"}
    assert set(runs.listing_after_first) == outputs | {JOURNAL_NAME, *QR_FILES, REMINDER_FILE, *reports}


def test_outputs_carry_no_exif(runs: Runs) -> None:
    for output in runs.result("with gps.jpg").outputs:
        with Image.open(output) as image:
            assert dict(image.getexif()) == {}
            assert "exif" not in image.info
        assert b"Camera maker" not in Path(output).read_bytes()


def test_qr_files_exist_and_decode_to_the_frame_link(runs: Runs) -> None:
    link = runs.plan.frame.link
    assert link
    png, svg = (runs.out_dir / name for name in QR_FILES)
    assert svg.is_file() and b"<svg" in svg.read_bytes()[:500]
    with Image.open(png) as image:
        assert decode_qr(image) == link


def test_journal_records_every_input(runs: Runs) -> None:
    done = [line for line in journal_lines(runs.out_dir) if line["state"] == "done"]
    first_run = done[: len(CORPUS)]
    assert sorted(line["input"] for line in first_run) == sorted(case.name for case in CORPUS)
    for line in first_run:
        assert line["settings"] == runs.plan.settings_hash
        assert line["status"] == runs.result(line["input"]).status


def test_rerun_with_the_same_settings_skips_and_rewrites_nothing(runs: Runs) -> None:
    statuses = {r.input: r.status for r in runs.second}
    assert sorted(statuses) == sorted(case.name for case in CORPUS)
    for case in CORPUS:
        assert statuses[case.name] == (SKIPPED if case.status == FRAMED else REJECTED), case.name
    assert runs.after_second == runs.after_first
    skipped = {r.input: r for r in runs.second if r.status == SKIPPED}
    for name, result in skipped.items():
        assert result.outputs == runs.result(name).outputs
        assert result.faces == runs.result(name).faces


def test_rerun_with_other_settings_redoes_the_photos_under_the_same_names(runs: Runs) -> None:
    statuses = {r.input: r.status for r in runs.third}
    for case in CORPUS:
        assert statuses[case.name] == case.status, case.name
    for r in runs.third:
        if r.status == FRAMED:
            assert r.outputs == runs.result(r.input).outputs, "our own earlier outputs get numbered"
            for size, output in zip(SIZES, r.outputs, strict=True):
                assert runs.after_third[output] != runs.after_first[output], f"{output} was not redone"
                assert_valid_image(Path(output), "JPEG", size)
    assert runs.plan_third.settings_hash != runs.plan.settings_hash
    assert temp_files(runs.out_dir) == []


# ---------------------------------------------------------------------------------------
# Overwrite rules
# ---------------------------------------------------------------------------------------


def test_foreign_file_is_kept_and_overwrite_replaces_it(tmp_path: Path) -> None:
    in_dir, out_dir, other_out = tmp_path / "in", tmp_path / "out", tmp_path / "other out"
    in_dir.mkdir()
    _portrait(in_dir / "photo.jpg")
    for folder in (out_dir, other_out):
        folder.mkdir()
        (folder / "photo_jpg.jpg").write_bytes(b"someone else's file, not an image")
    foreign = out_dir / "photo_jpg.jpg"
    settings = BatchSettings(sizes=(200,))

    (result,) = list(run_batch(plan_batch(in_dir, out_dir, settings), workers=1))
    assert result.status == FRAMED
    assert result.outputs == (str(out_dir / "photo_jpg (1).jpg"),)
    assert foreign.read_bytes() == b"someone else's file, not an image"
    assert_valid_image(Path(result.outputs[0]), "JPEG", 200)

    assert temp_files(out_dir) == []

    replacing = dataclasses.replace(settings, overwrite=True)
    plan = plan_batch(in_dir, other_out, replacing)
    (job,) = plan.jobs
    assert job.outputs == ("photo_jpg.jpg",) and job.replace
    (result,) = list(run_batch(plan, workers=1))
    assert result.status == FRAMED and result.outputs == (str(other_out / "photo_jpg.jpg"),)
    assert_valid_image(other_out / "photo_jpg.jpg", "JPEG", 200)
    assert sorted(p.name for p in other_out.glob("*.jpg")) == ["photo_jpg.jpg"]
    assert temp_files(other_out) == []


# ---------------------------------------------------------------------------------------
# Cancel and resume
# ---------------------------------------------------------------------------------------


def _photos(folder: Path, count: int) -> list[str]:
    folder.mkdir()
    base = small_portrait(width=320)
    names = []
    for index in range(count):
        crop = base.crop((index * 3, index * 2, base.width - index * 2, base.height - index * 3))
        name = f"staff_{index:03}.jpg"
        crop.save(folder / name, quality=90)
        names.append(name)
    return names


def test_cancel_stops_early_keeps_finished_work_and_a_rerun_finishes(tmp_path: Path) -> None:
    in_dir, out_dir = tmp_path / "in", tmp_path / "out"
    names = _photos(in_dir, 10)
    settings = BatchSettings(sizes=(200,))
    cancel = threading.Event()
    first: list[JobResult] = []
    for result in run_batch(plan_batch(in_dir, out_dir, settings), workers=WORKERS, cancel=cancel):
        first.append(result)
        cancel.set()
    assert 1 <= len(first) < len(names), "the batch did not stop early"
    assert all(r.status == FRAMED for r in first)
    done = {line["input"] for line in journal_lines(out_dir) if line["state"] == "done"}
    assert done == {r.input for r in first}
    before = output_times(first)
    for output in before:
        assert_valid_image(Path(output), "JPEG", 200)

    second = list(run_batch(plan_batch(in_dir, out_dir, settings), workers=WORKERS))
    statuses = {r.input: r.status for r in second}
    assert sorted(statuses) == names
    assert {name for name, status in statuses.items() if status == SKIPPED} == {r.input for r in first}
    assert all(status in {SKIPPED, FRAMED} for status in statuses.values())
    assert output_times(first) == before, "finished work was redone"
    outputs = [output for r in second for output in r.outputs]
    assert len(set(outputs)) == len(names), "an input got a second output"
    for output in outputs:
        assert_valid_image(Path(output), "JPEG", 200)
    assert sorted(p.name for p in out_dir.glob("*.jpg")) == sorted(Path(o).name for o in outputs)
    assert temp_files(out_dir) == []


# ---------------------------------------------------------------------------------------
# A worker that dies
# ---------------------------------------------------------------------------------------


class _WriteMarker:
    """Unpickles, in the worker, as `Path(marker).write_text("crash")` (returns 5)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (Path.write_text, (self.marker, "crash"))


class _KillsTheWorker:
    """Unpickles, in the worker, as a marker file and then `os._exit(5)`: a real process death.

    Put in a job's `person`, it makes the worker die as it receives the job, the way a
    decoder crash on a hostile file would (the parent process is untouched).
    """

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (os._exit, (_WriteMarker(self.marker),))


def test_a_job_that_kills_its_worker_is_rejected_and_the_others_framed(tmp_path: Path) -> None:
    in_dir, out_dir = tmp_path / "in", tmp_path / "out"
    names = _photos(in_dir, 8)
    marker = tmp_path / "worker-died"
    plan = plan_batch(in_dir, out_dir, BatchSettings(sizes=(200,)))
    culprit = plan.jobs[2]
    plan.jobs[2] = dataclasses.replace(culprit, person=(("ho_ten", _KillsTheWorker(marker)),))  # type: ignore[arg-type]
    results: list[JobResult] = []
    for result in run_batch(plan, workers=WORKERS):
        results.append(result)
        if len(results) == 1:
            # Let the crash happen and be noticed while the batch is between two photos.
            deadline = time.monotonic() + 30
            while not marker.exists() and time.monotonic() < deadline:
                time.sleep(0.02)
            time.sleep(0.5)
    statuses = {r.input: r for r in results}
    assert sorted(statuses) == names and len(results) == len(names)
    crashed = statuses[culprit.name]
    assert (crashed.status, crashed.code) == (REJECTED, "crashed"), crashed
    assert crashed.reason and "crashed" in crashed.reason
    for name in names:
        if name != culprit.name:
            assert statuses[name].status == FRAMED, statuses[name]
            assert_valid_image(Path(statuses[name].outputs[0]), "JPEG", 200)

    rerun = list(run_batch(plan_batch(in_dir, out_dir, BatchSettings(sizes=(200,))), workers=WORKERS))
    assert {r.input: r.status for r in rerun} == {
        name: FRAMED if name == culprit.name else SKIPPED for name in names
    }
    assert temp_files(out_dir) == []
