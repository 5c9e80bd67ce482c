"""UI translations: Vietnamese is the source language; `frame_studio_en.qm` holds English.

Sources are `frame_studio_en.ts` (committed); `tools/translations.py` updates it with
pyside6-lupdate and compiles the .qm with pyside6-lrelease.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTranslator

FOLDER = Path(__file__).resolve().parent


def load_translator(language: str) -> QTranslator | None:
    """The translator for a language code ("en"), or None when there is none."""
    translator = QTranslator()
    if translator.load(str(FOLDER / f"frame_studio_{language}.qm")):
        return translator
    return None
