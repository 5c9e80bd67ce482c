"""The `.ics` reminder: parsed back by `icalendar` and by a strict RFC 5545 reading in the test.

The strict reading checks what a lenient parser forgives: CRLF line ends only, physical
lines of at most 75 octets that are each valid UTF-8 on their own (no character split
by folding), every unfolded line shaped `NAME[;PARAM=VALUE]*:VALUE`, balanced BEGIN/END.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import icalendar
import pytest

from frame_studio.core.errors import ExportError
from frame_studio.core.reminder import escape_text, fold, reminder_ics, write_reminder

END = dt.date(2030, 9, 29)
NOW = dt.datetime(2030, 9, 1, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
NAME = "Chào mừng Đại hội XVII, nhiệm kỳ 2020-2025; Lạng Sơn \\ tỉnh"
LINK = "https://example.org/dai-hoi?id=1&x=2"
CONTENT_LINE = re.compile(r'^[A-Z][A-Z0-9-]*(;[A-Z0-9-]+=("[^"]*"|[^";:,]*))*:.*$')


def strict_lines(text: str) -> list[str]:
    """Unfold the text after checking line ends, lengths and UTF-8 of every physical line."""
    assert text.endswith("\r\n")
    physical = text.split("\r\n")[:-1]
    for line in physical:
        assert "\n" not in line and "\r" not in line
        raw = line.encode("utf-8")
        assert len(raw) <= 75, line
        raw.decode("utf-8")  # a split character would not decode on its own line
    logical: list[str] = []
    for line in physical:
        if line.startswith(" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    stack = []
    for line in logical:
        assert CONTENT_LINE.match(line), line
        if line.startswith("BEGIN:"):
            stack.append(line[6:])
        elif line.startswith("END:"):
            assert stack.pop() == line[4:]
    assert not stack
    return logical


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


def test_reminder_is_one_all_day_event_on_the_end_date() -> None:
    text = reminder_ics(NAME, END, link=LINK, now=NOW)
    calendar = icalendar.Calendar.from_ical(text)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    assert event.decoded("DTSTART") == END and not isinstance(event.decoded("DTSTART"), dt.datetime)
    assert event.decoded("DTEND") == END + dt.timedelta(days=1)
    assert event.decoded("DTSTAMP") == dt.datetime(2030, 9, 1, 1, 30, tzinfo=dt.UTC)
    assert str(event["UID"]).endswith("@frame-studio.invalid")
    assert NAME in str(event["SUMMARY"])
    description = str(event["DESCRIPTION"])
    assert "đổi lại ảnh đại diện" in description
    assert "Đặt làm tạm thời" in description and "Make temporary" in description
    assert LINK in description and str(event["URL"]) == LINK
    assert [c.name for c in event.subcomponents] == ["VALARM"]


def test_reminder_is_strict_rfc_5545_text() -> None:
    text = reminder_ics(NAME, END, link=LINK, now=NOW)
    lines = strict_lines(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines
    assert "DTSTART;VALUE=DATE:20300929" in lines
    assert "DTSTAMP:20300901T013000Z" in lines
    summary = next(line for line in lines if line.startswith("SUMMARY;LANGUAGE=vi:"))
    value = summary.split(":", 1)[1]
    assert re.search(r"(?<!\\)[;,]", value.replace("\\\\", "")) is None  # every ; and , escaped
    assert NAME in unescape(value)
    assert any(len(line.encode()) > 75 for line in lines)  # so folding was really exercised


def test_the_same_campaign_gets_the_same_uid() -> None:
    def uid(text: str) -> str:
        return next(line for line in strict_lines(text) if line.startswith("UID:"))

    assert uid(reminder_ics(NAME, END, now=NOW)) == uid(reminder_ics(NAME, END))
    assert uid(reminder_ics(NAME, END)) != uid(reminder_ics(NAME, END + dt.timedelta(days=1)))


def test_a_link_that_is_not_a_web_address_is_not_a_url_property() -> None:
    text = reminder_ics(NAME, END, link="https://x.org/\r\nBEGIN:VEVENT", now=NOW)
    lines = strict_lines(text)
    assert not any(line.startswith("URL") for line in lines)
    assert sum(line == "BEGIN:VEVENT" for line in lines) == 1


@pytest.mark.parametrize(
    "line", ["A" * 200, "DESCRIPTION:" + "Đại hội đại biểu Đảng bộ " * 12, "X:" + "😀" * 60]
)
def test_folding_keeps_characters_whole_and_unfolds_to_the_same_line(line: str) -> None:
    folded = fold(line)
    pieces = folded.split("\r\n")[:-1]
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert "".join([pieces[0], *(p[1:] for p in pieces[1:])]) == line


def test_text_is_escaped() -> None:
    assert escape_text("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf"


def test_write_reminder_is_atomic_and_does_not_replace_unless_asked(tmp_path: Path) -> None:
    path = write_reminder(tmp_path / "nhac.ics", NAME, END, link=LINK, now=NOW)
    assert path.read_bytes() == reminder_ics(NAME, END, link=LINK, now=NOW).encode("utf-8")
    with pytest.raises(ExportError, match="already exists"):
        write_reminder(path, NAME, END)
    write_reminder(path, "Khác", END, overwrite=True)
    assert "Khác" in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")[0]["SUMMARY"]
    assert [p.name for p in tmp_path.iterdir()] == ["nhac.ics"]  # no temp file left
