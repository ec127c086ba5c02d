"""What crosses the pipe between the window and the engine process, end by end."""

from __future__ import annotations

import logging
import multiprocessing
import threading
from typing import Any

import pytest

from screenpop.journal.errors import JournalError
from screenpop.remote.wire import LOG, LogForwarder, Outbox, replay_log, safe_error


class Unpicklable(Exception):
    def __init__(self, what: Any) -> None:
        super().__init__("cannot cross")
        self.what = what


def test_an_error_crosses_as_itself_or_as_its_text() -> None:
    journal = JournalError("the journal is damaged", transient=True)
    assert safe_error(journal) is journal
    crossed = safe_error(Unpicklable(threading.Lock()))
    assert isinstance(crossed, RuntimeError)
    assert str(crossed) == "Unpicklable: cannot cross"


def test_sending_to_a_closed_pipe_says_so_and_never_raises() -> None:
    ours, theirs = multiprocessing.Pipe()
    outbox = Outbox(ours)
    assert outbox.send(("event", "call_ringing", ()))
    assert theirs.recv() == ("event", "call_ringing", ())
    theirs.close()
    ours.close()
    assert not outbox.send(("event", "call_ringing", ()))
    assert outbox.broken


def test_the_engines_log_with_its_traceback_is_written_by_the_apps_handlers(
    caplog: pytest.LogCaptureFixture,
) -> None:
    ours, theirs = multiprocessing.Pipe()
    engine_log = logging.getLogger("screenpop.engine.somewhere")
    forwarder = LogForwarder(Outbox(theirs))
    engine_log.addHandler(forwarder)
    engine_log.propagate = False
    try:
        try:
            raise ValueError("a source said something odd")
        except ValueError:
            engine_log.exception("lookup of %s failed", "+********0958")
    finally:
        engine_log.removeHandler(forwarder)
        engine_log.propagate = True
    kind, attributes = ours.recv()
    assert kind == LOG
    caplog.set_level(logging.INFO)
    replay_log(attributes)
    (record,) = [r for r in caplog.records if r.name == "screenpop.engine.somewhere"]
    assert record.levelno == logging.ERROR
    assert record.getMessage().startswith("lookup of +********0958 failed")
    assert "Traceback" in record.getMessage()
    assert "ValueError: a source said something odd" in record.getMessage()
