"""The campaign web page: a static folder where staff frame their photo in their own browser.

`build_web_files` makes every file of the folder in memory: `index.html` (Vietnamese),
the page's own script and style sheet, its icon, a small offline helper (`sw.js`), `frames.js`
(the frames' overlays pre-rendered by the core at 1080 px as PNG, inlined as `data:`
addresses so the page also works when opened from a folder, plus each frame's window and
face target and the campaign's name, dates, caption and instructions), the QR code of the
address where the page will be hosted (decoded back before it is kept), and
`frame-studio-web.json`, which describes the same and records which files Frame Studio
wrote. No file refers to anything outside the folder except the campaign's own link and
that address; a Content-Security-Policy says so to the browser.

`export_web_page` writes them atomically into a folder. A file there that Frame Studio did
not write (or that someone changed since) is never replaced unless asked: the export is
refused before anything is written, naming the files. The page's files refer to each
other by name, so numbering them (`index (1).html`) would break the page.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import functools
import hashlib
import html
import io
import json
import re
import urllib.parse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

from frame_studio import __version__
from frame_studio.core.assets import asset_path
from frame_studio.core.atomic import export_error, write_bytes_atomic
from frame_studio.core.campaign import DEFAULT_CAPTION, DEFAULT_INSTRUCTIONS, Campaign
from frame_studio.core.errors import FrameStudioError
from frame_studio.core.frames import Frame, personalise
from frame_studio.core.overlay import render_overlay
from frame_studio.core.qr import QRError, check_link, decode_qr, qr_image

FORMAT_VERSION = 1
OVERLAY_SIZE = 1080
#: Files copied from `assets/web/` (the page's own code), with `{{name}}` fields filled.
TEMPLATES = ("index.html", "app.js", "style.css", "sw.js")
DATA_FILE = "frames.js"
MANIFEST_FILE = "frame-studio-web.json"
QR_FILE = "qr.png"
QR_SIZE = 480
ICON_FILE = "icon.png"
ICON_SIZE = 192
ICON_BACKDROP = (223, 227, 232)  # the page's empty-photo grey
GENERATOR = "Frame Studio"
CSP = (
    "default-src 'self'; img-src 'self' blob: data:; script-src 'self'; style-src 'self'; "
    "connect-src 'none'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"
)
_FIELD = re.compile(r"\{\{([a-z_]+)\}\}")
_SAFE_NAME = re.compile(r"[a-z0-9][a-z0-9._-]*")  # the page's file names: never a path


class WebExportError(FrameStudioError):
    """The web page cannot be exported; the message names the folder or file and the problem."""


@dataclass(frozen=True)
class WebExport:
    """What `export_web_page` did.

    Attributes:
        folder: the output folder.
        files: every file of the page, in the order written (all inside `folder`).
        removed: files an earlier export wrote that this page no longer has (deleted).
        notes: things the user should know (a frame shown without its name fields...).
        total_bytes: the page's size on disk (the sum of `files`).
    """

    folder: Path
    files: tuple[Path, ...]
    removed: tuple[Path, ...] = ()
    notes: tuple[str, ...] = field(default=())
    total_bytes: int = 0

    @property
    def index(self) -> Path:
        """The page to open or to link to."""
        return self.folder / "index.html"


def check_url(url: str) -> str:
    """The hosting address, checked: http(s), a host, and short enough for a QR code.

    Raises:
        WebExportError: `bad_url` naming the problem.
    """
    url = url.strip()
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc or any(c.isspace() for c in url):
        raise WebExportError(None, "bad_url", f"{url!r} is not a web address (https://...)")
    try:
        check_link(url)
    except QRError as error:
        raise WebExportError(None, "bad_url", error.message) from None
    return url


def _color(value: tuple[int, int, int, int] | None) -> str | None:
    return None if value is None else "#" + "".join(f"{v:02x}" for v in value)


def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def page_campaign(frames: Sequence[Frame], campaign: Campaign | None = None) -> dict[str, Any]:
    """What the page says about the campaign: from the pack, else from the first frame.

    The caption is a template the page fills as `campaign.caption` does (app.js mirrors it).
    """
    if campaign is not None:
        instructions = "" if campaign.instructions == DEFAULT_INSTRUCTIONS else campaign.instructions
        return {
            "name": campaign.name,
            "link": campaign.link,
            "start": _date(campaign.start),
            "end": _date(campaign.end),
            "caption": campaign.caption if campaign.caption.strip() else DEFAULT_CAPTION,
            "instructions": instructions,  # the default one is about the desktop app
        }
    first = frames[0]
    return {
        "name": first.campaign or first.name,
        "link": first.link,
        "start": None,
        "end": _date(first.valid_until),
        "caption": DEFAULT_CAPTION,
        "instructions": "",
    }


def frame_entry(frame: Frame) -> dict[str, Any]:
    """A frame as the page reads it: geometry in canvas fractions (no pixels)."""
    return {
        "id": frame.id,
        "name": frame.name,
        "window": {"shape": frame.window.shape, "box": list(frame.window.box)},
        "face": {
            "center": [frame.face_target.center_x, frame.face_target.center_y],
            "height": frame.face_target.height,
        },
        "background": _color(frame.background),
        "padFill": frame.pad_fill,
    }


@functools.lru_cache(maxsize=16)
def overlay_png(frame: Frame, size: int = OVERLAY_SIZE) -> bytes:
    """The frame's overlay as the desktop composes it, as PNG bytes (RGBA, `size` px; cached).

    Level 9 is both smaller and faster here than Pillow's `optimize` (measured: 178 KB in
    0.37 s against 181 KB in 0.43 s for the ring frame).

    Raises:
        FrameError: the overlay cannot be drawn.
    """
    buffer = io.BytesIO()
    render_overlay(frame, size).save(buffer, format="PNG", compress_level=9)
    return buffer.getvalue()


def icon_png(frame: Frame) -> bytes:
    """The page's icon (tab, home screen): the frame's overlay on the page's grey."""
    icon = Image.new("RGBA", (ICON_SIZE, ICON_SIZE), (*ICON_BACKDROP, 255))
    icon.alpha_composite(render_overlay(frame, ICON_SIZE))
    buffer = io.BytesIO()
    icon.convert("RGB").save(buffer, format="PNG", compress_level=9)
    return buffer.getvalue()


