"""Shared fixtures: every test runs with its own glossary and cache directories."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from parallax.core.bundled import bundled_document_path

# No test may fail for being slow on a loaded machine (the suite runs beside other work, and a
# first example may load a dictionary): Hypothesis' deadline and its slow-data check are off.
# A test that names its own health checks adds HealthCheck.too_slow to them.
settings.register_profile("parallax", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("parallax")

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
DICTIONARY = ("cedict-*.pickle", "segmenter-*.pickle", "lexicon-*.pickle")
"""The compiled CC-CEDICT files (named by the source file's hash and the format version): kept
between test runs in pytest's cache, as a user keeps them between sessions (compiling them
costs each xdist worker about 5 s of CPU). Tests of the compiling use caches of their own."""


def _session_cache(factory: pytest.TempPathFactory) -> Path:
    if not _CACHE:
        cache = factory.mktemp("cache")
        for pattern in DICTIONARY:
            for compiled in _KEPT[0].glob(pattern) if _KEPT else ():
                shutil.copy2(compiled, cache / compiled.name)
        _CACHE.append(cache)
    return _CACHE[0]


_KEPT: list[Path] = []


def pytest_configure(config: pytest.Config) -> None:
    cache = getattr(config, "cache", None)  # absent with -p no:cacheprovider
    if cache is not None:
        _KEPT.append(cache.mkdir("parallax-dictionary"))


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Keep the dictionary compiled in this run for the next (each file written whole)."""
    if not (_CACHE and _KEPT):
        return
    for pattern in DICTIONARY:
        for compiled in _CACHE[0].glob(pattern):
            kept = _KEPT[0] / compiled.name
            if not kept.exists():
                partial = kept.with_name(f"{kept.name}.{os.getpid()}.part")
                shutil.copy2(compiled, partial)
                os.replace(partial, kept)


@pytest.fixture(autouse=True)
def _told(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every app's notifications are kept for ``app_support.told``."""
    from tests.app_support import record_notifications

    record_notifications(monkeypatch)


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
