"""End-to-end tests of `frame-studio render PHOTO... -o OUT_DIR [options]`.

Most tests call the CLI in-process (`main([...])`, output captured with capsys); a few run a
real `python -m frame_studio` subprocess for exit codes, `--version` and a file name that
starts with a dash. Photos are the committed public-domain portraits and pictures made by
`tests/helpers.py`; the bad-input corpus is generated here, in a temporary folder, and run
through the CLI once (module fixture `corpus`) so that every test about it reads one run.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import socket
import struct
import unicodedata
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from helpers import DATA, Run, assert_image_similar, no_face_image, portrait_image, run_cli, run_subprocess
from PIL import Image

from frame_studio import __version__
from frame_studio.cli import main

REPORT_KEYS = {
    *("input", "status", "output", "outputs", "reason", "flags", "faces", "window_rect", "angle"),
    *("code", "review", "review_reasons"),
}
FORMAT_BY_OPTION = {"png": "PNG", "jpg": "JPEG", "webp": "WEBP"}
EXIF_ORIENTATION, EXIF_GPS_IFD = 0x0112, 0x8825
VIETNAMESE_NAME = "Nguyễn Thị Hường.jpg"

# The pixel operation that, applied to an upright picture, gives what a camera stores with
# EXIF orientation n (the inverse of the rotation a viewer applies to show it upright).
STORED_FOR_ORIENTATION: dict[int, Image.Transpose | None] = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


# ---------------------------------------------------------------------------------------
# Helpers: running the CLI, reading its report, fingerprints of files
# ---------------------------------------------------------------------------------------


def read_report(path: Path) -> list[dict[str, Any]]:
    """The JSON Lines report: one object per line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def render_one(capsys: pytest.CaptureFixture[str], photo: Path, out: Path, *options: str) -> dict[str, Any]:
    """Render one photo with a report and return its report record (asserts exit 0)."""
    report = out.parent / f"{out.name}.report.jsonl"
    run = run_cli(capsys, "render", photo, "-o", out, "--report", report, *options)
    assert run.code == 0, run.err
    (record,) = read_report(report)
    return record


def fingerprint(path: Path) -> tuple[str, int]:
    """SHA-256 of the contents (or "folder") and the modification time in ns."""
    digest = "folder" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return digest, path.stat().st_mtime_ns


def names_in(folder: Path) -> list[str]:
    """The sorted names of a folder's entries."""
    return sorted(entry.name for entry in folder.iterdir())


def box_inside(inner: Sequence[float], outer: Sequence[float], slack: float = 0.5) -> bool:
    """True when the box (x, y, w, h) `inner` lies within `outer` (report values are rounded)."""
    x, y, w, h = inner[:4]
    ox, oy, ow, oh = outer[:4]
    return ox - slack <= x and oy - slack <= y and x + w <= ox + ow + slack and y + h <= oy + oh + slack


def save_oriented(upright: Image.Image, orientation: int, path: Path) -> None:
    """Save a JPEG that shows `upright` once its EXIF orientation is applied."""
    method = STORED_FOR_ORIENTATION[orientation]
    stored = upright if method is None else upright.transpose(method)
    exif = Image.Exif()
    exif[EXIF_ORIENTATION] = orientation
    stored.save(path, quality=95, exif=exif)


def png_bomb_header(path: Path, width: int = 20_000, height: int = 20_000) -> None:
    """A small, valid PNG whose IHDR claims `width` x `height` (CRC fixed)."""
    buffer = io.BytesIO()
    Image.new("RGB", (100, 100), (120, 30, 30)).save(buffer, format="PNG")
    data = bytearray(buffer.getvalue())
    assert data[12:16] == b"IHDR"
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    path.write_bytes(bytes(data))


def jpeg_with_gps(path: Path) -> None:
    """The portrait as a JPEG carrying camera EXIF and a GPS position."""
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Camera maker", "Camera model"
    exif.get_ifd(EXIF_GPS_IFD).update({1: "N", 2: (21.0, 50.0, 0.0), 3: "E", 4: (106.0, 45.0, 0.0)})
    portrait_image().save(path, quality=95, exif=exif)
    with Image.open(path) as check:  # the precondition: the input really has GPS
        assert check.getexif().get_ifd(EXIF_GPS_IFD)


