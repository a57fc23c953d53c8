"""The manager's list of glossaries: each with its terms, whether it is writable and its
review counts; the one highlighted is the one shown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from parallax.app.model import counted
from parallax.core.glossary import GlossaryInfo


def describe(info: GlossaryInfo, review: str | None) -> str:
    """The lines of ``info`` in the list: its name; its terms, writable or not, bad rows; the
    review counts."""
    mark = "writable" if info.writable else "read-only"
    mark = "cannot be read" if info.error else mark
    mark += f" · {counted(info.problems, 'bad row')}" if info.problems else ""
    mark += "" if info.exists else " · new"
    mark += f"\nreview: {review}" if review else ""
    return f"{info.name}\n{counted(info.terms, 'term')} · {mark}"


class GlossaryList(OptionList):
    """The glossaries; highlighting one posts :class:`GlossaryList.Chosen`."""

    BORDER_TITLE: ClassVar[str] = "Glossaries"

    @dataclass
    class Chosen(Message):
        """Show the terms of glossary ``name``."""

        name: str

    def show(self, infos: list[GlossaryInfo], reviews: dict[str, str], name: str | None) -> None:
        """List ``infos`` and highlight glossary ``name`` (posting :class:`Chosen` even when it
        was highlighted already: its terms are read again)."""
        self.clear_options()
        for info in infos:
            prompt = Content(describe(info, reviews.get(info.name)))
            self.add_option(Option(prompt.stylize("bold", 0, len(info.name)), id=info.name))
        if name is None:
            return
        index = self.get_option_index(name)
        if self.highlighted == index:
            self.post_message(self.Chosen(name))
        else:
            self.highlighted = index

    @on(OptionList.OptionHighlighted)
    def _chosen(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(event.option.id))
