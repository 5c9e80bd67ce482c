"""Reading a zip file someone else made (a campaign pack) without trusting a byte of it.

Before zipfile parses anything, the end record's entry count and table-of-contents size
are checked. Then every entry is checked before a byte is written: no absolute paths,
`..`, backslashes, drive letters, names reserved by Windows, links, devices, duplicate or
clashing names, encryption or unusual compression; the entry count, each entry's size,
the total size and the compression ratio are limited. While data streams out, the same
limits are enforced again, so a header that lies cannot go past them. Nothing read is
ever executed or imported.

Every refusal is one `ZipRefusedError` naming the file and the problem (its `code` says which
kind); callers turn it into their own error.
"""

from __future__ import annotations

import contextlib
import re
import stat
import struct
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from frame_studio.core.errors import FrameStudioError

MAX_ENTRIES = 2_000
MAX_ENTRY_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
#: An entry bigger than RATIO_FLOOR may not unpack to more than MAX_RATIO times its packed size.
MAX_RATIO, RATIO_FLOOR = 100, 1024 * 1024
#: The zip file itself, and its central directory (read before zipfile parses it).
MAX_FILE_BYTES = MAX_TOTAL_BYTES + 16 * 1024 * 1024
MAX_DIRECTORY_BYTES = MAX_ENTRIES * 1024
MAX_NAME_CHARS, MAX_DEPTH = 400, 12
CHUNK = 64 * 1024
_BAD_PART = re.compile(r'[\x00-\x1f\x7f\\/:*?"<>|]')
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}

#: Called with each entry's checked name parts and its ZipInfo; raises ZipRefusedError to refuse it.
EntryCheck = Callable[[Path, tuple[str, ...], zipfile.ZipInfo], None]


class ZipRefusedError(FrameStudioError):
    """A zip file is refused: unreadable, unsafe or over a limit; the message names the problem."""


def _refused(path: Path, code: str, message: str) -> ZipRefusedError:
    return ZipRefusedError(path, code, message)


def check_end_record(path: Path, handle: BinaryIO) -> None:
    """Refuse too many entries or a huge central directory before zipfile parses it.

    Raises:
        ZipRefusedError: not a zip file, too many entries, or a table of contents too large.
    """
    size = handle.seek(0, 2)
    tail_size = min(size, 22 + 65535)
    handle.seek(size - tail_size)
    tail = handle.read(tail_size)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        raise _refused(path, "not_a_pack", "this is not a campaign pack (not a zip file)")
    _, _, _, _, entries, directory_size, _, _ = struct.unpack("<4s4H2LH", tail[at : at + 22])
    if entries > MAX_ENTRIES:  # 0xFFFF (a zip64 count) lands here too
        raise _refused(path, "too_many_entries", f"the pack has too many entries (limit {MAX_ENTRIES})")
    if directory_size > MAX_DIRECTORY_BYTES:
        raise _refused(path, "too_many_entries", "the pack's table of contents is too large")


def check_name(path: Path, name: str, *, folder: bool) -> tuple[str, ...]:
    """The entry name's parts.

    Raises:
        ZipRefusedError: the name could land anywhere unexpected, on any system.
    """
    where = f"the entry {name!r}"
    if name.startswith("/") or "\\" in name or re.match(r"[A-Za-z]:", name):
        raise _refused(path, "unsafe_path", f"{where} has an absolute path, a drive letter or a backslash")
    parts = tuple((name[:-1] if folder else name).split("/"))
    if len(name) > MAX_NAME_CHARS or len(parts) > MAX_DEPTH:
        raise _refused(path, "unsafe_path", f"{where[:80]}... has a name that is too long or too deep")
    for part in parts:
        if part in {"", ".", ".."}:
            raise _refused(path, "unsafe_path", f"{where} has an empty, '.' or '..' part")
        if _BAD_PART.search(part) or part.endswith((" ", ".")) or len(part.encode()) > 255:
            raise _refused(path, "unsafe_path", f"{where} has a name that is not safe on every system")
        if part.split(".")[0].lower() in _RESERVED:
            raise _refused(path, "unsafe_path", f"{where} uses a name reserved by Windows")
    return parts


def _check_kind(path: Path, info: zipfile.ZipInfo) -> None:
    kind = stat.S_IFMT(info.external_attr >> 16)
    where = f"the entry {info.filename!r}"
    if kind == stat.S_IFLNK:
        raise _refused(path, "link", f"{where} is a symbolic link; packs may only hold plain files")
    if kind not in {0, stat.S_IFREG, stat.S_IFDIR}:
        raise _refused(path, "special_file", f"{where} is a special file; packs may only hold plain files")
    if info.is_dir():
        if kind == stat.S_IFREG:
            raise _refused(path, "unsafe_path", f"{where} is a folder and a file at once")
        if info.file_size or info.compress_size > 2:
            raise _refused(path, "unsafe_path", f"{where} is a folder that holds data")
    elif kind == stat.S_IFDIR or info.external_attr & 0x10:
        raise _refused(path, "unsafe_path", f"{where} is a folder and a file at once")
    if info.flag_bits & 0x1:
        raise _refused(path, "encrypted", f"{where} is encrypted")
    if info.compress_type not in {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}:
        raise _refused(path, "compression", f"{where} uses a compression Frame Studio does not read")