def similar_faces_group() -> Image.Image:
    """Two real portraits side by side, scaled so that their faces are about the same size.

    (helpers.group_photo keeps the astronaut's face about 2.7 times smaller in area, which
    correctly is *not* flagged `several_faces`.)
    """
    left, right = portrait_image("grace_hopper.jpg"), portrait_image("astronaut.jpg")
    right = right.resize((round(right.width * 1.85), round(right.height * 1.85)), Image.Resampling.LANCZOS)
    right = right.crop((0, 0, right.width, left.height))
    canvas = Image.new("RGB", (left.width + right.width + 40, left.height), (200, 200, 200))
    canvas.paste(left, (0, 0))
    canvas.paste(right, (left.width + 40, 0))
    return canvas


# ---------------------------------------------------------------------------------------
# The bad-input corpus: each case writes one input and says how it must end
# ---------------------------------------------------------------------------------------


def _truncated_jpeg(path: Path) -> None:
    data = (DATA / "grace_hopper.jpg").read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _cmyk_jpeg(path: Path) -> None:
    portrait_image().convert("CMYK").save(path, quality=95)


def _png_16_bit(path: Path) -> None:
    grey = np.asarray(portrait_image().convert("L"), dtype=np.uint16) * 257
    image = Image.fromarray(grey)
    assert image.mode == "I;16"
    image.save(path)


def _palette_png_with_transparency(path: Path) -> None:
    image = portrait_image().quantize(colors=128)
    image.save(path, transparency=0)
    with Image.open(path) as check:
        assert check.mode == "P" and "transparency" in check.info


def _copy_portrait(path: Path) -> None:
    shutil.copyfile(DATA / "grace_hopper.jpg", path)


@dataclass(frozen=True)
class Case:
    """One corpus input: its file name, how to make it, and how it must end."""

    name: str
    make: Callable[[Path], None]
    status: str
    reason_words: str = ""  # rejected: words the reason must contain
    has_face: bool = False  # framed: the portrait's face must be found


CORPUS: list[Case] = [
    Case("portrait.jpg", _copy_portrait, "framed", has_face=True),
    Case("truncated.jpg", _truncated_jpeg, "rejected", "truncated"),
    Case("zero bytes.jpg", lambda p: p.write_bytes(b""), "rejected", "empty"),
    Case(
        "text.jpg", lambda p: p.write_text("Not a photo, just text.\n"), "rejected", "not a supported image"
    ),
    Case("bomb.png", png_bomb_header, "rejected", "too large"),
    Case("cmyk.jpg", _cmyk_jpeg, "framed", has_face=True),
    Case("grey-16-bit.png", _png_16_bit, "framed", has_face=True),
    Case("palette-transparent.png", _palette_png_with_transparency, "framed", has_face=True),
    *(
        Case(
            f"orientation-{n}.jpg",
            lambda p, n=n: save_oriented(portrait_image(), n, p),
            "framed",
            has_face=True,
        )
        for n in range(1, 9)
    ),
    Case(unicodedata.normalize("NFC", VIETNAMESE_NAME), _copy_portrait, "framed", has_face=True),
    Case(unicodedata.normalize("NFD", VIETNAMESE_NAME), _copy_portrait, "framed", has_face=True),
    Case("photo with  spaces .jpg", _copy_portrait, "framed", has_face=True),
    Case("-leading dash.jpg", _copy_portrait, "framed", has_face=True),
    Case("--looks-like-an-option.jpg", _copy_portrait, "framed", has_face=True),
    Case("tiny 40x40.png", lambda p: portrait_image().resize((40, 40)).save(p), "rejected", "too small"),
    Case("a folder.jpg", lambda p: p.mkdir(), "rejected", "folder"),
]


@dataclass(frozen=True)
class CorpusRun:
    """The corpus, one CLI run over all of it, and the inputs' fingerprints before it."""

    folder: Path
    out_dir: Path
    inputs: list[str]
    before: dict[str, tuple[str, int]]
    run: Run
    report: list[dict[str, Any]]

    def record(self, name: str) -> dict[str, Any]:
        return self.report[self.inputs.index(name)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> CorpusRun:
    """Write the corpus and render all of it once, from inside its folder, with a report."""
    folder = tmp_path_factory.mktemp("corpus")
    for case in CORPUS:
        case.make(folder / case.name)
    assert len(names_in(folder)) == len(CORPUS), "NFC and NFD names must be two files"
    inputs = [case.name for case in CORPUS]
    before = {name: fingerprint(folder / name) for name in inputs}
    out_dir, report = folder.parent / f"{folder.name}-out", folder.parent / f"{folder.name}-report.jsonl"
    stdout, stderr = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)  # inputs as given are bare names, so "-leading dash.jpg" starts with "-"
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = main(["render", "-o", str(out_dir), "--report", str(report), "--", *inputs])
    return CorpusRun(
        folder, out_dir, inputs, before, Run(code, stdout.getvalue(), stderr.getvalue()), read_report(report)
    )


