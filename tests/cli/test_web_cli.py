"""`frame-studio web`: the campaign web page exported from the command line.

Runs in-process (`main([...])`, output captured), plus one real `python -m frame_studio`
process. The user's data folder is a clean temporary folder, so a pack opens on a fresh
profile. The page itself is driven in a browser in tests/web.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from helpers import run_cli, run_subprocess
from PIL import Image

from frame_studio.core.frames import bundled_frames, find_frame
from frame_studio.core.qr import decode_qr

URL = "https://vanphong.langson.example/khung-anh/"
START, END = dt.date.today(), dt.date.today() + dt.timedelta(days=30)


@pytest.fixture(autouse=True)
def profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clean user data folder (opened packs go there)."""
    monkeypatch.setenv("FRAME_STUDIO_DATA_DIR", str(tmp_path / "profile"))
    return tmp_path / "profile"


def page_data(folder: Path) -> dict[str, Any]:
    text = (folder / "frames.js").read_text("utf-8")
    data: dict[str, Any] = json.loads(text.removeprefix("window.frameStudioData = ").removesuffix(";\n"))
    return data


def test_the_bundled_frames_by_default_with_a_qr_code(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "web"
    done = run_cli(capsys, "web", "-o", out, "--url", URL)
    assert done.code == 0, done.err
    assert f"wrote {out / 'index.html'} (8 files, " in done.out
    assert f"QR code: {out / 'qr.png'} -> {URL}" in done.out
    assert "note: the campaign ended on 2020-09-29" in done.err
    ids = [entry["id"] for entry in page_data(out)["frames"]]
    assert ids == [folder.name for folder in bundled_frames()]
    assert sum(path.stat().st_size for path in out.iterdir()) < 2_000_000
    with Image.open(out / "qr.png") as image:
        assert decode_qr(image) == URL


def test_chosen_frames_in_the_order_given(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    done = run_cli(
        capsys, "web", "-o", tmp_path, "--frame", "congress-ring-navy", "--frame", "congress-ribbon"
    )
    assert done.code == 0, done.err
    assert "no --url given: no QR code was written" in done.out
    assert [entry["id"] for entry in page_data(tmp_path)["frames"]] == [
        "congress-ring-navy",
        "congress-ribbon",
    ]
    assert not (tmp_path / "qr.png").exists()


def test_a_campaign_pack_gives_its_frames_and_campaign(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pack = tmp_path / "dai-hoi.fspack"
    made = run_cli(
        capsys,
        "pack", "create", "-o", pack,
        "--frame", "congress-badge", "--frame", "congress-ring",
        "--link", URL, "--start", START.isoformat(), "--end", END.isoformat(),
        "--caption", "{ho_ten} – {don_vi} chào mừng {chien_dich}",
        "--instructions", "Cập nhật ảnh đại diện trong tuần này.",
    )  # fmt: skip
    assert made.code == 0, made.err
    done = run_cli(capsys, "web", "-o", tmp_path / "web", "--campaign", pack, "--url", URL)
    assert done.code == 0, done.err
    assert "campaign: " in done.err and "ended" not in done.err
    data = page_data(tmp_path / "web")
    assert [entry["id"] for entry in data["frames"]] == ["congress-badge", "congress-ring"]
    assert data["campaign"] == {
        "name": find_frame("congress-badge").campaign,
        "link": URL,
        "start": START.isoformat(),
        "end": END.isoformat(),
        "caption": "{ho_ten} – {don_vi} chào mừng {chien_dich}",
        "instructions": "Cập nhật ảnh đại diện trong tuần này.",
    }


def test_frame_and_campaign_together_are_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    done = run_cli(
        capsys, "web", "-o", tmp_path, "--frame", "congress-ring", "--campaign", tmp_path / "x.fspack"
    )
    assert done.code == 2
    assert "not allowed with argument" in done.err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--frame", "no-such-frame"], "no frame with this id or folder"),
        (["--url", "vanphong.example/khung"], "is not a web address"),
        (["--campaign", "missing.fspack"], "error: "),
    ],
)
def test_a_bad_argument_is_one_error_line_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    done = run_cli(capsys, "web", "-o", tmp_path / "web", *argv)
    assert done.code == 2
    assert message in done.err and done.err.startswith("error: ")
    assert "Traceback" not in done.err
    assert not (tmp_path / "web").exists()


def test_someone_elses_file_is_kept_unless_overwrite_is_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "index.html").write_text("<p>trang chủ của cơ quan</p>", "utf-8")
    done = run_cli(capsys, "web", "-o", tmp_path, "--frame", "congress-ring")
    assert done.code == 2
    assert "files that Frame Studio did not write" in done.err and "index.html" in done.err
    assert (tmp_path / "index.html").read_text("utf-8") == "<p>trang chủ của cơ quan</p>"
    assert [path.name for path in tmp_path.iterdir()] == ["index.html"]
    done = run_cli(capsys, "web", "-o", tmp_path, "--frame", "congress-ring", "--overwrite")
    assert done.code == 0, done.err
    assert "Content-Security-Policy" in (tmp_path / "index.html").read_text("utf-8")


def test_exporting_again_removes_the_old_qr_code(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run_cli(capsys, "web", "-o", tmp_path, "--frame", "congress-ring", "--url", URL).code == 0
    done = run_cli(capsys, "web", "-o", tmp_path, "--frame", "congress-ring")
    assert done.code == 0, done.err
    assert f"removed {tmp_path / 'qr.png'}" in done.err
    assert not (tmp_path / "qr.png").exists()


def test_a_real_process_writes_the_page(tmp_path: Path) -> None:
    done = run_subprocess("web", "-o", tmp_path / "web", "--frame", "congress-badge", cwd=tmp_path)
    assert done.code == 0, done.err
    assert (tmp_path / "web" / "index.html").is_file()


def test_the_help_names_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    done = run_cli(capsys, "--help")
    assert "web" in done.out and "export the campaign web page" in done.out
