"""Note scoring: VADER-style valence sums over a merged lexicon, plus clause rules.

Per sentence: tokens are looked up (our business phrases first, longest match, then single
words from our list, VADER's, TextBlob's); boosters within three words, negation within four
(not across a comma; "nobody"/"no one" negate their clause's verb wherever it is; some words
have their own negated valence, e.g. "answered" 0 but "nobody answered" -1.8) and ALL-CAPS
emphasis adjust each valence. Stopping verbs aimed at the work ("cut our hours") are negative;
problems said to be only initial ("skeptical at first") and good news still pending ("once it
is signed") are re-weighted; contrast markers move weight to the clause that carries the verdict.
biz-1.2 adds mechanisms rather than phrases: loaded nouns that are only the topic of routine
work ("reviewed the termination clause", "churn analysis", "a slide on the failed rollout",
"... for context") are damped; metric changes ("NPS went from 6 to 9", "costs doubled") score by
direction x metric; narrow irony ("Great, just great.", "Oh wonderful, another ...", a lone
"Wonderful." before bad news, short scare-quoted minimisers); negation reaching through
"anything"/"enough to"; "still no/hasn't ..."; partial payment ("only 60%"); requests for money
back; a client's apology or admitted fault; waits measured in days; superlative praise with a
time frame; balanced verdicts ("net zero", "overall as expected") pull the note to neutral.
A sentence's polarity and the note's polarity are VADER's
normalisation ``x / sqrt(x^2 + 15)`` of the summed valences.

Where each part lives: :mod:`sentiment.tokens` (sentences, words, numbers, normalisation),
:mod:`sentiment.valence` (lexicon look-up, phrases, boosters, negation, caps),
:mod:`sentiment.clauses` (contrast, stopping verbs, initial/resolved/pending, irony, balance),
:mod:`sentiment.topics` (topic vs event) and :mod:`sentiment.biz_rules` (the other biz-1.2
mechanisms). This module holds the sentence and note scorers that run them in order, the
learned note layer on top (:mod:`sentiment.learned`: on business notes its label wins), the
final fine tuning of a score's strength by TextBlob's word mean (:func:`_polish`, never a label
change) and the public entry points :func:`analyze`, :func:`analyze_many`,
:func:`analyze_rules` and :func:`combine`.
"""
from __future__ import annotations

import math
from collections.abc import Iterable

from sentiment.biz_rules import apply_biz12_rules
from sentiment.clauses import (AFTER_SCALE, BALANCE_RE, BALANCE_SCALE, BEFORE_SCALE,
                               SENTENCE_CONTRAST, apply_blocker_objects, apply_clause_rules,
                               apply_irony, irony_kind)
from sentiment.learned import CLASSES as LEARNED_CLASSES
from sentiment.learned import NoteModel, get_model
from sentiment.learned import word_spans as learned_word_spans
from sentiment.learned import features as learned_features
from sentiment.learned import words as learned_words
from sentiment.learned import NEGATIONS as LEARNED_NEGATIONS
from sentiment.lexicons import Lexicons, get_lexicons
from sentiment.tokens import (CONTROL_RE, MAX_CHARS, normalize, punct_emphasis, sentence_spans,
                              tokenize)
from sentiment.topics import FUNCTION_WORDS
from sentiment.types import (ANALYZER_VERSION, NEUTRAL_BAND, SentenceScore, Sentiment, Term,
                             label_for)
from sentiment.valence import apply_modifiers, look_up

# Learned layer: polarity given to a note whose label it overrides
_LEARNED_NEUTRAL = 0.04   # |polarity| of a note moved to neutral (keeps its sign)
_LEARNED_MIN = 0.1        # least |polarity| of a note moved to positive/negative
_LEARNED_SCALE = 0.15     # x (P(positive) - P(negative)); small keeps r on rated sets
_POLISH = 0.1             # weight of TextBlob's word mean in the fine tuning of a score
_LEARNED_DAMP = 0.25      # sentences that disagree with an overridden verdict
_LEARNED_TERMS = 2        # learned words added as terms to the sentence that carries it
_LEARNED_TERM_MIN = 0.3   # least class-weight difference for a learned word to be a term


