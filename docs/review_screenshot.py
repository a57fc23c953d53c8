"""Write docs/review.svg: a review card met in the bundled editorial, its answer shown.

The terms are saved as a student saves them: in the reader, search, then ``a`` ``enter``.

Usage: python docs/review_screenshot.py  (uses temporary glossary, data and cache directories)
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "review.svg"
TERMS = ("雙遏制", "聯合聲明", "戰略穩定")


async def save_terms() -> None:
    """In the reader on the bundled editorial: each term searched, proposed and saved."""
    from parallax.app.app import make_app
    from parallax.core.bundled import bundled_document_path
    from parallax.core.readers import load_document

    app = make_app(load_document(bundled_document_path()), glossaries=("my-terms",))
    async with app.run_test(size=(130, 42)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        for term in TERMS:
            await pilot.press("slash", *term, "enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("a", "enter")
            await app.workers.wait_for_complete()
            await pilot.pause()


async def main() -> None:
    from parallax.app.app import make_review_app

    await save_terms()
    app = make_review_app()
    async with app.run_test(size=(130, 42)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        app.save_screenshot(filename=OUT.name, path=str(OUT.parent))
    print(OUT)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PARALLAX_GLOSSARY_DIR"] = str(Path(tmp) / "glossaries")
        os.environ["PARALLAX_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ.setdefault("PARALLAX_CACHE_DIR", str(Path(tmp) / "cache"))
        asyncio.run(main())
