#!/usr/bin/env python3
"""Writes the seed corpora for the fuzz targets: small slices of samples/, ../shared/seeds and
../shared/corpora, each prefixed with the selector byte the target reads first.

    python3 fuzz/make_corpus.py build-fuzz/corpus

Makes OUT/fuzz_decode/ and OUT/fuzz_pipeline_<reader>/ for every fuzz_pipeline_* binary next to
OUT (so a reader added to fuzz/CMakeLists.txt gets seeds with no change here: jsonl readers get
.jsonl slices, the others text). Generated, never committed.
"""
import hashlib
import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SLICE = 3000          # bytes per seed: small seeds keep libFuzzer fast
PER_FILE = 2          # slices per file (start and middle)
ENCODINGS = ["utf-8", "auto", "GB18030", "Big5", "Big5-HKSCS", "windows-950", "UTF-16LE",
             "UTF-16BE"]  # the order of kEncodings in fuzz_decode.cc


def files(patterns, roots):
    for root in roots:
        if root.is_dir():
            for pattern in patterns:
                yield from sorted(root.rglob(pattern))


def slices(path):
    data = path.read_bytes()
    out = [data[:SLICE]]
    if len(data) > 2 * SLICE and PER_FILE > 1:
        mid = len(data) // 2
        out.append(data[mid:mid + SLICE])
    return [s for s in out if s]


def write(directory, data):
    directory.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    (directory / name).write_bytes(data)


def main():
    out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "build-fuzz/corpus")
    text_roots = [ROOT / "samples", SHARED / "seeds", SHARED / "corpora"]
    utf8 = [p for p in files(["*.txt", "*.md", "*.utf8"], text_roots)
            if "legacy-encodings" not in str(p) or p.suffix == ".utf8"]
    legacy = list(files(["*.txt"], [SHARED / "corpora" / "legacy-encodings",
                                     SHARED / "corpora" / "mojibake"]))
    jsonl = list(files(["*.jsonl"], [SHARED / "corpora"]))

    decode = out / "fuzz_decode"
    n = len(ENCODINGS)
    for p in utf8:
        for s in slices(p):
            for mode in (0, 1):  # fail, replace
                write(decode, bytes([mode * n + ENCODINGS.index("utf-8")]) + s)
                write(decode, bytes([mode * n + ENCODINGS.index("auto")]) + s)
            write(decode, bytes([ENCODINGS.index("UTF-16LE")]) + s.decode("utf-8", "replace")
                  .encode("utf-16-le"))
    for p in legacy:
        for s in slices(p):
            for enc in ("auto", "GB18030", "Big5", "Big5-HKSCS", "windows-950"):
                for mode in (0, 1):
                    write(decode, bytes([mode * n + ENCODINGS.index(enc)]) + s)

    spec = out / "fuzz_filter_spec"
    for text in ["trim", "trim; trim", "trim(x=1)", "punct(quotes=corner, width=full); script(s2t)",
                 "a(b=c;d); e", "unicode; furniture; linebreak; punct; structure",
                 "script(config=s2twp); tei(x)", " ; ;trim(flag, k = v )"]:
        write(spec, text.encode())

    build = out.parent
    readers = sorted(f.name[len("fuzz_pipeline_"):] for f in build.glob("fuzz_pipeline_*")
                     if f.is_file() and os.access(f, os.X_OK))
    for reader in readers:
        target = out / ("fuzz_pipeline_" + reader)
        inputs = jsonl if "json" in reader else utf8
        for p in inputs:
            for s in slices(p):
                # Writer selectors 0..3 (taken modulo the table size), with the default chain
                # and with every filter (bit 7).
                for selector in (0, 1, 2, 3, 0x80, 0x81, 0x82, 0x83):
                    write(target, bytes([selector]) + s)
    for d in sorted(out.iterdir()):
        print(f"{d}: {len(list(d.iterdir()))} seeds")


if __name__ == "__main__":
    main()
