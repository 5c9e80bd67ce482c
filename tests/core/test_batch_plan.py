"""Tests of `plan_batch` alone: what it lists, how it names outputs, what it refuses.

Nothing here runs a photo through the pipeline: the plan is read-only, so the input files
can be tiny stand-ins (any bytes); only their names, kinds and places matter. Rosters are
written by the tests (CSV with a BOM and semicolons, XLSX with openpyxl).
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

from frame_studio.core.batch_plan import BatchError, BatchSettings, Plan, plan_batch
from frame_studio.core.jobs import Job
from frame_studio.core.journal import JOURNAL_NAME
from frame_studio.core.roster import Roster, read_roster

MAX_NAME_BYTES = 255
needs_links = pytest.mark.posix(reason="creating symlinks needs a privilege the Windows test machines lack")


def touch(path: Path, data: bytes = b"stand-in photo") -> Path:
    """A small file (the plan never decodes it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def plan(in_dir: Path, out_dir: Path, roster: Roster | None = None, **settings: object) -> Plan:
    return plan_batch(in_dir, out_dir, BatchSettings(**settings), roster=roster)  # type: ignore[arg-type]


def by_name(result: Plan) -> dict[str, Job]:
    return {job.name: job for job in result.jobs}


def snapshot(folder: Path) -> dict[str, tuple[int, int]] | None:
    """Every entry below `folder` with its size and mtime in ns (None: no such folder)."""
    if not folder.exists():
        return None
    entries = {"": (0, folder.lstat().st_mtime_ns)}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        entries[path.relative_to(folder).as_posix()] = (info.st_size, info.st_mtime_ns)
    return entries


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    in_dir, out_dir = tmp_path / "in", tmp_path / "out"
    in_dir.mkdir()
    return in_dir, out_dir


# ---------------------------------------------------------------------------------------
# What is listed
# ---------------------------------------------------------------------------------------


def test_lists_files_even_dot_named_and_skips_junk_and_own_files(folders: tuple[Path, Path]) -> None:
    in_dir, out_dir = folders
    touch(in_dir / "b.jpg")
    touch(in_dir / "a.png")
    touch(in_dir / ".hidden.jpg")  # a photo whatever its name (nothing hides it on Windows)
    touch(in_dir / ".DS_Store")  # system junk: counted
    touch(in_dir / JOURNAL_NAME)  # our own: skipped silently
    touch(in_dir / "sub" / "c.jpg")
    result = plan(in_dir, out_dir)
    assert [job.name for job in result.jobs] == [".hidden.jpg", "a.png", "b.jpg"]
    assert all(job.problem is None and job.previous is None for job in result.jobs)
    assert result.ignored == 1
    size = (in_dir / "a.png").stat()
    assert result.jobs[1].fingerprint == (size.st_size, size.st_mtime_ns)
    assert result.jobs[1].source == in_dir / "a.png"


@needs_links
def test_link_leading_out_of_the_input_folder_is_rejected(tmp_path: Path, folders: tuple[Path, Path]) -> None:
    in_dir, out_dir = folders
    secret = touch(tmp_path / "elsewhere" / "secret.jpg")
    (in_dir / "escape.jpg").symlink_to(secret)
    (in_dir / "escape-relative.jpg").symlink_to(Path("..") / "elsewhere" / "secret.jpg")
    jobs = by_name(plan(in_dir, out_dir))
    for name in ("escape.jpg", "escape-relative.jpg"):
        assert jobs[name].problem is not None, jobs[name]
        code, reason = jobs[name].problem
        assert code == "outside_link" and "out of the input folder" in reason
        assert jobs[name].outputs == ()


@needs_links
def test_link_inside_the_input_folder_is_fine(folders: tuple[Path, Path]) -> None:
    in_dir, out_dir = folders
    touch(in_dir / "real.jpg")
    (in_dir / "alias.jpg").symlink_to("real.jpg")
    jobs = by_name(plan(in_dir, out_dir))
    assert jobs["alias.jpg"].problem is None
    assert jobs["alias.jpg"].outputs == ("alias_jpg.jpg",)
    assert jobs["real.jpg"].outputs == ("real_jpg.jpg",)


@needs_links
@pytest.mark.parametrize("recursive", [False, True], ids=["flat", "recursive"])
def test_linked_folder_is_not_followed(tmp_path: Path, folders: tuple[Path, Path], recursive: bool) -> None:
    in_dir, out_dir = folders
    touch(in_dir / "sub" / "inner.jpg")
    touch(tmp_path / "outside" / "outer.jpg")
    (in_dir / "linked-inside").symlink_to(in_dir / "sub", target_is_directory=True)
    (in_dir / "loop").symlink_to(in_dir, target_is_directory=True)
    (in_dir / "linked-outside").symlink_to(tmp_path / "outside", target_is_directory=True)
    names = [job.name for job in plan(in_dir, out_dir, recursive=recursive).jobs]
    assert not any(name.startswith(("linked-inside", "loop")) for name in names), names
    assert names == (["linked-outside", "sub/inner.jpg"] if recursive else ["linked-outside"])
    outside = by_name(plan(in_dir, out_dir, recursive=recursive))["linked-outside"]
    assert outside.problem is not None and outside.problem[0] == "outside_link"


@pytest.mark.posix(reason="no FIFOs on Windows")
def test_fifo_is_a_rejected_job(folders: tuple[Path, Path]) -> None:
    in_dir, out_dir = folders
    os.mkfifo(in_dir / "pipe.jpg")
    touch(in_dir / "photo.jpg")
    jobs = by_name(plan(in_dir, out_dir))  # must not block opening the FIFO
    assert jobs["pipe.jpg"].problem == ("not_a_file", "this is a special file, not a photo")
    assert jobs["photo.jpg"].problem is None


@needs_links
def test_dangling_link_is_a_rejected_job(folders: tuple[Path, Path]) -> None:
    in_dir, out_dir = folders
    (in_dir / "gone.jpg").symlink_to(in_dir / "missing.jpg")
    (job,) = plan(in_dir, out_dir).jobs
    assert job.problem is not None and job.problem[1]


# ---------------------------------------------------------------------------------------
# Folders that cannot be used
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "out", [".", "framed", "a/b/c", "sub/../framed"], ids=["same", "inside", "deep", "dots"]
)
def test_output_folder_that_is_or_lies_inside_the_input_is_refused(
    folders: tuple[Path, Path], out: str
) -> None:
    in_dir, _ = folders
    touch(in_dir / "photo.jpg")
    (in_dir / "sub").mkdir()
    before = snapshot(in_dir)
    with pytest.raises(BatchError) as caught:
        plan(in_dir, in_dir / out)
    assert caught.value.code == "out_inside_in"
    assert snapshot(in_dir) == before


