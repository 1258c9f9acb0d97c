"""Score the main event's who / what / when / where / why / how on the Giveme5W1H articles.

The measure of the data sets README: per question, the token F1 of the
answer against each phrase that at least two of the three coders chose (the
best one counts), and accuracy = the share of answers with F1 >= 0.5. When the
coders agreed there is no answer, a null answer scores 1 and any other 0. A
question on which no phrase has two coders is not scored for that article.
``when`` is also scored as an exact ISO date against the coders' parsed date.
Some gold phrases carry JSON escapes twice (a literal ``\\u2019`` or ``\\"``
in the decoded text): they are decoded before scoring, so that "slams
\\u2018rigged\\u2019 FBI" counts as the tokens "slams rigged fbi".

The report also scores the two halves of ``evaluate.halves`` apart (by the hash
of each article's ``dId``): rules are developed on half A and kept when half B,
not looked at, agrees; a rule that helps one half only is suspect of fitting
the articles rather than the news. ``answers`` lists every scored answer for
comparing two runs article by article.

Each article is the JSON object news-please writes for it (the data set was
scraped with news-please), read by the JSON reader as a user's file is: the
headline, the description and the body (``evaluate.inputs``). A lead-sentence
baseline runs in the same run: the first person/organisation, date and place
named in the body's first sentence, and that sentence itself as "what".
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from newsgraph.config import Settings
from newsgraph.evaluate.digests import docs_and_digests
from newsgraph.evaluate.halves import HALVES, half_of
from newsgraph.evaluate.inputs import news_please, read_object
from newsgraph.evaluate.metrics import harmonic_mean, ratio
from newsgraph.records import Article, TimeExpr
from newsgraph.timing import StageTimer

QUESTIONS = ("who", "what", "when", "where", "why", "how")
HEADLINE_QUESTIONS = ("who", "what", "when", "where")  # the published 0.82 is on these
MIN_CODERS = 2
_TOKEN = re.compile(r"\w+")
# a JSON escape left in the decoded gold text: "Trump\\u2019s", "\\"amazing\\""
_ESCAPE = re.compile(r'\\u([0-9a-fA-F]{4})|\\(["\\/])')


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens with accents folded ("Mondelēz" -> "mondelez")."""
    folded = unicodedata.normalize("NFKD", text.lower())
    return _TOKEN.findall("".join(c for c in folded if not unicodedata.combining(c)))


def unescape(text: str) -> str:
    """Decode JSON escapes that survived one decoding: "\\u2018rigged\\u2019" -> "‘rigged’"."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1) else m.group(2), text)


def token_f1(answer: str, gold: str) -> float:
    """Bag-of-tokens F1 between two phrases, lower-cased, punctuation ignored."""
    a, g = tokens(answer), tokens(gold)
    if not a or not g:
        return 0.0
    common = 0
    pool = list(g)
    for tok in a:
        if tok in pool:
            pool.remove(tok)
            common += 1
    return harmonic_mean(common / len(a), common / len(g))


@dataclass(frozen=True, slots=True)
class GoldAnswer:
    """The coders' agreed phrases for one question; ``none_ok`` when they agreed on no answer."""

    phrases: tuple[str, ...]
    none_ok: bool
    dates: tuple[str, ...] = ()


def gold_answers(record: dict[str, Any]) -> dict[str, GoldAnswer]:
    """Per question, the phrases chosen by at least two coders (questions without any left out)."""
    out = {}
    for question in QUESTIONS:
        annotated = record["fiveWoneH"].get(question, {}).get("annotated", [])
        agreed = [a for a in annotated if a.get("coderPhraseCount", 0) >= MIN_CODERS]
        if not agreed:
            continue
        phrases = tuple(
            unescape(a["text"]).strip() for a in agreed if (a.get("text") or "").strip()
        )
        dates = tuple(a["parsed"][:10] for a in agreed if a.get("parsed"))
        out[question] = GoldAnswer(phrases, len(phrases) < len(agreed), dates)
    return out


def score_answer(answer: str | None, gold: GoldAnswer) -> float:
    if answer is None or not answer.strip():
        return 1.0 if gold.none_ok else 0.0
    return max((token_f1(answer, p) for p in gold.phrases), default=0.0)


@dataclass(slots=True)
class Tally:
    """Per question: answers scored, F1 sum, F1 >= 0.5 count; and the ISO date hits."""

    scored: dict[str, int] = field(default_factory=dict)
    f1_sum: dict[str, float] = field(default_factory=dict)
    right: dict[str, int] = field(default_factory=dict)
    date_gold: int = 0
    date_hit: int = 0
    errors: list[str] = field(default_factory=list)
    # (article, question, answer, score): for per-article comparisons and split figures
    answers: list[tuple[str, str, str | None, float]] = field(default_factory=list)

    def add(self, name: str, answers: dict[str, Any], gold: dict[str, GoldAnswer]) -> None:
        for question, expected in gold.items():
            answer = answers.get(question)
            text = answer.get("text") if isinstance(answer, dict) else answer
            score = score_answer(text, expected)
            self.scored[question] = self.scored.get(question, 0) + 1
            self.f1_sum[question] = self.f1_sum.get(question, 0.0) + score
            self.right[question] = self.right.get(question, 0) + (score >= 0.5)
            self.answers.append((name, question, text, score))
            if score < 0.5:
                self.errors.append(f"{name}\t{question}\t{text!r}\t{list(expected.phrases)}")
            if question == "when" and expected.dates:
                self.date_gold += 1
                value = answer.get("value") if isinstance(answer, dict) else None
                self.date_hit += bool(value) and str(value)[:10] in expected.dates

    def scores(self) -> dict[str, Any]:
        per = {
            q: {
                "answers": self.scored.get(q, 0),
                "f1": self.f1_sum.get(q, 0.0) / self.scored[q] if self.scored.get(q) else 0.0,
                "accuracy": self.right.get(q, 0) / self.scored[q] if self.scored.get(q) else 0.0,
            }
            for q in QUESTIONS
        }
        headline = [per[q]["accuracy"] for q in HEADLINE_QUESTIONS]
        return {
            "questions": per,
            "mean_accuracy_4w": sum(headline) / len(headline),
            "mean_accuracy_5w1h": sum(per[q]["accuracy"] for q in QUESTIONS) / len(QUESTIONS),
            "when_date_accuracy": self.date_hit / self.date_gold if self.date_gold else 0.0,
        }


