"""Campaign packs: one `.fspack` file the comms team sends, holding a campaign's frames.

A pack is a zip with a versioned `campaign.toml` (id, name, link, start and end dates, a
caption template, output presets, a short instruction text, the frame folders) and the
frame folders themselves under `frames/<name>/`. A frame that `extends` a bundled frame
stays a small variant; a non-bundled base travels in the pack (listed as a base). Fonts
named `bundled:...` are not copied; a font file in a frame's folder travels with it.

A pack is hostile input: `safe_zip` checks every entry before a byte is written and
enforces its limits while the data streams; this module adds the pack's own layout rules
(only `campaign.toml` and `frames/<name>/...`, only the frames the manifest lists) and
turns every refusal into one `CampaignError` naming the pack and the problem. Nothing in
a pack is executed or imported. `open_pack` unpacks into a fresh hidden folder and
renames it into place only when every frame loads, so a bad pack leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import re
import shutil
import tempfile
import tomllib
import unicodedata
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from frame_studio.core import safe_zip
from frame_studio.core.atomic import TEMP_SUFFIX, export_error
from frame_studio.core.errors import FrameError, FrameStudioError
from frame_studio.core.frames import FRAME_FILE, Frame, load_frame
from frame_studio.core.lint import lint_frame
from frame_studio.core.render import SUFFIX_BY_FORMAT
from frame_studio.core.roster import field_key
from frame_studio.core.safe_zip import ZipRefusedError
from frame_studio.core.variants import ID_PATTERN

FORMAT_VERSION = 1
MANIFEST = "campaign.toml"
FRAMES_PREFIX = "frames/"
PACK_SUFFIX = ".fspack"
MAX_MANIFEST_BYTES = 256 * 1024
TEXT_LIMITS = {"name": 200, "link": 2000, "caption": 2000, "instructions": 4000}
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # same frames, same pack bytes, same opened folder
_LINK = re.compile(r"https?://[^\s\x00-\x1f\x7f]+")
_FIELD = re.compile(r"\{([a-z0-9_]+)\}")
#: The caption offered when a campaign brings none. `{su_kien}` is the campaign's name
#: without its own leading greeting ("Chào mừng Đại hội ..." -> "Đại hội ..."), so the
#: sentence greets once; a field left empty goes with its dash (see `caption`).
DEFAULT_CAPTION = "{ho_ten} – {don_vi} nhiệt liệt chào mừng {su_kien}!"
_GREETING = re.compile(r"^(?:nhiệt liệt\s+)?(?:chào mừng|hưởng ứng|hướng tới)\s+", re.IGNORECASE)
_TWICE = re.compile(r"\b((?:nhiệt liệt\s+)?chào mừng)\s+(?:nhiệt liệt\s+)?chào mừng\b", re.IGNORECASE)
_EMPTY = "\x00"  # stands for a field left empty while the caption is tidied
_SEPARATOR = r"[,;:–—\-/|]"
DEFAULT_INSTRUCTIONS = (
    "Mở Frame Studio, chọn khung của chiến dịch và ảnh chân dung của bạn, rồi lưu ảnh đã gắn khung. "
    "Đặt ảnh đó làm ảnh đại diện và dán lời chào kèm theo. "
    "Khi chiến dịch kết thúc, hãy đổi lại ảnh đại diện cũ."
)

logger = logging.getLogger(__name__)


class CampaignError(FrameStudioError):
    """A campaign pack cannot be written, read or opened; the message names the problem."""


@dataclass(frozen=True)
class Campaign:
    """What a campaign pack says about its campaign.

    Attributes:
        id: lowercase letters, digits and - (names the opened folder).
        name: shown to people.
        link: the campaign link (the QR code's target).
        start: first day of the campaign.
        end: last day; the day after, the campaign has ended.
        caption: the text posted with the photo; `{ho_ten}`, `{don_vi}`, ... are filled per person.
        instructions: a short text in Vietnamese telling staff what to do.
        sizes: output sizes in pixels.
        format: "jpg", "png" or "webp".
        frames: the pack's frame folders offered to people, in order (filled by `write_pack`).
        bases: folders included only because a frame extends them.
    """

    id: str
    name: str
    link: str
    start: dt.date
    end: dt.date
    caption: str = ""
    instructions: str = DEFAULT_INSTRUCTIONS
    sizes: tuple[int, ...] = (1080,)
    format: str = "jpg"
    frames: tuple[str, ...] = ()
    bases: tuple[str, ...] = ()


@dataclass(frozen=True)
class OpenedCampaign:
    """A pack unpacked into a folder: `folder/campaign.toml` and `folder/frames/<name>/`."""

    campaign: Campaign
    folder: Path

    @property
    def frame_folders(self) -> tuple[Path, ...]:
        """The folders of the frames offered, in the pack's order."""
        return tuple(self.folder / "frames" / name for name in self.campaign.frames)

    def frame_folder(self, name: str | None = None) -> Path:
        """The folder of one offered frame (None: the first).

        Raises:
            CampaignError: the pack has no frame with this name.
        """
        if name is None:
            return self.frame_folders[0]
        if name not in self.campaign.frames:
            offered = ", ".join(self.campaign.frames)
            raise CampaignError(self.folder, "no_frame", f"the pack has no frame {name!r} (it has {offered})")
        return self.folder / "frames" / name

    def load_frame(self, name: str | None = None) -> Frame:
        """An offered frame, with the campaign's link (for its QR code), name and end date."""
        campaign = self.campaign
        frame = load_frame(self.frame_folder(name))
        return replace(frame, link=campaign.link, campaign=campaign.name, valid_until=campaign.end)


def campaign_id(name: str) -> str:
    """An id for a campaign from its name: "Đại hội XVII" -> "dai-hoi-xvii"."""
    made = field_key(name).replace("_", "-")[:64].strip("-")
    return made if ID_PATTERN.fullmatch(made) else "campaign"


def campaign_event(name: str) -> str:
    """What a campaign greets: its name without a leading "(Nhiệt liệt) chào mừng", "Hưởng
    ứng" or "Hướng tới" ("Chào mừng Đại hội XVII" -> "Đại hội XVII")."""
    name = unicodedata.normalize("NFC", name).strip()
    return _GREETING.sub("", name).rstrip(" .!") or name


def caption(campaign: Campaign, person: Mapping[str, str]) -> str:
    """The campaign's caption (`DEFAULT_CAPTION` when it has none) filled for one person.

    Keys are matched as roster field keys ("Họ tên" is `ho_ten`); values are NFC-normalised.
    `{chien_dich}` is the campaign's name and `{su_kien}` what it greets (`campaign_event`),
    unless the person's fields say otherwise. A field that is missing or empty is left out
    with the brackets around it, or the separator (, ; : – - / |) before or after it; the
    caption starts with a capital letter, and a greeting said twice ("chào mừng Chào mừng
    Đại hội", a template written for a name that already greets) is said once.
    """
    defaults = {"chien_dich": campaign.name, "su_kien": campaign_event(campaign.name)}
    given = {field_key(k): str(v) for k, v in person.items()}
    values = {k: unicodedata.normalize("NFC", v).strip() for k, v in (defaults | given).items()}
    template = campaign.caption if campaign.caption.strip() else DEFAULT_CAPTION
    filled = _FIELD.sub(lambda match: values.get(match[1]) or _EMPTY, template)
    return _tidy(unicodedata.normalize("NFC", filled))


def _tidy(text: str) -> str:
    """A filled caption without its empty fields (`_EMPTY`) and what only they needed."""
    text = re.sub(rf"\s*[(\[]\s*{_EMPTY}\s*[)\]]", _EMPTY, text)  # "({don_vi})"
    text = re.sub(rf"[ \t]*{_SEPARATOR}[ \t]*{_EMPTY}", "", text)  # " – {don_vi}"
    text = re.sub(rf"{_EMPTY}[ \t]*{_SEPARATOR}[ \t]*", "", text)  # "{ho_ten} – " at the start
    text = text.replace(_EMPTY, "")
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" ([,.;:!?)\]])", r"\1", text)
    text = _TWICE.sub(r"\1", text).strip().lstrip(",;:–—-/| ")
    text = re.sub(r"^\(([^()]*)\)", r"\1", text)  # "(Sở Y tế) chào mừng": the name before it is empty
    return text[:1].upper() + text[1:]


