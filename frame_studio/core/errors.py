"""Typed errors of the core. Each names the file and says what is wrong in plain words.

Every error carries a short machine-readable `code` so that a user interface can show its
own (Vietnamese) sentence for it; `str(error)` is the English sentence. `CODES` lists every
code the core raises or reports, each with one meaning whatever the domain;
tests/core/test_error_codes.py finds the codes in the core's source and checks both that
they are listed here and that the GUI has a Vietnamese text for each.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

#: Every code the core raises (`FrameStudioError.code`) or reports (a rejected input's
#: `JobResult.code`, a frame check's `lint.Problem.code`), with what it means. A new code
#: goes here and into the GUI's table (`gui/messages.py`); a code keeps one meaning, so a
#: new kind of problem gets a new code rather than a code of another domain.
CODES: Mapping[str, str] = MappingProxyType(
    {
        # files and photos (images, scan)
        "not_found": "the file, or the file a link points to, does not exist",
        "not_a_file": "a folder or a special file where a photo was expected",
        "empty": "the file is empty (0 bytes)",
        "nothing_to_show": "a contact sheet needs at least one frame and one photo",
        "unreadable": "the file or folder cannot be read (permission, disk error)",
        "unreadable_folder": "a folder inside the input folder cannot be read",
        "not_an_image": "not an image in a supported format",
        "damaged": "the file's data is damaged",
        "truncated": "the image file is cut short (an unfinished copy or download)",
        "too_large": "the image has too many pixels to open",
        "too_small": "the image is too small to frame",
        "bad_name": "the file name is not valid text",
        "link_loop": "a link that leads round in a loop",
        "outside_link": "a link that leads out of the input folder",
        "crashed": "the image decoder crashed on this file",
        "internal": "an unexpected error while framing this input",
        # writing files and output folders (atomic, out_folder, render)
        "exists": "a file or folder with this name already exists",
        "disk_full": "the disk is full",
        "read_only": "the disk or folder is read-only",
        "not_writable": "no permission to write here",
        "no_folder": "the output folder does not exist",
        "write_failed": "a file could not be written",
        "path_too_long": "a path longer than Windows allows",
        "locked": "the file is held open by another program",
        "busy": "another batch is writing into the output folder",
        "cannot_create": "the output folder cannot be created",
        "not_a_folder": "a file where a folder is needed",
        "bad_format": "an output format the core does not write",
        # batches (batch_plan)
        "no_input": "the input folder does not exist or is not a folder",
        "out_inside_in": "the output folder is the input folder or inside it",
        "bad_settings": "no size or no valid output format",
        "bad_frame": "the chosen frame cannot be loaded or packed",
        "bad_template": "the name template uses a column the roster does not have",
        "not_this_batch": "the photo folder or the settings are not those of the batch shown",
        "old_excel": "the roster is an Excel 97-2003 workbook (.xls)",
        "template_syntax": "the name template is not written as text with {column}s",
        "template_needs_roster": "a name template is given without a roster",
        # rosters (roster)
        "bad_encoding": "the roster is neither UTF-8 nor Windows-1258 text",
        "not_a_workbook": "the roster is not a readable Excel workbook",
        "roster_empty": "the roster has no rows",
        "roster_too_large": "the roster has more rows than the limit",
        "no_photo_column": "no roster column names the photo file",
        # frames (frames, overlay, variants)
        "missing": "a frame, its frame.toml or a pack file is not there",
        "invalid": "a frame's frame.toml has a wrong or missing field",
        "text_too_long": "a text does not fit its box or its arc",
        # QR codes (qr)
        "empty_link": "there is no link for the QR code",
        "link_too_long": "the link is too long for a QR code",
        "not_verified": "the QR code did not decode back to its link",
        # campaign packs (campaign, pack_writer, safe_zip)
        "no_frame": "there is no frame to use (the pack lacks it, or none was given)",
        "no_manifest": "the pack has no campaign.toml",
        "bad_manifest": "the pack's campaign.toml is wrong",
        "version": "the pack is of another format version",
        "unexpected": "the pack holds an entry that does not belong in it",
        "unsaved": "the frame is not saved in a folder yet",
        "not_a_pack": "not a campaign pack (not a zip file)",
        "too_many_entries": "the pack has too many entries",
        "unsafe_path": "a pack entry's name is not safe to unpack",
        "link": "a pack entry is a symbolic link",
        "special_file": "a pack entry is a special file",
        "encrypted": "a pack entry is encrypted",
        "compression": "a pack entry uses an unsupported compression",
        "too_big": "the pack, or an entry, is over its size limit",
        "bomb": "a pack entry unpacks to far more than it says (a zip bomb)",
        # the campaign web page (web_page)
        "bad_url": "the hosting address is not a usable web address",
        "duplicate_frame": "two frames have the same id",
        "foreign_files": "the folder holds files Frame Studio did not write",
        # frame checks (lint): problems and advice
        "window_outside": "the window goes outside the canvas",
        "window_too_small": "the window is too small",
        "face_outside": "the face target does not fit inside the window",
        "missing_glyphs": "the font has no glyph for some characters of its text",
        "text_too_wide": "a straight text is wider than its box",
        "arc_text_too_long": "an arc text does not fit its arc even at the smallest legible size",
        "outside_circle": "a text passes outside the circle Facebook shows",
        "image_too_small": "an overlay image is too small for the output size",
        "image_stretched": "an overlay image would be stretched",
        "image_covers_window": "an overlay image is not transparent over the window",
        "facebook_frame_link": "advice: a Facebook profile-frame link, which opens no frame since 2022",
        # notes of a batch (`Note`: scan, batch_plan, batch_files), not errors
        "linked_folder": "note: a linked folder inside the input folder was not followed",
        "folders_left_out": "note: sub-folders were left out (not recursive)",
        "no_roster_row": "note: a photo has no row in the roster",
        "no_such_photo": "note: a roster row names a photo that is not in the input folder",
        "roster_rows_share_photo": "note: several roster rows name the same photo; it is matched to none",
        "photos_share_row": "note: several photos match one roster row; none is matched to it",
        "renamed_output": "note: someone else's file had an output's name; the output got another name",
        "report_not_written": "note: one report was not written because the other could not be",
    }
)


class Note(str):
    """A note for the report: the English sentence (what `str` gives, what the CLI prints),
    with a `code` and the `params` it was made from, so that a user interface can say it in
    its own words (gui/messages.py). It is a `str`, so reports and tests take it as one.
    """

    code: str
    params: dict[str, str]

    def __new__(cls, code: str, text: str, **params: object) -> Note:
        note = super().__new__(cls, text)
        note.code = code
        note.params = {key: str(value) for key, value in params.items()}
        return note

    def __reduce__(self) -> tuple[Any, ...]:
        return (_note, (self.code, str(self), self.params))


def _note(code: str, text: str, params: dict[str, str]) -> Note:
    """Rebuild a pickled note (a worker process sends it back)."""
    return Note(code, text, **params)


class FrameStudioError(Exception):
    """Base class of every error the core raises on purpose."""

    def __init__(self, path: str | Path | None, code: str, message: str) -> None:
        self.path = None if path is None else str(path)
        self.code = code
        self.message = message
        super().__init__(f"{self.path}: {message}" if self.path else message)


class ImageLoadError(FrameStudioError):
    """A photo could not be opened: missing, not a regular file, not an image, damaged, ..."""


class ExportError(FrameStudioError):
    """An output image could not be written (exists already, disk full, no permission, ...)."""


class FrameError(FrameStudioError):
    """A frame template is missing, malformed or invalid."""