def qr_png(url: str) -> bytes:
    """The QR code of `url` as PNG bytes, decoded back first.

    Raises:
        QRError: the address cannot be put in a QR code, or did not decode back.
    """
    image = qr_image(url, size=QR_SIZE)
    decoded = decode_qr(image)
    if decoded != url:
        raise QRError(QR_FILE, "not_verified", f"the QR code decoded to {decoded!r}, not the address")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _fill(template: str, values: Mapping[str, str]) -> str:
    return _FIELD.sub(lambda match: values[match[1]], template)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build_web_files(
    frames: Sequence[Frame], campaign: Campaign | None = None, url: str | None = None
) -> tuple[dict[str, bytes], list[str]]:
    """Every file of the page, by name, and notes for the user (pure: nothing is written).

    Args:
        frames: the frames offered, in order (the first is chosen when the page opens).
        campaign: the campaign pack's settings; None takes name, link and end from the frames.
        url: where the page will be hosted (its QR code is added), or None.

    Raises:
        WebExportError: no frame, two frames with one id, or a bad address.
        FrameError: an overlay cannot be drawn.
    """
    if not frames:
        raise WebExportError(None, "no_frame", "the web page needs at least one frame")
    ids = [frame.id for frame in frames]
    if len(set(ids)) != len(ids):
        raise WebExportError(None, "duplicate_frame", "two frames have the same id: " + ", ".join(ids))
    url = None if url is None else check_url(url)
    notes: list[str] = []
    entries = []
    for frame in frames:
        shown = personalise(frame, {})
        if shown is not frame:
            notes.append(f"{frame.id}: the page shows this frame without its name fields")
        overlay = base64.b64encode(overlay_png(shown)).decode("ascii")
        entries.append(frame_entry(frame) | {"overlay": f"data:image/png;base64,{overlay}"})
    about: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "generator": f"{GENERATOR} {__version__}",
        "size": OVERLAY_SIZE,
        "campaign": page_campaign(frames, campaign),
        "url": url,
        "qr": QR_FILE if url else None,
    }
    files: dict[str, bytes] = {ICON_FILE: icon_png(personalise(frames[0], {}))}
    if url:
        files[QR_FILE] = qr_png(url)
    data = json.dumps(about | {"frames": entries}, ensure_ascii=False, indent=1)
    files[DATA_FILE] = f"window.frameStudioData = {data};\n".encode()
    versions = {name: _digest(files[name])[:10] for name in files}
    names = {"frames_js": f"{DATA_FILE}?v={versions[DATA_FILE]}"}
    for name in ("app.js", "style.css"):
        files[name] = asset_path("web", name).read_bytes()
        names[name.replace(".", "_")] = f"{name}?v={_digest(files[name])[:10]}"
    name = str(about["campaign"]["name"])
    values = {
        **names,
        "csp": CSP,
        "title": html.escape(f"Khung ảnh đại diện – {name}"),
        "campaign_name": html.escape(name),
        "generator": html.escape(str(about["generator"])),
    }
    files["index.html"] = _fill(asset_path("web", "index.html").read_text("utf-8"), values).encode()
    cached = ["./", "index.html", ICON_FILE, *names.values(), *([QR_FILE] if url else [])]
    release = _digest(b"".join(files[n] for n in sorted(files)))[:12]
    sw = {"release": release, "files": json.dumps(cached)}
    files["sw.js"] = _fill(asset_path("web", "sw.js").read_text("utf-8"), sw).encode()
    manifest = about | {"frames": [frame_entry(frame) for frame in frames]}
    files[MANIFEST_FILE] = _manifest_bytes(manifest, {n: _digest(d) for n, d in files.items()})
    return files, notes