def is_ended(end: dt.date | None, today: dt.date | None = None) -> bool:
    """Whether a campaign (or frame) with this last day is over on `today` (default: today)."""
    return end is not None and (today or dt.date.today()) > end


# --- the manifest -------------------------------------------------------------------


def pack_error(where: str | Path, code: str, message: str) -> CampaignError:
    return CampaignError(where, code, message)


def _text(data: Mapping[str, Any], key: str, where: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise pack_error(where, "bad_manifest", f"{MANIFEST}: {key}: must be a text")
    return unicodedata.normalize("NFC", value.strip())


def _names(value: Any, key: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and ID_PATTERN.fullmatch(v) for v in value):
        raise pack_error(where, "bad_manifest", f"{MANIFEST}: {key} must list frame folder names")
    return tuple(value)


def _campaign_from(data: Mapping[str, Any], where: str) -> Campaign:
    """Check a parsed manifest and build the `Campaign` (CampaignError on any problem)."""
    version = data.get("format")
    if not isinstance(version, int) or isinstance(version, bool):
        raise pack_error(where, "bad_manifest", f"{MANIFEST}: format (the pack's version number) is missing")
    if version != FORMAT_VERSION:
        raise pack_error(
            where,
            "version",
            f"the pack is format {version}; this Frame Studio reads format {FORMAT_VERSION} "
            "(update Frame Studio, or ask for a pack made by this version)",
        )
    output = data.get("output", {})
    if not isinstance(output, dict):
        raise pack_error(where, "bad_manifest", f"{MANIFEST}: [output] must be a table")
    start: Any = data.get("start")
    end: Any = data.get("end")
    campaign = Campaign(
        id=_text(data, "id", where),
        name=_text(data, "name", where),
        link=_text(data, "link", where),
        start=start,
        end=end,
        caption=_text(data, "caption", where),
        instructions=_text(data, "instructions", where),
        sizes=tuple(output.get("sizes", [1080])) if isinstance(output.get("sizes", []), list) else (),
        format=output.get("format", "jpg"),
        frames=_names(data.get("frames"), "frames", where),
        bases=_names(data.get("bases", []), "bases", where),
    )
    return check_campaign(campaign, where)


def check_campaign(campaign: Campaign, where: str | Path = MANIFEST) -> Campaign:
    """Check a campaign's fields; returns it unchanged.

    Raises:
        CampaignError: the first wrong field, named.
    """

    def bad(problem: str) -> CampaignError:
        return pack_error(where, "bad_manifest", f"{MANIFEST}: {problem}")

    if not ID_PATTERN.fullmatch(campaign.id):
        raise bad("id: use lowercase letters, digits and - (like dai-hoi-xvii)")
    for key, limit in TEXT_LIMITS.items():
        value = getattr(campaign, key)
        if not isinstance(value, str) or len(value) > limit or (key == "name" and not value.strip()):
            raise bad(f"{key}: must be a text of {'1' if key == 'name' else '0'} to {limit} characters")
    for key in ("start", "end"):
        value = getattr(campaign, key)
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise bad(f"{key}: must be a date like 2020-09-29")
    if not _LINK.fullmatch(campaign.link):
        raise bad("link: must be a web address starting with http:// or https://")
    if campaign.end < campaign.start:
        raise bad("end: the campaign ends before it starts")
    sizes = campaign.sizes
    if not 1 <= len(sizes) <= 8 or not all(isinstance(s, int) and 64 <= s <= 8192 for s in sizes):
        raise bad("output.sizes: one to eight sizes between 64 and 8192 pixels")
    if not isinstance(campaign.format, str) or campaign.format not in SUFFIX_BY_FORMAT:
        raise bad("output.format: must be jpg, png or webp")
    if not campaign.frames:
        raise bad("frames: the pack offers no frame")
    names = campaign.frames + campaign.bases
    if len(set(names)) != len(names):
        raise bad("frames: a folder is listed twice")
    return campaign


def _toml_string(value: str) -> str:
    """A TOML basic string (quotes, backslashes and control characters escaped)."""
    escapes = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}
    out = (
        escapes.get(char) or (f"\\u{ord(char):04x}" if ord(char) < 0x20 or ord(char) == 0x7F else char)
        for char in value
    )
    return '"' + "".join(out) + '"'


