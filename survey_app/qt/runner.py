"""Run core generators off the GUI thread with progress, result, error and cancel."""
from __future__ import annotations

import inspect
import logging
import threading
import traceback
from typing import Any, Callable

from survey_app.qt.qt import QObject, QThread, Signal, is_alive

log = logging.getLogger(__name__)
_running: set["TaskHandle"] = set()


class _Worker(QThread):
    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable, args: tuple, kwargs: dict, cancel: threading.Event) -> None:
        super().__init__()
        self.fn, self.args, self.kwargs, self.cancel_event = fn, args, kwargs, cancel

    def run(self) -> None:
        try:
            kwargs = dict(self.kwargs)
            if _accepts_cancel(self.fn):
                kwargs["cancel"] = self.cancel_event
            result = self.fn(*self.args, **kwargs)
            if inspect.isgenerator(result):
                gen = result
                try:
                    while True:
                        self.progressed.emit(next(gen))
                except StopIteration as stop:
                    result = stop.value
            self.succeeded.emit(result)
        except BaseException as exc:  # delivered to on_error on the GUI thread
            log.debug("task failed: %s", "".join(traceback.format_exception(exc)))
            self.failed.emit(exc)


def _accepts_cancel(fn: Callable) -> bool:
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
    return "cancel" in params or any(p.kind is p.VAR_KEYWORD for p in params.values())


class TaskHandle(QObject):
    """A running task: cancel it, wait for it, or listen to `finished`."""

    finished = Signal()

    def __init__(self, worker: _Worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._done = False
        self.result: Any = None
        self.error: BaseException | None = None

    def cancel(self) -> None:
        """Ask the task to stop at its next check."""
        self._worker.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        """Whether cancel() was called."""
        return self._worker.cancel_event.is_set()

    def is_running(self) -> bool:
        """True until the task has delivered its result or error."""
        return not self._done

    def wait(self, ms: int = 30000) -> bool:
        """Block until the worker thread ends (tests and shutdown only)."""
        return self._worker.wait(ms)


def run_task(fn: Callable, *args, on_progress: Callable | None = None, on_done: Callable | None = None,
             on_error: Callable | None = None, parent: QObject | None = None, **kwargs) -> TaskHandle:
    """Start `fn(*args, cancel=event, **kwargs)` on a worker thread; callbacks run on the GUI thread."""
    cancel = threading.Event()
    worker = _Worker(fn, args, kwargs, cancel)
    handle = TaskHandle(worker, parent)

    # A page deleted while its task ran (the window closed, the language changed) takes its handle with it:
    # the result then has nobody to go to.
    def done(value: Any) -> None:
        if not is_alive(handle):
            return
        handle.result = value
        if on_done:
            on_done(value)

    def failed(exc: BaseException) -> None:
        if not is_alive(handle):
            log.info("background task of a closed page failed: %s", exc)
            return
        handle.error = exc
        if on_error:
            on_error(exc)
        else:
            log.error("background task failed: %s", exc)

    def thread_finished() -> None:
        # Only now is the thread really over: safe to drop the last reference to it.
        _running.discard(handle)
        if is_alive(handle):
            handle._done = True
            handle.finished.emit()

    def progressed(value: Any) -> None:
        if is_alive(handle):
            on_progress(value)

    if on_progress:
        worker.progressed.connect(progressed)
    worker.succeeded.connect(done)
    worker.failed.connect(failed)
    worker.finished.connect(thread_finished)
    _running.add(handle)
    worker.start()
    return handle


def cancel_all(timeout_ms: int = 5000) -> None:
    """Cancel and join every running task (the window calls this when it closes)."""
    for handle in list(_running):
        handle.cancel()
    for handle in list(_running):
        handle.wait(timeout_ms)
