"""Campaign packs: write, check, open, render with them; hostile packs refused, nothing leaked.

Every pack is a real zip file written in the test (by `write_pack`, or by hand with
`zipfile` for hostile ones). A hostile pack must raise one `CampaignError` naming the
pack and the problem, and leave nothing in the target folder or anywhere else in the
test's folder.
"""

from __future__ import annotations

import datetime as dt
import shutil
import stat
import struct
import unicodedata
import uuid
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import DATA, assert_image_similar

from frame_studio.core.campaign import (
    DEFAULT_CAPTION,
    MANIFEST,
    Campaign,
    CampaignError,
    campaign_event,
    caption,
    check_pack,
    is_ended,
    open_pack,
    opened_campaigns,
    read_manifest,
)
from frame_studio.core.errors import ExportError
from frame_studio.core.frames import Frame, find_frame, frames_dir, load_frame
from frame_studio.core.pack_writer import write_pack
from frame_studio.core.pipeline import frame_photo
from frame_studio.core.safe_zip import MAX_ENTRIES
from frame_studio.core.user_dirs import user_frames_dir
from frame_studio.core.variants import variant_of, write_variant

LINK = "https://example.org/dai-hoi-xvii"
START, END = dt.date(2030, 9, 1), dt.date(2030, 9, 29)
PHOTO = DATA / "grace_hopper.jpg"
SIZE = 320


def make_campaign(**changes: object) -> Campaign:
    fields: dict[str, object] = {
        "id": "dai-hoi-xvii",
        "name": "Chào mừng Đại hội XVII",
        "link": LINK,
        "start": START,
        "end": END,
        "caption": "{ho_ten} ({don_vi}) chào mừng Đại hội!",
        "sizes": (SIZE,),
        "format": "png",
    } | changes
    return Campaign(**fields)  # type: ignore[arg-type]


@pytest.fixture
def own_frames(tmp_path: Path) -> tuple[Frame, Frame]:
    """A frame of the person's own (not bundled, with a font file in its folder) and a variant of it."""
    source = tmp_path / "my-frames"
    base = source / "my-ring"
    shutil.copytree(frames_dir() / "congress-ring", base)
    shutil.copyfile(frames_dir().parent / "fonts" / "BeVietnamPro-Bold.ttf", base / "Font.ttf")
    toml = base / "frame.toml"
    text = toml.read_text(encoding="utf-8").replace('id = "congress-ring"', 'id = "my-ring"')
    toml.write_text(text.replace("bundled:BeVietnamPro-Bold.ttf", "Font.ttf", 1), encoding="utf-8")
    variant = write_variant(
        load_frame(base), source, id="my-ring-green", name="Vòng xanh lá", colors={"band": "#1b7a3a"}
    )
    return load_frame(variant), load_frame(base)


@pytest.fixture
def pack(tmp_path: Path, own_frames: tuple[Frame, Frame]) -> Path:
    """A pack offering a variant of a bundled frame and a variant of the person's own frame."""
    frames = [find_frame("congress-ring-navy"), own_frames[0]]
    return write_pack(tmp_path / "dai-hoi.fspack", make_campaign(), frames)