def _score_sentence(text: str, start: int, end: int, lex: Lexicons
                    ) -> tuple[float, list[tuple[int, int, float]], str, int]:
    """Valence sum of one sentence, its scored spans, its first word (lower case) and its
    irony kind (see :func:`sentiment.clauses.irony_kind`)."""
    words, starts, ends, breaks = tokenize(text, start, end, lex.words)
    n = len(words)
    if not n:
        return 0.0, [], "", 0
    low = [w.lower() for w in words]
    vals, neg_vals, span_end, known = look_up(low, lex)
    apply_blocker_objects(low, breaks, vals, known, span_end)
    lowset = set(low)
    apply_modifiers(words, low, lowset, breaks, vals, neg_vals, span_end, known, lex)
    apply_biz12_rules(text, start, end, starts, low, lowset, breaks, vals, known, span_end, lex)
    apply_clause_rules(low, lowset, breaks, vals)
    scored: list[tuple[int, int, float]] = []
    total = 0.0
    for i in range(n):
        v = vals[i]
        if v and span_end[i] >= 0:
            total += v
            scored.append((starts[i], ends[span_end[i]], v))
    return total, scored, low[0], irony_kind(lowset)


def analyze_rules(text: str) -> Sentiment:
    """The rule engine alone (no learned layer): what biz-1.2 returned, with today's version."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    lex = get_lexicons()
    work = text[:MAX_CHARS]
    if CONTROL_RE.search(work):
        work = CONTROL_RE.sub(" ", work)  # same length, so offsets still point into text
    sentence_results: list[tuple[int, int, float, list[tuple[int, int, float]]]] = []
    ironies: list[tuple[int, int]] = []
    for s_start, s_end in sentence_spans(work):
        total, scored, first, irony = _score_sentence(work, s_start, s_end, lex)
        if irony:
            ironies.append((len(sentence_results), irony))
        if first in SENTENCE_CONTRAST and sentence_results:
            # "... . However, they want a discount." - the later sentence carries the verdict
            sentence_results = [(a, b, t * BEFORE_SCALE, sc) for a, b, t, sc in sentence_results]
            total *= AFTER_SCALE
        sentence_results.append((s_start, s_end, total, scored))
    if ironies:
        apply_irony(sentence_results, ironies)
    grand = sum(r[2] for r in sentence_results)
    if grand and BALANCE_RE.search(work):
        grand *= BALANCE_SCALE  # "some things went well, some didn't, overall as expected"
    emphasis = punct_emphasis(work)
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


def analyze(text: str) -> Sentiment:
    """Score one note: the rule engine, then the learned note layer (see
    :mod:`sentiment.learned`) where it is confident. Never raises for any ``str``;
    non-strings are converted with str()."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    rules = analyze_rules(text)
    if not rules.sentences:
        return rules
    work = text[:MAX_CHARS]
    tokens = learned_words(work)
    model = get_model()
    if model is not None:
        result = combine(rules, work, model, tokens)
        if result is not rules:
            return result
    return _polish(rules, tokens)


def _polish(result: Sentiment, toks: list[str]) -> Sentiment:
    """Fine-tune the strength of a score without changing its label: add a tenth of TextBlob's
    mean word polarity (a second, independent lexicon; "not" before a word halves and flips it,
    as TextBlob does), kept inside the label's band. Two lexicons agree with human ratings
    better than either alone (measured on the VADER sets, see the README)."""
    table = get_lexicons().textblob
    total, n = 0.0, 0
    for i, w in enumerate(toks):
        p = table.get(w)
        if p is not None:
            if i and toks[i - 1] in LEARNED_NEGATIONS:
                p *= -0.5
            total += p
            n += 1
    if not n:
        return result
    old = result.polarity
    new = old + _POLISH * total / n
    if old > NEUTRAL_BAND:
        new = min(1.0, max(NEUTRAL_BAND + 1e-4, new))
    elif old < -NEUTRAL_BAND:
        new = max(-1.0, min(-NEUTRAL_BAND - 1e-4, new))
    else:
        new = max(-NEUTRAL_BAND, min(NEUTRAL_BAND, new))
    if new == old:
        return result
    return Sentiment(round(new, 6), result.label, result.sentences, result.version)


