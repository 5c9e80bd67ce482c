"""Imitations of office storage on Linux: Windows' errors raised where Windows raises them.

In-process tests monkeypatch `os` directly (`refuse_links`, `hold_open`). A batch runs
its photos in spawned worker processes, which a monkeypatch does not reach, so
`storage_env` writes a `sitecustomize.py` that applies the same imitation in every Python
process started with the returned environment (the CLI and each of its workers).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from frame_studio.core import atomic

LINK_ERRNO = {"fat32": errno.EINVAL, "share": errno.EACCES}
"""What `os.link` raises: FAT32/exFAT on Windows ("Incorrect function"), a share ("Access is denied")."""

_SITECUSTOMIZE = """
import errno, os

def _refuse_link(src, dst, *args, **kwargs):
    raise OSError({link_errno}, "imitated: hard links refused")

def _refuse_chmod(*args, **kwargs):
    raise OSError(errno.ENOSYS, "imitated: chmod not supported")

_real_replace = os.replace

def _replace(src, dst, *args, **kwargs):
    if {held!r} and os.fspath(dst).endswith({held!r}):
        raise PermissionError(13, "imitated: the file is open in another program", os.fspath(dst))
    return _real_replace(src, dst, *args, **kwargs)

if {link_errno}:
    os.link = _refuse_link
    os.chmod = _refuse_chmod
os.replace = _replace

import frame_studio.core.atomic as _atomic  # noqa: E402 - a held file is not waited for in tests
_atomic.RETRY_DELAYS = (0.0, 0.0)
"""


def storage_env(folder: Path, *, links: str | None = None, held: str = "") -> dict[str, str]:
    """Environment variables that make Python processes imitate office storage.

    Args:
        folder: where to write the `sitecustomize.py`.
        links: "fat32" or "share": hard links are refused (and chmod fails) as there.
        held: a name ending; replacing a file whose name ends so fails as if it were open.
    """
    folder.mkdir(parents=True, exist_ok=True)
    code = _SITECUSTOMIZE.format(link_errno=LINK_ERRNO[links] if links else 0, held=held)
    (folder / "sitecustomize.py").write_text(code, encoding="utf-8")
    path = os.pathsep.join(p for p in (str(folder), os.environ.get("PYTHONPATH", "")) if p)
    return {"PYTHONPATH": path}


def refuse_links(monkeypatch: pytest.MonkeyPatch, kind: str) -> list[Path]:
    """In this process: `os.link` fails as on `kind` ("fat32" or "share"), and chmod too.

    Returns:
        The targets of the links tried, in order (so a test can tell the fallback ran).
    """
    tried: list[Path] = []

    def link(source: object, target: str | Path, *args: object, **kwargs: object) -> None:
        tried.append(Path(target))
        raise OSError(LINK_ERRNO[kind], "imitated: hard links refused")

    def chmod(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSYS, "imitated: chmod not supported")

    monkeypatch.setattr(os, "link", link)
    monkeypatch.setattr(os, "chmod", chmod)
    monkeypatch.setattr(atomic, "_links_refused", set())
    return tried


def hold_open(
    monkeypatch: pytest.MonkeyPatch, held: Callable[[Path], bool], *, times: int | None = None
) -> list[Path]:
    """In this process: replacing a file that `held` names fails as if it were open in Excel.

    Args:
        held: which targets are held open.
        times: fail only this many times (an antivirus scan that lets go); None: always.

    Returns:
        The targets of the refused replaces, in order.
    """
    real = os.replace
    refused: list[Path] = []

    def replace(src: str | Path, dst: str | Path, **kwargs: object) -> None:
        if held(Path(dst)) and (times is None or len(refused) < times):
            refused.append(Path(dst))
            raise PermissionError(13, "imitated: the file is open in another program", os.fspath(dst))
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(atomic, "RETRY_DELAYS", (0.0, 0.0, 0.0))
    return refused