def listing(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")} if folder.exists() else set()


def test_round_trip_renders_the_same_as_the_original_frames(
    pack: Path, own_frames: tuple[Frame, Frame], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRAME_STUDIO_DATA_DIR", str(tmp_path / "clean-profile"))
    assert check_pack(pack) == []
    opened = open_pack(pack, user_frames_dir())
    assert opened.folder.parent == tmp_path / "clean-profile" / "frames"
    assert opened.campaign.frames == ("congress-ring-navy", "my-ring-green")
    assert opened.campaign.bases == ("my-ring",)  # a non-bundled base travels; bundled ones do not
    originals = [find_frame("congress-ring-navy"), own_frames[0]]
    for original, folder in zip(originals, opened.frame_folders, strict=True):
        packed = load_frame(folder)
        assert packed.id == original.id and packed.folder.is_relative_to(opened.folder)
        expected = frame_photo(PHOTO, original, size=SIZE).image
        actual = frame_photo(PHOTO, packed, size=SIZE).image
        assert_image_similar(actual, expected, 0.5, f"campaign-round-trip-{original.id}")
    loaded = opened.load_frame()
    assert loaded.link == LINK  # the campaign's link feeds the QR code ...
    assert (loaded.campaign, loaded.valid_until) == ("Chào mừng Đại hội XVII", END)  # ... its reminder too


def test_pack_holds_variants_small_and_copies_frame_fonts_not_bundled_ones(pack: Path) -> None:
    with zipfile.ZipFile(pack) as archive:
        names = set(archive.namelist())
    assert names == {
        MANIFEST,
        "frames/congress-ring-navy/frame.toml",
        "frames/my-ring-green/frame.toml",
        "frames/my-ring/frame.toml",
        "frames/my-ring/Font.ttf",
    }


def test_manifest_reads_back_without_unpacking(pack: Path, tmp_path: Path) -> None:
    before = listing(tmp_path)
    campaign = read_manifest(pack)
    assert campaign == make_campaign(frames=("congress-ring-navy", "my-ring-green"), bases=("my-ring",))
    assert listing(tmp_path) == before


def test_opening_twice_returns_the_same_folder(pack: Path, tmp_path: Path) -> None:
    into = tmp_path / "into"
    first = open_pack(pack, into)
    second = open_pack(pack, into)
    assert first == second
    assert [p.name for p in into.iterdir()] == [first.folder.name]
    assert first.folder.name.startswith("dai-hoi-xvii-")
    assert [o.campaign.id for o in opened_campaigns(into)] == ["dai-hoi-xvii"]


def test_the_same_frames_make_the_same_pack_bytes(
    pack: Path, own_frames: tuple[Frame, Frame], tmp_path: Path
) -> None:
    frames = [find_frame("congress-ring-navy"), own_frames[0]]
    again = write_pack(tmp_path / "again.fspack", make_campaign(), frames)
    assert again.read_bytes() == pack.read_bytes()


def test_write_pack_refuses_to_replace_a_file_unless_asked(pack: Path) -> None:
    with pytest.raises(ExportError, match="already exists"):
        write_pack(pack, make_campaign(), [find_frame("congress-ring")])
    write_pack(pack, make_campaign(), [find_frame("congress-ring")], overwrite=True)
    assert read_manifest(pack).frames == ("congress-ring",)


def test_an_unsaved_variant_is_refused(tmp_path: Path) -> None:
    unsaved = variant_of(find_frame(), id="not-saved", name="Not saved")
    with pytest.raises(CampaignError, match="not saved in a folder"):
        write_pack(tmp_path / "x.fspack", make_campaign(), [unsaved])
    assert not (tmp_path / "x.fspack").exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"end": dt.date(2030, 8, 1)}, "ends before it starts"),
        ({"id": "Đại hội"}, "id: use lowercase"),
        ({"link": "javascript:alert(1)"}, "link: must be a web address"),
        ({"sizes": (10,)}, "output.sizes"),
        ({"format": "gif"}, "output.format"),
        ({"name": "  "}, "name: must be"),
    ],
)
def test_bad_campaign_fields_are_refused(tmp_path: Path, changes: dict[str, object], message: str) -> None:
    with pytest.raises(CampaignError, match=message):
        write_pack(tmp_path / "x.fspack", make_campaign(**changes), [find_frame()])
    assert list(tmp_path.iterdir()) == []


# --- hostile packs --------------------------------------------------------------------


def entries_of(pack: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(pack) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def rebuild(pack: Path, target: Path, *, keep: Callable[[str], bool] = lambda name: True) -> zipfile.ZipFile:
    """A new zip with the good pack's entries (those `keep` accepts), open for more."""
    archive = zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED)
    for name, data in entries_of(pack):
        if keep(name):
            archive.writestr(name, data)
    return archive