# ---------------------------------------------------------------------------------------
# The corpus: one run, every input accounted for
# ---------------------------------------------------------------------------------------


def test_corpus_exit_code_is_1_when_some_are_rejected(corpus: CorpusRun) -> None:
    assert corpus.run.code == 1, corpus.run.err


def test_corpus_has_one_report_line_per_input_in_order(corpus: CorpusRun) -> None:
    assert [record["input"] for record in corpus.report] == corpus.inputs


def test_corpus_report_schema(corpus: CorpusRun) -> None:
    for record in corpus.report:
        assert set(record) == REPORT_KEYS, record
        assert record["status"] in {"framed", "rejected"}
        assert isinstance(record["review"], bool)
        assert record["review"] or record["status"] == "framed", record
        assert isinstance(record["flags"], list)
        assert all(isinstance(flag, str) for flag in record["flags"])
        assert isinstance(record["faces"], list)
        for face in record["faces"]:
            assert len(face) == 5 and all(isinstance(v, int | float) for v in face), face
            assert face[2] > 0 and face[3] > 0 and 0 < face[4] <= 1, face
        if record["status"] == "framed":
            rect = record["window_rect"]
            assert len(rect) == 4 and all(isinstance(v, int | float) for v in rect), record
            assert rect[2] > 0 and rect[3] > 0, record
            assert isinstance(record["angle"], int | float) and -180 < record["angle"] <= 180, record
        else:
            assert record["angle"] is None, record


@pytest.mark.parametrize("case", CORPUS, ids=lambda case: case.name)
def test_corpus_input_ends_as_expected(corpus: CorpusRun, case: Case) -> None:
    record = corpus.record(case.name)
    assert record["status"] == case.status, record
    if case.status == "rejected":
        assert record["output"] is None
        reason = record["reason"]
        assert isinstance(reason, str) and reason.strip(), record
        assert reason.isascii() and reason.isprintable(), f"not a plain English sentence: {reason!r}"
        assert case.reason_words in reason, reason
        assert "Traceback" not in reason and "Error:" not in reason, reason
    else:
        assert record["reason"] is None
        if case.has_face:
            assert record["faces"], f"no face found in {case.name}"
            assert box_inside(record["faces"][0], record["window_rect"]), record


def test_corpus_framed_outputs_are_1080_png_images(corpus: CorpusRun) -> None:
    framed = [record for record in corpus.report if record["status"] == "framed"]
    assert framed
    for record in framed:
        output = Path(record["output"])
        assert output.is_file() and output.parent == corpus.out_dir and output.suffix == ".png", record
        with Image.open(output) as image:
            assert (image.format, image.size, image.mode) == ("PNG", (1080, 1080), "RGB"), output
            image.verify()
    outputs = [record["output"] for record in framed]
    assert len(set(outputs)) == len(outputs), "two inputs share an output"
    assert names_in(corpus.out_dir) == sorted(Path(output).name for output in outputs), (
        "the output folder holds something else (left-over temp files?)"
    )


def test_corpus_inputs_are_unchanged(corpus: CorpusRun) -> None:
    after = {name: fingerprint(corpus.folder / name) for name in corpus.inputs}
    assert after == corpus.before
    assert names_in(corpus.folder) == sorted(corpus.inputs), "files appeared beside the inputs"


def test_corpus_stderr_has_one_line_per_rejected_file(corpus: CorpusRun) -> None:
    rejected = [record["input"] for record in corpus.report if record["status"] == "rejected"]
    lines = corpus.run.err.splitlines()
    rejected_lines = [line for line in lines if line.startswith("rejected: ")]
    assert len(rejected_lines) == len(rejected), corpus.run.err
    for name, line in zip(rejected, rejected_lines, strict=True):
        assert line.startswith(f"rejected: {name}: "), line
    framed = len(corpus.inputs) - len(rejected)
    assert len(lines) == len(rejected) + 1 and lines[-1] == f"{framed} framed, {len(rejected)} rejected"
    assert len(corpus.run.out.splitlines()) == framed, corpus.run.out


