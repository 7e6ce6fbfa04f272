import gc

import pytest

from scorecard.core.collector import collector_paused


def test_the_collector_is_paused_inside_and_runs_again_after_even_a_failure():
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("the build failed")
    assert gc.isenabled()


def test_a_nested_pause_resumes_only_at_the_outermost():
    gc.disable()  # a caller that paused it keeps it paused
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