@needs_links
def test_output_folder_reached_through_a_link_into_the_input_is_refused(
    tmp_path: Path, folders: tuple[Path, Path]
) -> None:
    in_dir, _ = folders
    (in_dir / "framed").mkdir()
    (tmp_path / "shortcut").symlink_to(in_dir / "framed", target_is_directory=True)
    with pytest.raises(BatchError) as caught:
        plan(in_dir, tmp_path / "shortcut")
    assert caught.value.code == "out_inside_in"


def test_input_folder_inside_the_output_folder_is_fine(tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    in_dir = out_dir / "originals"
    touch(in_dir / "photo.jpg")
    result = plan(in_dir, out_dir)
    assert [(job.name, job.outputs) for job in result.jobs] == [("photo.jpg", ("photo_jpg.jpg",))]


def test_missing_input_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BatchError) as caught:
        plan(tmp_path / "no such folder", tmp_path / "out")
    assert caught.value.code == "no_input"
    assert not (tmp_path / "out").exists()


def test_input_that_is_a_file_is_refused(tmp_path: Path) -> None:
    photo = touch(tmp_path / "photo.jpg")
    with pytest.raises(BatchError) as caught:
        plan(photo, tmp_path / "out")
    assert caught.value.code == "no_input"


# ---------------------------------------------------------------------------------------
# Output names
# ---------------------------------------------------------------------------------------


def test_outputs_keep_the_full_input_name(folders: tuple[Path, Path]) -> None:
    in_dir, out_dir = folders
    for name in ("staff_001.jpg", "staff_001.png", "staff_001.jpeg", "staff_001"):
        touch(in_dir / name)
    jobs = by_name(plan(in_dir, out_dir, format="png"))
    outputs = {name: job.outputs for name, job in jobs.items()}
    assert outputs == {
        "staff_001": ("staff_001.png",),
        "staff_001.jpeg": ("staff_001_jpeg.png",),
        "staff_001.jpg": ("staff_001_jpg.png",),
        "staff_001.png": ("staff_001_png.png",),
    }