def test_corpus_exif_orientations_give_the_same_upright_result(corpus: CorpusRun) -> None:
    """All eight files show the same upright portrait: same face, same window, same avatar."""
    reference = corpus.record("orientation-1.jpg")
    width, height = portrait_image().size
    with Image.open(reference["output"]) as image:
        expected = image.convert("RGB")
    for n in range(2, 9):
        record = corpus.record(f"orientation-{n}.jpg")
        for face_value, reference_value in zip(
            record["faces"][0][:4], reference["faces"][0][:4], strict=True
        ):
            assert abs(face_value - reference_value) <= 0.03 * max(width, height), (n, record["faces"])
        with Image.open(record["output"]) as image:
            assert_image_similar(image.convert("RGB"), expected, 4.0, f"orientation-{n}")


def _folder(path: Path) -> None:
    path.mkdir()


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _dangling_link(path: Path) -> None:
    path.symlink_to(path.parent / "gone.jpg")


@pytest.mark.parametrize(
    ("make", "reason_words"),
    [
        pytest.param(_folder, "folder", id="folder"),
        pytest.param(_fifo, "special file", id="fifo", marks=pytest.mark.posix(reason="no FIFOs on Windows")),
        pytest.param(
            _dangling_link,
            "missing file",
            id="dangling link",
            marks=pytest.mark.posix(reason="creating symlinks needs a privilege on Windows"),
        ),
    ],
)
def test_non_regular_file_is_rejected_and_the_others_still_framed(
    capsys: pytest.CaptureFixture[str],
    portrait: Path,
    tmp_path: Path,
    make: Callable[[Path], None],
    reason_words: str,
) -> None:
    odd = tmp_path / "holiday.jpg"
    make(odd)
    report, out = tmp_path / "report.jsonl", tmp_path / "out"
    run = run_cli(capsys, "render", odd, portrait, "-o", out, "--report", report, "--size", "256")
    assert run.code == 1, run.err
    rejected, framed = read_report(report)
    assert (rejected["status"], rejected["output"]) == ("rejected", None)
    assert reason_words in rejected["reason"], rejected
    assert framed["status"] == "framed" and Path(framed["output"]).is_file()
    assert [line for line in run.err.splitlines() if line.startswith("rejected:")] == [
        f"rejected: {odd}: {rejected['reason']}"
    ]


# ---------------------------------------------------------------------------------------
# Flags, faces and the window
# ---------------------------------------------------------------------------------------


def test_all_framed_exits_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    photos = [DATA / "grace_hopper.jpg", DATA / "astronaut.jpg"]
    run = run_cli(capsys, "render", *photos, "-o", tmp_path / "out")
    assert run.code == 0, run.err
    assert [line.split(" -> ")[0] for line in run.out.splitlines()] == [f"framed: {p}" for p in photos]
    assert run.err.splitlines() == ["2 framed, 0 rejected"]


def test_portrait_window_contains_its_face(
    capsys: pytest.CaptureFixture[str], portrait: Path, tmp_path: Path
) -> None:
    record = render_one(capsys, portrait, tmp_path / "out")
    assert record["status"] == "framed" and record["reason"] is None
    assert len(record["faces"]) == 1
    assert record["faces"][0][4] >= 0.7
    assert box_inside(record["faces"][0], record["window_rect"])
    assert "no_face" not in record["flags"] and "several_faces" not in record["flags"]


