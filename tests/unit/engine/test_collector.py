"""The cycle collector is held off inside a pause and left as it was found afterwards."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from carveplan.engine.collector import collector_paused


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    was_enabled = gc.isenabled()
    yield
    if was_enabled:
        gc.enable()


def test_the_collector_is_off_inside_and_on_again_after() -> None:
    gc.enable()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_nested_pause_leaves_the_collector_off_for_the_outer_one() -> None:
    gc.enable()
    with collector_paused():
        with collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_error_in_the_block_still_turns_the_collector_back_on() -> None:
    gc.enable()
    with pytest.raises(ValueError, match="boom"), collector_paused():
        raise ValueError("boom")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_overlapping_pauses_on_two_threads_leave_the_collector_on() -> None:
    import gc
    import threading

    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()

    def first() -> None:
        with collector_paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with collector_paused():
            second_in.set()
            first_out.wait(5)  # the first pause ends while this one still runs

    assert gc.isenabled()
    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert gc.isenabled()


def test_what_a_pause_built_is_in_the_oldest_generation_after_it() -> None:
    gc.enable()
    with collector_paused():
        built = [[n] for n in range(1000)]
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(item) in oldest for item in built)
    assert gc.get_freeze_count() == 0


def test_objects_frozen_around_a_pause_stay_frozen_with_what_it_built() -> None:
    gc.enable()
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        with collector_paused():
            built = [[n] for n in range(1000)]
        assert gc.get_freeze_count() >= before + len(built)
    finally:
        gc.unfreeze()
