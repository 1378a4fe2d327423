#!/usr/bin/env python3
"""Measures sentence splitting and boilerplate removal on real news.

For every BBC article of ../shared/data/bbc-dev.jsonl (whose `reference`
sentences are exact sentences of the text) it prints:
  - split match: the fraction of reference sentences that `briefcast
    sentences` prints verbatim as one line (the splitter cut them exactly);
  - kept by text: the fraction of reference sentences found in the output of
    `briefcast text` (what boilerplate removal must not drop).
The regex splitter of ../shared/tools/sentsplit.py is shown beside it as a
baseline. For cnndm-dev (whose references are highlights, not sentences of
the text) it prints the sentence count and the share of suspicious sentences
(very short, or starting with a lower-case letter).

usage: bench/sentences.py [--build build] [--limit N]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data")
TOOLS = os.path.join(ROOT, "..", "shared", "tools")


def run(binary, command, text):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(text)
        path = f.name
    try:
        result = subprocess.run([binary, command, path], capture_output=True, text=True)
    finally:
        os.unlink(path)
    if result.returncode != 0:
        return None
    return result.stdout


def normal(s):
    return " ".join(s.split())


def bench_bbc(binary, limit, baseline):
    path = os.path.join(DATA, "bbc-dev.jsonl")
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    if limit:
        rows = rows[:limit]
    total = matched = kept = base_matched = failed = 0
    misses = []
    for row in rows:
        out = run(binary, "sentences", row["text"])
        text_out = run(binary, "text", row["text"])
        if out is None or text_out is None:
            failed += 1
            out = out or ""
            text_out = text_out or ""
        lines = set(normal(s) for s in out.splitlines())
        text_norm = normal(text_out)
        base_lines = set(normal(s) for s in baseline(row["text"])) if baseline else set()
        for ref in row["reference"]:
            ref_n = normal(ref)
            if not ref_n:
                continue
            total += 1
            if ref_n in lines:
                matched += 1
            else:
                misses.append((row["id"], ref))
            kept += ref_n in text_norm
            base_matched += ref_n in base_lines
    print(f"bbc-dev: {len(rows)} articles, {total} reference sentences, {failed} failed runs")
    print(f"  split match (verbatim line)   briefcast {100 * matched / total:6.2f}%"
          + (f"   baseline regex {100 * base_matched / total:6.2f}%" if baseline else ""))
    print(f"  kept by text (not dropped)    briefcast {100 * kept / total:6.2f}%"
          f"   ({total - kept} reference sentences missing)")
    return misses


def bench_cnndm(binary, limit):
    path = os.path.join(DATA, "cnndm-dev.jsonl")
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    if limit:
        rows = rows[:limit]
    sentences = short = lower = 0
    for row in rows:
        out = run(binary, "sentences", row["text"]) or ""
        for s in out.splitlines():
            sentences += 1
            short += len(s.split()) <= 2
            lower += s[:1].islower()
    print(f"cnndm-dev: {len(rows)} articles, {sentences} sentences; "
          f"{short} of 1-2 words, {lower} starting lower-case")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--misses", type=int, default=0, help="print this many missed sentences")
    args = parser.parse_args()
    binary = os.path.join(args.build, "briefcast")
    if not os.path.exists(os.path.join(DATA, "bbc-dev.jsonl")):
        print("../shared/data is absent: no news text to measure on")
        return 0
    baseline = None
    if os.path.exists(os.path.join(TOOLS, "sentsplit.py")):
        sys.path.insert(0, TOOLS)
        import sentsplit
        baseline = sentsplit.split
    misses = bench_bbc(binary, args.limit, baseline)
    for article, ref in misses[:args.misses]:
        print(f"  missed [{article}] {ref}")
    if os.path.exists(os.path.join(DATA, "cnndm-dev.jsonl")):
        bench_cnndm(binary, args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
