"""Text -> sentences -> words for the rule engine, and the number helpers it needs.

Holds the tokenizer (words with punctuation stripped, their character offsets and whether a
clause ends after them; emoji are tokens of their own, emoticons such as ``:)`` are kept),
the sentence splitter, VADER's normalisation ``x / sqrt(x^2 + 15)``, VADER's emphasis for
"!" and "?", the control-character filter, the length cap of a scored note and the parsing
of numbers such as "60%", "$5k" or "9/10".
"""
from __future__ import annotations

import math
import re

_EMOJI = "\U0001F000-\U0001FAFF\u2600-\u27BF"
_TOKEN_RE = re.compile(rf"[{_EMOJI}]|[^\s{_EMOJI}]+")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\s*\n\s*")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’—–…"
_CLAUSE_END = (",", ";", ":", "—", "–", " -")
_NUMBER_RE = re.compile(r"^[$€£]?\d[\d,.]*(?:%|k|m|x|/10|/5|pts?|pp)?$")
MAX_CHARS = 200_000


def normalize(score: float, alpha: float = 15.0) -> float:
    """Map an unbounded valence sum into -1..1 (VADER's normalisation)."""
    return score / math.sqrt(score * score + alpha)


def punct_emphasis(text: str) -> float:
    """Valence added for "!" (up to four) and for more than one "?" (VADER's amounts)."""
    excl = min(text.count("!"), 4) * 0.292
    qm = text.count("?")
    return excl + (0.0 if qm <= 1 else (qm * 0.18 if qm <= 3 else 0.96))


def tokenize(text: str, start: int, end: int, known: dict[str, float]
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


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty sentence: split after . ! ? and at line breaks."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENTENCE_END_RE.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text) and text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


def is_number(word: str) -> bool:
    """True for a numeric token: "6", "40%", "$5k", "9/10", "3x"."""
    return bool(_NUMBER_RE.match(word))


def number_value(word: str) -> float | None:
    """The value of a numeric token ("$5,000" -> 5000.0, "9/10" -> 9.0), None if none."""
    digits = word.strip("$€£").rstrip("%kmxp").replace(",", "").split("/")[0]
    try:
        return float(digits)
    except ValueError:
        return None