@pytest.mark.parametrize("sizes", [(1080,), (1080, 2048)], ids=["one size", "two sizes"])
def test_very_long_vietnamese_names_stay_within_255_bytes_and_apart(
    folders: tuple[Path, Path], sizes: tuple[int, ...]
) -> None:
    in_dir, out_dir = folders
    stem = "Nguyễn Thị Hường phòng Tổ chức " * 8
    names = []
    while len(f"{stem}A.jpg".encode()) > MAX_NAME_BYTES:
        stem = stem[:-1]
    for ending in ("A", "B"):
        name = f"{stem}{ending}.jpg"
        assert 240 <= len(name.encode()) <= 255, len(name.encode())
        names.append(touch(in_dir / name).name)
    jobs = by_name(plan(in_dir, out_dir, sizes=sizes))
    outputs = [output for name in names for output in jobs[name].outputs]
    assert len(outputs) == 2 * len(sizes)
    assert len(set(outputs)) == len(outputs), outputs
    for output in outputs:
        assert len(output.encode("utf-8")) <= MAX_NAME_BYTES, output
        assert output.endswith(".jpg") and "~" in output, output  # truncated, plus a short hash
        assert output.startswith("Nguyễn Thị Hường"), output
        assert unicodedata.is_normalized("NFC", output)
        output.encode("utf-8")  # no half character left by the cut


def test_sizes_give_one_output_per_size(folders: tuple[Path, Path]) -> None:
    in_dir, out_dir = folders
    touch(in_dir / "photo.jpg")
    (job,) = plan(in_dir, out_dir, sizes=(1080, 2048), format="webp").jobs
    assert job.outputs == ("photo_jpg-1080.webp", "photo_jpg-2048.webp")


def test_recursive_mirrors_sub_folders(folders: tuple[Path, Path]) -> None:
    in_dir, out_dir = folders
    touch(in_dir / "top.jpg")
    touch(in_dir / "Phòng A" / "a.jpg")
    touch(in_dir / "Phòng A" / "deeper" / "b.png")
    touch(in_dir / "Phòng A" / ".hidden" / "c.jpg")  # a dot-folder is scanned like any other
    flat = plan(in_dir, out_dir)
    assert [job.name for job in flat.jobs] == ["top.jpg"]
    jobs = by_name(plan(in_dir, out_dir, recursive=True))
    assert {name: job.outputs for name, job in jobs.items()} == {
        "top.jpg": ("top_jpg.jpg",),
        "Phòng A/a.jpg": ("Phòng A/a_jpg.jpg",),
        "Phòng A/deeper/b.png": ("Phòng A/deeper/b_png.jpg",),
        "Phòng A/.hidden/c.jpg": ("Phòng A/.hidden/c_jpg.jpg",),
    }


def test_recursive_folder_names_that_windows_refuses_are_made_valid(folders: tuple[Path, Path]) -> None:
    in_dir, out_dir = folders
    for folder in ("CON", "a:b", "Tổ 1.", "nul.old", "Ph\u200bòng"):
        touch(in_dir / folder / "x.jpg")
    jobs = by_name(plan(in_dir, out_dir, recursive=True))
    assert {name: job.outputs for name, job in jobs.items()} == {
        "CON/x.jpg": ("_CON/x_jpg.jpg",),
        "a:b/x.jpg": ("a_b/x_jpg.jpg",),
        "Tổ 1./x.jpg": ("Tổ 1/x_jpg.jpg",),
        "nul.old/x.jpg": ("_nul.old/x_jpg.jpg",),
        "Ph\u200bòng/x.jpg": ("Phòng/x_jpg.jpg",),
    }


def test_existing_file_in_out_gets_a_number_unless_overwrite(folders: tuple[Path, Path]) -> None:
    in_dir, out_dir = folders
    touch(in_dir / "photo.jpg")
    touch(out_dir / "photo_jpg.jpg", b"someone else's file")
    (job,) = plan(in_dir, out_dir).jobs
    assert job.outputs == ("photo_jpg (1).jpg",)
    assert job.replace is False
    (job,) = plan(in_dir, out_dir, overwrite=True).jobs
    assert job.outputs == ("photo_jpg.jpg",)
    assert job.replace is True


def test_existing_numbered_names_are_skipped_too(folders: tuple[Path, Path]) -> None:
    in_dir, out_dir = folders
    touch(in_dir / "photo.jpg")
    touch(out_dir / "photo_jpg.jpg")
    touch(out_dir / "photo_jpg (1).jpg")
    (job,) = plan(in_dir, out_dir).jobs
    assert job.outputs == ("photo_jpg (2).jpg",)


def test_one_size_taken_numbers_every_size_of_that_photo(folders: tuple[Path, Path]) -> None:
    in_dir, out_dir = folders
    touch(in_dir / "photo.jpg")
    touch(out_dir / "photo_jpg-2048.jpg")
    (job,) = plan(in_dir, out_dir, sizes=(1080, 2048)).jobs
    assert job.outputs == ("photo_jpg-1080 (1).jpg", "photo_jpg-2048 (1).jpg")


