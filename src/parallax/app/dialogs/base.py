"""The dialogs' base: a modal screen that dismisses with a typed result, or ``None`` on
escape (as posting's ``ModalScreen[T]`` dialogs do)."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 80%; max-width: 100; height: auto; max-height: 100%; overflow-y: auto;
    border: thick $primary; background: $surface; padding: 0 1;
}}
{name} .title {{ text-style: bold; margin-top: 1; }}
{name} .field {{ height: auto; }}
{name} .field > Label {{ width: 10; margin-top: 1; }}
{name} .field > Input, {name} .field > Select {{ width: 1fr; }}
{name} #hint {{ color: $warning; height: auto; }}
{name} #buttons {{ height: auto; margin-top: 1; }}
"""


T = TypeVar("T")


class Dialog(ModalScreen[T | None], Generic[T]):
    """A dialog with an OK button: enter in a field or ``ctrl+s`` submits, escape cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="dialog-cancel"),
        Binding("ctrl+s", "submit", "OK", id="dialog-ok"),
    ]
    OK = "OK"

    def buttons(self) -> ComposeResult:
        """The OK and Cancel buttons."""
        with Horizontal(id="buttons"):
            yield Button(self.OK, variant="primary", id="ok")
            yield Button("Cancel", id="cancel")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a field submits."""
        event.stop()
        self.action_submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """OK or Cancel."""
        event.stop()
        if event.button.id == "ok":
            self.action_submit()
        else:
            self.action_cancel()

    @staticmethod
    def field(label: str, widget: Input | Select[str]) -> Horizontal:
        """A labelled input on one row."""
        return Horizontal(Label(label), widget, classes="field")

    def value_of(self, name: str) -> str:
        """The text of input ``#name``."""
        return self.query_one(f"#{name}", Input).value

    def action_submit(self) -> None:
        """Dismiss with the result (subclasses)."""
        raise NotImplementedError

    def action_cancel(self) -> None:
        """Close without a result."""
        self.dismiss(None)

    def warn(self, message: str) -> None:
        """A one-line warning (plain text)."""
        self.notify(" ".join(message.split()), severity="warning", markup=False)
