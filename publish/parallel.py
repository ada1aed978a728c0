"""Run independent jobs side by side in forked processes and collect their results in order.

The jobs are closures over the parent's objects (content, fonts, drawn figures): forking hands
them to the children as they are, without pickling; only results and errors travel back, through
a pipe each. A child dies with its parent (Linux), so a build that is killed leaves no worker
behind holding its lock. Without fork, or with one job or one core, the jobs run here in turn.
"""
from __future__ import annotations

import ctypes
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from .errors import BuildError

T = TypeVar("T")

PR_SET_PDEATHSIG = 1


def run_all(jobs: list[Callable[[], T]]) -> list[T]:
    """Each job's result, in order; a job's exception is raised here as it was raised there."""
    if len(jobs) < 2 or cores() < 2 or not hasattr(os, "fork"):
        return [job() for job in jobs]
    children: list[tuple[int, int]] = []
    try:
        for job in jobs:
            children.append(_start(job))
        outcomes: list[tuple[bool, Any]] = [_collect(*child) for child in children]
        children = []
    finally:
        for pid, _ in children:     # interrupted or failed: no child outlives the call
            _stop(pid)
    for ok, value in outcomes:
        if not ok:
            raise value
    return [value for _, value in outcomes]


def cores() -> int:
    """The cores this process may run on (fewer than the machine has when limited, e.g. by taskset)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _start(job: Callable[[], T]) -> tuple[int, int]:
    parent = os.getpid()
    read, write = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write)
        return pid, read
    os.close(read)
    code = 0
    try:
        _die_with(parent)
        try:
            outcome: tuple[bool, Any] = (True, job())
        except BaseException as exc:   # noqa: BLE001 - every failure goes back to the parent
            exc.add_note(f"in a forked build process:\n{traceback.format_exc()}")
            outcome = (False, exc)
        try:
            data = pickle.dumps(outcome)
        except Exception as exc:   # noqa: BLE001
            data = pickle.dumps((False, RuntimeError(f"a build process could not send back its result: {exc}")))
        with os.fdopen(write, "wb") as pipe:
            pipe.write(data)
    except BaseException:   # noqa: BLE001 - never return into the parent's code from a child
        code = 1
    finally:
        os._exit(code)


def _collect(pid: int, read: int) -> tuple[bool, object]:
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if not data:
        return False, BuildError(_death(status))
    return pickle.loads(data)


def _death(status: int) -> str:
    """Why a build process ended without a result, in words that point at the likely cause."""
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        cause = {signal.SIGKILL: " (as the system does when memory runs out)",
                 signal.SIGABRT: " (a library gave up, as on a full disk)"}.get(signal.Signals(sig), "")
        return (f"a build process was killed by signal {sig}{cause}; check free memory and disk space, "
                "then build again")
    return f"a build process ended without a result (exit status {os.waitstatus_to_exitcode(status)})"


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


def _die_with(parent: int) -> None:
    """Have the kernel kill this child when its parent dies; exit now if the parent is already gone."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)
