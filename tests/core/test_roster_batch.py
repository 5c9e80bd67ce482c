"""A batch with a roster: Vietnamese headers, sure matches only, notes for the rest, the
person on every record, accepting a photo as it is, and a pack's campaign carried through.

Real photos (Grace Hopper, a generated group and a no-face picture), real batches in one
worker process.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from helpers import no_face_image, portrait_image, twin_photo
from PIL import Image

from frame_studio.core.batch import accept_as_is, reexport, run_batch
from frame_studio.core.batch_files import update_batch_reports, write_batch_files
from frame_studio.core.batch_plan import (
    BatchError,
    BatchSettings,
    Plan,
    plan_batch,
    refresh_plan,
    settings_for,
)
from frame_studio.core.frames import find_frame
from frame_studio.core.journal import ACCEPTED, read_journal
from frame_studio.core.outcome import FRAMED, SKIPPED, JobResult
from frame_studio.core.placement import Placement
from frame_studio.core.qr import decode_qr
from frame_studio.core.reminder import REMINDER_FILE
from frame_studio.core.roster import Roster, RosterError, read_roster

SETTINGS = BatchSettings(sizes=(240,), format="png")
NFD = "NFD"


def save(image: Image.Image, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image.convert("RGB").save(path, quality=90)
    return path


def write_roster(path: Path, rows: list[list[str]]) -> Roster:
    path.write_text("\n".join(",".join(row) for row in rows) + "\n", encoding="utf-8")
    return read_roster(path)


def run(plan: Plan) -> list[JobResult]:
    return list(run_batch(plan, workers=1))


def note_codes(plan: Plan) -> list[str]:
    return [getattr(note, "code", "") for note in plan.notes]


@pytest.mark.parametrize(
    ("headers", "name", "unit", "photo"),
    [
        (["Họ và tên", "Đơn vị", "Tên ảnh"], "ho_va_ten", "don_vi", "ten_anh"),
        (["HỌ TÊN", "ĐƠN VỊ", "ẢNH"], "ho_ten", "don_vi", "anh"),
        (["ho va ten", "don vi", "anh"], "ho_va_ten", "don_vi", "anh"),
        ([unicodedata.normalize(NFD, h) for h in ("Họ tên", "Đơn vị", "Ảnh")], "ho_ten", "don_vi", "anh"),
    ],
)
def test_vietnamese_headers_are_recognised_whatever_the_case_and_accents(
    tmp_path: Path, headers: list[str], name: str, unit: str, photo: str
) -> None:
    roster = write_roster(tmp_path / "ds.csv", [headers, ["Nguyễn Văn An", "Phòng A", "an.jpg"]])
    assert (roster.name_field, roster.unit_field, roster.photo_field) == (name, unit, photo)
    assert roster.member(0).name == "Nguyễn Văn An" and roster.member(0).unit == "Phòng A"


def test_matching_ignores_case_and_unicode_normalisation(tmp_path: Path) -> None:
    rows = [["Họ tên", "Ảnh"], ["Hường", "Nguyễn Thị Hường.JPG"], ["Lan", "lê thị lan"]]
    roster = write_roster(tmp_path / "ds.csv", rows)
    assert roster.rows_for(unicodedata.normalize(NFD, "nguyễn thị hường.jpg")) == [0]
    assert roster.rows_for("LÊ THỊ LAN.png") == [1]  # the roster names it without the extension
    assert roster.rows_for("someone else.jpg") == []


@pytest.fixture
def roster_batch(tmp_path: Path) -> tuple[Plan, list[JobResult]]:
    """Two units; a person without a photo; a photo without a person; a no-face photo; a
    group photo; two photos matching one person ("Anh CB.JPG", "anh cb.jpg"); two rows
    naming one photo."""
    in_dir = tmp_path / "ảnh"
    save(portrait_image(), in_dir / "an.jpg")
    save(portrait_image("astronaut.jpg"), in_dir / "binh.jpg")
    save(no_face_image(), in_dir / "chi.jpg")
    save(twin_photo(), in_dir / "dung.jpg")
    save(portrait_image(), in_dir / "Anh CB.JPG")
    save(portrait_image(), in_dir / "anh cb.jpg")
    save(portrait_image(), in_dir / "la.jpg")  # nobody's
    save(portrait_image(), in_dir / "chung.jpg")  # two rows name it
    roster = write_roster(
        tmp_path / "ds.csv",
        [
            ["Họ và tên", "Đơn vị", "Tên ảnh"],
            ["Nguyễn Văn An", "Phòng Tổ chức", "an.jpg"],
            ["Trần Thị Bình", "Phòng Tổ chức", "BINH.jpg"],
            ["Lê Văn Chí", "Văn phòng", "chi"],
            ["Phạm Dũng", "Văn phòng", "dung.jpg"],
            ["Hoàng Cán Bộ", "Văn phòng", "anh cb.jpg"],
            ["Vũ Không Ảnh", "Văn phòng", "vang.jpg"],
            ["Đỗ Một", "Phòng Tổ chức", "chung.jpg"],
            ["Đỗ Hai", "Phòng Tổ chức", "chung"],
        ],
    )
    settings = dataclasses.replace(SETTINGS, name_template="{don_vi}/{ho_va_ten}")
    plan = plan_batch(in_dir, tmp_path / "out", settings, roster=roster)
    return plan, run(plan)


RosterRun = tuple[Plan, list[JobResult]]


def test_roster_notes_say_what_could_not_be_matched_for_sure(roster_batch: RosterRun) -> None:
    plan, _ = roster_batch
    notes = {getattr(note, "code", ""): [] for note in plan.notes}
    for note in plan.notes:
        notes[getattr(note, "code", "")].append(str(note))
    assert sorted(note_codes(plan)) == sorted(
        ["no_roster_row", "no_such_photo", "photos_share_row", "roster_rows_share_photo"]
    )
    assert "la.jpg" in notes["no_roster_row"][0]
    assert "Vũ Không Ảnh" in notes["no_such_photo"][0]
    assert "Anh CB.JPG" in notes["photos_share_row"][0] and "anh cb.jpg" in notes["photos_share_row"][0]
    assert "chung.jpg" in notes["roster_rows_share_photo"][0]


def test_ambiguous_photos_belong_to_nobody_and_keep_their_names(roster_batch: RosterRun) -> None:
    plan, results = roster_batch
    rows = {job.name: job.roster_row for job in plan.jobs}
    assert rows["Anh CB.JPG"] is None and rows["anh cb.jpg"] is None and rows["chung.jpg"] is None
    assert rows["an.jpg"] == 0 and rows["binh.jpg"] == 1
    outputs = {result.input: result.outputs[0] for result in results if result.status == FRAMED}
    assert Path(outputs["an.jpg"]).relative_to(plan.out_dir).as_posix() == "Phòng Tổ chức/Nguyễn Văn An.png"
    assert Path(outputs["anh cb.jpg"]).parent == plan.out_dir  # not named after anybody


def test_every_record_says_whose_photo_it_is(roster_batch: RosterRun) -> None:
    _, results = roster_batch
    records = {result.input: result.record() for result in results}
    person = {key: records["binh.jpg"][key] for key in ("name", "unit", "roster_row")}
    assert person == {"name": "Trần Thị Bình", "unit": "Phòng Tổ chức", "roster_row": 1}
    assert "roster_row" not in records["la.jpg"]
    assert records["chi.jpg"]["review"] is True and "no_face" in records["chi.jpg"]["review_reasons"]
    assert records["dung.jpg"]["review"] is True and "several_faces" in records["dung.jpg"]["review_reasons"]
    assert records["an.jpg"]["review"] is False


def test_accept_as_is_clears_review_and_survives_a_rerun(roster_batch: RosterRun) -> None:
    plan, results = roster_batch
    group = next(result for result in results if result.input == "dung.jpg")
    accepted = accept_as_is(plan, group)
    assert (accepted.review, accepted.review_reasons, accepted.flags[-1]) == (False, (), ACCEPTED)
    assert accepted.staff == group.staff
    assert read_journal(plan.out_dir).done["dung.jpg"]["review"] is False
    again = {result.input: result for result in run(refresh_plan(plan))}
    assert again["dung.jpg"].status == SKIPPED
    assert again["dung.jpg"].needs_review is False and ACCEPTED in again["dung.jpg"].flags
    assert again["chi.jpg"].needs_review is True  # the others keep their verdict


def test_a_hand_fix_clears_review(roster_batch: RosterRun) -> None:
    plan, results = roster_batch
    group = next(result for result in results if result.input == "dung.jpg")
    assert group.review
    fixed = reexport(plan, "dung.jpg", Placement((300.0, 250.0), 300.0))
    assert fixed.review is False and "adjusted" in fixed.flags and fixed.staff == group.staff
    assert read_journal(plan.out_dir).done["dung.jpg"]["review"] is False


def test_a_packs_campaign_reaches_the_qr_code_and_reminder(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    save(portrait_image(), in_dir / "an.jpg")
    link, end = "https://laichau.example.vn/dai-hoi-2025", dt.date(2025, 10, 15)
    frame = dataclasses.replace(find_frame(None), link=link, campaign="Đại hội XVIII", valid_until=end)
    plan = plan_batch(in_dir, tmp_path / "out", settings_for(frame, SETTINGS))
    assert (plan.frame.link, plan.frame.valid_until) == (link, end)
    plain = plan_batch(in_dir, tmp_path / "other", dataclasses.replace(SETTINGS, frame=str(frame.folder)))
    assert plain.settings_hash == plan.settings_hash  # the photos are the same: no redo
    assert plain.frame.link != link
    records = [result.record() for result in run(plan)]
    files = write_batch_files(plan, records)
    with Image.open(files.written["qr_png"]) as qr:
        assert decode_qr(qr) == link
    reminder = (plan.out_dir / REMINDER_FILE).read_text(encoding="utf-8")
    assert "20251015" in reminder and "Đại hội XVIII" in reminder


def test_a_persons_line_is_the_one_excel_shows_blank_lines_included(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text("Họ tên,Ảnh\nAn,an.jpg\n\n,\nBình,binh.jpg\n", encoding="utf-8")
    roster = read_roster(path)
    assert [member.line for member in roster.staff()] == [2, 5]  # lines 3 and 4 are blank


def test_people_matched_for_nobody_are_not_without_a_photo(roster_batch: RosterRun) -> None:
    plan, results = roster_batch
    files = write_batch_files(plan, [result.record() for result in results])
    assert files.summary is not None
    missing = [member.name for member in files.summary.without_photo]
    assert missing == ["Vũ Không Ảnh"]  # not Hoàng Cán Bộ (two photos), nor Đỗ Một/Hai (one photo)
    office = next(unit for unit in files.summary.units if unit.unit == "Văn phòng")
    assert (office.staff, office.without_photo) == (4, 1)
    assert office.review == 3  # Chí (no face), Dũng (two faces), Hoàng Cán Bộ (two photos)


def test_the_summary_follows_the_roster_as_it_is_now(roster_batch: RosterRun, tmp_path: Path) -> None:
    plan, results = roster_batch
    write_batch_files(plan, [result.record() for result in results])
    lines = (tmp_path / "ds.csv").read_text(encoding="utf-8").splitlines()
    lines.insert(1, "Giám Đốc Mới,Văn phòng,giam-doc.jpg")  # HR adds a row at the top afterwards
    (tmp_path / "ds.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    edited = plan_batch(plan.in_dir, plan.out_dir, plan.settings, roster=read_roster(tmp_path / "ds.csv"))
    group = next(result for result in results if result.input == "dung.jpg")
    summary = update_batch_reports(edited, accept_as_is(edited, group).record())
    assert summary is not None
    assert [member.name for member in summary.without_photo] == ["Giám Đốc Mới", "Vũ Không Ảnh"]
    assert summary.total.framed == 4  # An, Bình, Chí, Dũng: the same people as before the edit


def test_a_corrected_roster_renames_the_persons_file_on_the_next_run(
    roster_batch: RosterRun, tmp_path: Path
) -> None:
    plan, _ = roster_batch
    text = (tmp_path / "ds.csv").read_text(encoding="utf-8").replace("Trần Thị Bình", "Trần Thị Bính")
    (tmp_path / "ds.csv").write_text(text, encoding="utf-8")
    again = plan_batch(plan.in_dir, plan.out_dir, plan.settings, roster=read_roster(tmp_path / "ds.csv"))
    results = {result.input: result for result in run(again)}
    assert results["binh.jpg"].status == FRAMED  # made again under the new name, not skipped
    assert (plan.out_dir / "Phòng Tổ chức" / "Trần Thị Bính.png").is_file()
    assert results["an.jpg"].status == SKIPPED  # unchanged names are still skipped


@pytest.mark.parametrize(
    "template", ["{ho_va_ten", "}", "{}", "{ho_va_ten:d}", "{ho_va_ten!r}", "{{x}}", "  "]
)
def test_a_badly_written_template_is_refused_in_words(tmp_path: Path, template: str) -> None:
    roster = write_roster(tmp_path / "ds.csv", [["Họ và tên", "Ảnh"], ["An", "an.jpg"]])
    (tmp_path / "in").mkdir()
    with pytest.raises(BatchError) as caught:
        plan_batch(
            tmp_path / "in",
            tmp_path / "out",
            dataclasses.replace(SETTINGS, name_template=template),
            roster=roster,
        )
    assert caught.value.code == "template_syntax"


def test_an_empty_field_keeps_the_photos_own_name(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    save(portrait_image(), in_dir / "an.jpg")
    roster = write_roster(tmp_path / "ds.csv", [["Họ và tên", "Đơn vị", "Ảnh"], ["", "Thanh tra", "an.jpg"]])
    settings = dataclasses.replace(SETTINGS, name_template="{don_vi}/{ho_va_ten}")
    (job,) = plan_batch(in_dir, tmp_path / "out", settings, roster=roster).jobs
    assert job.outputs == ("an_jpg.png",)  # not "Thanh tra.png"


def test_a_title_above_the_headers_old_excel_and_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text(
        "DANH SÁCH CÁN BỘ SỞ THÔNG TIN\nNgày 30/11/2026\nHọ và tên,Ảnh\nAn,an.jpg\n", encoding="utf-8"
    )
    roster = read_roster(path)
    assert (roster.name_field, roster.member(0).name, roster.member(0).line) == ("ho_va_ten", "An", 4)
    (tmp_path / "cu.xls").write_bytes(b"\xd0\xcf\x11\xe0 an old workbook")
    with pytest.raises(RosterError) as caught:
        read_roster(tmp_path / "cu.xls")
    assert caught.value.code == "old_excel"
    with pytest.raises(RosterError) as caught:
        read_roster(tmp_path / "gone.xlsx")
    assert caught.value.code == "unreadable"


def test_accepting_or_fixing_a_photo_the_plan_lacks_is_a_key_error(roster_batch: RosterRun) -> None:
    plan, results = roster_batch
    group = next(result for result in results if result.input == "dung.jpg")
    smaller = dataclasses.replace(plan, jobs=[job for job in plan.jobs if job.name != "dung.jpg"])
    with pytest.raises(KeyError):
        accept_as_is(smaller, group)
    with pytest.raises(KeyError):
        reexport(smaller, "dung.jpg", Placement((300.0, 250.0), 300.0))
    assert read_journal(plan.out_dir).done["dung.jpg"]["review"] is True  # nothing recorded
