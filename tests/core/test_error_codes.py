"""Every code the core can raise or report is registered in `errors.CODES`, with one meaning.

The codes are found in the core's source by an AST scan, not by hand:
- the `code` argument of every call to a `FrameStudioError` subclass (its second
  argument, or `code=`, or a subclass's `super().__init__(path, "code", ...)`), and of
  every core function or class with a `code: str` parameter or field (`pack_error`,
  `_refused`, `JobResult`, `lint.Problem`, ...);
- `(code, reason)` pairs, such as scan's `BAD_NAME = ("bad_name", "the file ...")` and
  images' `problem = ("empty", "...")`, which become a rejected input's code.
A code that is not a literal must be one of the few known hand-overs of a code already
found (`error.code`, ...). tests/gui/test_messages.py checks that the GUI has a Vietnamese
text for every registered code.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pickle
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import frame_studio.core
from frame_studio.core.errors import CODES, FrameStudioError, Note
from frame_studio.core.lint import PROBLEMS, link_advice
from frame_studio.core.roster import MAX_ROWS, RosterError, read_roster
from frame_studio.core.scan import scan_inputs

CORE = Path(frame_studio.core.__path__[0])
CODE = re.compile(r"[a-z][a-z0-9_]*")
#: Codes handed on rather than written: each is a code found elsewhere by this scan.
HANDED_ON = {"code", "error.code", "refused.code", "job.problem[0]"}


def error_classes() -> dict[str, type[FrameStudioError]]:
    for module in pkgutil.iter_modules(frame_studio.core.__path__, "frame_studio.core."):
        importlib.import_module(module.name)

    def below(cls: type[FrameStudioError]) -> Iterator[type[FrameStudioError]]:
        for sub in cls.__subclasses__():
            yield sub
            yield from below(sub)

    found = [FrameStudioError, *below(FrameStudioError)]
    return {cls.__name__: cls for cls in found if cls.__module__.startswith("frame_studio.core")}


def _is_str(annotation: ast.expr | None) -> bool:
    return annotation is not None and re.search(r"\bstr\b", ast.unparse(annotation)) is not None


def code_positions(trees: dict[str, ast.Module]) -> dict[str, int]:
    """Callable name -> index of its `code` argument."""
    positions = {}
    for name, cls in error_classes().items():
        parameters = list(inspect.signature(cls).parameters)
        if "code" in parameters:
            positions[name] = parameters.index("code")
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("__"):
                args = [a for a in node.args.args if a.arg not in {"self", "cls"}]
                names = [a.arg for a in args]
                if "code" in names and _is_str(args[names.index("code")].annotation):
                    positions[node.name] = names.index("code")
            elif isinstance(node, ast.ClassDef) and node.name not in positions:
                fields = [
                    s for s in node.body if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
                ]
                names = [s.target.id for s in fields if isinstance(s.target, ast.Name)]
                if "code" in names and _is_str(fields[names.index("code")].annotation):
                    positions[node.name] = names.index("code")
    return positions


def scan_codes() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(literal code -> where, non-literal code expression -> where) in the core's source."""
    trees = {path.name: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(CORE.glob("*.py"))}
    positions = code_positions(trees)
    errors = set(error_classes())
    literal: dict[str, set[str]] = {}
    other: dict[str, set[str]] = {}

    def add(node: ast.expr, where: str) -> None:
        if isinstance(node, ast.IfExp):
            add(node.body, where)
            add(node.orelse, where)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            literal.setdefault(node.value, set()).add(where)
        elif not (isinstance(node, ast.Constant) and node.value is None):
            other.setdefault(ast.unparse(node), set()).add(where)

    for file, tree in trees.items():
        classes = {
            child: parent.name
            for parent in ast.walk(tree)
            if isinstance(parent, ast.ClassDef)
            for child in ast.walk(parent)
        }
        for node in ast.walk(tree):
            where = f"{file}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Call):
                func = node.func
                name = (
                    func.id
                    if isinstance(func, ast.Name)
                    else func.attr
                    if isinstance(func, ast.Attribute)
                    else ""
                )
                if name == "__init__" and isinstance(func, ast.Attribute) and classes.get(node) in errors:
                    name = "FrameStudioError"  # super().__init__(path, code, message) in an error class
                for keyword in node.keywords:
                    if keyword.arg == "code":
                        add(keyword.value, where)
                index = positions.get(name)
                if (
                    index is not None
                    and len(node.args) > index
                    and not isinstance(node.args[index], ast.Starred)
                ):
                    add(node.args[index], where)
            elif isinstance(node, ast.Tuple) and len(node.elts) == 2:
                first, reason = node.elts
                if (
                    isinstance(first, ast.Constant)
                    and isinstance(first.value, str)
                    and CODE.fullmatch(first.value)
                    and (
                        isinstance(reason, ast.JoinedStr)
                        or (isinstance(reason, ast.Constant) and " " in str(reason.value))
                    )
                ):
                    add(first, f"{where} (code, reason)")
    return literal, other


