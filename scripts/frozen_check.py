"""Check the built app (dist/frame-studio/) from a folder outside the checkout, on any OS.

1. the CLI launcher answers `--version`;
2. it renders one photo;
3. it runs a small batch (a non-photo is rejected, exit 1, the two photos framed);
4. the windowed GUI launcher passes `--smoke-test` offscreen (exit 0);
5. on Windows, both executables carry the version resource.

Stops at the first check that fails, with exit status 1. `.ci/run` and the GitHub workflow
both run it: `python scripts/frozen_check.py`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dist" / "frame-studio"
WINDOWS = sys.platform == "win32"
CLI = APP / ("frame-studio.exe" if WINDOWS else "frame-studio")
GUI = APP / ("Frame Studio.exe" if WINDOWS else "frame-studio-gui")
PHOTOS = ("grace_hopper.jpg", "astronaut.jpg")


class CheckError(Exception):
    """One check did not pass; the message says what was seen."""


def run(command: list[str | Path], work: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run a launcher in `work` with a private profile; output is captured as text."""
    environ = dict(os.environ, HOME=str(work), USERPROFILE=str(work), APPDATA=str(work / "AppData"))
    environ.update(XDG_CONFIG_HOME=str(work / "config"), XDG_DATA_HOME=str(work / "data"), **env)
    return subprocess.run(
        [str(part) for part in command],
        cwd=work,
        env=environ,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=300,
        check=False,
    )


def expect(condition: bool, what: str, done: subprocess.CompletedProcess[str] | None = None) -> None:
    if not condition:
        output = f"\n--- stdout\n{done.stdout}\n--- stderr\n{done.stderr}" if done else ""
        raise CheckError(f"{what} (exit status {done.returncode if done else '-'}){output}")


def check_version(work: Path) -> None:
    done = run([CLI, "--version"], work)
    expect(done.returncode == 0 and done.stdout.startswith("frame-studio "), "--version", done)


def check_render(work: Path) -> None:
    done = run([CLI, "render", Path("in") / PHOTOS[0], "-o", "rendered"], work)
    output = work / "rendered" / "grace_hopper_jpg.png"
    expect(done.returncode == 0 and output.is_file() and output.stat().st_size > 0, "render", done)


def check_batch(work: Path) -> None:
    done = run([CLI, "batch", "in", "batch-out", "--jobs", "2"], work)
    expect(done.returncode == 1, "batch: notes.jpg is rejected, so the exit status is 1", done)
    for photo in PHOTOS:
        output = work / "batch-out" / f"{Path(photo).stem}_jpg.jpg"
        expect(output.is_file() and output.stat().st_size > 0, f"batch: {output.name} written", done)
    report = (work / "batch-out" / "frame-studio-report.jsonl").read_text(encoding="utf-8")  # the contract
    rows = {record["input"]: record["status"] for record in map(json.loads, report.splitlines())}
    expect(rows.get("notes.jpg") == "rejected", f"batch report: notes.jpg rejected, got {rows}", done)


def check_gui(work: Path) -> None:
    done = run([GUI, "--smoke-test"], work, QT_QPA_PLATFORM="offscreen")
    expect(done.returncode == 0, "gui --smoke-test", done)
    if not WINDOWS:  # a windowed Windows process has no stdout to print to
        expect("smoke test: ok" in done.stdout, "gui --smoke-test says ok", done)


def check_version_resource(version: str) -> None:
    import pefile  # installed with PyInstaller on Windows

    for executable in (CLI, GUI):
        image = pefile.PE(str(executable), fast_load=False)
        strings = {
            key.decode(): value.decode()
            for info in image.FileInfo[0]
            if info.Key == b"StringFileInfo"
            for table in info.StringTable
            for key, value in table.entries.items()
        }
        expect(strings.get("ProductVersion") == version, f"{executable.name}: version resource {strings}")
        expect(strings.get("ProductName") == "Frame Studio", f"{executable.name}: product name {strings}")


def main() -> int:
    for launcher in (CLI, GUI):
        if not launcher.is_file():
            print(f"frozen check: {launcher} is missing; build first (scripts/build or pyinstaller)")
            return 1
    checks = [check_version, check_render, check_batch, check_gui]
    with tempfile.TemporaryDirectory(prefix="frozen-check-") as folder:
        work = Path(folder)
        (work / "in").mkdir()
        for photo in PHOTOS:
            shutil.copy(ROOT / "tests" / "data" / photo, work / "in" / photo)
        (work / "in" / "notes.jpg").write_text("not a photo", encoding="utf-8")
        total = len(checks) + WINDOWS
        try:
            for number, check in enumerate(checks, 1):
                check(work)
                print(f"frozen check {number}/{total}: {check.__name__.removeprefix('check_')} ok")
            if WINDOWS:
                version = run([CLI, "--version"], work).stdout.split()[-1]
                check_version_resource(version)
                print(f"frozen check {total}/{total}: version resource ok")
        except (CheckError, subprocess.TimeoutExpired) as failure:
            print(f"frozen check FAILED: {failure}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
