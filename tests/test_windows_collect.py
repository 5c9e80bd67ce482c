"""The suite collects where the POSIX-only calls do not exist (Windows), and `posix` tests skip there.

A test module that calls `os.geteuid()` at import (or a conftest that imports `fcntl`)
stops the whole collection on Windows before a single test runs. Here the suite is
collected in a fresh interpreter (this one, from the repository's root) in which the code
of tests/ and frame_studio/ finds in `os` and `signal` only what Windows' Python has, and
cannot import the Unix-only modules: the collection must succeed and find exactly the
tests that an untouched interpreter finds.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent

POSIX_ONLY_OS = (
    # users and groups
    *("getuid", "geteuid", "getgid", "getegid", "getgroups", "getgrouplist", "getresuid", "getresgid"),
    *("setuid", "seteuid", "setgid", "setegid", "setreuid", "setregid", "setresuid", "setresgid"),
    *("setgroups", "initgroups", "chown", "fchown", "lchown", "fchmod", "lchmod", "chroot"),
    # processes, sessions, terminals
    *("fork", "forkpty", "openpty", "login_tty", "killpg", "getpgid", "getpgrp", "setpgid", "setpgrp"),
    *("getsid", "setsid", "tcgetpgrp", "tcsetpgrp", "ttyname", "ctermid", "wait", "wait3", "wait4"),
    *("waitid", "nice", "getpriority", "setpriority", "register_at_fork", "posix_spawn", "posix_spawnp"),
    *("sched_getaffinity", "sched_setaffinity", "sched_yield", "getloadavg", "pidfd_open"),
    # special files and file-system calls
    *("mkfifo", "mknod", "makedev", "major", "minor", "fchdir", "sync", "fdatasync", "lockf"),
    *("statvfs", "fstatvfs", "pathconf", "fpathconf", "sysconf", "confstr", "uname"),
    *("pread", "pwrite", "preadv", "pwritev", "readv", "writev", "sendfile", "splice", "copy_file_range"),
    *("posix_fadvise", "posix_fallocate", "memfd_create", "eventfd", "getrandom"),
    *("getxattr", "setxattr", "listxattr", "removexattr"),
)
"""Functions of Linux's `os` that Windows' `os` does not have (Python 3.11-3.13)."""

POSIX_ONLY_SIGNAL = (
    *("SIGKILL", "SIGHUP", "SIGSTOP", "SIGCONT", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGCHLD", "SIGQUIT"),
    *("SIGUSR1", "SIGUSR2", "SIGALRM", "SIGPIPE", "SIGWINCH", "SIGPROF", "SIGVTALRM", "SIGXCPU"),
    *("SIGXFSZ", "SIGSYS", "SIGTRAP", "SIGBUS", "SIGIO", "SIGPOLL", "SIGPWR", "SIGURG", "SIGIOT"),
    *("SIGSTKFLT", "SIGRTMIN", "SIGRTMAX"),
    *("alarm", "pause", "setitimer", "getitimer", "siginterrupt", "sigpending", "sigwait"),
    *("sigwaitinfo", "sigtimedwait", "pthread_kill", "pthread_sigmask", "pidfd_send_signal"),
)
"""What Linux's `signal` has and Windows' lacks (Windows has SIGINT, SIGTERM, SIGBREAK, ...)."""

POSIX_ONLY_MODULES = ("fcntl", "grp", "pwd", "resource", "termios", "tty", "pty", "syslog", "crypt", "spwd")
"""Standard modules that do not exist on Windows."""

COLLECT = ["--collect-only", "-q", "-p", "no:cacheprovider", "tests"]
CONFIG = {"os": POSIX_ONLY_OS, "signal": POSIX_ONLY_SIGNAL, "modules": POSIX_ONLY_MODULES, "args": COLLECT}

SCRIPT = """
import builtins, json, os, signal, sys, types

mode, result_file, config = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
HIDDEN = {"os": set(config["os"]), "signal": set(config["signal"])}
MODULES = set(config["modules"])
here = {os.getcwd(), os.path.realpath(os.getcwd())}
OURS = tuple(os.path.join(root, part) + os.sep for root in here for part in ("tests", "frame_studio"))


def ours(frame):
    return frame is not None and frame.f_code.co_filename.startswith(OURS)


class AsOnWindows(types.ModuleType):
    def __getattribute__(self, name):
        module = types.ModuleType.__getattribute__(self, "__name__")
        if name in HIDDEN[module] and ours(sys._getframe(1)):
            raise AttributeError(f"module {module!r} has no attribute {name!r} (as on Windows)")
        return types.ModuleType.__getattribute__(self, name)


real_import = builtins.__import__


def import_as_on_windows(name, globals=None, locals=None, fromlist=(), level=0):
    importer = str((globals or {}).get("__file__"))
    if level == 0 and name.partition(".")[0] in MODULES and importer.startswith(OURS):
        raise ModuleNotFoundError(f"No module named {name!r} (as on Windows)", name=name)
    return real_import(name, globals, locals, fromlist, level)


hidden = []
if mode == "windows":
    for module in (os, signal):
        hidden += [f"{module.__name__}.{name}" for name in HIDDEN[module.__name__] if hasattr(module, name)]
        module.__class__ = AsOnWindows
    builtins.__import__ = import_as_on_windows

