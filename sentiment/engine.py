"""Note scoring: VADER-style valence sums over a merged lexicon, plus clause rules.

Per sentence: tokens are looked up (our business phrases first, longest match, then single
words from our list, VADER's, TextBlob's); boosters within three words, negation within four
(not across a comma; "nobody"/"no one" negate their clause's verb wherever it is; some words
have their own negated valence, e.g. "answered" 0 but "nobody answered" -1.8) and ALL-CAPS
emphasis adjust each valence. Stopping verbs aimed at the work ("cut our hours") are negative;
problems said to be only initial ("skeptical at first") and good news still pending ("once it
is signed") are re-weighted; contrast markers move weight to the clause that carries the verdict. A sentence's polarity and the note's polarity are VADER's
normalisation ``x / sqrt(x^2 + 15)`` of the summed valences.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable

from sentiment.lexicons import Lexicons, get_lexicons
from sentiment.types import ANALYZER_VERSION, SentenceScore, Sentiment, Term, label_for

_EMOJI = "\U0001F000-\U0001FAFF\u2600-\u27BF"
_TOKEN_RE = re.compile(rf"[{_EMOJI}]|[^\s{_EMOJI}]+")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\s*\n\s*")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’—–…"
_CLAUSE_END = (",", ";", ":", "—", "–", " -")
_AFTER_MARKERS = frozenset({"but", "however", "nevertheless", "nonetheless", "although", "though"})
_SUBORDINATE = frozenset({"despite", "although", "though", "whereas"})
_SENTENCE_CONTRAST = frozenset({"but", "however", "still", "nevertheless", "nonetheless", "yet"})
_BEFORE_SCALE = 0.5
_AFTER_SCALE = 1.5
_EXTRA_NEGATIONS = frozenset({"zero", "nobody", "none", "nothing", "neither"})
# A problem that is explicitly over: "the dispute is resolved", "overdue invoice was settled"
_RESOLUTION = frozenset({"resolved", "settled", "fixed", "cleared", "solved", "sorted"})
_RESOLVED_SCALE = 0.3
_CONDITIONAL = frozenset({"until", "unless", "if", "once", "when", "till"})
# Verbs that stop a good thing: "paused the expansion", "lost the renewal" - the good noun
# after them must not count (the verb itself carries the negative valence).
_BLOCKERS = frozenset({"paused", "pausing", "stopped", "cancelled", "canceled", "halted", "froze",
                       "frozen", "lost", "killed", "scrapped", "dropped", "blocked", "withdrew",
                       "rejected", "declined", "postponed", "reduce", "reduced", "reducing", "cut",
                       "cutting", "pulled", "pulling", "trimmed", "slashed", "shelved",
                       "descoped", "suspended", "ended", "terminated"})
# Stopping verbs with no valence of their own get this one when their object is the work
_BLOCKER_VALENCE = -1.8
_ENGAGEMENT_OBJECTS = frozenset({
    "budget", "budgets", "funding", "retainer", "hours", "scope", "contract", "engagement",
    "project", "projects", "phase", "pilot", "rollout", "expansion", "renewal", "order",
    "orders", "headcount", "spend", "investment", "program", "programme", "deal", "workstream",
    "fees", "rate", "rates", "seats", "licenses", "licences", "team", "roadmap", "initiative"})
# Subjects that negate the verb of their clause wherever it is: "Nobody from their side showed up"
_SUBJECT_NEGATIONS = frozenset({"nobody", "noone", "nobody's"})
_MODALS = frozenset({"should", "would", "could", "can", "will", "must", "may", "might", "shall"})
_COMPARISON_WORDS = frozenset({"this", "so", "such", "more", "as"})
_INITIAL_FLIP = 0.5
# Markers after which good news is only expected: "once the contract is signed"
_PENDING = frozenset({"once", "unless", "pending", "provided"})
_N_SCALAR = -0.74
_CAPS_INCR = 0.733
_MAX_CHARS = 200_000


def normalize(score: float, alpha: float = 15.0) -> float:
    """Map an unbounded valence sum into -1..1 (VADER's normalisation)."""
    return score / math.sqrt(score * score + alpha)


def _punct_emphasis(text: str) -> float:
    excl = min(text.count("!"), 4) * 0.292
    qm = text.count("?")
    return excl + (0.0 if qm <= 1 else (qm * 0.18 if qm <= 3 else 0.96))


def _tokenize(text: str, start: int, end: int, known: dict[str, float]
              ) -> tuple[list[str], list[int], list[int], list[bool]]:
    """Words of text[start:end] with punctuation stripped, their offsets and clause ends."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    breaks: list[bool] = []
    for m in _TOKEN_RE.finditer(text, start, end):
        raw = m.group()
        word = raw.strip(_PUNCT)
        if len(word) <= 2 and word != raw and raw.lower() in known:
            word = raw  # emoticon such as :) or :D or D:
        if not word:
            if raw in ("-", "--", "—", "–") and breaks:
                breaks[-1] = True
            continue
        left = m.start() + raw.find(word)
        words.append(word)
        starts.append(left)
        ends.append(left + len(word))
        breaks.append(raw.endswith(_CLAUSE_END[:5]))
    return words, starts, ends, breaks


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENTENCE_END_RE.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text) and text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


def _score_sentence(text: str, start: int, end: int, lex: Lexicons
                    ) -> tuple[float, list[tuple[int, int, float]], str]:
    """Valence sum of one sentence, its scored spans, and its first word (lower case)."""
    words, starts, ends, breaks = _tokenize(text, start, end, lex.words)
    n = len(words)
    if not n:
        return 0.0, [], ""
    low = [w.lower() for w in words]
    lexwords, phrases, boosters, negations = lex.words, lex.phrases, lex.boosters, lex.negations
    negated_words = lex.negated
    caps_differ = any(w.isupper() for w in words) and not all(w.isupper() for w in words if w.isalpha())
    vals = [0.0] * n
    neg_vals: list[float | None] = [None] * n  # valence when negated, where it is not -0.74 x
    span_end = list(range(n))  # index of the last token of the term starting at i
    known = [False] * n
    i = 0
    while i < n:
        w = low[i]
        cands = phrases.get(w)
        if cands:
            for k, by_rest in cands:
                found = by_rest.get(tuple(low[i + 1:i + 1 + k]))
                if found is not None:
                    valence, negated_valence = found
                    vals[i] = valence
                    neg_vals[i] = negated_valence
                    known[i] = True
                    span_end[i] = i + k
                    for j in range(i + 1, i + 1 + k):
                        known[j] = True
                        span_end[j] = -1
                    i += k
                    break
            else:
                cands = None
            if cands:
                i += 1
                continue
        if w in boosters:
            known[i] = True
        else:
            v = lexwords.get(w)
            if v is None:
                v = lex.emoji.get(w)
            if v is not None:
                known[i] = True
                vals[i] = v
                if w in negated_words:
                    neg_vals[i] = negated_words[w]
        i += 1

    if not _BLOCKERS.isdisjoint(low):
        _apply_blocker_objects(low, breaks, vals, known, span_end)

    scored: list[tuple[int, int, float]] = []
    total = 0.0
    subject_negation = False  # "Nobody from their side showed up": negates the clause's verb
    for i in range(n):
        w = low[i]
        if w in _SUBJECT_NEGATIONS or (w == "no" and i + 1 < n and low[i + 1] == "one") or \
                (w == "none" and i + 1 < n and low[i + 1] == "of"):
            # a report ("nobody replied"), not a rule or wish ("no one should go into debt")
            after = low[i + 2] if w != "nobody" and w != "noone" and i + 2 < n else \
                (low[i + 1] if i + 1 < n else "")
            subject_negation = after not in _MODALS
        v = vals[i]
        if (not v and neg_vals[i] is None) or span_end[i] < 0:
            if breaks[i]:
                subject_negation = False
            continue
        if caps_differ and words[i].isupper():
            v += _CAPS_INCR if v > 0 else -_CAPS_INCR
        negated = False
        # boosters up to three words back, negations up to four, never across a clause break
        for back in (1, 2, 3, 4):
            j = i - back
            if j < 0 or breaks[j] or span_end[j] < 0:
                break
            prev = low[j]
            if back == 4 and prev != "without":
                break  # only "without" reaches four words: "without asking for a discount"
            if prev in negations or prev in _EXTRA_NEGATIONS or prev == "no" or prev.endswith("n't"):
                if prev == "never" and v > 0 and _is_never_comparison(low, j, i):
                    break  # "never had a smoother kickoff": praise, not negation
                negated = True
                break
            if prev == "least" and (j == 0 or low[j - 1] not in ("at", "very")):
                negated = True
                break
            if back == 4:
                break
            if v > 0 and prev in _BLOCKERS:
                v = 0.0
                break
            if vals[j] and known[j]:
                continue  # a sentiment word is not a modifier of its neighbour
            b = boosters.get(prev)
            if b is not None:
                b = b if v > 0 else -b
                if caps_differ and words[j].isupper():
                    b += _CAPS_INCR if v > 0 else -_CAPS_INCR
                v += b * (1.0, 0.95, 0.9)[back - 1]
        if not negated and subject_negation and w not in _SUBJECT_NEGATIONS:
            negated = True
        if negated:
            subject_negation = False
            v = neg_vals[i] if neg_vals[i] is not None else v * _N_SCALAR
        # "no" followed by a sentiment word negates it instead of counting itself
        if w == "no" and i + 1 < n and known[i + 1] and span_end[i] == i:
            v = 0.0
        vals[i] = v
        if breaks[i]:
            subject_negation = False

    if "initially" in low or "first" in low:
        _apply_initial_state(low, breaks, vals)
    if not _RESOLUTION.isdisjoint(low):
        _apply_resolution(low, vals)
    if not _PENDING.isdisjoint(low):
        _apply_pending(low, breaks, vals)
    _apply_contrast(low, breaks, vals)
    for i in range(n):
        v = vals[i]
        if v and span_end[i] >= 0:
            total += v
            scored.append((starts[i], ends[span_end[i]], v))
    return total, scored, low[0]


def _is_never_comparison(low: list[str], j: int, i: int) -> bool:
    """True for "never seen them this engaged", "never had a smoother launch"."""
    between = low[j + 1:i]
    word = low[i]
    return (not _COMPARISON_WORDS.isdisjoint(between) or word.endswith(("er", "est"))
            or word in ("better", "best"))


def _apply_blocker_objects(low: list[str], breaks: list[bool], vals: list[float],
                           known: list[bool], span_end: list[int]) -> None:
    """A stopping verb aimed at the engagement is bad news: "cut our hours", "pulled the
    second phase", "reduce the retainer" (in place)."""
    n = len(low)
    for i, w in enumerate(low):
        if w not in _BLOCKERS or vals[i] or span_end[i] != i:
            continue
        for j in range(i + 1, min(n, i + 5)):
            if low[j] in _ENGAGEMENT_OBJECTS:
                vals[i] = _BLOCKER_VALENCE
                known[i] = True
                break
            if breaks[j]:
                break


def _apply_initial_state(low: list[str], breaks: list[bool], vals: list[float]) -> None:
    """A problem said to be only initial ("skeptical at first", "initially hesitant") tells of
    a change for the better (in place)."""
    n = len(low)
    for m, w in enumerate(low):
        if w == "initially":
            window = list(range(max(0, m - 3), min(n, m + 4)))
        elif w == "first" and m > 0 and low[m - 1] == "at":
            window = list(range(max(0, m - 4), m - 1))
        else:
            continue
        for k in window:
            if vals[k] < 0 and not any(breaks[x] for x in range(min(k, m), max(k, m))):
                vals[k] = -vals[k] * _INITIAL_FLIP


def _apply_pending(low: list[str], breaks: list[bool], vals: list[float]) -> None:
    """Good news that has not happened yet ("once the contract is signed") is not news."""
    n = len(low)
    for m, w in enumerate(low):
        if w in _PENDING:
            for k in range(m + 1, min(n, m + 6)):
                if vals[k] > 0 and low[k][:1].isalpha():
                    vals[k] = 0.0
                if breaks[k]:
                    break


def _apply_resolution(low: list[str], vals: list[float]) -> None:
    """Dampen the problem words of a sentence that says the problem is over (in place)."""
    if not _CONDITIONAL.isdisjoint(low):
        # "until the bugs are fixed": a condition, not a resolution
        for i, w in enumerate(low):
            if w in _RESOLUTION and vals[i] > 0:
                vals[i] = 0.0
        return
    if any(w in _RESOLUTION and vals[i] > 0 for i, w in enumerate(low)):
        for i, v in enumerate(vals):
            if v < 0:
                vals[i] = v * _RESOLVED_SCALE


def _apply_contrast(low: list[str], breaks: list[bool], vals: list[float]) -> None:
    """Shift weight to the clause that carries the verdict (in place)."""
    n = len(low)
    for i, w in enumerate(low):
        if w in _SUBORDINATE or (w == "in" and low[i + 1:i + 3] == ["spite", "of"]):
            # "although X, Y" / "Y despite X": the subordinate clause X is discounted
            j = i
            while j < n and not (breaks[j] and j > i):
                vals[j] *= _BEFORE_SCALE
                j += 1
            if j < n:
                j += 1
            for k in range(0, i):
                vals[k] *= _AFTER_SCALE
            for k in range(j, n):
                vals[k] *= _AFTER_SCALE
            return
        if w in _AFTER_MARKERS and i > 0:
            for k in range(i):
                vals[k] *= _BEFORE_SCALE
            for k in range(i + 1, n):
                vals[k] *= _AFTER_SCALE
            return


def analyze(text: str) -> Sentiment:
    """Score one note. Never raises for any ``str``; non-strings are converted with str()."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    lex = get_lexicons()
    work = text[:_MAX_CHARS]
    if _CONTROL_RE.search(work):
        work = _CONTROL_RE.sub(" ", work)  # same length, so offsets still point into text
    sentence_results: list[tuple[int, int, float, list[tuple[int, int, float]]]] = []
    for s_start, s_end in _sentence_spans(work):
        total, scored, first = _score_sentence(work, s_start, s_end, lex)
        if first in _SENTENCE_CONTRAST and sentence_results:
            # "... . However, they want a discount." - the later sentence carries the verdict
            sentence_results = [(a, b, t * _BEFORE_SCALE, sc) for a, b, t, sc in sentence_results]
            total *= _AFTER_SCALE
        sentence_results.append((s_start, s_end, total, scored))
    grand = sum(r[2] for r in sentence_results)
    emphasis = _punct_emphasis(work)
    grand += emphasis if grand > 0 else (-emphasis if grand < 0 else 0.0)
    polarity = normalize(grand) if grand else 0.0
    sentences = tuple(
        SentenceScore(a, b, normalize(t) if t else 0.0,
                      tuple(Term(ts, te, text[ts:te], round(v / 4.0, 4)) for ts, te, v in sc))
        for a, b, t, sc in sentence_results)
    return Sentiment(polarity, label_for(polarity), sentences, ANALYZER_VERSION)


def analyze_many(texts: Iterable[str]) -> list[Sentiment]:
    """Score many notes (same results as calling :func:`analyze` on each)."""
    return [analyze(t) for t in texts]
