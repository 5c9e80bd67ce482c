"""Assemble a mixed set of public photos, as an office has them, for benchmarks/review_share.py.

Usage: python benchmarks/review_photos.py OUT_DIR

It downloads three packages from PyPI with `pip download --no-deps` (pinned, into
OUT_DIR/packages), takes their public-domain and openly licensed photos, and writes:

- OUT_DIR/faces: every portrait in the forms offices have it:
  `id`: an ID-photo scan, a 3:4 head-and-shoulders cut, 350x470, JPEG quality 70;
  `chat`: a chat-app copy, long side 1280 (never enlarged), JPEG quality 80;
  `full`: the photo as shipped, JPEG quality 95 (the largest there is; no package ships a
  12 MP phone photo);
  `thumb`: a saved thumbnail, long side 240, JPEG quality 80 (what a too-small photo is).
  Plus two group photos composed of two portraits side by side at one face size.
- OUT_DIR/noface: photos with no person (a cat, a coffee, a rocket, a pagoda, a flower).
- OUT_DIR/SOURCES.txt: where each photo comes from and its licence.

The two portraits in tests/data (Grace Hopper, Eileen Collins) are taken from there.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

from PIL import Image

from frame_studio.core.faces import detect_faces
from frame_studio.core.images import load_photo

TESTS_DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
PACKAGES = ("face_recognition==1.3.0", "scikit-image==0.26.0", "scikit-learn==1.9.1")
FR, FR_DIR = "face_recognition-1.3.0.tar.gz", "face_recognition-1.3.0/tests/test_images/"
SKIMAGE, SKLEARN = "scikit_image-0.26.0-*.whl", "scikit_learn-1.9.1-*.whl"
FR_LICENCE = (
    "face_recognition 1.3.0 sdist (tests/test_images); official White House photographs of "
    "Barack Obama / Joe Biden, U.S. federal works (public domain); the package states no licence for them"
)
#: photo name -> (package file pattern, member path, licence)
PORTRAITS = {
    "obama": (FR, FR_DIR + "obama.jpg", FR_LICENCE),
    "obama2": (FR, FR_DIR + "obama2.jpg", FR_LICENCE),
    "obama3": (FR, FR_DIR + "obama3.jpg", FR_LICENCE),
    "biden": (FR, FR_DIR + "biden.jpg", FR_LICENCE),
    "obama_edge": (FR, FR_DIR + "obama_partial_face.jpg", FR_LICENCE),
    "obama_edge2": (FR, FR_DIR + "obama_partial_face2.jpg", FR_LICENCE),
    "camera": (SKIMAGE, "skimage/data/camera.png", "CC0 (Lav Varshney), scikit-image 0.26.0 wheel"),
}
NO_FACE = {
    "cat": (SKIMAGE, "skimage/data/chelsea.png", "CC0 (Stefan van der Walt), scikit-image 0.26.0 wheel"),
    "coffee": (SKIMAGE, "skimage/data/coffee.png", "CC0 (Rachel Michetti), scikit-image 0.26.0 wheel"),
    "rocket": (SKIMAGE, "skimage/data/rocket.jpg", "public domain (SpaceX), scikit-image 0.26.0 wheel"),
    "pagoda": (SKLEARN, "sklearn/datasets/images/china.jpg", "CC BY 2.0 (danielbuechele), sklearn wheel"),
    "flower": (SKLEARN, "sklearn/datasets/images/flower.jpg", "CC BY 2.0 (vultilion), sklearn wheel"),
}
GROUPS = (("group_obama_biden", "obama", "biden"), ("group_hopper_collins", "grace_hopper", "astronaut"))


def fetch(cache: Path) -> None:
    """Download the packages (once) into `cache`."""
    if len(list(cache.glob("*"))) >= len(PACKAGES):
        return
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(cache), *PACKAGES]
    command += ["--no-binary", "face_recognition"]  # its photos are in the sdist only
    subprocess.run(command, check=True)


def extract(cache: Path, pattern: str, member: str) -> Image.Image:
    """One image out of a downloaded wheel or sdist."""
    archive = next(cache.glob(pattern))
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as wheel, wheel.open(member) as handle:
            return Image.open(handle).convert("RGB")
    with tarfile.open(archive) as sdist:
        stream = sdist.extractfile(member)
        assert stream is not None
        return Image.open(stream).convert("RGB")


def face_box(image: Image.Image, scratch: Path) -> tuple[float, float, float, float]:
    """The largest face's box, found by the app's own detector."""
    image.save(scratch, quality=95)
    photo = load_photo(scratch, min_long_side=640)
    faces = detect_faces(photo.image, full_size=photo.full_size)
    return max(faces, key=lambda face: face.area).box


def id_scan(image: Image.Image, box: tuple[float, float, float, float]) -> Image.Image:
    """A 3:4 ID-photo cut: the face about 55 % of the height, a little above the middle, inside the photo."""
    x, y, w, h = box
    height = h / 0.55
    width = height * 3 / 4
    if width > image.width or height > image.height:  # a close-up: the largest 3:4 cut
        height = min(image.height, image.width * 4 / 3)
        width = height * 3 / 4
    left = min(max(0.0, x + w / 2 - width / 2), image.width - width)
    top = min(max(0.0, y + h / 2 - height * 0.45), image.height - height)
    return image.crop((round(left), round(top), round(left + width), round(top + height))).resize(
        (350, 470), Image.Resampling.LANCZOS
    )


def shrunk(image: Image.Image, long_side: int) -> Image.Image:
    """The image with its long side at most `long_side` (never enlarged)."""
    factor = long_side / max(image.size)
    if factor >= 1:
        return image
    size = (round(image.width * factor), round(image.height * factor))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def group(left: Image.Image, right: Image.Image, boxes: tuple[tuple[float, ...], ...]) -> Image.Image:
    """Two portraits side by side, scaled to one face size (box area), on one canvas."""
    target = 160.0**2
    parts = []
    for image, box in zip((left, right), boxes, strict=True):
        factor = (target / (box[2] * box[3])) ** 0.5
        size = (round(image.width * factor), round(image.height * factor))
        parts.append(image.resize(size, Image.Resampling.LANCZOS))
    height = min(part.height for part in parts)
    canvas = Image.new("RGB", (sum(part.width for part in parts), height), "white")
    canvas.paste(parts[0].crop((0, 0, parts[0].width, height)), (0, 0))
    canvas.paste(parts[1].crop((0, 0, parts[1].width, height)), (parts[0].width, 0))
    return canvas


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    cache, faces_dir, noface_dir = args.out / "packages", args.out / "faces", args.out / "noface"
    for folder in (cache, faces_dir, noface_dir):
        folder.mkdir(parents=True, exist_ok=True)
    fetch(cache)
    sources = []
    portraits: dict[str, Image.Image] = {}
    for name, (pattern, member, licence) in PORTRAITS.items():
        portraits[name] = extract(cache, pattern, member)
        sources.append(f"{name}: {member}; {licence}")
    for name in ("grace_hopper", "astronaut"):
        portraits[name] = Image.open(TESTS_DATA / f"{name}.jpg").convert("RGB")
        sources.append(f"{name}: tests/data/{name}.jpg; public domain, see tests/data/SOURCES")
    boxes = {name: face_box(image, args.out / "probe.jpg") for name, image in portraits.items()}
    for name, image in portraits.items():
        image.save(faces_dir / f"{name}-full.jpg", quality=95)
        shrunk(image, 1280).save(faces_dir / f"{name}-chat.jpg", quality=80)
        shrunk(image, 240).save(faces_dir / f"{name}-thumb.jpg", quality=80)
        if not name.startswith("obama_edge"):  # a cut-off face is no ID photo
            id_scan(image, boxes[name]).save(faces_dir / f"{name}-id.jpg", quality=70)
    for name, left, right in GROUPS:
        image = group(portraits[left], portraits[right], (boxes[left], boxes[right]))
        image.save(faces_dir / f"{name}.jpg", quality=90)
        sources.append(f"{name}: {left} and {right} side by side (composed here)")
    for name, (pattern, member, licence) in NO_FACE.items():
        extract(cache, pattern, member).save(noface_dir / f"{name}.jpg", quality=90)
        sources.append(f"{name} (no face): {member}; {licence}")
    (args.out / "probe.jpg").unlink(missing_ok=True)
    (args.out / "SOURCES.txt").write_text("\n".join(sources) + "\n", encoding="utf-8")
    counts = len(list(faces_dir.iterdir())), len(list(noface_dir.iterdir()))
    print(f"{counts[0]} face photos, {counts[1]} no-face photos in {args.out}")


if __name__ == "__main__":
    main()