import pytest


class Collected:
    ids = []

    def pytest_collection_finish(self, session):
        Collected.ids = [item.nodeid for item in session.items]


code = pytest.main(config["args"], plugins=[Collected()])
with open(result_file, "w", encoding="utf-8") as out:
    json.dump({"code": int(code), "ids": Collected.ids, "hidden": hidden}, out)
"""
"""Collects the suite in a fresh interpreter: as it is ("normal"), or "windows": the code of
tests/ and frame_studio/ (only theirs: a library keeps its Linux internals, numpy reading
`os.uname` and psutil importing `resource`, which on Windows take their Windows paths)
sees `os` and `signal` without what Windows lacks and cannot import the Unix-only modules.
"""


@dataclass(frozen=True)
class Collection:
    code: int
    ids: list[str]
    hidden: list[str]
    output: str


def start_collection(mode: str, result_file: Path) -> subprocess.Popen[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.Popen(
        [sys.executable, "-c", SCRIPT, mode, str(result_file), json.dumps(CONFIG)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
    )


def finish(proc: subprocess.Popen[str], result_file: Path) -> Collection:
    try:
        output, _ = proc.communicate(timeout=300)
    except subprocess.TimeoutExpired:
        proc.kill()
        output, _ = proc.communicate()
        raise AssertionError(f"the collection did not finish in 300 s:\n{output[-4000:]}") from None
    assert proc.returncode == 0, f"the collecting process failed ({proc.returncode}):\n{output[-4000:]}"
    found: dict[str, Any] = json.loads(result_file.read_text(encoding="utf-8"))
    return Collection(found["code"], found["ids"], found["hidden"], output)


@pytest.fixture(scope="module")
def collections(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Collection]:
    """The suite collected twice at once: as it is, and without the POSIX-only calls."""
    folder = tmp_path_factory.mktemp("collect")
    started = {mode: start_collection(mode, folder / f"{mode}.json") for mode in ("normal", "windows")}
    return {mode: finish(proc, folder / f"{mode}.json") for mode, proc in started.items()}


def test_the_imitation_hides_what_windows_lacks(collections: dict[str, Collection]) -> None:
    hidden = set(collections["windows"].hidden)
    expected = {f"os.{name}" for name in POSIX_ONLY_OS if name in vars(os)}  # even where hidden
    expected |= {f"signal.{name}" for name in POSIX_ONLY_SIGNAL if name in vars(signal)}
    assert hidden == expected
    if sys.platform != "win32":  # on Windows there is nothing to hide, and the collection still holds
        assert {"os.geteuid", "os.mkfifo", "os.killpg", "signal.SIGKILL"} <= hidden
    assert collections["normal"].hidden == []


def test_the_suite_collects_without_posix_only_calls(collections: dict[str, Collection]) -> None:
    normal, windows = collections["normal"], collections["windows"]
    for mode, collection in collections.items():
        if collection.code != 0:
            errors = collection.output.rfind("= ERRORS =")
            shown = collection.output[errors:] if errors >= 0 else collection.output[-4000:]
            pytest.fail(f"the {mode} collection exited {collection.code}:\n{shown}")
    assert f"{len(windows.ids)} tests collected" in windows.output
    missing = sorted(set(normal.ids) - set(windows.ids))
    assert not missing, f"{len(missing)} tests not collected without the POSIX-only calls: {missing[:20]}"
    assert len(windows.ids) == len(normal.ids) > 0
    assert windows.ids == normal.ids
    assert "tests/test_windows_collect.py::test_the_suite_collects_without_posix_only_calls" in normal.ids


class FakeItem:
    """Just what the skip hook reads and writes of a test item."""

    def __init__(self, *markers: pytest.MarkDecorator) -> None:
        self.own = [decorator.mark for decorator in markers]

    def get_closest_marker(self, name: str) -> pytest.Mark | None:
        return next((mark for mark in self.own if mark.name == name), None)

    def add_marker(self, marker: pytest.MarkDecorator) -> None:
        self.own.append(marker.mark)


def test_posix_tests_are_skipped_on_windows_with_their_reason(pytestconfig: pytest.Config) -> None:
    (conftest,) = [
        plugin
        for plugin in pytestconfig.pluginmanager.get_plugins()
        if Path(getattr(plugin, "__file__", "") or ".").resolve() == ROOT / "tests" / "conftest.py"
    ]
    plain = FakeItem(pytest.mark.slow)
    posix = FakeItem(pytest.mark.posix)
    reasoned = FakeItem(pytest.mark.posix(reason="symlinks need a privilege on Windows"))
    items: Any = [plain, posix, reasoned]

    conftest.skip_posix_only(items, windows=False)
    assert [[mark.name for mark in item.own] for item in items] == [["slow"], ["posix"], ["posix"]]

    conftest.skip_posix_only(items, windows=True)
    assert plain.get_closest_marker("skip") is None
    skips = [item.get_closest_marker("skip") for item in (posix, reasoned)]
    assert [SimpleNamespace(**mark.kwargs) for mark in skips if mark is not None] == [
        SimpleNamespace(reason=f"POSIX only: {conftest.POSIX_REASON}"),
        SimpleNamespace(reason="POSIX only: symlinks need a privilege on Windows"),
    ]