def test_the_scan_finds_the_codes_of_every_kind_of_site() -> None:
    """A check of the scan itself: codes known to come from each kind of site are found."""
    literal, _ = scan_codes()
    expected = {
        "not_an_image": "images.py",  # ImageLoadError(path, "not_an_image", ...)
        "empty": "images.py",  # problem = ("empty", "...") then ImageLoadError(path, *problem)
        "bad_name": "scan.py",  # BAD_NAME = ("bad_name", "...")
        "busy": "out_folder.py",  # FolderBusyError's super().__init__(folder, "busy", ...)
        "bomb": "safe_zip.py",  # _refused(path, "bomb", ...)
        "bad_manifest": "campaign.py",  # pack_error(where, "bad_manifest", ...)
        "internal": "batch.py",  # JobResult(..., code="internal")
        "window_outside": "lint.py",  # Problem("window_outside", ...)
        "outside_circle": "lint.py",  # _layer_problem(index, layer, "outside_circle")
        "roster_too_large": "roster.py",
    }
    for code, file in expected.items():
        assert any(where.startswith(file) for where in literal.get(code, ())), (code, literal.get(code))


def test_every_code_the_core_uses_is_registered() -> None:
    literal, _ = scan_codes()
    unregistered = {code: sorted(where) for code, where in literal.items() if code not in CODES}
    assert unregistered == {}, "add these codes to core/errors.py CODES (and gui/messages.py)"


def test_codes_are_only_handed_on_never_computed() -> None:
    _, other = scan_codes()
    unknown = {
        expression: sorted(where) for expression, where in other.items() if expression not in HANDED_ON
    }
    assert unknown == {}, "a code must be a literal the scan can see, or a known hand-over"


def test_registered_codes_are_plain_names_with_a_meaning() -> None:
    for code, meaning in CODES.items():
        assert CODE.fullmatch(code), code
        assert meaning.strip(), code


def test_every_lint_problem_is_registered_and_has_an_english_sentence() -> None:
    literal, _ = scan_codes()
    lint_codes = {code for code, where in literal.items() if any(w.startswith("lint.py") for w in where)}
    assert lint_codes <= set(PROBLEMS)  # the CLI's English sentence
    assert set(PROBLEMS) <= set(CODES)
    advice = link_advice("http://www.facebook.com/profilepicframes/?selected_overlay_id=663119041002834")
    assert advice in PROBLEMS and advice in CODES  # returned, not raised: the scan cannot see it


def test_a_roster_over_the_limit_has_its_own_code_not_the_photo_one(tmp_path: Path) -> None:
    """The HR screen said “ảnh quá lớn (quá 120 megapixel)” for a roster of 100 001 rows."""
    roster = tmp_path / "nhan-su.csv"
    roster.write_text("anh,ho_ten\n" + "".join(f"a{i}.jpg,Người {i}\n" for i in range(MAX_ROWS + 1)), "utf-8")
    with pytest.raises(RosterError) as caught:
        read_roster(roster)
    assert caught.value.code == "roster_too_large"
    assert caught.value.code != "too_large"  # the photo's code ("too many pixels")


@pytest.mark.parametrize(
    ("content", "code"),
    [(b"\n\n", "roster_empty"), (b"PK\x03\x04 not really a workbook", "not_a_workbook")],
    ids=["empty", "bad-xlsx"],
)
def test_other_roster_problems_have_roster_codes(tmp_path: Path, content: bytes, code: str) -> None:
    roster = tmp_path / ("nhan-su.xlsx" if code == "not_a_workbook" else "nhan-su.csv")
    roster.write_bytes(content)
    with pytest.raises(RosterError) as caught:
        read_roster(roster)
    assert caught.value.code == code


def test_a_note_is_its_english_sentence_with_a_code_and_parameters(tmp_path: Path) -> None:
    """The report and the CLI print the sentence; the GUI says the code in its own words."""
    note = Note("no_roster_row", "a.jpg: no row in the roster", name="a.jpg")
    assert note == "a.jpg: no row in the roster" and note.code in CODES
    again = pickle.loads(pickle.dumps(note))  # a worker process hands notes back
    assert (again, again.code, again.params) == (note, "no_roster_row", {"name": "a.jpg"})
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (note,) = scan_inputs(tmp_path / "in").notes
    assert isinstance(note, Note) and (note.code, note.params) == ("folders_left_out", {"count": "1"})
    assert note == "1 sub-folder not included (add --recursive to include them)"
