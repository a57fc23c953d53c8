"""Write docs/screenshot.svg: the reader on the bundled editorial, a term selected.

Usage: python docs/screenshot.py  (uses temporary glossary and cache directories)
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "screenshot.svg"


async def main() -> None:
    from parallax.app.app import make_app
    from parallax.app.widgets.parallel import ParallelView
    from parallax.core.bundled import bundled_document_path
    from parallax.core.readers import load_document

    app = make_app(load_document(bundled_document_path()))
    async with app.run_test(size=(130, 42)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.screen.query_one(ParallelView)
        row = next(i for i, r in enumerate(view.rows) if "雙遏制" in r.zh_text)
        view.move_cursor(row - 1, top=True)
        for _ in range(3):
            await pilot.press("n")
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.save_screenshot(filename=OUT.name, path=str(OUT.parent))
    print(OUT)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PARALLAX_GLOSSARY_DIR"] = str(Path(tmp) / "glossaries")
        os.environ.setdefault("PARALLAX_CACHE_DIR", str(Path(tmp) / "cache"))
        asyncio.run(main())
