"""A calendar reminder (`.ics`, RFC 5545) to switch the profile picture back when a campaign ends.

One all-day event on the campaign's last day, with an alarm that morning. The text is in
Vietnamese and also explains Facebook's "Đặt làm tạm thời" (Make temporary), which
switches the picture back by itself. Lines end in CRLF and are folded at 75 octets
without splitting a UTF-8 character; text values are escaped as RFC 5545 says.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from pathlib import Path

from frame_studio import __version__
from frame_studio.core.atomic import write_bytes_atomic

REMINDER_FILE = "campaign-reminder.ics"
MAX_OCTETS = 75
CRLF = "\r\n"
#: The alarm rings this long after the start of the (all-day) end date: 09:00 local time.
ALARM_AFTER = "PT9H"
_URI = re.compile(r"https?://[^\s\x00-\x1f\x7f]+")


def escape_text(value: str) -> str:
    """A TEXT value escaped per RFC 5545 3.3.11 (backslash, semicolon, comma, newline)."""
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 character."""
    pieces: list[str] = []
    current: list[str] = []
    size, limit = 0, MAX_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, MAX_OCTETS - 1  # a continuation starts with a space
        current.append(char)
        size += octets
    pieces.append("".join(current))
    return (CRLF + " ").join(pieces) + CRLF


def _description(campaign_name: str, end: dt.date, link: str | None) -> str:
    lines = [
        f"Chiến dịch “{campaign_name}” kết thúc hôm nay ({end:%d/%m/%Y}).",
        "Hãy đổi lại ảnh đại diện cũ của bạn trên Facebook và các mạng xã hội khác.",
        "",
        "Cách khác, không cần nhớ ngày: khi đặt ảnh có khung làm ảnh đại diện trên Facebook, "
        "chọn “Đặt làm tạm thời” (Make temporary):",
        "1. Mở trang cá nhân, bấm vào ảnh đại diện, chọn “Chọn ảnh đại diện” (Choose profile picture).",
        "2. Tải lên ảnh đã gắn khung.",
        "3. Bấm “Đặt làm tạm thời” (Make temporary) và chọn thời hạn đến hết ngày này.",
        "4. Bấm “Lưu” (Save). Hết hạn, Facebook tự đổi về ảnh cũ.",
    ]
    if link:
        lines += ["", f"Đường dẫn chiến dịch: {link}"]
    return "\n".join(lines)


def reminder_ics(
    campaign_name: str,
    end: dt.date,
    *,
    link: str | None = None,
    now: dt.datetime | None = None,
) -> str:
    """The reminder as iCalendar text.

    Args:
        campaign_name: shown in the event's title and text.
        end: the campaign's last day; the event is an all-day event on it.
        link: the campaign link, added to the text and as the event's URL.
        now: the time stamp (DTSTAMP; default: now). Naive times are taken as UTC.

    The UID depends only on the campaign and the date, so importing the reminder again
    updates the event instead of adding a second one.
    """
    name = unicodedata.normalize("NFC", campaign_name).strip()
    now = now or dt.datetime.now(dt.UTC)
    stamp = now.astimezone(dt.UTC) if now.tzinfo else now
    uid = hashlib.sha256(f"{name}\n{end.isoformat()}".encode()).hexdigest()[:24]
    summary = f"Đổi lại ảnh đại diện: chiến dịch “{name}” đã kết thúc"
    description = _description(name, end, link)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Frame Studio//Frame Studio {__version__}//VI",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{uid}@frame-studio.invalid",
        f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
        f"DTSTART;VALUE=DATE:{end:%Y%m%d}",
        f"DTEND;VALUE=DATE:{end + dt.timedelta(days=1):%Y%m%d}",
        f"SUMMARY;LANGUAGE=vi:{escape_text(summary)}",
        f"DESCRIPTION;LANGUAGE=vi:{escape_text(description)}",
        *([f"URL:{link}"] if link and _URI.fullmatch(link) else []),
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"TRIGGER;RELATED=START:{ALARM_AFTER}",
        f"DESCRIPTION:{escape_text(summary)}",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(line) for line in lines)


def write_reminder(
    path: str | Path,
    campaign_name: str,
    end: dt.date,
    *,
    link: str | None = None,
    overwrite: bool = False,
    now: dt.datetime | None = None,
) -> Path:
    """Write the reminder to `path` atomically; returns the path.

    Raises:
        ExportError: the file exists (and `overwrite` is False) or cannot be written.
    """
    text = reminder_ics(campaign_name, end, link=link, now=now)
    return write_bytes_atomic(path, text.encode("utf-8"), overwrite=overwrite)