def _check_size(path: Path, info: zipfile.ZipInfo) -> None:
    where = f"the entry {info.filename!r}"
    if info.file_size > MAX_ENTRY_BYTES:
        mb = info.file_size / 2**20
        limit = MAX_ENTRY_BYTES // 2**20
        raise _refused(path, "too_big", f"{where} unpacks to {mb:.0f} MB (limit {limit} MB)")
    ratio_limit = MAX_RATIO * max(info.compress_size, 1)
    if info.file_size > RATIO_FLOOR and info.file_size > ratio_limit:
        raise _refused(path, "bomb", f"{where} is compressed more than {MAX_RATIO}:1 (a zip bomb?)")
    if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
        raise _refused(path, "damaged", f"{where} has sizes that do not agree")


def checked_entries(
    path: Path, archive: zipfile.ZipFile, *, check: EntryCheck | None = None
) -> dict[str, zipfile.ZipInfo]:
    """Every file entry by its (checked) name, after checking every entry; nothing is unpacked.

    Args:
        path: the zip file, named in errors.
        archive: the open zip file.
        check: called for each entry once its name, kind and size passed, to refuse entries
            that do not belong (folder layout rules of the caller).

    Raises:
        ZipRefusedError: the first entry that is unsafe or over a limit.
    """
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise _refused(path, "too_many_entries", f"the pack has too many entries (limit {MAX_ENTRIES})")
    files: dict[str, zipfile.ZipInfo] = {}
    seen: set[str] = set()
    total = 0
    for info in infos:
        parts = check_name(path, info.filename, folder=info.is_dir())
        _check_kind(path, info)
        _check_size(path, info)
        key = unicodedata.normalize("NFC", "/".join(parts)).casefold()
        if key in seen:
            raise _refused(path, "unsafe_path", f"the entry {info.filename!r} is in the pack twice")
        seen.add(key)
        if check is not None:
            check(path, parts, info)
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise _refused(path, "too_big", f"the pack unpacks to more than {MAX_TOTAL_BYTES // 2**20} MB")
        if not info.is_dir():
            files["/".join(parts)] = info
    keys = [unicodedata.normalize("NFC", name).casefold() for name in files]
    folders = {"/".join(key.split("/")[:i]) for key in keys for i in range(1, key.count("/") + 1)}
    for name, key in zip(files, keys, strict=True):
        if key in folders:
            raise _refused(path, "unsafe_path", f"the entry {name!r} is a file and a folder at once")
    return files


@contextlib.contextmanager
def open_checked(
    path: str | Path, *, check: EntryCheck | None = None
) -> Iterator[tuple[zipfile.ZipFile, dict[str, zipfile.ZipInfo]]]:
    """The open zip file and its checked file entries (see `checked_entries`).

    Raises:
        ZipRefusedError: the file is missing, too large, unreadable, not a zip, or an entry is
            unsafe or over a limit. Errors raised by the caller's block pass through.
    """
    path = Path(path)
    with contextlib.ExitStack() as stack:
        try:
            if not path.is_file():
                raise _refused(path, "missing", "there is no pack file here")
            if path.stat().st_size > MAX_FILE_BYTES:
                raise _refused(path, "too_big", f"the pack is larger than {MAX_FILE_BYTES // 2**20} MB")
            handle = stack.enter_context(path.open("rb"))
            check_end_record(path, handle)
            handle.seek(0)
            archive = stack.enter_context(zipfile.ZipFile(handle))
            files = checked_entries(path, archive, check=check)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, struct.error, ValueError) as exc:
            raise _refused(path, "not_a_pack", f"this is not a readable campaign pack ({exc})") from None
        except OSError as exc:
            raise _refused(path, "unreadable", f"cannot read the pack ({exc.strerror or exc})") from None
        yield archive, files


class _Budget:
    """Counts bytes as they stream out; stops at the limits whatever the headers said."""

    def __init__(self, path: Path) -> None:
        self.path, self.total = path, 0

    def chunks(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> Iterator[bytes]:
        limit = min(limit, info.file_size)
        done = 0
        where = f"the entry {info.filename!r}"
        try:
            with archive.open(info) as stream:
                while chunk := stream.read(CHUNK):
                    done += len(chunk)
                    self.total += len(chunk)
                    if done > limit or self.total > MAX_TOTAL_BYTES:
                        raise _refused(self.path, "bomb", f"{where} unpacks to more than it says")
                    yield chunk
        except (zipfile.BadZipFile, EOFError, ValueError, OSError, RuntimeError) as exc:
            raise _refused(self.path, "damaged", f"{where} is damaged ({exc})") from None
        if done != info.file_size:
            raise _refused(self.path, "damaged", f"{where} is shorter than it says")


def read_entry(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, *, limit: int) -> bytes:
    """One entry's bytes, stopping at `limit` bytes whatever its header says.

    Raises:
        ZipRefusedError: the entry holds more than it says or than `limit`, or is damaged.
    """
    return b"".join(_Budget(path).chunks(archive, info, limit))


def unpack(path: Path, archive: zipfile.ZipFile, files: Mapping[str, zipfile.ZipInfo], into: Path) -> None:
    """Write every checked file entry under the fresh folder `into`, limits enforced while streaming.

    Args:
        path: the zip file, named in errors.
        archive: the open zip file.
        files: from `checked_entries`.
        into: an empty folder; files are created, never replaced.

    Raises:
        ZipRefusedError: an entry holds more than it says, or is damaged.
        OSError: a file cannot be written.
    """
    budget = _Budget(path)
    root = into.resolve()
    for name, info in files.items():
        target = into.joinpath(*name.split("/"))
        if not target.resolve().is_relative_to(root):  # cannot happen after check_name; kept as a guard
            raise _refused(path, "unsafe_path", f"the entry {name!r} leaves the folder")
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("xb") as out:
            for chunk in budget.chunks(archive, info, MAX_ENTRY_BYTES):
                out.write(chunk)