def test_no_face_picture_is_framed_and_flagged(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    photo = tmp_path / "landscape.png"
    no_face_image().save(photo)
    record = render_one(capsys, photo, tmp_path / "out")
    assert record["status"] == "framed" and Path(record["output"]).is_file()
    assert "no_face" in record["flags"] and record["faces"] == []


def test_group_photo_with_similar_faces_is_flagged(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    photo = tmp_path / "group.jpg"
    similar_faces_group().save(photo, quality=95)
    record = render_one(capsys, photo, tmp_path / "out")
    assert record["status"] == "framed"
    assert len(record["faces"]) == 2, record["faces"]
    assert "several_faces" in record["flags"], record


# ---------------------------------------------------------------------------------------
# Output formats, size and privacy
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["png", "jpg", "webp"])
def test_format_and_size_options(
    capsys: pytest.CaptureFixture[str], portrait: Path, tmp_path: Path, fmt: str
) -> None:
    record = render_one(capsys, portrait, tmp_path / "out", "--format", fmt, "--size", "512")
    output = Path(record["output"])
    assert output.suffix == f".{fmt}"
    with Image.open(output) as image:
        assert (image.format, image.size) == (FORMAT_BY_OPTION[fmt], (512, 512))


@pytest.mark.parametrize("fmt", ["png", "jpg", "webp"])
def test_outputs_carry_no_exif_or_gps(capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str) -> None:
    photo = tmp_path / "with gps.jpg"
    jpeg_with_gps(photo)
    record = render_one(capsys, photo, tmp_path / "out", "--format", fmt, "--size", "256")
    output = Path(record["output"])
    with Image.open(output) as image:
        exif = image.getexif()
        assert dict(exif) == {}, dict(exif)
        assert not exif.get_ifd(EXIF_GPS_IFD)
        assert "exif" not in image.info
    assert b"Camera maker" not in output.read_bytes()


# ---------------------------------------------------------------------------------------
# Never overwrite unless asked
# ---------------------------------------------------------------------------------------


def test_existing_output_is_kept_unless_overwrite(
    capsys: pytest.CaptureFixture[str], portrait: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    first = run_cli(capsys, "render", portrait, "-o", out, "--size", "256")
    assert first.code == 0, first.err
    output = out / "grace_hopper_jpg.png"
    framed_bytes = output.read_bytes()

    second = run_cli(capsys, "render", portrait, "-o", out, "--size", "256")
    assert second.code == 0, second.err
    assert output.read_bytes() == framed_bytes
    assert (out / "grace_hopper_jpg (1).png").is_file()
    assert str(out / "grace_hopper_jpg (1).png") in second.out

    portrait_image("astronaut.jpg").save(output)  # something else now has the name
    third = run_cli(capsys, "render", portrait, "-o", out, "--size", "256", "--overwrite")
    assert third.code == 0, third.err
    assert output.read_bytes() == framed_bytes, "--overwrite did not replace the existing output"
    assert names_in(out) == ["grace_hopper_jpg (1).png", "grace_hopper_jpg.png"]


@pytest.mark.parametrize("overwrite", [False, True], ids=["default", "overwrite"])
def test_same_name_inputs_in_one_run_get_distinct_outputs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, overwrite: bool
) -> None:
    """Two inputs named alike in one run must never write the same output file."""
    for folder, source in (("a", "grace_hopper.jpg"), ("b", "astronaut.jpg")):
        (tmp_path / folder).mkdir()
        shutil.copyfile(DATA / source, tmp_path / folder / "photo.jpg")
    report, out = tmp_path / "report.jsonl", tmp_path / "out"
    options = ["--overwrite"] if overwrite else []
    argv = ["render", tmp_path / "a/photo.jpg", tmp_path / "b/photo.jpg", "-o", out, "--report", report]
    run = run_cli(capsys, *argv, "--size", "256", *options)
    assert run.code == 0, run.err
    outputs = [record["output"] for record in read_report(report)]
    assert len(set(outputs)) == 2, f"both inputs were written to {outputs[0]}"
    assert all(Path(output).is_file() for output in outputs)


def test_existing_report_is_refused_without_overwrite(
    capsys: pytest.CaptureFixture[str], portrait: Path, tmp_path: Path
) -> None:
    report = tmp_path / "report.jsonl"
    report.write_text("an older report\n", encoding="utf-8")
    run = run_cli(capsys, "render", portrait, "-o", tmp_path / "out", "--report", report, "--size", "256")
    assert run.code == 2
    assert report.read_text(encoding="utf-8") == "an older report\n"
    assert str(report) in run.err and len(run.err.splitlines()) == 1, run.err

    run = run_cli(capsys, "render", portrait, "-o", tmp_path / "out", "--report", report, "--overwrite")
    assert run.code == 0, run.err
    assert [record["status"] for record in read_report(report)] == ["framed"]


# ---------------------------------------------------------------------------------------
# Cannot start: exit 2
# ---------------------------------------------------------------------------------------


def _frame_missing(tmp_path: Path) -> str:
    return "no-such-frame"


def _frame_folder_without_toml(tmp_path: Path) -> str:
    (tmp_path / "empty frame").mkdir()
    return str(tmp_path / "empty frame")


def _frame_with_bad_toml(tmp_path: Path) -> str:
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "frame.toml").write_text('id = "broken"\nwindow = [not toml\n', encoding="utf-8")
    return str(tmp_path / "broken")


