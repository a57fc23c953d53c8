"""Shared fixtures: every test runs with its own glossary and cache directories."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from parallax.core.bundled import bundled_document_path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "mingpao-2025-05-12-china-russia.txt"


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep tests away from the user's glossaries and data; one cache per session."""
    monkeypatch.setenv("PARALLAX_GLOSSARY_DIR", str(tmp_path_factory.mktemp("glossaries")))
    monkeypatch.setenv("PARALLAX_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(_session_cache(tmp_path_factory)))


_CACHE: list[Path] = []


def _session_cache(factory: pytest.TempPathFactory) -> Path:
    if not _CACHE:
        _CACHE.append(factory.mktemp("cache"))
    return _CACHE[0]


@pytest.fixture
def glossary_dir() -> Path:
    """This test's glossary directory (``$PARALLAX_GLOSSARY_DIR``, created on first save)."""
    return Path(os.environ["PARALLAX_GLOSSARY_DIR"])


@pytest.fixture
def data_dir() -> Path:
    """This test's data directory (``$PARALLAX_DATA_DIR``: hand-fixed alignments)."""
    return Path(os.environ["PARALLAX_DATA_DIR"])


@pytest.fixture
def seed_path() -> Path:
    """The bundled Ming Pao editorial as shipped in the package."""
    return bundled_document_path()


@pytest.fixture
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")