def _manifest_bytes(about: Mapping[str, Any], hashes: Mapping[str, str], **extra: Any) -> bytes:
    """`frame-studio-web.json`: what the page holds, and the files Frame Studio wrote."""
    return (
        json.dumps({**about, **extra, "files": dict(hashes)}, ensure_ascii=False, indent=1) + "\n"
    ).encode()


def _written_before(folder: Path) -> dict[str, set[str]]:
    """Per file name, the contents (sha256) an earlier export wrote into `folder`."""
    try:
        data = json.loads((folder / MANIFEST_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or not str(data.get("generator", "")).startswith(GENERATOR):
        return {}
    known: dict[str, set[str]] = {}
    for key in ("files", "pending"):
        listed = data.get(key)
        for name, value in listed.items() if isinstance(listed, dict) else ():
            digests = value if isinstance(value, list) else [value]
            if isinstance(name, str) and _SAFE_NAME.fullmatch(name):
                known.setdefault(name, set()).update(d for d in digests if isinstance(d, str))
    known.setdefault(MANIFEST_FILE, set()).add(_file_digest(folder / MANIFEST_FILE) or "")
    return known


def _file_digest(path: Path) -> str | None:
    try:
        return _digest(path.read_bytes()) if path.is_file() and not path.is_symlink() else None
    except OSError:
        return None


def _foreign(folder: Path, names: Sequence[str], ours: Mapping[str, set[str]]) -> list[str]:
    """The names in `names` that exist in `folder` and hold something Frame Studio did not write."""
    foreign = []
    for name in names:
        path = folder / name
        if not (path.exists() or path.is_symlink()):
            continue
        if _file_digest(path) not in ours.get(name, set()):
            foreign.append(name)
    return foreign


def export_web_page(
    out_dir: str | Path,
    frames: Sequence[Frame],
    campaign: Campaign | None = None,
    url: str | None = None,
    *,
    overwrite: bool = False,
) -> WebExport:
    """Write the campaign web page into `out_dir` (made if missing).

    Args:
        out_dir: the folder to host; it may hold other files, which are left alone.
        frames: the frames offered, in order.
        campaign: the campaign pack's settings (name, dates, caption, instructions).
        url: where the page will be hosted; its QR code is written as `qr.png`.
        overwrite: replace files of the page's names that Frame Studio did not write.

    Returns:
        What was written. An earlier export into the same folder is replaced; a file of
        its own that this page no longer has (the QR code, without `url`) is removed.

    Raises:
        WebExportError: a bad argument, or a file in the way that Frame Studio did not
            write (nothing is written then).
        ExportError: a file cannot be written (no permission, disk full...).
        FrameError: an overlay cannot be drawn.
    """
    folder = Path(out_dir)
    files, notes = build_web_files(frames, campaign, url)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise export_error(folder, exc) from None
    if not folder.is_dir():
        raise WebExportError(folder, "not_a_folder", "this is a file, not a folder")
    ours = _written_before(folder)
    hashes = {name: _digest(data) for name, data in files.items() if name != MANIFEST_FILE}
    for name, digest in hashes.items():
        ours.setdefault(name, set()).add(digest)  # left by an export that stopped half-way
    stale = [name for name in ours if name not in files and (folder / name).is_file()]
    foreign = _foreign(folder, [*files, *stale], ours)
    if foreign and not overwrite:
        raise WebExportError(
            folder,
            "foreign_files",
            "the folder holds files that Frame Studio did not write (or that were changed since): "
            + ", ".join(foreign)
            + "; choose an empty folder, or move them away",
        )
    manifest = json.loads(files[MANIFEST_FILE])
    manifest.pop("files")
    # Until the last line, every content a file may hold (old or new) is recorded as ours,
    # so an export stopped half-way is finished by the next one.
    pending = {name: sorted(digests) for name, digests in ours.items() if name != MANIFEST_FILE}
    if stale or any(_file_digest(folder / name) != digest for name, digest in hashes.items()):
        _write(folder / MANIFEST_FILE, _manifest_bytes(manifest, {}, pending=pending))
    written = []
    for name, data in files.items():
        if name != MANIFEST_FILE:
            _write(folder / name, data)
            written.append(folder / name)
    removed = []
    for name in stale:
        if name not in foreign:
            with contextlib.suppress(FileNotFoundError):
                (folder / name).unlink()
            removed.append(folder / name)
    _write(folder / MANIFEST_FILE, files[MANIFEST_FILE])
    written.append(folder / MANIFEST_FILE)
    total = sum(len(data) for data in files.values())
    return WebExport(folder, tuple(written), tuple(removed), tuple(notes), total)


def _write(path: Path, data: bytes) -> None:
    """Write one file atomically, unless it already holds exactly these bytes."""
    if _file_digest(path) == _digest(data):
        return
    write_bytes_atomic(path, data, overwrite=path.exists() or path.is_symlink())
