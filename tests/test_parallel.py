"""run_all: results in order, and a job's failure raised in the parent as it was raised in the child."""
import os
import signal

import pytest

from publish import parallel
from publish.errors import BuildError


@pytest.fixture(autouse=True)
def forking(monkeypatch):
    """Take the forking path even on a one-core machine."""
    monkeypatch.setattr(parallel, "cores", lambda: 4)


def test_results_come_back_in_order_from_child_processes():
    parent = os.getpid()
    results = parallel.run_all([lambda: ("a", os.getpid()), lambda: ("b", os.getpid())])
    assert [name for name, _ in results] == ["a", "b"]
    assert all(pid != parent for _, pid in results)


def test_a_failing_job_raises_its_own_exception_in_the_parent_with_the_child_traceback():
    def broken():
        raise ValueError("the third spot has no muscles")

    with pytest.raises(ValueError, match="the third spot has no muscles") as caught:
        parallel.run_all([lambda: 1, broken])
    notes = "\n".join(getattr(caught.value, "__notes__", []))
    assert "in a forked build process" in notes and "broken" in notes


def test_a_job_whose_result_cannot_be_sent_back_is_an_error_naming_why():
    with pytest.raises(RuntimeError, match="could not send back its result"):
        parallel.run_all([lambda: 1, lambda: (lambda: None)])   # a lambda cannot be pickled


def test_a_child_that_dies_without_a_result_is_an_error():
    with pytest.raises(BuildError, match=r"ended without a result \(exit status 3\)"):
        parallel.run_all([lambda: 1, lambda: os._exit(3)])


@pytest.mark.parametrize(("sig", "cause"), [(signal.SIGKILL, "memory runs out"), (signal.SIGABRT, "full disk")])
def test_a_child_killed_as_the_oom_killer_or_an_abort_would_is_a_build_error_naming_the_cause(sig, cause):
    """A worker killed by the OOM killer, or aborted by qpdf on a full disk, is a clean BuildError the
    command line prints in one line, not a RuntimeError with a traceback."""
    with pytest.raises(BuildError, match=f"killed by signal {int(sig)} .*{cause}"):
        parallel.run_all([lambda: 1, lambda: os.kill(os.getpid(), sig)])
