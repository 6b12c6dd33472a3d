"""Word valences of one sentence: lexicon look-up and the modifiers around each word.

:func:`look_up` gives each word its valence: our business phrases first (longest match, a
phrase may carry its own negated valence), then single words from the merged lexicon (ours,
VADER's, TextBlob's) and emoji; boosters are only marked as known. :func:`apply_modifiers`
then adjusts each valence for boosters within three words, negation within four (never
across a comma; only "without" reaches four words; "never" before a comparison is praise;
"nobody"/"no one" negate their clause's verb wherever it is; "anything"/"enough to" carry a
negation from further back), stopping verbs just before good words and ALL-CAPS emphasis.
"""
from __future__ import annotations

from sentiment.clauses import BLOCKERS
from sentiment.lexicons import Lexicons

# Words that negate like "not" although they are not in the negation list
_EXTRA_NEGATIONS = frozenset({"zero", "nobody", "none", "nothing", "neither"})
# Subjects that negate the verb of their clause wherever it is: "Nobody from their side showed up"
_SUBJECT_NEGATIONS = frozenset({"nobody", "noone", "nobody's"})
_MODALS = frozenset({"should", "would", "could", "can", "will", "must", "may", "might", "shall"})
_COMPARISON_WORDS = frozenset({"this", "so", "such", "more", "as"})
_N_SCALAR = -0.74  # VADER: a negated valence is multiplied by this
_CAPS_INCR = 0.733  # VADER: an ALL-CAPS word among lower-case ones gains this much valence


def look_up(low: list[str], lex: Lexicons
            ) -> tuple[list[float], list[float | None], list[int], list[bool]]:
    """Valences of the lower-case words of one sentence, before any modifier.

    Returns ``vals``; ``neg_vals``, the valence when negated where it is not -0.74 x;
    ``span_end``, the index of the last token of the term starting at i (-1 for the later
    words of a phrase); and ``known``, whether a word is in a lexicon, a phrase or a booster.
    """
    n = len(low)
    lexwords, phrases, boosters = lex.words, lex.phrases, lex.boosters
    negated_words = lex.negated
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
    return vals, neg_vals, span_end, known


def apply_modifiers(words: list[str], low: list[str], lowset: set[str], breaks: list[bool],
                    vals: list[float], neg_vals: list[float | None], span_end: list[int],
                    known: list[bool], lex: Lexicons) -> None:
    """Boosters, negation, stopping verbs and ALL-CAPS emphasis applied to the valences of
    :func:`look_up` (in place); ``words`` are the original-case words of the sentence."""
    n = len(low)
    boosters, negations = lex.boosters, lex.negations
    caps_differ = any(w.isupper() for w in words) and not all(w.isupper() for w in words if w.isalpha())
    scope_neg = _negation_scope_marks(low, breaks, negations) \
        if ("anything" in lowset or "any" in lowset or "enough" in lowset) else None
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
            if v > 0 and prev in BLOCKERS:
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
        if not negated and scope_neg is not None and scope_neg[i]:
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


def _negation_scope_marks(low: list[str], breaks: list[bool], negations: frozenset[str]
                          ) -> list[bool]:
    """Words whose negation comes from further back: "hasn't delivered anything of value",
    "wasn't satisfied enough to recommend us"."""
    n = len(low)
    marks = [False] * n
    for i, w in enumerate(low):
        if w in ("anything", "any"):
            reach, first = 3, i + 1
        elif w == "enough" and i + 1 < n and low[i + 1] == "to":
            reach, first = 4, i + 2
        else:
            continue
        negated = False
        for j in range(i - 1, max(-1, i - 5), -1):
            if breaks[j]:
                break
            p = low[j]
            if p in negations or p == "no" or p.endswith("n't") or p in _EXTRA_NEGATIONS:
                negated = True
                break
        if negated:
            for k in range(first, min(n, first + reach)):
                marks[k] = True
                if breaks[k]:
                    break
    return marks


def _is_never_comparison(low: list[str], j: int, i: int) -> bool:
    """True for "never seen them this engaged", "never had a smoother launch"."""
    between = low[j + 1:i]
    word = low[i]
    return (not _COMPARISON_WORDS.isdisjoint(between) or word.endswith(("er", "est"))
            or word in ("better", "best"))
