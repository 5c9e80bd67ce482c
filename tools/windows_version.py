"""The Windows version resource of the frozen app's executables, as PyInstaller's text format.

`build.spec` writes it into the build folder on Windows and passes it as `version=`, so
Explorer's Properties → Details show the product name and the package's version. The
frozen check reads it back from the executables there (`pefile`, which PyInstaller
installs on Windows).
"""

from __future__ import annotations

import re

PRODUCT = "Frame Studio"
COMPANY = "Frame Studio"
DESCRIPTION = "Frame Studio: put a campaign greeting frame on profile photos"


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """`0.1.0` -> (0, 1, 0, 0); a pre-release tail such as `rc1` is left out."""
    release = re.match(r"[\d.]*", version)
    numbers = [int(part) for part in (release.group() if release else "").split(".") if part][:4]
    numbers += [0] * (4 - len(numbers))
    return numbers[0], numbers[1], numbers[2], numbers[3]


def version_file_text(version: str, executable: str) -> str:
    """The resource for one executable (`executable` is its file name, e.g. `Frame Studio.exe`)."""
    numbers = version_numbers(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": DESCRIPTION,
        "FileVersion": version,
        "InternalName": executable.removesuffix(".exe"),
        "OriginalFilename": executable,
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    entries = ",\n            ".join(f"StringStruct({key!r}, {value!r})" for key, value in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
            {entries}])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
