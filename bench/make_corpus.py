#!/usr/bin/env python3
"""Assembles the benchmark corpus from ../shared/corpora into JSONL records and plain text.

Usage: make_corpus.py SHARED_CORPORA OUT_DIR [MIN_MB]

Writes OUT_DIR/corpus.jsonl (Dolma-shaped records: id, text, source, metadata) and
OUT_DIR/corpus.txt (the same texts, one blank line between records), and prints what went in.

The shared corpora hold about 22 MB of distinct real Chinese text (LegCo hansard, SIGHAN 2005
test text and gold segmentation, the Legislative Yuan gazette, two annual reports, the OpenCC
benchmark text). To reach MIN_MB without repeating bytes, later passes run each source through
a different OpenCC conversion (traditional sources to simplified, simplified to traditional,
with Taiwan/Hong Kong variants and phrases) and cut records at different sizes, so no two
records are the same and record boundaries differ from pass to pass.
"""
import json
import os
import subprocess
import sys
import tempfile

# (path under corpora, script of the text)
SOURCES = [
    ("legco-hansard/txt", "hant"),
    ("ly-gazette/md", "hant"),
    ("legacy-encodings/testing/as_test.utf8", "hant"),
    ("legacy-encodings/testing/cityu_test.utf8", "hant"),
    ("legacy-encodings/gold/as_testing_gold.utf8", "hant"),
    ("legacy-encodings/gold/cityu_test_gold.utf8", "hant"),
    ("legacy-encodings/testing/msr_test.utf8", "hans"),
    ("legacy-encodings/testing/pku_test.utf8", "hans"),
    ("legacy-encodings/gold/msr_test_gold.utf8", "hans"),
    ("legacy-encodings/gold/pku_test_gold.utf8", "hans"),
    ("annual-reports/derived_raw_txt", "hans"),
    ("peer-opencc/benchmark/zuozhuan.txt", "hans"),
]

# Pass n: (OpenCC config for traditional sources, for simplified sources, record size target).
PASSES = [
    (None, None, 16384),
    ("t2s", "s2t", 4096),
    ("tw2sp", "s2twp", 65536),
    ("hk2s", "s2hk", 8192),
    ("t2s", "s2tw", 32768),
    ("tw2s", "s2t", 2048),
]


def files(root, rel):
    path = os.path.join(root, rel)
    if os.path.isdir(path):
        return sorted(os.path.join(path, f) for f in os.listdir(path))
    return [path]


def convert(text, config):
    if config is None:
        return text
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", delete=False) as f:
        f.write(text)
        name = f.name
    try:
        out = subprocess.run(["opencc", "-c", config, "-i", name], check=True,
                             capture_output=True).stdout
        return out.decode("utf-8")
    finally:
        os.unlink(name)


def chunks(text, target):
    """Cuts text into records of about `target` bytes, at line ends."""
    lines = text.split("\n")
    out, size = [], 0
    for line in lines:
        out.append(line)
        size += len(line.encode("utf-8")) + 1
        if size >= target and line.strip() == "":
            yield "\n".join(out).strip("\n")
            out, size = [], 0
        elif size >= 4 * target:
            yield "\n".join(out)
            out, size = [], 0
    if out and "\n".join(out).strip():
        yield "\n".join(out).strip("\n")


def main():
    root, out_dir = sys.argv[1], sys.argv[2]
    min_bytes = int(float(sys.argv[3]) * 1e6) if len(sys.argv) > 3 else 100_000_000
    os.makedirs(out_dir, exist_ok=True)
    texts = []
    for rel, script in SOURCES:
        for path in files(root, rel):
            with open(path, encoding="utf-8", errors="replace") as f:
                texts.append((os.path.relpath(path, root), script, f.read().replace("\r\n", "\n")))
    distinct = sum(len(t.encode("utf-8")) for _, _, t in texts)
    total = 0
    records = 0
    jsonl_tmp = os.path.join(out_dir, "corpus.jsonl.tmp")
    txt_tmp = os.path.join(out_dir, "corpus.txt.tmp")
    with open(jsonl_tmp, "w", encoding="utf-8") as jf, open(txt_tmp, "w", encoding="utf-8") as tf:
        for n, (to_hans, to_hant, target) in enumerate(PASSES):
            if total >= min_bytes:
                break
            for name, script, text in texts:
                config = to_hans if script == "hant" else to_hant
                converted = convert(text, config)
                for i, chunk in enumerate(chunks(converted, target)):
                    record = {
                        "id": f"p{n}/{name}/{i}",
                        "text": chunk,
                        "source": name.split("/")[0],
                        "metadata": {"file": name, "pass": n, "opencc": config or "",
                                     "script": script},
                    }
                    jf.write(json.dumps(record, ensure_ascii=False) + "\n")
                    tf.write(chunk + "\n\n")
                    total += len(chunk.encode("utf-8"))
                    records += 1
            print(f"pass {n}: {total / 1e6:.1f} MB of text so far", file=sys.stderr)
    os.replace(jsonl_tmp, os.path.join(out_dir, "corpus.jsonl"))
    os.replace(txt_tmp, os.path.join(out_dir, "corpus.txt"))
    print(f"corpus: {records} records, {total / 1e6:.1f} MB of text "
          f"({distinct / 1e6:.1f} MB distinct source text)", file=sys.stderr)


if __name__ == "__main__":
    main()
