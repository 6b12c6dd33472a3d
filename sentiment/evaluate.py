"""Side-by-side evaluation: TextBlob alone, VADER alone and our engine.

Usage: ``python -m sentiment.evaluate [--data DIR] [--notes DIR] [--no-speed] [--cv]``
(``--cv``: leave-one-file-out table of the learned layer instead, see :mod:`sentiment.train`)
DIR defaults to ``<repo>/../shared/data`` (repo = parent of the sentiment package); NOTES
defaults to ``<repo>/tests/data``, where every ``client_notes_*.tsv`` is evaluated: files whose
name contains "tune" are marked "tuned on", files whose name contains "blind" "held out".
"""
from __future__ import annotations

import argparse
import math
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from sentiment.baselines import textblob_polarity, vader_polarity
from sentiment.engine import analyze
from sentiment.types import label_for

REPO = Path(__file__).resolve().parent.parent
LABELS = ("positive", "neutral", "negative")
Scorer = Callable[[str], float]


def engine_polarity(text: str) -> float:
    """Our engine's polarity, as a plain float scorer."""
    return analyze(text).polarity


SCORERS: dict[str, Scorer] = {
    "TextBlob": textblob_polarity, "VADER": vader_polarity, "engine": engine_polarity}


def read_labeled_tsv(path: Path) -> list[tuple[str, str]]:
    """(label, text) rows of a ``label<TAB>text`` file with a header line."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        next(handle, None)
        for line in handle:
            line = line.rstrip("\r\n")
            if line.strip():
                label, text = line.split("\t", 1)
                rows.append((label.strip(), text))
    return rows


def read_vader_set(path: Path) -> list[tuple[float, str]]:
    """(rating in -1..1, text) rows of a VADER ``id<TAB>rating<TAB>text`` ground-truth file."""
    rows = []
    with open(path, encoding="utf-8", errors="replace", newline="") as handle:
        for line in handle:
            parts = line.rstrip("\r\n").split("\t", 2)
            if len(parts) == 3:
                rows.append((float(parts[1]) / 4.0, parts[2]))
    return rows


def accuracy(gold: Sequence[str], pred: Sequence[str]) -> float:
    """Share of exact label matches."""
    return sum(g == p for g, p in zip(gold, pred)) / max(1, len(gold))


def macro_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    """Unweighted mean of per-class F1 over the three labels."""
    scores = []
    for label in LABELS:
        tp = sum(g == label and p == label for g, p in zip(gold, pred))
        fp = sum(g != label and p == label for g, p in zip(gold, pred))
        fn = sum(g == label and p != label for g, p in zip(gold, pred))
        denom = 2 * tp + fp + fn
        scores.append(2 * tp / denom if denom else 0.0)
    return sum(scores) / len(scores)


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Pearson correlation coefficient."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else 0.0


def eval_labeled(rows: list[tuple[str, str]], scorer: Scorer) -> tuple[float, float]:
    """(accuracy, macro-F1) of a scorer on labeled notes."""
    gold = [label for label, _ in rows]
    pred = [label_for(scorer(text)) for _, text in rows]
    return accuracy(gold, pred), macro_f1(gold, pred)


def eval_rated(rows: list[tuple[float, str]], scorer: Scorer) -> tuple[float, float]:
    """(Pearson r, macro-F1) of a scorer against human ratings."""
    gold = [r for r, _ in rows]
    pred = [scorer(text) for _, text in rows]
    return pearson(gold, pred), macro_f1([label_for(g) for g in gold], [label_for(p) for p in pred])


def throughput(scorer: Scorer, texts: Sequence[str], seconds: float = 1.5) -> float:
    """Texts per second on this (single) thread."""
    scorer(texts[0])  # load lexicons outside the timing
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for text in texts:
            scorer(text)
        done += len(texts)
    return done / (time.perf_counter() - start)


_SENTENCE_END = re.compile(r"[.!?]\s+\S")


def speed_corpus(notes: list[str], size: int = 2000) -> list[str]:
    """``size`` notes of 2-4 sentences, each built from single-sentence notes (deterministic)."""
    notes = [n for n in notes if not _SENTENCE_END.search(n.strip())][:size] or notes[:size]
    out = []
    for i in range(len(notes)):
        k = 2 + i % 3
        out.append(" ".join(notes[(i + j) % len(notes)] for j in range(k)))
    return out


def note_set_role(path: Path) -> str:
    """How a labeled note file may be read: "held out", "tuned on" or "" (unmarked)."""
    name = path.stem.lower()
    if "blind" in name:
        return "held out"
    if "tune" in name:
        return "tuned on"
    return ""


def discover_note_sets(data: Path, notes: Path) -> list[tuple[str, Path]]:
    """(display name, path) of the dev set and every ``client_notes_*.tsv`` in ``notes``:
    dev first, then tuning files, then held-out files."""
    found: list[tuple[str, Path]] = []
    dev = data / "client_notes_dev.tsv"
    if dev.is_file():
        found.append(("client_notes_dev, tuned on", dev))
    order = {"tuned on": 0, "": 1, "held out": 2}
    local = sorted(notes.glob("client_notes_*.tsv"), key=lambda p: (order[note_set_role(p)], p.name))
    for path in local:
        role = note_set_role(path)
        found.append((path.stem + (f", {role}" if role else ""), path))
    return found


def _row(name: str, cells: list[str]) -> str:
    return f"| {name:<54} | " + " | ".join(f"{c:>15}" for c in cells) + " |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--notes", type=Path, default=REPO / "tests" / "data",
                        help="folder searched for client_notes_*.tsv")
    parser.add_argument("--no-speed", action="store_true", help="skip the throughput measurement")
    parser.add_argument("--per-file", action="store_true",
                        help="one row per tuning file instead of one row for all of them")
    parser.add_argument("--cv", action="store_true",
                        help="print only the leave-one-file-out cross-validation table "
                             "(rule engine alone vs rule engine + learned layer)")
    args = parser.parse_args(argv)
    if args.cv:
        from sentiment.train import cross_validate, load, print_cv, training_files

        print_cv(cross_validate(load(training_files(args.data, args.notes))))
        return 0

    names = list(SCORERS)
    print(_row("data set (metric)", names))
    print("|" + "-" * 56 + "|" + "|".join(["-" * 17] * len(names)) + "|")
    notes: list[str] = []
    if not args.data.is_dir():
        print(f"NOTE: shared data folder {args.data} not found; only the repo's notes "
              "are evaluated (pass --data DIR to point at it).", file=sys.stderr)
    labeled = discover_note_sets(args.data, args.notes)
    if not any(note_set_role(path) == "held out" for _, path in labeled):
        print(f"NOTE: no held-out (blind) note file in {args.notes} yet: every client-notes "
              "figure below is on notes the engine was tuned on.", file=sys.stderr)
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    tune_files = [path for name, path in labeled
                  if note_set_role(path) == "tuned on" and path.parent == args.notes]
    for name, path in labeled:
        rows = read_labeled_tsv(path)
        notes.extend(text for _, text in rows)
        if path in tune_files and not args.per_file:
            if path == tune_files[0]:
                groups.append((f"client_notes_tune* ({len(tune_files)} files), tuned on", []))
            groups[-1][1].extend(rows)
        else:
            groups.append((name, rows))
    for name, rows in groups:
        results = [eval_labeled(rows, SCORERS[s]) for s in names]
        print(_row(f"{name} (n={len(rows)}) acc", [f"{a:.3f}" for a, _ in results]))
        print(_row("  macro-F1", [f"{f:.3f}" for _, f in results]))
    vader_dir = args.data / "vader"
    for path in sorted(vader_dir.glob("*_GroundTruth.txt")) if vader_dir.is_dir() else []:
        rows = read_vader_set(path)
        results = [eval_rated(rows, SCORERS[s]) for s in names]
        short = path.name.replace("_GroundTruth.txt", "")
        print(_row(f"{short} (n={len(rows)}) r / F1", [f"{r:.3f} / {f:.3f}" for r, f in results]))
    if notes and not args.no_speed:
        corpus = speed_corpus(notes)
        speeds = [throughput(SCORERS[s], corpus) for s in names]
        print(_row("throughput, 2-4 sentence notes/s", [f"{v:,.0f}" for v in speeds]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