def with_entry(name: str, data: bytes = b"evil", mode: int | None = None) -> Callable[[Path, Path], None]:
    def build(pack: Path, target: Path) -> None:
        with rebuild(pack, target) as archive:
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            if mode is not None:
                info.external_attr = mode << 16
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # zipfile warns about duplicate names
                archive.writestr(info, data)

    return build


def with_manifest(text: str) -> Callable[[Path, Path], None]:
    def build(pack: Path, target: Path) -> None:
        with rebuild(pack, target, keep=lambda name: name != MANIFEST) as archive:
            archive.writestr(MANIFEST, text)

    return build


def one_gigabyte(pack: Path, target: Path) -> None:
    """A real deflated entry of 1 GB of zeros (about 5 MB packed), written as it streams."""
    zeros = bytes(1 << 20)
    with rebuild(pack, target) as archive:
        archive.compresslevel = 1
        with archive.open("frames/congress-ring-navy/big.bin", "w", force_zip64=True) as out:
            for _ in range(1024):
                out.write(zeros)


def many_entries(pack: Path, target: Path) -> None:
    with rebuild(pack, target) as archive:
        for index in range(100_000):
            archive.writestr(zipfile.ZipInfo(f"frames/congress-ring-navy/{index}"), b"")


def lying_size(pack: Path, target: Path) -> None:
    """An entry of 10 MB of zeros whose headers say it holds 1 000 bytes."""
    with_entry("frames/congress-ring-navy/liar.bin", bytes(10 << 20))(pack, target)
    data = bytearray(target.read_bytes())
    name = b"frames/congress-ring-navy/liar.bin"
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        at = -1
        while (at := data.find(signature, at + 1)) >= 0:
            name_at = at + (46 if signature == b"PK\x01\x02" else 30)
            if data[name_at : name_at + len(name)] == name:
                data[at + offset : at + offset + 4] = struct.pack("<L", 1000)
    target.write_bytes(bytes(data))


def not_a_zip(pack: Path, target: Path) -> None:
    target.write_bytes(b"<html>this is a web page</html>" * 10)


