"""Command palette provider: every action bound on the screen shown, by its description (the
same bindings that the keys panel lists and the footer shows)."""

from __future__ import annotations

from functools import partial

from textual.app import App
from textual.binding import ActiveBinding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.widget import Widget

HIDDEN = {"quit", "command_palette"}


class ReaderCommands(Provider):
    """Offers every binding active on the screen (with its key) as a command, run on the
    widget or screen that owns it."""

    def _commands(self) -> list[tuple[str, ActiveBinding, str]]:
        seen: set[str] = set()
        out = []
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if binding.action in HIDDEN or not binding.description or binding.system:
                continue
            if binding.description in seen:
                continue
            seen.add(binding.description)
            shown = self.app.get_key_display(binding) or key
            out.append((binding.description, active, f"key: {shown}"))
        return out

    async def discover(self) -> Hits:
        """All commands, when nothing is typed."""
        for name, active, help_text in self._commands():
            yield DiscoveryHit(name, partial(self._run, active), help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands matching ``query``."""
        matcher = self.matcher(query)
        for name, active, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(name), partial(self._run, active), help=help_text
                )

    async def _run(self, active: ActiveBinding) -> None:
        node = active.node
        if isinstance(node, (Widget, App)):
            await node.run_action(active.binding.action)
