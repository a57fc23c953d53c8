"""The worker-to-message rule in one place: a worker calls one plain function and posts the
one message it returns (or :class:`~parallax.app.messages.StepFailed` with the error on one
line). Never ``call_from_thread`` into a screen's private methods."""

from __future__ import annotations

from collections.abc import Callable

from textual.dom import DOMNode
from textual.message import Message

from parallax.app.messages import StepFailed
from parallax.app.model import one_line


def run_step(
    node: DOMNode,
    job: Callable[[], Message | None],
    *,
    step: str,
    group: str | None = None,
    exclusive: bool = True,
) -> None:
    """Run ``job`` in a worker thread and post the message it returns to ``node`` (nothing for
    None); an exception becomes ``StepFailed(step, error)``. ``exclusive`` cancels the
    ``group``'s (default: ``step``'s) worker still running."""

    def work() -> None:
        try:
            message = job()
        except Exception as error:  # told to the user; the app goes on without this step
            message = StepFailed(step, one_line(error))
        if message is not None:
            node.post_message(message)

    node.run_worker(
        work, name=step, group=group or step, exclusive=exclusive, thread=True, exit_on_error=False
    )
