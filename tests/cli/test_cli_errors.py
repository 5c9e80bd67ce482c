"""No traceback on the command line: expected problems are one `error:` line, the rest is logged.

The commands run in-process through `run_cli` (capsys captures the output); the tests that
must see exactly what a person sees in the terminal run a real `python -m frame_studio`
process. The user data folder (`FRAME_STUDIO_DATA_DIR`), where `frame-studio.log` goes, is
a fresh folder in `tmp_path` for every test. An unexpected problem is caused by replacing
the `qr` command's run function (`frame_studio.cli.qr.run_qr`, what `qr.set_defaults(run=...)`
binds when the parser is built) with one that raises.
"""

from __future__ import annotations

import argparse
import logging
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from helpers import run_cli

import frame_studio.cli.qr
from frame_studio.cli.common import EXIT_CANNOT_START, EXIT_INTERNAL, EXIT_STOPPED
from frame_studio.core.log_file import LOG_FILE_NAME

LONG_LINK = "https://example.org/" + "a" * 2980  # 3,000 characters, more than the 2,331 a code holds


@pytest.fixture(autouse=True)
def profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh user data folder (not created): where the log file goes."""
    monkeypatch.setenv("FRAME_STUDIO_DATA_DIR", str(tmp_path / "profile"))
    return tmp_path / "profile"


def run_process(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """`python -m frame_studio ARGV...` as a real process in tmp_path (environment inherited)."""
    return subprocess.run(
        [sys.executable, *argv],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def raise_in_qr(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    """Make `frame-studio qr` fail with `error`, as a bug in the command would."""

    def broken(args: argparse.Namespace) -> int:
        raise error

    monkeypatch.setattr(frame_studio.cli.qr, "run_qr", broken)


# ---------------------------------------------------------------------------------------
# A link too long for a QR code
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["qr.png", "qr.svg"])
def test_qr_with_a_link_too_long_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], profile: Path, name: str
) -> None:
    assert len(LONG_LINK) == 3000
    run = run_cli(capsys, "qr", "--link", LONG_LINK, "-o", tmp_path / name)
    assert run.code == EXIT_CANNOT_START == 2
    assert run.err.splitlines() == [
        f"error: {tmp_path / name}: the link is too long for a QR code (3000 characters; at most 2331)"
    ]
    assert "Traceback" not in run.err and run.out == ""
    assert list(tmp_path.iterdir()) == []  # no QR file, and no log file for an expected problem
    assert not profile.exists()


def test_qr_with_a_link_too_long_in_a_real_process(tmp_path: Path) -> None:
    done = run_process(tmp_path, "-m", "frame_studio", "qr", "--link", LONG_LINK, "-o", "x.png")
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert done.stderr.startswith("error: x.png: the link is too long for a QR code (3000 characters")
    assert "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------------------------------
# The last resort: an unexpected exception is logged, and named in one sentence
# ---------------------------------------------------------------------------------------


def test_unexpected_error_is_one_sentence_and_a_logged_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, profile: Path
) -> None:
    raise_in_qr(monkeypatch, RuntimeError("boom\nin two lines"))
    run = run_cli(capsys, "qr", "-o", tmp_path / "qr.png")
    assert run.code == EXIT_INTERNAL == 4
    log = profile / LOG_FILE_NAME
    assert run.err.splitlines() == [
        "error: an unexpected problem stopped frame-studio (RuntimeError: boom in two lines). "
        f"Details were written to {log}"
    ]
    assert run.out == ""
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: boom" in text
    assert "in broken" in text  # the frame that raised: the whole traceback is there
    assert not (tmp_path / "qr.png").exists()


def test_log_file_falls_back_to_the_temp_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("FRAME_STUDIO_DATA_DIR", str(blocker / "profile"))  # cannot be created
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    raise_in_qr(monkeypatch, ValueError("bad value"))
    run = run_cli(capsys, "qr", "-o", tmp_path / "qr.png")
    assert run.code == 4
    assert run.err.splitlines() == [
        "error: an unexpected problem stopped frame-studio (ValueError: bad value). "
        f"Details were written to {temp / LOG_FILE_NAME}"
    ]
    assert "ValueError: bad value" in (temp / LOG_FILE_NAME).read_text(encoding="utf-8")


def test_no_log_file_anywhere_is_still_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("FRAME_STUDIO_DATA_DIR", str(blocker / "profile"))
    monkeypatch.setattr(tempfile, "tempdir", str(blocker / "temp"))
    raise_in_qr(monkeypatch, KeyError("frame"))
    run = run_cli(capsys, "qr", "-o", tmp_path / "qr.png")
    assert run.code == 4
    assert run.err.splitlines() == [
        "error: an unexpected problem stopped frame-studio (KeyError: 'frame'). No log file could be written"
    ]


def test_ctrl_c_prints_stopped_and_exits_130(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, profile: Path
) -> None:
    raise_in_qr(monkeypatch, KeyboardInterrupt())
    try:
        run = run_cli(capsys, "qr", "-o", tmp_path / "qr.png")
    except KeyboardInterrupt:  # would stop the whole pytest session: fail this test instead
        pytest.fail("Ctrl-C escaped main()")
    assert run.code == EXIT_STOPPED == 130
    assert run.err == "stopped\n"
    assert not profile.exists()  # Ctrl-C is not a problem to log


def test_a_logged_warning_goes_to_the_log_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, profile: Path
) -> None:
    """What the app logs while a command runs (a swallowed error) lands in the same file."""

    def warns(args: argparse.Namespace) -> int:
        try:
            raise OSError("disk on fire")
        except OSError:
            logging.getLogger("frame_studio.core.example").warning("kept going", exc_info=True)
        return 0

    monkeypatch.setattr(frame_studio.cli.qr, "run_qr", warns)
    run = run_cli(capsys, "qr", "-o", tmp_path / "qr.png")
    assert run.code == 0 and run.err == ""
    text = (profile / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "WARNING frame_studio.core.example: kept going" in text
    assert "OSError: disk on fire" in text
    assert not logging.getLogger("frame_studio").handlers  # main() took its handler away


SCRIPT = """
import sys
import frame_studio.cli.qr as qr

def broken(args):
    raise {error}

qr.run_qr = broken
from frame_studio.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize(
    ("error", "code", "first"),
    [
        (
            "RuntimeError('boom')",
            4,
            "error: an unexpected problem stopped frame-studio (RuntimeError: boom).",
        ),
        ("KeyboardInterrupt", 130, "stopped"),
    ],
    ids=["bug", "ctrl-c"],
)
def test_no_traceback_in_a_real_process(
    tmp_path: Path, profile: Path, error: str, code: int, first: str
) -> None:
    done = run_process(tmp_path, "-c", SCRIPT.format(error=error), "qr", "-o", "qr.png")
    assert done.returncode == code, done.stderr
    assert done.stderr.startswith(first), done.stderr
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    if code == 4:
        assert "Traceback" in (profile / LOG_FILE_NAME).read_text(encoding="utf-8")
