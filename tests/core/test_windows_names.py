"""Every name the naming rules make is one Windows accepts, checked by an independent rule.

`windows_refuses` below is written from Microsoft's "Naming Files, Paths, and Namespaces"
as Python 3.13's `ntpath.isreserved` reads it (devices CON, PRN, AUX, NUL, CONIN$,
CONOUT$, COM/LPT 1-9 and ¹²³, in any case, also before a dot or trailing spaces; no
trailing dot or space; none of `<>:"/\\|?*` or the controls 0-31), plus our own rule that
no invisible character (zero-width, bidi control) is left and a part fits 255 UTF-16 units.
Cases from the issue are pinned one by one; hypothesis then throws mixes of them at
`clean_part`, `templated_name`, `output_name` and `fit_name`.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frame_studio.core.naming import MAX_NAME_BYTES, clean_part, fit_name, output_name, templated_name

DEVICE_NAMES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
DEVICE_NAMES |= {port + digit for port in ("COM", "LPT") for digit in "123456789¹²³"}
FORBIDDEN = set('<>:"/\\|?*') | {chr(code) for code in range(32)}
INVISIBLE = {chr(code) for code in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x200E, 0x200F, 0x061C)}
INVISIBLE |= {chr(code) for code in range(0x202A, 0x202F)} | {chr(code) for code in range(0x2066, 0x206A)}


def windows_refuses(part: str) -> str | None:
    """Why Windows would refuse `part` as a file or folder name; None when it accepts it."""
    if part in {"", ".", ".."}:
        return "not a name"
    if part.endswith((".", " ")):
        return "ends in a dot or a space"
    if FORBIDDEN & set(part):
        return f"has a forbidden character {sorted(FORBIDDEN & set(part))}"
    if INVISIBLE & set(part):
        return "has an invisible character"
    if part.split(".", 1)[0].rstrip(" ").upper() in DEVICE_NAMES:
        return "is a device name"
    if len(part.encode("utf-16-le")) // 2 > 255:
        return "is longer than 255 UTF-16 units"
    return None


def assert_windows_path(path: str) -> None:
    """Every folder of a templated `path` is a name Windows accepts, and so is its file.

    The last part is the file's stem, which the batch cuts once it knows the suffix: it is
    checked as cut, alone and with a suffix.
    """
    assert "\\" not in path, path
    *folders, stem = path.split("/")
    for part in [*folders, fit_name(stem, ""), fit_name(stem, ".jpg")]:
        assert windows_refuses(part) is None, f"{path!r}: {part!r} {windows_refuses(part)}"


def test_the_checker_refuses_what_windows_refuses() -> None:
    refused = ["CON", "con .jpg", "Nul.tar.gz", "Aux  ", "COM¹", "lpt³.png", "conin$", "CONOUT$.txt"]
    refused += ["name.", "name ", "a:b", "a\\b", "a\u200bb", "\u202eabc", "", "..", "x" * 256]
    accepted = ["COM0", "LPT0", "COM10", "CONSOLE", "_CON", "nul_jpg", "Nguyễn Văn An", ".journal", "x" * 255]
    assert [name for name in refused if windows_refuses(name) is None] == []
    assert [name for name in accepted if windows_refuses(name) is not None] == []


# --- the cases of the issue, one by one ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CON", "_CON"),
        ("CON .jpg", "_CON .jpg"),
        ("con.txt", "_con.txt"),
        ("NUL.tar.gz", "_NUL.tar.gz"),
        ("Aux  ", "_Aux"),
        ("prn. ", "_prn"),
        ("COM¹", "_COM¹"),
        ("com²", "_com²"),
        ("LPT³.jpg", "_LPT³.jpg"),
        ("lpt9", "_lpt9"),
        ("conin$", "_conin$"),
        ("CONOUT$.log", "_CONOUT$.log"),
        ("COM0", "COM0"),  # not a device by the ntpath rule: kept
        ("LPT0", "LPT0"),
        ("COM10", "COM10"),
        ("CONSOLE", "CONSOLE"),
    ],
)
def test_device_names_are_never_made(text: str, expected: str) -> None:
    assert clean_part(text) == expected
    assert windows_refuses(clean_part(text)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nguyễn Văn An.", "Nguyễn Văn An"),
        ("Phòng Tổ chức . . ", "Phòng Tổ chức"),
        ("Lê\u200bVăn\u200c Tám\u200d", "LêVăn Tám"),
        ("\ufeffĐỗ Đức\u2060 Bình", "Đỗ Đức Bình"),
        ("\u202eTrần\u202c \u2067Thị\u2069 \u200eHường\u200f\u061c", "Trần Thị Hường"),
        ("C\u200bON", "_CON"),  # a device once the invisible character is gone
        ("An.\u200b", "An"),  # a trailing dot once the invisible character is gone
        ('a<b>c:d"e/f\\g|h?i*j\x00k\x1fl', "a_b_c_d_e_f_g_h_i_j_k_l"),
    ],
)
def test_trailing_dots_invisible_and_forbidden_characters(text: str, expected: str) -> None:
    assert clean_part(text) == expected


def test_ascii_names_follow_the_same_rules() -> None:
    assert clean_part("Còn.", ascii_only=True) == "_Con"  # "Còn" is a word; "Con" is a device
    assert clean_part("CON\u200b .jpg", ascii_only=True) == "_CON .jpg"
    assert windows_refuses(clean_part("COM¹", ascii_only=True)) is None


def test_a_backslash_in_the_template_makes_a_folder() -> None:
    fields = {"don_vi": "Phòng A", "ho_ten": "Nguyễn Văn An"}
    assert templated_name("{don_vi}\\{ho_ten}", fields) == "Phòng A/Nguyễn Văn An"
    assert templated_name("{don_vi}/{ho_ten}", fields) == "Phòng A/Nguyễn Văn An"
    assert templated_name("Ảnh\\{don_vi}/{ho_ten}", fields) == "Ảnh/Phòng A/Nguyễn Văn An"


def test_separators_in_a_value_never_make_a_folder() -> None:
    fields = {"don_vi": "Ban B\\C:D/E", "ho_ten": "CON "}
    assert templated_name("{don_vi}\\{ho_ten}", fields) == "Ban B_C_D_E/_CON"
    assert templated_name("{ho_ten}", {"ho_ten": "C:\\Windows\\System32"}) == "C_Windows_System32"


def test_devices_made_by_the_template_itself_are_renamed() -> None:
    assert templated_name("{a}{b}\\{c}", {"a": "CO", "b": "N", "c": "An"}) == "_CON/An"
    assert templated_name("NUL\\{c}.", {"c": "An"}) == "_NUL/An"


def test_long_folders_are_cut_to_255_bytes_and_stay_apart() -> None:
    unit = "Phòng Tổ chức cán bộ và Đào tạo " * 12
    first = templated_name("{don_vi}/{ho_ten}", {"don_vi": unit + "A", "ho_ten": "An"})
    second = templated_name("{don_vi}/{ho_ten}", {"don_vi": unit + "B", "ho_ten": "An"})
    assert first != second
    for path in (first, second):
        folder, name = path.split("/")
        assert len(folder.encode()) <= MAX_NAME_BYTES and "~" in folder
        assert folder.startswith("Phòng Tổ chức") and name == "An"
        assert_windows_path(path)


def test_output_names_of_photos_follow_windows() -> None:
    assert output_name("nul", ".png") == "_nul.png"
    assert output_name("CON", "") == "_CON"
    assert output_name("Lê\u200b:An.jpg", ".png") == "Lê_An_jpg.png"
    assert output_name("an. ", "") == "an_"  # Path("an. ").suffix is ". "
    assert output_name("an..", ".png") == "an.png"
    assert output_name("staff_001.jpg", ".png") == "staff_001_jpg.png"


def test_a_cut_name_stays_valid() -> None:
    stem = clean_part("Nguyễn Thị Hường " * 30)
    for name in (fit_name(stem, ""), fit_name(stem, ".jpg"), fit_name(stem, " (12)-2048.webp", 80)):
        assert name.startswith("Nguyễn Thị Hường") and "~" in name
        assert windows_refuses(name) is None, name


# --- properties -------------------------------------------------------------------------------

PIECES = [
    *("CON", "con", "Prn", "AUX", "nul", "CONIN$", "conout$", "COM", "lpt", "1", "9", "0", "¹", "²", "³"),
    *(".", ". ", " ", "  ", "\u00a0", "\u3000", "\t", "\n", "\x00", "\x1f", "\x7f"),
    *("<", ">", ":", '"', "/", "\\", "|", "?", "*", "_", "~", "$"),
    *sorted(INVISIBLE),
    *("Nguyễn", "Đỗ", "\u0131", "jpg", "tar.gz", "txt", "\u0301"),
]
free_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=10).map("".join)
TEMPLATE_PIECES = ["{a}", "{b}", "/", "\\", " ", ".", "..", "CON", "x", ":", "-"]
templates = st.lists(st.sampled_from(TEMPLATE_PIECES), min_size=1, max_size=8).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=free_text, ascii_only=st.booleans())
def test_clean_part_is_always_a_windows_name(text: str, ascii_only: bool) -> None:
    part = clean_part(text, ascii_only=ascii_only)
    assert windows_refuses(part) is None, (text, part, windows_refuses(part))
    assert clean_part(part, ascii_only=ascii_only) == part  # cleaning twice changes nothing
    assert windows_refuses(f"{part}.jpg") is None and windows_refuses(f"{part} (1).png") is None


@settings(max_examples=400, deadline=None)
@given(template=templates, a=free_text, b=free_text, ascii_only=st.booleans())
def test_templated_names_are_windows_paths(template: str, a: str, b: str, ascii_only: bool) -> None:
    path = templated_name(template, {"a": a, "b": b}, ascii_only=ascii_only)
    assert_windows_path(path)
    folders_in_template = template.count("/") + template.count("\\")
    assert path.count("/") <= folders_in_template  # values never add a folder


@settings(max_examples=200, deadline=None)
@given(unit=st.text(min_size=200, max_size=400), name=st.text(alphabet="Anđ", min_size=1, max_size=8))
def test_every_folder_fits(unit: str, name: str) -> None:
    path = templated_name("{a}\\{b}", {"a": unit, "b": name})
    assert_windows_path(path)
    *folders, _ = path.split("/")
    assert len(folders) == (clean_part(unit) != "_")  # an empty unit makes no folder
    assert all(len(folder.encode()) <= MAX_NAME_BYTES for folder in folders)


@settings(max_examples=400, deadline=None)
@given(stem=free_text, extension=free_text, suffix=st.sampled_from(["", ".jpg", ".png", ".webp"]))
def test_output_names_are_windows_names(stem: str, extension: str, suffix: str) -> None:
    name = output_name(f"{stem}.{extension}" if extension else stem, suffix)
    assert windows_refuses(name) is None, (stem, extension, name, windows_refuses(name))


@settings(max_examples=200, deadline=None)
@given(
    text=free_text.map(lambda text: text * 20),
    tail=st.sampled_from(["", ".jpg", "-1080.png", " (3).webp", " (12)-2048.jpg"]),
    limit=st.integers(min_value=40, max_value=MAX_NAME_BYTES),
)
def test_cutting_a_clean_name_keeps_it_valid(text: str, tail: str, limit: int) -> None:
    name = fit_name(clean_part(text), tail, limit)
    assert len(name.encode()) <= limit
    assert windows_refuses(name) is None, (text, name, windows_refuses(name))
