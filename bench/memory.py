"""Peak memory of reading and digesting huge inputs: memory follows the batch, not the file.

Writes, in a scratch folder, a JSON Lines file of ``--gigabytes`` (default 1) made of
the examples' articles repeated under distinct URLs, and one article of ``--article-mb``
(default 50) megabytes of text. Then, each in its own process, it measures the peak RSS
(``ru_maxrss`` of the child) and the wall time of:

1. reading the whole JSONL file (``read_inputs``: decoding, repair, ids);
2. ``newsgraph digest`` of that file, stopped after ``--digests`` digests (the whole
   file would take hours to analyse: the point is that memory stays flat), with the
   RSS sampled after each 25% of them;
3. ``newsgraph digest`` of the big article with ``--max-bytes`` above its size: it is
   cut to 1,000,000 characters, with a warning, instead of failing with spaCy's E088.

Usage: python bench/memory.py [--gigabytes 1] [--article-mb 50] [--digests 2000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# each child reports its own peak (ru_maxrss of RUSAGE_SELF, in KB on Linux)
PEAK = (
    "import resource, sys; "
    "print('peak', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)"
)

BASELINE = f"""
import newsgraph.analysis
{PEAK}
"""

READ_ONLY = f"""
import sys
from newsgraph.config import Settings
from newsgraph.ingest import read_inputs
count = sum(1 for _ in read_inputs([sys.argv[1]], Settings()))
print(count)
{PEAK}
"""

CLI = f"""
import runpy, sys
sys.argv = ["newsgraph", *sys.argv[1:]]
try:
    runpy.run_module("newsgraph", run_name="__main__")
except SystemExit:
    pass
{PEAK}
"""

SAMPLED = """
import resource, sys
from newsgraph.config import Settings
from newsgraph.engine.local import run_digests
from newsgraph.ingest import read_inputs
from newsgraph.records import Article
stop, path = int(sys.argv[2]), sys.argv[1]
articles = (a for a in read_inputs([path], Settings()) if isinstance(a, Article))
for n, _ in enumerate(run_digests(articles, Settings(processes=int(sys.argv[3]))), 1):
    if n % (stop // 4) == 0:
        print(n, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, flush=True)
    if n == stop:
        break
"""
SAMPLED += PEAK


def articles() -> list[dict[str, str]]:
    found = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        found.append({"title": path.stem, "text": path.read_text(encoding="utf-8")})
    for path in sorted(EXAMPLES.glob("*.json")):
        found.append(json.loads(path.read_text(encoding="utf-8")))
    return found


def write_jsonl(path: Path, size: int) -> int:
    base = articles()
    written = lines = 0
    with path.open("w", encoding="utf-8") as out:
        while written < size:
            record = dict(base[lines % len(base)], url=f"https://news.example/{lines}")
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            lines += 1
    return lines


def write_article(path: Path, size: int) -> None:
    paragraph = " ".join(a["text"].replace("\n", " ") for a in articles()) + "\n\n"
    with path.open("w", encoding="utf-8") as out:
        written = 0
        while written < size:
            out.write(paragraph)
            written += len(paragraph.encode("utf-8"))


def run(command: list[str]) -> tuple[float, int, str, str]:
    """(seconds, peak RSS in MB the child reported, its other stdout, stderr)."""
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    errors = done.stderr.split("\n")
    peaks = [int(line.split()[1]) for line in errors if line.startswith("peak ")]
    rest = "\n".join(line for line in errors if not line.startswith("peak "))
    return seconds, (peaks[-1] // 1024 if peaks else -1), done.stdout, rest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gigabytes", type=float, default=1.0)
    parser.add_argument("--article-mb", type=float, default=50.0)
    parser.add_argument("--digests", type=int, default=2000)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="folder for the scratch files (kept)")
    parser.add_argument("--only", choices=["feed", "article"], help="run one of the two parts")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="newsgraph-memory-"))
    folder.mkdir(parents=True, exist_ok=True)
    feed, big = folder / "feed.jsonl", folder / "big.txt"
    if not feed.exists():
        lines = write_jsonl(feed, int(args.gigabytes * 1e9))
        print(f"wrote {feed}: {feed.stat().st_size / 1e9:.2f} GB, {lines:,} articles")
    if not big.exists():
        write_article(big, int(args.article_mb * 1e6))
        print(f"wrote {big}: {big.stat().st_size / 1e6:.1f} MB")
    python = sys.executable

    _, peak, _, _ = run([python, "-c", BASELINE])
    print(f"baseline (import the analysis): peak {peak} MB")
    if args.only != "article":
        measure_feed(python, feed, args.digests, args.processes)
    if args.only != "feed":
        measure_article(python, big)


def measure_feed(python: str, feed: Path, digests: int, processes: int) -> None:
    seconds, peak, out, err = run([python, "-c", READ_ONLY, str(feed)])
    print(
        f"read the whole JSONL ({out.strip()} items): {seconds:.0f} s, peak {peak} MB {err[-200:]}"
    )
    seconds, peak, out, err = run([python, "-c", SAMPLED, str(feed), str(digests), str(processes)])
    samples = ", ".join(
        f"{n}: {mb} MB" for n, mb in (line.split() for line in out.split("\n") if line)
    )
    print(
        f"digest the first {digests} of the JSONL ({processes} process(es)): "
        f"{seconds:.0f} s, RSS after {samples} {err[-200:]}"
    )


def measure_article(python: str, big: Path) -> None:
    megabytes = big.stat().st_size
    command = [
        python,
        "-m",
        "newsgraph",
        "digest",
        str(big),
        "--format",
        "jsonl",
        "--max-bytes",
        str(megabytes + 1),
        "--time-budget",
        "600",
    ]
    seconds, peak, _, err = run(command)
    print(
        f"digest one {megabytes / 1e6:.0f} MB article: {seconds:.0f} s, peak {peak} MB; "
        f"stderr: {err.strip()[-300:]}"
    )


if __name__ == "__main__":
    main()