def giveme_article(record: dict[str, Any]) -> Article:
    """The article a user gets from the record saved as news-please writes it
    (``title``, ``description``, ``maintext``, ``date_publish``), read by the JSON reader."""
    return read_object(news_please(record), "giveme5w1h", body_key="maintext").article


def _read(path: Path) -> Iterator[dict[str, Any]]:
    folder = path / "data" if (path / "data").is_dir() else path
    for file in sorted(folder.glob("*.json")):
        yield json.loads(file.read_text(encoding="utf-8"))


def lead_baseline(doc: Doc, article: Article, times: list[TimeExpr]) -> dict[str, Any]:
    """The first person/organisation, date and place in the lead sentence; the lead as "what"."""
    lead = next((s for s in doc.sents if s.start_char >= article.body_start and s.text.strip()),
                None)  # fmt: skip
    if lead is None:
        return {}

    def first(labels: set[str]) -> str | None:
        return next((e.text for e in lead.ents if e.label_ in labels), None)

    when = next(
        (t for t in times if lead.start_char <= t.span[0] < lead.end_char and t.type == "DATE"),
        None,
    )
    return {
        "who": first({"PERSON", "ORG", "NORP"}),
        "what": lead.text.strip(),
        "when": {"text": when.text, "value": when.value} if when else None,
        "where": first({"GPE", "LOC", "FAC"}),
        "why": None,
        "how": None,
    }


def evaluate_5w1h(
    path: Path, *, limit: int | None = None, settings: Settings | None = None
) -> dict[str, Any]:
    """Scores of the digest's main event and of the lead baseline on Giveme5W1H at ``path``.

    Returns ``{"systems": {name: scores}, "speed": {...}, "errors": [...]}``.
    """
    settings = settings or Settings()
    tallies = {"newsgraph": Tally(), "baseline": Tally()}
    records = list(_read(Path(path)))[:limit]
    articles = [giveme_article(record) for record in records]
    halves = {name: Tally() for name in HALVES}
    timer = StageTimer()
    pairs = docs_and_digests(articles, settings, timer)
    for number, (record, article, (doc, digest)) in enumerate(
        zip(records, articles, pairs, strict=True), 1
    ):
        main = digest.main_event.to_dict() if digest.main_event else {}
        gold = gold_answers(record)
        name = str(record.get("dId", number))[:8]
        tallies["newsgraph"].add(name, main, gold)
        halves[half_of(str(record.get("dId", number)))].add(name, main, gold)
        tallies["baseline"].add(name, lead_baseline(doc, article, list(digest.times)), gold)
    count = len(records)
    return {
        "systems": {name: t.scores() for name, t in tallies.items()},
        "speed": {
            "articles": count,
            "nlp_ms_per_article": 1000 * ratio(timer.seconds["parse"], count),
            "events_ms_per_article": 1000 * ratio(timer.seconds["events"], count),
        },
        "halves": {name: h.scores() for name, h in halves.items()},
        "errors": tallies["newsgraph"].errors,
        "answers": tallies["newsgraph"].answers,
    }


def format_report(report: dict[str, Any]) -> str:
    """Accuracy (F1) per question and system, the means, the ISO date accuracy and the speed."""
    header = (
        f"{'system':<10} " + " ".join(f"{q:>13}" for q in QUESTIONS) + "  mean-4W  mean-6  date"
    )
    lines = [header, "-" * len(header)]
    for name, scores in report["systems"].items():
        cells = " ".join(
            f"{scores['questions'][q]['accuracy']:>6.3f} ({scores['questions'][q]['f1']:.2f})"
            for q in QUESTIONS
        )
        lines.append(
            f"{name:<10} {cells}  {scores['mean_accuracy_4w']:>7.3f} "
            f"{scores['mean_accuracy_5w1h']:>7.3f} {scores['when_date_accuracy']:>5.3f}"
        )
    for half, scores in report.get("halves", {}).items():
        cells = " ".join(f"{scores['questions'][q]['accuracy']:>13.3f}" for q in QUESTIONS)
        lines.append(
            f"{'half ' + half:<10} {cells}  {scores['mean_accuracy_4w']:>7.3f} "
            f"{scores['mean_accuracy_5w1h']:>7.3f} {scores['when_date_accuracy']:>5.3f}"
        )
    speed = report["speed"]
    lines += [
        "",
        "cells: accuracy (share with token F1 >= 0.5) and, in brackets, mean token F1;",
        "half A / half B: newsgraph on the two halves of evaluate.halves (hash of the dId)",
        f"{speed['articles']} articles: spaCy {speed['nlp_ms_per_article']:.1f} ms / article, "
        f"events stage {speed['events_ms_per_article']:.2f} ms / article",
    ]
    return "\n".join(lines)