def test_names_differing_only_in_case_never_share_an_output(folders: tuple[Path, Path]) -> None:
    in_dir, out_dir = folders
    touch(in_dir / "Photo.jpg")
    touch(in_dir / "photo.jpg")
    outputs = [job.outputs[0] for job in plan(in_dir, out_dir).jobs]
    assert len({output.casefold() for output in outputs}) == 2, outputs


# ---------------------------------------------------------------------------------------
# Rosters
# ---------------------------------------------------------------------------------------

NFD = "NFD"
ROSTER_ROWS = [
    ("Tệp ảnh", "Họ tên", "Đơn vị", "Chức vụ"),
    ("nv001.jpg", "Nguyễn Văn An", "Phòng Tổ chức", "Trưởng phòng"),
    ("NV002", "Đỗ Đức Bình", "Phòng Tổ chức", "Chuyên viên"),
    ("nv003.jpg", "Trần Thị Hường", "Ban Đối ngoại", "Chuyên viên"),
    ("nv004.jpg", "Trần Thị Hường", "Ban Đối ngoại", "Phó ban"),  # same name, same unit
    ("nv999.jpg", "Lê Văn Vắng", "Ban Đối ngoại", "Chuyên viên"),  # no photo
]
PHOTOS = ["nv001.jpg", "nv002.jpg", "nv003.jpg", "nv004.jpg", "khach.jpg"]  # khach: no row


