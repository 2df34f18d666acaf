"""Background work, after Picard's run_task: a function runs on the thread pool, its result or
error comes back to the GUI thread by signal. Workers never touch widgets."""

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class CancelToken:
    def __init__(self) -> None:
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True

    def __call__(self) -> bool:
        return self.cancelled


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object, str)
    progress = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], with_progress: bool):
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.with_progress = with_progress
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit) if self.with_progress else self.fn()
        except BaseException as exc:  # noqa: BLE001 - reported to the GUI thread
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.finished.emit(result)


_live: set[_Signals] = set()  # keep signal objects alive until their job reports


def run_task(
    fn: Callable[..., Any],
    on_success: Callable[[Any], None],
    on_error: Callable[[BaseException, str], None],
    on_progress: Callable[[int, int], None] | None = None,
) -> None:
    """Run fn off the GUI thread. With on_progress, fn receives a progress(done, total) callable."""
    job = _Job(fn, on_progress is not None)
    signals = job.signals
    _live.add(signals)

    def done(result: Any) -> None:
        _live.discard(signals)
        on_success(result)

    def failed(exc: BaseException, tb: str) -> None:
        _live.discard(signals)
        on_error(exc, tb)

    signals.finished.connect(done)
    signals.failed.connect(failed)
    if on_progress:
        signals.progress.connect(on_progress)
    QThreadPool.globalInstance().start(job)
