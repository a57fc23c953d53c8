"""Helpers shared by the reader's tests: the seed app and waiting for its workers."""

from __future__ import annotations

import html
import re
import threading
import weakref
from typing import Any

from textual.app import App

from parallax.app.app import ParallaxApp, make_app
from parallax.app.reader.screen import ReaderScreen
from parallax.app.widgets.parallel import ParallelView
from parallax.core.bundled import bundled_document_path
from parallax.core.readers import load_document


def seed_app() -> ParallaxApp:
    """The reader on the bundled editorial."""
    return make_app(load_document(bundled_document_path()))


def own_app() -> ParallaxApp:
    """The reader on the seed with only the user's glossary (no starter: nothing is known)."""
    return make_app(load_document(bundled_document_path()), glossaries=("my-terms",))


async def settle(app: ParallaxApp, pilot: object) -> None:
    """Wait until the workers started so far are done."""
    await pilot.pause()  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


async def ready(app: ParallaxApp, pilot: object) -> ParallelView:
    """Wait until every background step is done; the parallel view."""
    await pilot.pause()  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, ReaderScreen)
    return app.screen.query_one(ParallelView)


def hold(monkeypatch: object, owner: object, name: str) -> threading.Event:
    """Hold back every call of ``owner.name`` (a worker's slow step) until the event is set."""
    release = threading.Event()
    real = getattr(owner, name)

    def held(*args: object, **kwargs: object) -> object:
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, held)  # type: ignore[attr-defined]
    return release


def screen_text(app: object) -> str:
    """The characters drawn on the terminal, row by row (from the app's own screenshot: what
    the user sees, not the widgets' state; runs of blanks may be left out)."""
    svg = app.export_screenshot()  # type: ignore[attr-defined]
    lines = re.findall(r'<g class="[^"]*-matrix">(.*?)</g>', svg, flags=re.S)
    body = lines[0] if lines else svg
    rows: dict[str, list[str]] = {}
    for y, text in re.findall(r'<text[^>]*\by="([0-9.]+)"[^>]*>(.*?)</text>', body):
        rows.setdefault(y, []).append(html.unescape(text).replace("\xa0", " "))
    return "\n".join(
        "".join(parts) for _y, parts in sorted(rows.items(), key=lambda r: float(r[0]))
    )


_TOLD: weakref.WeakKeyDictionary[App[Any], list[str]] = weakref.WeakKeyDictionary()


def record_notifications(monkeypatch: Any) -> None:
    """Keep every notification an app shows (``App.notify``, which widgets and screens call),
    for :func:`told`; installed for every test by ``conftest.py``."""
    real = App.notify

    def notify(self: App[Any], message: str, **kwargs: Any) -> None:
        _TOLD.setdefault(self, []).append(str(message))
        real(self, message, **kwargs)

    monkeypatch.setattr(App, "notify", notify)


def told(app: App[Any]) -> list[str]:
    """What ``app`` told the user in notifications so far, in order, each one line (also those
    whose toast has gone: a test on a slow machine sees the same list)."""
    messages = list(_TOLD.get(app, []))
    assert all("\n" not in m and "Traceback" not in m for m in messages), messages
    return messages
