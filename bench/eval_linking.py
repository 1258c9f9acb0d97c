"""Cross-document person linking on ECB+: B-cubed of corpus entities against gold person chains.

ECB+ annotates people (HUMAN_PART_PER) in some sentences of each article and chains them
across articles (CROSS_DOC_COREF). The articles go through the real writer into one new
SQLite store, as ``newsgraph ingest`` would; each gold mention written as a name
(capitalised words) is matched to the article entity with a mention over its last token,
and that entity's corpus entity is its predicted chain. Scored over matched mentions
(B-cubed, each mention once); unmatched gold mentions are counted apart.

Usage: python bench/eval_linking.py [ECBPLUS_DIR] [--digests PICKLE]
(``--digests``: a pickle of (docs, digests, vectors) to skip the analysis.)
"""

from __future__ import annotations

import argparse
import pickle
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

from newsgraph.evaluate.halves import half_of
from newsgraph.evaluate.stories import bcubed, read_ecbplus

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "datasets" / "ecbplus"


def gold_mentions(path: Path) -> list[tuple[int, int, str]]:
    """(sentence, token number of the last token, chain id) of named person mentions."""
    root = ET.parse(path).getroot()
    tokens = {t.get("t_id"): t for t in root.iter("token")}
    chain: dict[str, str] = {}
    targets = {m.get("m_id"): m.get("instance_id") for m in root.iter() if m.get("instance_id")}
    for rel in root.iter("CROSS_DOC_COREF"):
        target = targets.get(rel.find("target").get("m_id"))  # type: ignore[union-attr]
        for source in rel.iter("source"):
            if target:
                chain[str(source.get("m_id"))] = target
    found = []
    for m in root.iter("HUMAN_PART_PER"):
        anchors = [tokens[a.get("t_id")] for a in m.iter("token_anchor")]
        words = [t.text or "" for t in anchors]
        if not anchors or str(m.get("m_id")) not in chain:
            continue
        if not all(w[:1].isupper() for w in words) or words[0].lower() in {"he", "she", "i"}:
            continue  # a name, not "the actress" or "She"
        last = anchors[-1]
        where = int(last.get("sentence", 0)), int(last.get("number", 0))
        found.append((*where, chain[str(m.get("m_id"))]))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--digests", type=Path)
    args = parser.parse_args()
    from newsgraph.pipeline.write import store_digests
    from newsgraph.store import Store, stored_id

    if args.digests:
        docs, digests, _ = pickle.loads(args.digests.read_bytes())
    else:
        from newsgraph.analysis import analyse_articles
        from newsgraph.config import Settings
        from newsgraph.evaluate.inputs import read_plain

        docs = read_ecbplus(args.path)
        settings = Settings()
        arts = (replace(read_plain(d.text, d.name).article, id=d.name) for d in docs)
        digests = list(analyse_articles(arts, settings))
    folder = args.path / "ECB+" if (args.path / "ECB+").is_dir() else args.path
    with tempfile.TemporaryDirectory() as tmp, Store.open(str(Path(tmp) / "l.db")) as store:
        for k in range(0, len(digests), 50):
            store_digests(store, digests[k : k + 50])
        corpus = {
            (aid, local): eid
            for aid, local, eid in store.conn.query(
                "SELECT article_id, local_id, entity_id FROM mentions"
            )
        }
    predicted: list[str] = []
    gold: list[str] = []
    halves: list[str] = []
    missed = 0
    for doc, digest in zip(docs, digests, strict=True):
        text = digest.article.text
        # token offsets in the rebuilt text: words joined by spaces, sentences by lines
        offsets: dict[tuple[int, int], int] = {}
        lines = doc.text.split("\n")
        start = 0
        root = ET.parse(folder / doc.topic / doc.name).getroot()
        sentence_ids = sorted({int(t.get("sentence", 0)) for t in root.iter("token")})
        for sid, line in zip(sentence_ids, lines, strict=False):
            pos = start
            for n, word in enumerate(line.split(" ")):
                offsets[(sid, n)] = pos
                pos += len(word) + 1
            start += len(line) + 1
        if text != doc.text:
            continue
        aid = stored_id(digest.article)
        for sentence, number, chain in gold_mentions(folder / doc.topic / doc.name):
            at = offsets.get((sentence, number), -1)
            hit = next((e.id for e in digest.entities for s, t in e.mentions if s <= at < t), None)
            if hit is None or (aid, hit) not in corpus:
                missed += 1
                continue
            predicted.append(corpus[(aid, hit)])
            gold.append(chain)
            halves.append(half_of(doc.topic))
    p, r, f = bcubed(predicted, gold)
    print(f"matched named person mentions {len(gold)}, unmatched {missed}")
    sizes = f"entities {len(set(predicted))} chains {len(set(gold))}"
    print(f"all     B3 P {p:.3f} R {r:.3f} F1 {f:.3f}  {sizes}")
    for half in ("A", "B"):
        idx = [i for i, h in enumerate(halves) if h == half]
        p, r, f = bcubed([predicted[i] for i in idx], [gold[i] for i in idx])
        print(f"half {half}  B3 P {p:.3f} R {r:.3f} F1 {f:.3f}  ({len(idx)} mentions)")


if __name__ == "__main__":
    main()
