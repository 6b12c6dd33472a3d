"""Measurements that run in a fresh child process each (``python -m bench.steps STEP ...``).

Each step prints one JSON object as its last line of output. Running every step in its own
process keeps them independent (no warm caches carried from the import into the queries) and
lets the parent read each child's peak RSS with ``os.wait4``. No Qt here: UI measurements live
in :mod:`bench.ui_probe`.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: KiB


def cpu_s() -> float:
    """CPU seconds of this process and its finished children (e.g. scoring workers)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn, repeat: int) -> dict:
    """Run fn ``repeat`` times (after one warm-up call); median/min/max in milliseconds."""
    fn()
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000.0)
    return {"median_ms": statistics.median(samples), "min_ms": min(samples),
            "max_ms": max(samples), "n": repeat}


def cold(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000.0


# --- import -------------------------------------------------------------------------------

def step_import(args) -> dict:
    """Import the CSV into a fresh journal through models.import_notes_csv, with phase times."""
    import models
    import models.importer as importer

    db = Path(args.db)
    for f in db.parent.glob(db.name + "*"):
        f.unlink()
    models.open_journal(db)
    phases: dict[str, float] = {}
    marks = {"start": 0.0}
    real_refresh = importer.refresh_contacts

    def refresh_contacts(ids):
        t0 = time.perf_counter()
        if "after_score" in marks:
            phases["insert_s"] = t0 - marks["after_score"]
        real_refresh(ids)
        phases["aggregates_s"] = time.perf_counter() - t0
        marks["after_refresh"] = time.perf_counter()

    if hasattr(importer, "score_chunks"):  # pipelined importer: scoring overlaps inserts
        real_chunks = importer.score_chunks

        def score_chunks(texts, workers=None, **kw):
            t0 = time.perf_counter()
            phases["read_parse_contacts_s"] = t0 - marks["start"]
            waited = 0.0
            it = real_chunks(texts, workers=workers, **kw)
            while True:
                t1 = time.perf_counter()
                try:
                    part = next(it)
                except StopIteration:
                    break
                finally:
                    waited += time.perf_counter() - t1
                yield part
            phases["waiting_for_scores_s"] = waited
            phases["score_and_insert_s"] = time.perf_counter() - t0
            phases["insert_s"] = phases["score_and_insert_s"] - waited
        importer.score_chunks = score_chunks
    else:  # score everything, then insert
        real_score = importer.score_many

        def score_many(texts, workers=None):
            t0 = time.perf_counter()
            phases["read_parse_s"] = t0 - marks["start"]
            out = real_score(texts, workers=workers)
            phases["score_s"] = time.perf_counter() - t0
            marks["after_score"] = time.perf_counter()
            return out
        importer.score_many = score_many
    importer.refresh_contacts = refresh_contacts
    cpu0 = cpu_s()
    marks["start"] = time.perf_counter()
    result = models.import_notes_csv(args.csv, workers=args.workers)
    total = time.perf_counter() - marks["start"]
    cpu = cpu_s() - cpu0
    if "after_refresh" in marks:
        phases["commit_s"] = total - (marks["after_refresh"] - marks["start"])
    models.close_journal()
    return {"notes": result.notes_added, "contacts": result.contacts_added, "seconds": total,
            "notes_per_s": result.notes_added / total, "phases": phases,
            "cpu_s": cpu, "cpu_ms_per_1000_notes": cpu / result.notes_added * 1e6,
            "load_avg_1m": __import__("os").getloadavg()[0],
            "db_mb": db.stat().st_size / 1e6, "peak_rss_mb": peak_rss_mb()}


# --- raw scoring --------------------------------------------------------------------------

def _texts(csv_path: str, sample: int, seed: int = 1) -> list[str]:
    with open(csv_path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        col = header.index("text")
        texts = [row[col] for row in reader]
    rng = random.Random(seed)
    return rng.sample(texts, min(sample, len(texts)))


def step_scoring(args) -> dict:
    """Engine alone (one core and score_many on all cores) vs plain TextBlob, same texts."""
    from models.scoring import score_many
    from sentiment import analyze, analyze_many, textblob_polarity

    texts = _texts(args.csv, args.sample)
    analyze("warm-up: loads the lexicons once")
    textblob_polarity("warm-up: loads the pattern lexicon once")
    out = {"texts": len(texts), "avg_chars": sum(map(len, texts)) / len(texts)}
    t0 = time.perf_counter()
    analyze_many(texts)
    out["engine_1core_per_s"] = len(texts) / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    for t in texts:
        textblob_polarity(t)
    out["textblob_1core_per_s"] = len(texts) / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    results = analyze_many(texts)
    for r in results:
        r.to_json()
    out["engine_plus_json_1core_per_s"] = len(texts) / (time.perf_counter() - t0)
    big = texts * max(1, 20000 // len(texts))
    t0 = time.perf_counter()
    score_many(big, workers=args.workers)
    out["score_many_all_cores_per_s"] = len(big) / (time.perf_counter() - t0)
    out["score_many_texts"] = len(big)
    out["engine_vs_textblob"] = out["engine_1core_per_s"] / out["textblob_1core_per_s"]
    out["peak_rss_mb"] = peak_rss_mb()
    return out


# --- queries on the loaded journal ----------------------------------------------------------

def step_queries(args) -> dict:
    import models
    from models.db import db

    meta = json.loads(Path(args.meta).read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    models.open_journal(args.db)
    out: dict = {"open_journal_ms": (time.perf_counter() - t0) * 1000.0}
    heavy = meta["heavy"][0]
    contact = models.find_contact(heavy["name"], heavy["company"])
    cid = contact.id
    out["heaviest"] = {"name": heavy["name"], "notes": heavy["notes"], "id": cid}
    # First (cold-ish) calls, as the app would see them right after start-up.
    out["list_contacts_first_ms"] = cold(lambda: models.list_contacts(include_archived=True))
    out["timeline_heaviest_first_ms"] = cold(lambda: models.timeline(cid))
    out["mood_points_heaviest_first_ms"] = cold(lambda: models.mood_points(cid))
    r = args.repeat
    out["list_contacts"] = timed(lambda: models.list_contacts(include_archived=True), r)
    out["timeline_heaviest"] = timed(lambda: models.timeline(cid), r)
    out["timeline_heaviest_page200"] = timed(lambda: models.timeline(cid, limit=200), r)
    out["mood_points_heaviest"] = timed(lambda: models.mood_points(cid), r)
    out["open_heaviest_models"] = timed(
        lambda: (models.get_summary(cid), models.timeline(cid), models.mood_points(cid),
                 models.contact_stats(cid)), r)
    out["contact_stats_heaviest"] = timed(lambda: models.contact_stats(cid), r)
    out["brief_heaviest"] = timed(lambda: models.brief(cid), r)
    words = meta["search"]
    out["search"] = {}
    for case in ("common", "rare", "phrase"):
        q = words[case]
        hits = models.search(q, limit=100)
        out["search"][case] = {"query": q, "hits": len(hits), **timed(lambda: models.search(q, limit=100), r)}
    # Typing: the prefix form of the common word, as results show while typing.
    q = words["common"][:3]
    out["search"]["prefix"] = {"query": q, "hits": len(models.search(q, limit=100)),
                               **timed(lambda: models.search(q, limit=100), r)}

    def recompute():
        with db.atomic():
            models.refresh_all_contacts()

    out["refresh_all_contacts"] = timed(recompute, max(3, r // 4))
    out["counts"] = models.counts()
    out["peak_rss_mb"] = peak_rss_mb()
    models.close_journal()
    return out


def step_loaded_rss(args) -> dict:
    """Peak RSS of the storage side with everything the main window needs loaded."""
    import models

    meta = json.loads(Path(args.meta).read_text(encoding="utf-8"))
    base = peak_rss_mb()
    models.open_journal(args.db)
    import sentiment  # noqa: F401  (the app loads it too)

    summaries = models.list_contacts(include_archived=True)
    heavy = meta["heavy"][0]
    cid = models.find_contact(heavy["name"], heavy["company"]).id
    notes = models.timeline(cid)
    points = models.mood_points(cid)
    hits = models.search(meta["search"]["common"])
    return {"interpreter_mb": base, "peak_rss_mb": peak_rss_mb(), "contacts": len(summaries),
            "notes_loaded": len(notes), "points": len(points), "hits": len(hits)}


def step_state(args) -> dict:
    """Is the journal scored by the current analyzer? (Otherwise the app re-scores in the
    background while it is being measured.)"""
    import models
    from sentiment import ANALYZER_VERSION

    models.open_journal(args.db)
    out = {"analyzer_version": ANALYZER_VERSION, "needing_rescore": models.count_needing_rescore(),
           "counts": models.counts()}
    models.close_journal()
    return out


STEPS = {"state": step_state, "import": step_import, "scoring": step_scoring, "queries": step_queries,
         "loaded_rss": step_loaded_rss}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.steps")
    parser.add_argument("step", choices=sorted(STEPS))
    parser.add_argument("--db")
    parser.add_argument("--csv")
    parser.add_argument("--meta")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--sample", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args(argv)
    result = STEPS[args.step](args)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