def manifest_toml(campaign: Campaign) -> str:
    """The `campaign.toml` text of a campaign."""

    def strings(values: Sequence[str]) -> str:
        return "[" + ", ".join(_toml_string(v) for v in values) + "]"

    return "\n".join(
        [
            "# A Frame Studio campaign pack. Nothing in it is run: it holds frames and settings.",
            f"format = {FORMAT_VERSION}",
            f"id = {_toml_string(campaign.id)}",
            f"name = {_toml_string(campaign.name)}",
            f"link = {_toml_string(campaign.link)}",
            f"start = {campaign.start.isoformat()}",
            f"end = {campaign.end.isoformat()}",
            f"caption = {_toml_string(campaign.caption)}",
            f"instructions = {_toml_string(campaign.instructions)}",
            f"frames = {strings(campaign.frames)}",
            f"bases = {strings(campaign.bases)}",
            "",
            "[output]",
            f"sizes = [{', '.join(str(size) for size in campaign.sizes)}]",
            f"format = {_toml_string(campaign.format)}",
            "",
        ]
    )


# --- reading a pack safely ------------------------------------------------------------


def _belongs(path: Path, parts: tuple[str, ...], info: zipfile.ZipInfo) -> None:
    """A pack holds its manifest and files inside frame folders, nothing else."""
    in_frame = parts[0] == "frames" and (len(parts) >= 3 or info.is_dir())
    if not in_frame and info.filename != MANIFEST:
        where = f"the entry {info.filename!r}"
        raise ZipRefusedError(path, "unexpected", f"{where} does not belong in a campaign pack")


