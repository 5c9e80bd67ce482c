"""Typed errors of the core. Each names the file and says what is wrong in plain words.

Every error carries a short machine-readable `code` so that a user interface can show its
own (Vietnamese) sentence for it; `str(error)` is the English sentence.
"""

from __future__ import annotations

from pathlib import Path


class FrameStudioError(Exception):
    """Base class of every error the core raises on purpose."""

    def __init__(self, path: str | Path | None, code: str, message: str) -> None:
        self.path = None if path is None else str(path)
        self.code = code
        self.message = message
        super().__init__(f"{self.path}: {message}" if self.path else message)


class ImageLoadError(FrameStudioError):
    """A photo could not be opened: missing, not a regular file, not an image, damaged, ..."""


class ExportError(FrameStudioError):
    """An output image could not be written (exists already, disk full, no permission, ...)."""


class FrameError(FrameStudioError):
    """A frame template is missing, malformed or invalid."""
