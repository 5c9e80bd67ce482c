"""Update and compile the UI translations (Vietnamese source strings, English translation).

Usage:
  python tools/translations.py update    # pyside6-lupdate: refresh frame_studio_en.ts from the code
  python tools/translations.py compile   # pyside6-lrelease: build frame_studio_en.qm (not committed)
Translators edit the .ts file with pyside6-linguist.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUI = ROOT / "frame_studio" / "gui"
I18N = GUI / "i18n"
LANGUAGES = ("en",)


def tool(name: str) -> str:
    """The PySide6 tool beside this Python (in the venv), or on PATH."""
    local = Path(sys.executable).with_name(name)
    return str(local) if local.exists() else name


def update() -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in GUI.rglob("*.py"))
    for language in LANGUAGES:
        ts = I18N / f"frame_studio_{language}.ts"
        command = [tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(ts)]
        subprocess.run(command, check=True, cwd=ROOT)


def compile_all() -> None:
    for language in LANGUAGES:
        ts = I18N / f"frame_studio_{language}.ts"
        qm = ts.with_suffix(".qm")
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)


def main() -> None:
    actions = {"update": update, "compile": compile_all}
    if len(sys.argv) != 2 or sys.argv[1] not in actions:
        sys.exit(__doc__)
    actions[sys.argv[1]]()


if __name__ == "__main__":
    main()