EVIL = f"/tmp/frame-studio-evil-{uuid.uuid4().hex}"
HOSTILE: dict[str, tuple[Callable[[Path, Path], None], str]] = {
    "zip-slip": (with_entry("../evil.txt"), "has an empty, '.' or '..' part"),
    "zip-slip-inside": (with_entry("frames/congress-ring-navy/../../evil.txt"), "'..' part"),
    "absolute": (with_entry(EVIL), "has an absolute path"),
    "backslash": (with_entry("..\\evil.txt"), "a backslash"),
    "drive-letter": (with_entry("C:/evil.txt"), "a drive letter"),
    "symlink": (with_entry("frames/congress-ring-navy/link", b"/etc/passwd", stat.S_IFLNK | 0o777), "link"),
    "device": (with_entry("frames/congress-ring-navy/dev", b"", stat.S_IFCHR | 0o666), "special file"),
    "folder-with-data": (with_entry("frames/congress-ring-navy/sub/", b"data"), "folder that holds data"),
    "file-and-folder": (with_entry("frames/congress-ring-navy/frame.toml/x"), "a file and a folder"),
    "duplicate": (with_entry("frames/congress-ring-navy/FRAME.toml"), "in the pack twice"),
    "too-deep": (with_entry("frames/congress-ring-navy/" + "a/" * 40 + "f"), "too long or too deep"),
    "stray-entry": (with_entry("run-me.sh", b"rm -rf ~"), "does not belong in a campaign pack"),
    "unlisted-frame": (with_entry("frames/other/frame.toml"), "not in a frame the manifest lists"),
    "one-gigabyte": (one_gigabyte, "unpacks to 1024 MB (limit 50 MB)"),
    "100000-entries": (many_entries, f"too many entries (limit {MAX_ENTRIES})"),
    "lying-size": (lying_size, "damaged"),
    "not-a-zip": (not_a_zip, "not a zip file"),
    "malformed-manifest": (with_manifest('format = 1\nid = "x\n'), "campaign.toml is not valid TOML"),
    "empty-manifest": (with_manifest(""), "format (the pack's version number) is missing"),
    "no-manifest": (lambda p, t: rebuild(p, t, keep=lambda n: n != MANIFEST).close(), "has no campaign.toml"),
    "format-99": (with_manifest("format = 99\n"), "the pack is format 99; this Frame Studio reads format 1"),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_packs_are_refused_with_nothing_written(pack: Path, tmp_path: Path, kind: str) -> None:
    build, message = HOSTILE[kind]
    hostile = tmp_path / "packs" / f"{kind}.fspack"
    hostile.parent.mkdir()
    build(pack, hostile)
    into = tmp_path / "profile" / "frames"
    before = listing(tmp_path)
    with pytest.raises(CampaignError) as caught:
        open_pack(hostile, into)
    assert str(caught.value).startswith(f"{hostile}: ")  # names the pack ...
    assert message in caught.value.message  # ... and the problem
    problems = check_pack(hostile)
    assert problems == [caught.value.message]
    assert listing(tmp_path) == before | ({"profile", "profile/frames"} if into.exists() else set())
    assert listing(into) == set()
    assert not Path(EVIL).exists()


def test_a_frame_that_does_not_load_is_refused_and_nothing_is_left(pack: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.fspack"
    keep = "frames/my-ring/frame.toml"
    with rebuild(pack, broken, keep=lambda name: name != keep) as archive:
        archive.writestr(keep, 'id = "my-ring"\nname = "x"\n[window]\nshape = "hexagon"\n')
    into = tmp_path / "into"
    with pytest.raises(CampaignError, match=r"the frame 'my-ring-green' does not load: window\.shape"):
        open_pack(broken, into)
    assert listing(into) == set()
    assert check_pack(broken) == [
        "frames/my-ring-green: window.shape: must be one of circle, rect, auto, not 'hexagon'"
    ]


def test_check_lints_frames(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    shutil.copytree(frames_dir() / "congress-ring", bad)
    toml = bad / "frame.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("radius = 0.375", "radius = 0.1"), "utf-8")
    pack = write_pack(tmp_path / "p.fspack", make_campaign(), [load_frame(bad)])
    problems = check_pack(pack)
    assert problems and all(p.startswith("frames/congress-ring: window:") for p in problems), problems
    assert not any("link" in p for p in problems)  # the campaign's link counts for its frames


def test_an_ended_campaign_checks_clean_and_stays_usable(tmp_path: Path) -> None:
    ended = make_campaign(start=dt.date(2020, 9, 1), end=dt.date(2020, 9, 29))
    pack = write_pack(tmp_path / "ended.fspack", ended, [find_frame("congress-ring-navy")])
    assert is_ended(read_manifest(pack).end)
    assert check_pack(pack) == []  # ended on purpose is not a problem (issue 7)
    opened = open_pack(pack, tmp_path / "into")
    assert opened.load_frame().valid_until == dt.date(2020, 9, 29)


# --- caption and dates ------------------------------------------------------------------


def test_caption_fields_are_nfc_normalised_and_unknown_fields_empty() -> None:
    campaign = make_campaign(caption="{ho_ten} - {don_vi} - {chuc_vu}")
    person = {"Họ tên": unicodedata.normalize("NFD", "Nguyễn Thị Hường"), "don_vi": "Sở Y tế"}
    text = caption(campaign, person)
    assert text == "Nguyễn Thị Hường - Sở Y tế"  # the empty {chuc_vu} leaves no stray " -"
    assert unicodedata.is_normalized("NFC", text)
    # only plain {field} names are filled; nothing is looked up on the values
    assert caption(make_campaign(caption="{__class__}{ho_ten.upper}"), person) == "{ho_ten.upper}"


CONGRESS = "Chào mừng Đại hội đại biểu Đảng bộ tỉnh Lạng Sơn lần thứ XVII, nhiệm kỳ 2020-2025"
EVENT = "Đại hội đại biểu Đảng bộ tỉnh Lạng Sơn lần thứ XVII, nhiệm kỳ 2020-2025"


@pytest.mark.parametrize(
    ("name", "unit", "expected"),
    [
        ("Nguyễn Thị Hường", "Sở Y tế", f"Nguyễn Thị Hường – Sở Y tế nhiệt liệt chào mừng {EVENT}!"),
        ("Nguyễn Thị Hường", "", f"Nguyễn Thị Hường nhiệt liệt chào mừng {EVENT}!"),
        ("", "Sở Y tế", f"Sở Y tế nhiệt liệt chào mừng {EVENT}!"),
        ("  ", "", f"Nhiệt liệt chào mừng {EVENT}!"),
    ],
    ids=["name-and-unit", "no-unit", "no-name", "neither"],
)
def test_the_default_caption_greets_once_and_drops_empty_fields(name: str, unit: str, expected: str) -> None:
    """The congress's name starts with "Chào mừng": the caption must not say it twice."""
    campaign = make_campaign(name=CONGRESS, caption=DEFAULT_CAPTION)
    text = caption(campaign, {"ho_ten": name, "don_vi": unit})
    assert text == expected
    assert text.casefold().count("chào mừng") == 1


def test_a_campaign_without_a_caption_gets_the_default() -> None:
    campaign = make_campaign(name=CONGRESS, caption="")
    assert caption(campaign, {"Họ tên": "Hoàng Văn Nam", "Đơn vị": "Văn phòng UBND tỉnh"}) == (
        f"Hoàng Văn Nam – Văn phòng UBND tỉnh nhiệt liệt chào mừng {EVENT}!"
    )


def test_a_template_written_for_the_campaign_name_greets_once() -> None:
    """Packs already sent say "nhiệt liệt chào mừng {chien_dich}"; the name greets too."""
    campaign = make_campaign(name=CONGRESS, caption="{ho_ten} – {don_vi} nhiệt liệt chào mừng {chien_dich}")
    text = caption(campaign, {"ho_ten": "Lý Thị Mai"})
    assert text == f"Lý Thị Mai nhiệt liệt chào mừng {EVENT}"


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{ho_ten} ({don_vi}) chào mừng Đại hội!", "Sở Y tế chào mừng Đại hội!"),
        ("{ho_ten}, {don_vi}: chào mừng Đại hội", "Sở Y tế: chào mừng Đại hội"),
        ("Chào mừng Đại hội! — {ho_ten}", "Chào mừng Đại hội!"),
        ("{ho_ten} [{chuc_vu}] - {don_vi}", "Sở Y tế"),
    ],
)
def test_an_empty_field_takes_its_brackets_and_separator_with_it(template: str, expected: str) -> None:
    assert caption(make_campaign(caption=template), {"don_vi": "Sở Y tế"}) == expected


@pytest.mark.parametrize(
    ("name", "event"),
    [
        (CONGRESS, EVENT),
        ("NHIỆT LIỆT CHÀO MỪNG ĐẠI HỘI XVII!", "ĐẠI HỘI XVII"),
        ("Hướng tới Đại hội XVII", "Đại hội XVII"),
        ("Ngày hội Đại đoàn kết", "Ngày hội Đại đoàn kết"),
        ("Chào mừng", "Chào mừng"),
    ],
)
def test_campaign_event_is_the_name_without_its_greeting(name: str, event: str) -> None:
    assert campaign_event(name) == event


@pytest.mark.parametrize(
    ("today", "ended"),
    [(dt.date(2030, 9, 28), False), (END, False), (dt.date(2030, 9, 30), True)],
)
def test_a_campaign_has_ended_the_day_after_its_end_date(today: dt.date, ended: bool) -> None:
    assert is_ended(END, today) is ended
    assert is_ended(None, today) is False