def write_csv_roster(path: Path) -> Path:
    """UTF-8 with a BOM, semicolons, names in NFD (as a Mac saves them)."""
    lines = [";".join(unicodedata.normalize(NFD, cell) for cell in row) for row in ROSTER_ROWS]
    path.write_bytes(b"\xef\xbb\xbf" + ("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


def write_xlsx_roster(path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in ROSTER_ROWS:
        sheet.append([unicodedata.normalize(NFD, cell) for cell in row])
    book.save(path)
    book.close()
    return path


@pytest.fixture(params=["csv", "xlsx"])
def roster_folders(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, Path, Roster]:
    in_dir, out_dir = tmp_path / "in", tmp_path / "out"
    for photo in PHOTOS:
        touch(in_dir / photo)
    writer = write_csv_roster if request.param == "csv" else write_xlsx_roster
    roster = read_roster(writer(tmp_path / f"danh sách.{request.param}"))
    return in_dir, out_dir, roster


def test_roster_reads_fields_and_nfc_values(roster_folders: tuple[Path, Path, Roster]) -> None:
    _, _, roster = roster_folders
    assert roster.fields == ("tep_anh", "ho_ten", "don_vi", "chuc_vu")
    assert roster.photo_field == "tep_anh"
    (row,) = roster.rows_for("nv001.jpg")
    assert roster.member(row).name == unicodedata.normalize("NFC", "Nguyễn Văn An")
    assert (roster.name_field, roster.unit_field) == ("ho_ten", "don_vi")
    assert all(unicodedata.is_normalized("NFC", v) for p in roster.rows for v in p.values())


def test_roster_drives_the_name_template(roster_folders: tuple[Path, Path, Roster]) -> None:
    in_dir, out_dir, roster = roster_folders
    result = plan(in_dir, out_dir, roster, name_template="{don_vi}/{ho_ten}", format="png")
    outputs = {name: job.outputs for name, job in by_name(result).items()}
    assert outputs == {
        "nv001.jpg": ("Phòng Tổ chức/Nguyễn Văn An.png",),
        "nv002.jpg": ("Phòng Tổ chức/Đỗ Đức Bình.png",),
        "nv003.jpg": ("Ban Đối ngoại/Trần Thị Hường.png",),
        "nv004.jpg": ("Ban Đối ngoại/Trần Thị Hường (1).png",),  # never the same output
        "khach.jpg": ("khach_jpg.png",),  # no row: keeps its own name
    }
    for job_outputs in outputs.values():
        assert all(unicodedata.is_normalized("NFC", output) for output in job_outputs)
    person = dict(by_name(result)["nv001.jpg"].person)
    assert person["chuc_vu"] == "Trưởng phòng"


def test_roster_names_in_ascii(roster_folders: tuple[Path, Path, Roster]) -> None:
    in_dir, out_dir, roster = roster_folders
    result = plan(in_dir, out_dir, roster, name_template="{don_vi}/{ho_ten}", ascii_names=True)
    outputs = {name: job.outputs[0] for name, job in by_name(result).items()}
    assert outputs["nv001.jpg"] == "Phong To chuc/Nguyen Van An.jpg"
    assert outputs["nv002.jpg"] == "Phong To chuc/Do Duc Binh.jpg"
    assert outputs["nv003.jpg"] == "Ban Doi ngoai/Tran Thi Huong.jpg"
    assert outputs["nv004.jpg"] == "Ban Doi ngoai/Tran Thi Huong (1).jpg"
    assert all(output.isascii() for output in outputs.values())


def test_roster_builtin_fields(roster_folders: tuple[Path, Path, Roster]) -> None:
    in_dir, out_dir, roster = roster_folders
    result = plan(in_dir, out_dir, roster, name_template="{ho_ten} - {file}.{ext}")
    assert by_name(result)["nv001.jpg"].outputs == ("Nguyễn Văn An - nv001.jpg.jpg",)


def test_roster_mismatches_are_reported_in_notes(roster_folders: tuple[Path, Path, Roster]) -> None:
    in_dir, out_dir, roster = roster_folders
    result = plan(in_dir, out_dir, roster, name_template="{don_vi}/{ho_ten}")
    photo_notes = [note for note in result.notes if "khach.jpg" in note]
    row_notes = [note for note in result.notes if "nv999" in note]
    assert len(photo_notes) == 1 and "no row" in photo_notes[0], result.notes
    assert len(row_notes) == 1 and "no such photo" in row_notes[0], result.notes
    assert len(result.notes) == 2, result.notes


def test_unknown_template_field_is_refused(roster_folders: tuple[Path, Path, Roster]) -> None:
    in_dir, out_dir, roster = roster_folders
    with pytest.raises(BatchError) as caught:
        plan(in_dir, out_dir, roster, name_template="{don_vi}/{ho_va_ten}")
    assert caught.value.code == "bad_template"
    assert "ho_va_ten" in caught.value.message


def test_template_without_roster_is_refused_when_it_needs_roster_fields(folders: tuple[Path, Path]) -> None:
    in_dir, out_dir = folders
    touch(in_dir / "photo.jpg")
    with pytest.raises(BatchError) as caught:
        plan(in_dir, out_dir, name_template="{ho_ten}")
    assert caught.value.code == "template_needs_roster"


def test_unknown_frame_is_refused(folders: tuple[Path, Path]) -> None:
    in_dir, out_dir = folders
    with pytest.raises(BatchError) as caught:
        plan(in_dir, out_dir, frame="no-such-frame")
    assert caught.value.code == "bad_frame"


# ---------------------------------------------------------------------------------------
# The plan writes nothing
# ---------------------------------------------------------------------------------------


def test_plan_writes_nothing(roster_folders: tuple[Path, Path, Roster]) -> None:
    in_dir, out_dir, roster = roster_folders
    touch(in_dir / "sub" / "deep.jpg")
    if hasattr(os, "mkfifo"):  # no FIFOs on Windows; the rest of the test holds there
        os.mkfifo(in_dir / "pipe")
    touch(out_dir / "nv001_jpg.jpg", b"someone else's")
    touch(out_dir / JOURNAL_NAME, b'{"state": "pending", "input": "nv002.jpg", "outputs": ["x.jpg"]}\n')
    touch(out_dir / ".old.frame-studio.part", b"left by a kill")
    before_in, before_out = snapshot(in_dir), snapshot(out_dir)
    for settings in (
        {},
        {"recursive": True, "sizes": (1080, 2048)},
        {"name_template": "{don_vi}/{ho_ten}", "ascii_names": True},
    ):
        plan(in_dir, out_dir, roster, **settings)
    assert snapshot(in_dir) == before_in
    assert snapshot(out_dir) == before_out


def test_plan_does_not_create_a_missing_output_folder(folders: tuple[Path, Path]) -> None:
    in_dir, out_dir = folders
    touch(in_dir / "photo.jpg")
    plan(in_dir, out_dir / "nested")
    assert not out_dir.exists()


def test_inputs_are_listed_in_natural_order(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    for name in ("Nhân viên 10.jpg", "nhân viên 2.jpg", "Nhân viên 1.jpg", "An.jpg"):
        (inputs / name).write_bytes(b"x")
    plan = plan_batch(inputs, out, BatchSettings())
    assert [job.name for job in plan.jobs] == [
        "An.jpg",
        "Nhân viên 1.jpg",
        "nhân viên 2.jpg",
        "Nhân viên 10.jpg",
    ]