def _read_campaign(path: Path, pack: zipfile.ZipFile, files: Mapping[str, zipfile.ZipInfo]) -> Campaign:
    info = files.get(MANIFEST)
    if info is None:
        raise pack_error(path, "no_manifest", f"the pack has no {MANIFEST}; it is not a campaign pack")
    if info.file_size > MAX_MANIFEST_BYTES:
        raise pack_error(path, "bad_manifest", f"{MANIFEST} is too large")
    raw = safe_zip.read_entry(path, pack, info, limit=MAX_MANIFEST_BYTES)
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise pack_error(path, "bad_manifest", f"{MANIFEST} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise pack_error(path, "bad_manifest", f"{MANIFEST} is not valid TOML ({exc})") from None
    campaign = _campaign_from(data, str(path))
    listed = set(campaign.frames + campaign.bases)
    for name in listed:
        if f"{FRAMES_PREFIX}{name}/{FRAME_FILE}" not in files:
            raise pack_error(
                path, "bad_manifest", f"{MANIFEST} lists the frame {name!r}; it is not in the pack"
            )
    for name in files:
        if name != MANIFEST and name.split("/")[1] not in listed:
            raise pack_error(path, "unexpected", f"the entry {name!r} is not in a frame the manifest lists")
    return campaign


@contextlib.contextmanager
def _opened(path: str | Path) -> Iterator[tuple[Path, zipfile.ZipFile, dict[str, zipfile.ZipInfo], Campaign]]:
    """The checked pack, its file entries and its campaign.

    A `ZipRefusedError` (while checking, or from `safe_zip.unpack` in the caller's block)
    becomes the one `CampaignError` naming the pack and the problem.
    """
    path = Path(path)
    try:
        with safe_zip.open_checked(path, check=_belongs) as (pack, files):
            yield path, pack, files, _read_campaign(path, pack, files)
    except ZipRefusedError as refused:
        raise pack_error(path, refused.code, refused.message) from None


def read_manifest(path: str | Path) -> Campaign:
    """Check a pack's entries and read its manifest, without unpacking anything.

    Raises:
        CampaignError: the pack is unreadable, unsafe, too large, or its manifest is
            missing, malformed or of another format version.
    """
    with _opened(path) as (_, _, _, campaign):
        return campaign


def load_pack_frames(path: Path, campaign: Campaign, folder: Path) -> list[Frame]:
    frames = []
    for name in campaign.frames:
        try:
            frames.append(load_frame(folder / "frames" / name))
        except FrameError as error:
            raise pack_error(
                path, "bad_frame", f"the frame {name!r} does not load: {error.message}"
            ) from None
    return frames


def _content_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()[:10]


def _read_opened(folder: Path) -> OpenedCampaign:
    where = folder / MANIFEST
    try:
        data = tomllib.loads(where.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise pack_error(where, "bad_manifest", f"cannot read this opened pack ({exc})") from None
    return OpenedCampaign(_campaign_from(data, str(where)), folder)


def open_pack(path: str | Path, into: str | Path) -> OpenedCampaign:
    """Unpack a pack into `into/<campaign id>-<content hash>`, once.

    The pack is unpacked into a fresh hidden folder inside `into`, its frames are loaded,
    and only then is the folder renamed into place. Opening the same pack again returns
    the folder already there.

    Raises:
        CampaignError: the pack is unsafe, damaged or invalid, or a frame does not load;
            nothing is left in `into`.
    """
    into = Path(into)
    with _opened(path) as (path, pack, files, campaign):
        target = into / f"{campaign.id}-{_content_hash(path)}"
        if (target / MANIFEST).is_file():
            return _read_opened(target)
        try:
            into.mkdir(parents=True, exist_ok=True)
            temp = Path(tempfile.mkdtemp(prefix=f".{campaign.id}.", suffix=TEMP_SUFFIX, dir=into))
        except OSError as exc:
            raise CampaignError(target, "not_writable", export_error(target, exc).message) from None
        try:
            safe_zip.unpack(path, pack, files, temp)
            load_pack_frames(path, campaign, temp)
            temp.rename(target)
        except OSError as exc:
            if (target / MANIFEST).is_file():  # opened at the same moment by another process
                return _read_opened(target)
            raise CampaignError(target, "not_writable", export_error(target, exc).message) from None
        finally:
            if temp.exists():
                shutil.rmtree(temp, ignore_errors=True)
    return OpenedCampaign(campaign, target)


def opened_campaigns(into: str | Path) -> list[OpenedCampaign]:
    """The packs opened into `into` (unreadable folders are skipped), by campaign id."""
    found = []
    for folder in sorted(Path(into).glob(f"*/{MANIFEST}")):
        if not folder.parent.name.startswith("."):
            try:
                found.append(_read_opened(folder.parent))
            except CampaignError:
                logger.warning(
                    "%s: an opened pack that cannot be read is left out", folder.parent, exc_info=True
                )
    return found


def check_pack(path: str | Path) -> list[str]:
    """Every problem of a pack, as sentences (empty when it is fine).

    The pack is checked, unpacked safely into a temporary folder that is removed
    afterwards, and every frame it offers is loaded and linted at its largest size. A
    campaign that has ended is not a problem: its frames stay usable on purpose (see
    `is_ended` to tell people).
    """
    problems: list[str] = []
    try:
        with (
            tempfile.TemporaryDirectory(prefix="frame-studio-check-") as temp,
            _opened(path) as (path, pack, files, campaign),
        ):
            safe_zip.unpack(path, pack, files, Path(temp))
            for name in campaign.frames:
                try:
                    frame = load_frame(Path(temp) / "frames" / name)
                except FrameError as error:
                    problems.append(f"frames/{name}: {error.message}")
                    continue
                linted = lint_frame(replace(frame, link=campaign.link), output_size=max(campaign.sizes))
                problems += [f"frames/{name}: {problem}" for problem in linted]
    except CampaignError as error:
        return [error.message]
    except OSError as exc:
        return [f"cannot unpack the pack to check it ({exc.strerror or exc})"]
    return problems
