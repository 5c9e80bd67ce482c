"""The outcome of one input, and its report record: the one place both are built.

`render`, the batch and a hand fix all describe an input the same way: its status
(framed, rejected, skipped), outputs, flags, the faces found, the square of the photo
that shows in the window and the angle it is turned by.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from frame_studio.core.errors import FrameStudioError
from frame_studio.core.frames import Frame
from frame_studio.core.pipeline import Analysis
from frame_studio.core.placement import Placement
from frame_studio.core.review import judge
from frame_studio.core.roster import StaffMember
from frame_studio.core.winpath import shown

FRAMED, REJECTED, SKIPPED = "framed", "rejected", "skipped"


@dataclass(frozen=True)
class JobResult:
    """The outcome of one input, as the report shows it.

    `input` is the batch's name of the input ("/"-joined, relative to the input folder, the
    key the plan and the window know it by) or the path given to `render`; the report
    shows it with the platform's separator, as it shows the outputs.

    `staff` is the roster's person the photo was matched to (a batch with a roster).

    `window_rect` is the source region behind the window before it is turned by `angle`
    (degrees, clockwise in the source, y down: the placement's angle; 0 when the head was
    not levelled nor the photo turned by hand; None when nothing was framed).
    """

    input: str
    status: str
    outputs: tuple[str, ...] = ()
    reason: str | None = None
    code: str | None = None
    flags: tuple[str, ...] = ()
    faces: tuple[tuple[float, ...], ...] = ()
    window_rect: tuple[float, ...] | None = None
    angle: float | None = None
    review: bool = False
    review_reasons: tuple[str, ...] = ()
    staff: StaffMember | None = None

    @property
    def needs_review(self) -> bool:
        """A rejected input always needs a person; a framed one when its verdict says so."""
        return self.status == REJECTED or self.review

    def record(self) -> dict[str, Any]:
        """The report's JSON object for this input."""
        record = {
            "input": shown(self.input),
            "status": self.status,
            "output": self.outputs[0] if self.outputs else None,
            "outputs": list(self.outputs),
            "reason": self.reason,
            "flags": list(self.flags),
            "faces": [list(face) for face in self.faces],
            "window_rect": list(self.window_rect) if self.window_rect else None,
            "angle": self.angle,
            "code": self.code,
            "review": self.needs_review,
            "review_reasons": list(self.review_reasons),
        }
        if self.staff is not None:  # a batch with a roster: who the photo is of
            record |= {"name": self.staff.name, "unit": self.staff.unit, "roster_row": self.staff.row}
        return record


def framed_result(
    name: str,
    outputs: tuple[str, ...],
    analysis: Analysis,
    placement: Placement,
    frame: Frame,
    flags: tuple[str, ...],
) -> JobResult:
    """A framed input: faces and window rounded for the report (source pixels), and its verdict."""
    faces = tuple((*(round(v, 1) for v in face.box), round(face.score, 3)) for face in analysis.faces)
    rect = tuple(round(v, 1) for v in placement.window_rect(frame.window.aspect))
    angle = round(placement.angle, 1) + 0.0  # + 0.0: never "-0.0"
    verdict = judge(flags, placement, analysis.photo.full_size, frame)
    return JobResult(
        name,
        FRAMED,
        outputs,
        flags=flags,
        faces=faces,
        window_rect=rect,
        angle=angle,
        review=verdict.review,
        review_reasons=verdict.reasons,
    )


def rejected_result(name: str, error: FrameStudioError) -> JobResult:
    """A rejected input, with the error's code and sentence."""
    return JobResult(name, REJECTED, reason=error.message, code=error.code)


def result_of_record(record: dict[str, Any], name: str) -> JobResult:
    """A report or journal record read back (a photo an earlier run finished; the Batch
    workspace's last batch at start).

    `name` is the input's batch name ("/"-joined); a report shows it the platform's way.
    """

    def numbers(values: Any) -> tuple[float, ...]:
        return tuple(float(v) for v in values)

    staff = None
    if isinstance(record.get("roster_row"), int):
        staff = StaffMember(record["roster_row"], record.get("name") or "", record.get("unit") or "", "")
    rect, code = record.get("window_rect"), record.get("code")
    return JobResult(
        name,
        str(record.get("status")),
        tuple(str(o) for o in record.get("outputs") or ()),
        reason=record.get("reason"),
        code=code,
        flags=tuple(str(f) for f in record.get("flags") or ()),
        faces=tuple(numbers(face) for face in record.get("faces") or ()),
        window_rect=numbers(rect) if rect else None,
        angle=record.get("angle"),
        review=bool(record.get("review")) and record.get("status") != REJECTED,
        review_reasons=tuple(str(r) for r in record.get("review_reasons") or ()),
        staff=staff,
    )
