"""Scoring notes on save, and in bulk on several cores for imports and re-scoring."""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from typing import Sequence

from sentiment import ANALYZER_VERSION, Sentiment, analyze, analyze_many

# Below this many texts a process pool costs more than it saves.
PARALLEL_THRESHOLD = 4000
_CHUNK = 2000


def score(text: str) -> Sentiment:
    return analyze(text)


def score_many(texts: Sequence[str], workers: int | None = None) -> list[Sentiment]:
    """Score texts, spreading large batches over the machine's cores."""
    workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
    if workers <= 1 or len(texts) < PARALLEL_THRESHOLD:
        return analyze_many(texts)
    chunks = [list(texts[i:i + _CHUNK]) for i in range(0, len(texts), _CHUNK)]
    try:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results: list[Sentiment] = []
            for part in pool.map(analyze_many, chunks):
                results.extend(part)
            return results
    except (OSError, RuntimeError):
        # No process support (some sandboxes, odd frozen setups): score here instead.
        return analyze_many(texts)


def current_version() -> str:
    return ANALYZER_VERSION
