"""Scoring notes on save, and in bulk on several cores for imports and re-scoring."""
from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from typing import Iterator, Sequence

from sentiment import ANALYZER_VERSION, Sentiment, analyze, analyze_many

# Below this many texts a process pool costs more than it saves.
PARALLEL_THRESHOLD = 4000
_CHUNK = 2000


def _pool(workers: int) -> ProcessPoolExecutor:
    """A process pool that is safe to start from here.

    Forking copies the loaded word lists for free, but forking a process that runs other
    threads (the desktop app imports in its worker thread) can deadlock the child on a lock
    held by another thread; then a fresh interpreter is started instead.
    """
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        context = multiprocessing.get_context("fork")
    else:
        context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


def score(text: str) -> Sentiment:
    return analyze(text)


def score_many(texts: Sequence[str], workers: int | None = None) -> list[Sentiment]:
    """Score texts, spreading large batches over the machine's cores."""
    workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
    if workers <= 1 or len(texts) < PARALLEL_THRESHOLD:
        return analyze_many(texts)
    chunks = [list(texts[i:i + _CHUNK]) for i in range(0, len(texts), _CHUNK)]
    try:
        with _pool(workers) as pool:
            results: list[Sentiment] = []
            for part in pool.map(analyze_many, chunks):
                results.extend(part)
            return results
    except (OSError, RuntimeError):
        # No process support (some sandboxes, odd frozen setups): score here instead.
        return analyze_many(texts)


# What storage keeps of a score: (polarity, label, analyzer version, breakdown JSON).
StoredScore = tuple[float, str, str, str]


def _stored(texts: Sequence[str]) -> list[StoredScore]:
    # Runs in the worker: plain tuples of strings pickle ~5x cheaper than Sentiment trees,
    # and the JSON is made on the worker's core instead of the importing process's.
    return [(r.polarity, r.label, r.version, r.to_json()) for r in analyze_many(texts)]


def score_chunks(texts: Sequence[str], workers: int | None = None,
                 chunk: int = _CHUNK) -> Iterator[list[StoredScore]]:
    """Scores ready to store, in input order, one list per ``chunk`` texts.

    Large batches are scored in worker processes while the caller consumes (e.g. inserts)
    the chunks already done, so scoring and writing overlap.
    """
    workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
    starts = range(0, len(texts), chunk)
    if workers <= 1 or len(texts) < PARALLEL_THRESHOLD:
        for i in starts:
            yield _stored(texts[i:i + chunk])
        return
    done = 0
    # Load the word lists here before the pool starts: forked workers then share them
    # instead of each loading its own copy (~0.3 s of CPU per worker).
    analyze("")
    try:
        with _pool(workers) as pool:
            for part in pool.map(_stored, [list(texts[i:i + chunk]) for i in starts]):
                yield part
                done += 1
    except (OSError, RuntimeError):
        # No process support (some sandboxes, odd frozen setups): score the rest here.
        for i in list(starts)[done:]:
            yield _stored(texts[i:i + chunk])


def current_version() -> str:
    return ANALYZER_VERSION
