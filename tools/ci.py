"""The CI steps, one command each, the same on Linux and Windows.

Usage (with the project's Python, after `pip install -e ".[dev]"`):
  python tools/ci.py lint           # ruff, formatting, mypy, import contracts, the workflow's schema
  python tools/ci.py test [ARGS]    # pytest, GUI tests (offscreen) in their own process; ARGS to pytest
  python tools/ci.py build          # translations, then PyInstaller -> dist/frame-studio/
  python tools/ci.py frozen-check   # scripts/frozen_check.py on the built app
  python tools/ci.py zip            # dist/frame-studio-<version>-<platform>.zip

`.ci/run` (through scripts/test and scripts/build) and `.github/workflows/ci.yml` both run
these, so the workflow has no command that is not also run here on Linux.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"
LINTED = ["frame_studio", "tests", "benchmarks", "tools", "scripts"]
APP = ROOT / "dist" / "frame-studio"


def tool(name: str) -> str:
    """A console script installed beside this Python (the venv's), else the one on PATH."""
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    return found or name


def call(*command: str | Path, env: dict[str, str] | None = None) -> None:
    """Run one command in the project folder; stop with its exit status when it fails."""
    print("+", " ".join(str(part) for part in command), flush=True)
    status = subprocess.call([str(part) for part in command], cwd=ROOT, env={**os.environ, **(env or {})})
    if status != 0:
        raise SystemExit(status)


def lint(_: Sequence[str]) -> None:
    call(tool("ruff"), "check", *LINTED)
    call(tool("ruff"), "format", "--check", *LINTED)
    call(tool("mypy"), "frame_studio")
    call(tool("lint-imports"))
    call(tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", WORKFLOW)


def chooses_tests(pytest_args: Sequence[str]) -> bool:
    """Whether the arguments pick tests themselves (`-m`, `-k`, a test path) rather than only options."""
    return any(
        arg in {"-m", "-k"} or "::" in arg or (not arg.startswith("-") and (ROOT / arg).exists())
        for arg in pytest_args
    )


def test(pytest_args: Sequence[str]) -> None:
    """Every test; the GUI tests in a process of their own, so a crash at its exit fails too."""
    call(sys.executable, "tools/translations.py", "compile")
    offscreen = {"QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    if chooses_tests(pytest_args):
        call(sys.executable, "-m", "pytest", *pytest_args, env=offscreen)
        return
    call(sys.executable, "-m", "pytest", "-m", "not gui", *pytest_args, env=offscreen)
    call(sys.executable, "-m", "pytest", "-m", "gui", *pytest_args, env=offscreen)


def build(_: Sequence[str]) -> None:
    call(sys.executable, "tools/translations.py", "compile")
    call(tool("pyinstaller"), "--noconfirm", "--clean", "--log-level", "WARN", "build.spec")


def frozen_check(_: Sequence[str]) -> None:
    call(sys.executable, "scripts/frozen_check.py")


def version() -> str:
    text = (ROOT / "frame_studio" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    if found is None:
        raise SystemExit("no __version__ in frame_studio/__init__.py")
    return found.group(1)


def zip_app(_: Sequence[str]) -> None:
    """Zip dist/frame-studio/ as the folder a user unpacks (`frame-studio/...` inside)."""
    platform = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    target = ROOT / "dist" / f"frame-studio-{version()}-{platform}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(APP.rglob("*")):
            archive.write(path, path.relative_to(APP.parent))
    print(f"{target.relative_to(ROOT)}: {target.stat().st_size / 1e6:.0f} MB")


STEPS: dict[str, Callable[[Sequence[str]], None]] = {
    "lint": lint,
    "test": test,
    "build": build,
    "frozen-check": frozen_check,
    "zip": zip_app,
}


def main(argv: Sequence[str]) -> int:
    if not argv or argv[0] not in STEPS:
        print(__doc__)
        return 2
    STEPS[argv[0]](argv[1:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