def combine(rules: Sentiment, text: str, model: NoteModel,
            tokens: list[str] | None = None) -> Sentiment:
    """The rule result, with its label overridden where the learned layer is confident
    (``tokens``: ``learned.words(text)`` if already computed)."""
    tokens = learned_words(text) if tokens is None else tokens
    need = model.gate(tokens, rules.polarity) if tokens else None
    if need is None:
        return rules  # general text, or a strong verdict the layer may not overturn
    pos = neg = 0.0
    for s in rules.sentences:
        for t in s.terms:
            if t.weight > 0:
                pos += t.weight
            else:
                neg -= t.weight
    feats, _ = learned_features(text, rules.polarity, rules.label, pos, neg,
                                len(rules.sentences), tokens)
    probs = model.scores(feats)
    best = max(range(3), key=probs.__getitem__)
    target = LEARNED_CLASSES[best]
    if target == rules.label or probs[best] < need:
        return rules
    old = rules.polarity
    if target == "neutral":
        new = math.copysign(min(abs(old), _LEARNED_NEUTRAL), old) if old else 0.0
        scale = new / old if old else 0.0
        sentences = tuple(SentenceScore(s.start, s.end, s.polarity * scale, s.terms)
                          for s in rules.sentences)
        return Sentiment(new, label_for(new), sentences, ANALYZER_VERSION)
    sign = 1.0 if target == "positive" else -1.0
    new = sign * max(_LEARNED_MIN, abs(probs[0] - probs[2]) * _LEARNED_SCALE)
    source = LEARNED_CLASSES.index(rules.label)
    return Sentiment(new, label_for(new),
                     _learned_sentences(rules, text, model, best, source, sign, new),
                     ANALYZER_VERSION)


def _learned_sentences(rules: Sentiment, text: str, model: NoteModel, target: int,
                       source: int, sign: float, new: float) -> tuple[SentenceScore, ...]:
    """Sentences after the learned layer moved the note to positive/negative: sentences that
    disagree are damped, the sentence with the most learned evidence carries the verdict and
    its strongest learned words become terms (so highlighting shows what drove the label)."""
    spans = learned_word_spans(text)
    best_k, best_ev = len(rules.sentences) - 1, 0.0
    picks: list[list[tuple[float, int, int]]] = []
    for k, s in enumerate(rules.sentences):
        taken = [(t.start, t.end) for t in s.terms]
        found = []
        for a, b, tok in spans:
            if (a >= s.start and b <= s.end and tok not in FUNCTION_WORDS and tok != "<num>"
                    and len(tok) > 2 and not any(a < te and b > ts for ts, te in taken)):
                ev = model.evidence(tok, target, source)
                if ev > _LEARNED_TERM_MIN:
                    found.append((ev, a, b))
        found.sort(reverse=True)
        picks.append(found[:_LEARNED_TERMS])
        total = sum(ev for ev, _, _ in found)
        if total > best_ev:
            best_k, best_ev = k, total
    out = []
    for k, s in enumerate(rules.sentences):
        pol = s.polarity
        if pol * sign < 0:
            pol *= _LEARNED_DAMP
        terms = s.terms
        if k == best_k:
            if pol * sign < abs(new):
                pol = new
            extra = tuple(Term(a, b, text[a:b], round(sign * min(1.0, ev / 4.0), 4))
                          for ev, a, b in sorted(picks[k], key=lambda x: x[1]))
            terms = tuple(sorted(terms + extra, key=lambda t: t.start))
        out.append(SentenceScore(s.start, s.end, pol, terms))
    return tuple(out)