def _frame_with_invalid_window(tmp_path: Path) -> str:
    (tmp_path / "invalid").mkdir()
    toml = 'id = "x"\nname = "X"\n[window]\nshape = "circle"\ncenter = [0.5, 0.5]\nradius = 3\n'
    (tmp_path / "invalid" / "frame.toml").write_text(toml, encoding="utf-8")
    return str(tmp_path / "invalid")


@pytest.mark.parametrize(
    "make_frame",
    [_frame_missing, _frame_folder_without_toml, _frame_with_bad_toml, _frame_with_invalid_window],
    ids=["unknown id", "no frame.toml", "bad TOML", "invalid window"],
)
def test_unusable_frame_exits_2(
    capsys: pytest.CaptureFixture[str], portrait: Path, tmp_path: Path, make_frame: Callable[[Path], str]
) -> None:
    out = tmp_path / "out"
    run = run_cli(capsys, "render", portrait, "-o", out, "--frame", make_frame(tmp_path))
    assert run.code == 2
    assert run.err.startswith("error: ") and len(run.err.splitlines()) == 1, run.err
    assert not out.exists() or not any(out.iterdir())


def test_missing_output_folder_is_created(
    capsys: pytest.CaptureFixture[str], portrait: Path, tmp_path: Path
) -> None:
    out = tmp_path / "new" / "nested folder"
    run = run_cli(capsys, "render", portrait, "-o", out, "--size", "256")
    assert run.code == 0, run.err
    assert (out / "grace_hopper_jpg.png").is_file()


def test_output_folder_that_cannot_be_created_exits_2(
    capsys: pytest.CaptureFixture[str], portrait: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    run = run_cli(capsys, "render", portrait, "-o", blocker / "out", "--size", "256")
    assert run.code == 2
    assert run.err.startswith("error: ") and "cannot create the output folder" in run.err, run.err
    assert blocker.read_text(encoding="utf-8") == "not a folder\n"


# ---------------------------------------------------------------------------------------
# No network
# ---------------------------------------------------------------------------------------


def test_render_opens_no_network_connection(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, portrait: Path, tmp_path: Path
) -> None:
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise AssertionError(f"network connection attempted: {args!r}")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    photo = tmp_path / "landscape.png"
    no_face_image().save(photo)
    run = run_cli(capsys, "render", portrait, photo, "-o", tmp_path / "out", "--format", "webp")
    assert run.code == 0, run.err
    assert attempts == []


# ---------------------------------------------------------------------------------------
# A real process: exit codes, --version, a name starting with a dash
# ---------------------------------------------------------------------------------------


def test_version_subprocess(tmp_path: Path) -> None:
    run = run_subprocess("--version", cwd=tmp_path)
    assert run.code == 0
    assert run.out.strip() == f"frame-studio {__version__}"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["render", "photo.jpg", "-o", "out", "--size", "128"], 0),
        (["render", "photo.jpg", "missing.jpg", "-o", "out", "--size", "128"], 1),
        (["render", "photo.jpg"], 2),
        (["render", "photo.jpg", "-o", "out", "--format", "gif"], 2),
        (["render", "photo.jpg", "-o", "out", "--size", "10"], 2),
    ],
    ids=["all framed", "one rejected", "no -o", "bad format", "bad size"],
)
def test_exit_codes_subprocess(tmp_path: Path, args: list[str], expected: int) -> None:
    shutil.copyfile(DATA / "grace_hopper.jpg", tmp_path / "photo.jpg")
    run = run_subprocess(*args, cwd=tmp_path)
    assert run.code == expected, run.err
    if expected == 1:
        assert [line for line in run.err.splitlines() if line.startswith("rejected:")] == [
            "rejected: missing.jpg: the file does not exist"
        ]


def test_leading_dash_name_after_double_dash_subprocess(tmp_path: Path) -> None:
    name = "-Nguyễn_Văn_A.jpg"  # no space: argparse takes any argument with a space as positional
    shutil.copyfile(DATA / "grace_hopper.jpg", tmp_path / name)
    before = fingerprint(tmp_path / name)
    run = run_subprocess(
        "render", "-o", "out", "--size", "128", "--report", "report.jsonl", "--", name, cwd=tmp_path
    )
    assert run.code == 0, run.err
    (record,) = read_report(tmp_path / "report.jsonl")
    assert record["input"] == name and record["status"] == "framed"
    assert (tmp_path / record["output"]).is_file()
    assert fingerprint(tmp_path / name) == before

    without_double_dash = run_subprocess("render", "-o", "out", name, cwd=tmp_path)
    assert without_double_dash.code == 2  # argparse reads it as an unknown option
