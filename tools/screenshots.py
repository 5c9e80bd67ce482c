"""Render each workspace with sample content to PNG files, offscreen.

Usage: QT_QPA_PLATFORM=offscreen python tools/screenshots.py OUT_DIR [--language vi|en] [--no-small]

Writes: 1-photo.png (a photo with its face placed), 2-batch-running.png (a roster batch in
progress, its files named from the roster), 3-batch-review.png (the review list with what
needs a person first), 3b-batch-summary.png (the per-unit summary), 4-frames-board.png
(the variant board with a frame being edited), at 1180x760 in the
chosen language (the pictures of the user guide). Unless `--no-small`, the same five
moments are also rendered at 1024x700 (the smallest office screen) and 1100x720 (the
window's first size), in both languages: OUT_DIR/1024x700/vi-1-photo.png,
.../en-1-photo.png and so on, to look for clipped or squashed controls. The sample photos
are the bundled public-domain portraits, copied under Vietnamese names, plus a generated
picture without a face and a file that is not a photo.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PIL import Image
from PySide6.QtCore import QSettings, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from frame_studio.core.sheet import sample_photos
from frame_studio.gui.app import create_app, load_frames
from frame_studio.gui.main_window import MainWindow
from frame_studio.gui.settings import Settings

STAFF = (
    "Nguyễn Thị Hường",
    "Trần Văn Bình",
    "Lê Minh Châu",
    "Hoàng Đức Anh",
    "Phạm Thu Trang",
    "Vũ Quốc Khánh",
)


def wait_for(app: QApplication, signal: object, timeout_ms: int = 120_000) -> None:
    """Run the event loop until `signal` fires (or the timeout passes)."""
    signal.connect(lambda *_: app.quit())  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, app.quit)
    app.exec()


def staff_folder(folder: Path, count: int) -> Path:
    """A folder like HR's: staff portraits (varied crops), a landscape, a broken file."""
    folder.mkdir(parents=True)
    portraits = [Image.open(path).convert("RGB") for path in sample_photos()]
    for index in range(count):
        portrait = portraits[index % len(portraits)]
        inset = (index * 7) % 40
        crop = portrait.crop((inset, inset // 2, portrait.width - inset, portrait.height - inset // 3))
        crop.resize((crop.width * 3, crop.height * 3)).save(
            folder / f"{STAFF[index % len(STAFF)]} {index + 1:02d}.jpg"
        )
    sky = np.linspace([90, 150, 220], [200, 220, 240], 600, dtype=np.float32)[:, None, :]
    Image.fromarray(np.repeat(sky, 800, axis=1).astype(np.uint8)).save(folder / "phong-canh.jpg")
    (folder / "ghi-chu.jpg").write_text("không phải ảnh", encoding="utf-8")
    return folder


UNITS = ("Văn phòng Sở", "Phòng Thông tin - Báo chí", "Trung tâm Công nghệ thông tin")


def staff_roster(folder: Path, path: Path) -> Path:
    """HR's roster of the staff folder: a row per portrait, plus one person without a photo."""
    rows = ["STT,Họ và tên,Đơn vị,Tên ảnh"]
    portraits = sorted(p.name for p in folder.iterdir() if p.name[0].isupper())
    for index, name in enumerate(portraits):
        rows.append(f"{index + 1},{name.rsplit(' ', 1)[0]},{UNITS[index % len(UNITS)]},{name}")
    rows.append(f"{len(portraits) + 1},Đinh Văn Tâm,{UNITS[0]},dinh-van-tam.jpg")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
    return path


GUIDE_SIZE = (1180, 760)
SMALL_SIZES = ((1024, 700), (1100, 720))  # the smallest office screen; the window's first size
LANGUAGES = ("vi", "en")


class Shots:
    """Grabs the window at each moment: the guide's picture, then the small-screen ones."""

    def __init__(self, window: MainWindow, app: QApplication, out: Path, language: str, small: bool) -> None:
        self.window, self.app, self.out, self.language, self.small = window, app, out, language, small

    def _grab(self, size: tuple[int, int], language: str, path: Path) -> None:
        self.window.resize(*size)
        if self.window.settings.get("language") != language:
            self.window.set_language(language)
        self.app.processEvents()
        path.parent.mkdir(parents=True, exist_ok=True)
        self.window.grab().save(str(path))
        print(f"wrote {path}")

    def take(self, name: str) -> None:
        """Write OUT/name (guide size, chosen language) and, unless told not to, the small ones."""
        self._grab(GUIDE_SIZE, self.language, self.out / name)
        if self.small:
            for width, height in SMALL_SIZES:
                for language in LANGUAGES:
                    path = self.out / f"{width}x{height}" / f"{language}-{name}"
                    self._grab((width, height), language, path)
            self.window.resize(*GUIDE_SIZE)
            self.window.set_language(self.language)
            self.app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--language", choices=LANGUAGES, default="vi")
    parser.add_argument("--no-small", action="store_true", help="only the guide's pictures")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = create_app([])
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        settings = Settings(QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat))
        settings.set("language", args.language)
        window = MainWindow(load_frames(), settings, QThreadPool())
        window.resize(*GUIDE_SIZE)
        window.show()
        shots = Shots(window, app, args.out, args.language, small=not args.no_small)
        photo = root / "Nguyễn Thị Hường.jpg"
        shutil.copyfile(sample_photos()[1], photo)
        window.photo.load_photo(photo)
        wait_for(app, window.photo.photo_loaded)
        window.photo.campaign_panel.person_edit.setText("Nguyễn Thị Hường")
        window.photo.campaign_panel.unit_edit.setText("Sở Thông tin và Truyền thông")
        shots.take("1-photo.png")

        window.tabs.setCurrentWidget(window.batch)
        inputs = staff_folder(root / "Ảnh cán bộ", 24)
        window.batch.setup.in_edit.setText(str(inputs))
        window.batch.setup.out_edit.setText(str(root / "Kết quả"))
        window.batch.setup.roster_edit.setText(str(staff_roster(inputs, root / "Danh sách cán bộ.csv")))
        QTimer.singleShot(1000, app.quit)  # the roster is read on a worker
        app.exec()
        window.batch.setup.naming.mode_box.setCurrentIndex(1)
        QTimer.singleShot(1000, app.quit)
        app.exec()
        window.batch.workers = 1
        progressed = {"count": 0}

        def count_and_maybe_grab(*_: object) -> None:
            progressed["count"] += 1
            if progressed["count"] == 8:
                shots.take("2-batch-running.png")

        window.batch.batch_started.connect(
            lambda _: window.batch.batch_worker.signals.progressed.connect(count_and_maybe_grab)
        )
        window.batch.start()
        wait_for(app, window.batch.batch_finished)
        shots.take("3-batch-review.png")
        window.batch.tabs.setCurrentIndex(1)
        shots.take("3b-batch-summary.png")
        window.batch.tabs.setCurrentIndex(0)

        window.tabs.setCurrentWidget(window.frames)
        if window.frames.board.busy:
            wait_for(app, window.frames.board.rendered)
        window.frames.select_frame("congress-badge")
        app.processEvents()
        QTimer.singleShot(1500, app.quit)
        app.exec()
        shots.take("4-frames-board.png")
        window.close()
        QThreadPool.globalInstance().waitForDone()
    sys.exit(0)


if __name__ == "__main__":
    main()
