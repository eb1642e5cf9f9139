#!/usr/bin/env python3
"""Measures linebreak's paragraph repair on real clean paragraphs hard-wrapped at fixed widths.

Real paragraphs (restore-dev gold, the seeds, SIGHAN test text, LegCo speeches; read in place
from ../shared, never copied) are wrapped the way a PDF dump wraps them: a fixed display width
(CJK = 2 columns, ASCII = 1), punctuation that cannot start a line either hung past the margin
or pushed down with the character before it (the line ends a character early), short
Latin/digit runs kept whole (so lines end a few columns early), and sometimes a line cut 1-2
columns early before digits. Paragraphs are separated by a blank line in some
documents and not at all in others; some documents have only a few lines. Each document is run
through `hantidy -F 'trim; unicode; furniture; linebreak' -t jsonl` and every line boundary of
the input is classified: a wrap inside a paragraph (must join) or a paragraph boundary (must not).

Prints join precision (joins that were wraps / all joins), join recall (wraps joined / all
wraps), wrong joins (two real paragraphs glued) and missed joins, overall and per width.

  python3 scripts/wrap_eval.py [--cmd build/hantidy] [--shared ../shared] [--docs 400] [-v]
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict

WIDTHS = [16, 20, 24, 30, 36, 40]
CHAIN = "trim; unicode; furniture; linebreak"
NO_LINE_START = set("，。、；：？！）」』”’》〉…—,.;:?!)%")
TERMINAL = set("。！？…!?.；;：:")


def width(c):
    return 2 if unicodedata.east_asian_width(c) in "WF" else 1


def canon(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def clean(p):
    # Remove PDF spaces next to CJK text, keep Latin word spacing.
    p = p.replace("\u3000", "").strip()
    p = re.sub(r"(?<=[^\x00-\x7f]) +| +(?=[^\x00-\x7f])", "", p)
    return p


def is_paragraph(p):
    """A complete paragraph (ends a sentence) or a heading/label/caption (short, no sentence
    punctuation). Fragments such as SIGHAN's clause-per-line text or seed blocks cut by a page
    break are not paragraphs: wrapping them would make their joins look wrong."""
    q = p.rstrip("”’」』）)》")
    if q and q[-1] in TERMINAL:
        return True
    return len(p) <= 30 and not re.search(r"[，,。；;！？]", p)


def paragraphs_from_blocks(text):
    out = []
    for b in re.split(r"\n\s*\n", text):
        b = re.sub(r"^#+\s*", "", b.strip())
        if not b:
            continue
        out.append(clean(b.replace("\n", "")))
    return out


def load_sources(shared):
    """Returns {source name: [documents, each a list of paragraphs in order]}."""
    sources = defaultdict(list)
    ev = os.path.join(shared, "eval", "restore-dev")
    for f in sorted(os.listdir(ev)):
        if f.endswith(".gold.txt"):
            sources["gold"].append([p for p in paragraphs_from_blocks(
                open(os.path.join(ev, f)).read()) if is_paragraph(p)])
    seeds = os.path.join(shared, "seeds")
    for f in sorted(os.listdir(seeds)):
        paras = paragraphs_from_blocks(open(os.path.join(seeds, f)).read())
        # Seed blocks cut by a page break are not paragraphs: keep complete ones and short
        # headings/labels only.
        sources["seeds"].append([p for p in paras if is_paragraph(p) and
                                 (p[-1] in TERMINAL or p[-1] in "”」）")])
    sighan = os.path.join(shared, "corpora", "legacy-encodings", "testing")
    for f in sorted(os.listdir(sighan)):
        if f.endswith(".utf8"):
            lines = [clean(l) for l in open(os.path.join(sighan, f), encoding="utf-8",
                                             errors="replace")]
            lines = [l for l in lines if l and is_paragraph(l)]
            for k in range(0, min(len(lines), 3000), 60):
                sources["sighan"].append(lines[k:k + 60])
    legco = os.path.join(shared, "corpora", "legco-hansard", "json")
    for f in sorted(os.listdir(legco))[:6]:
        events = json.load(open(os.path.join(legco, f))).get("events", [])
        doc = []
        for e in events:
            for p in re.split(r"\n\s*\n", e.get("text", "")):
                p = clean(p.replace("\n", ""))
                if len(p) >= 8 and p[-1] in TERMINAL:
                    doc.append(unicodedata.normalize("NFKC", p))
        if doc:
            sources["legco"].append(doc)
    return sources


def is_ascii_run_char(c):
    return c.isascii() and (c.isalnum() or c in ".%")


def wrap(p, w, rng, early, kinsoku):
    """Greedy display-width wrap with PDF habits; returns lines."""
    lines, line, cols = [], "", 0
    i = 0
    while i < len(p):
        c = p[i]
        # A short Latin/digit run moves whole to the next line.
        if is_ascii_run_char(c) and (i == 0 or not is_ascii_run_char(p[i - 1])):
            j = i
            while j < len(p) and is_ascii_run_char(p[j]):
                j += 1
            run = p[i:j]
            if len(run) <= 10 and cols + len(run) > w and line:
                lines.append(line)
                line, cols = "", 0
            # PDF variance: sometimes the line ends 1-2 columns early before digits.
            elif early and line and w - 2 <= cols < w and rng.random() < 0.5:
                lines.append(line)
                line, cols = "", 0
        cw = width(c)
        if cols + cw > w and line:
            if c in NO_LINE_START and cols + cw <= w + 2 and kinsoku == "hang":
                pass  # hung punctuation: the line is a column or two wider than the margin
            elif c in NO_LINE_START and len(line) > 1 and line[-1] not in NO_LINE_START:
                # Pushed out: the last character goes down with the punctuation, so the line
                # ends a character early.
                last = line[-1]
                lines.append(line[:-1])
                line, cols = last, width(last)
            else:
                lines.append(line)
                line, cols = "", 0
        line += c
        cols += cw
        i += 1
    if line:
        lines.append(line)
    return lines


def make_docs(sources, n, rng):
    docs = []
    names = sorted(sources)
    for k in range(n):
        src = names[k % len(names)]
        doc = rng.choice(sources[src])
        if not doc:
            continue
        w = rng.choice(WIDTHS)
        tiny = rng.random() < 0.3
        blank = rng.random() < 0.5
        early = rng.random() < 0.6
        kinsoku = rng.choice(["hang", "push"])
        start = rng.randrange(len(doc))
        paras, lines, kinds = [], [], []  # kinds[i]: boundary after line i: 'wrap'/'para'
        for p in doc[start:start + rng.randint(2, 8)]:
            pl = wrap(p, w, rng, early, kinsoku)
            if not pl:
                continue
            if tiny and paras and len(lines) + len(pl) > 6:
                break
            if lines:
                kinds.append("para")
            paras.append(p)
            for li, l in enumerate(pl):
                lines.append(l)
                if li + 1 < len(pl):
                    kinds.append("wrap")
            if tiny and len(lines) >= 3:
                break
        if tiny and len(lines) > 6:
            # Keep a short document: the first paragraph's first lines, ending mid-paragraph
            # is fine (a page cut) but its boundaries stay wraps.
            lines, kinds = lines[:6], kinds[:5]
        if len(lines) < 2:
            continue
        text = ""
        for i, l in enumerate(lines):
            text += l + "\n"
            if i < len(kinds) and kinds[i] == "para" and blank:
                text += "\n"
        docs.append({"src": src, "width": w, "tiny": tiny, "blank": blank, "early": early,
                     "lines": lines, "kinds": kinds, "text": text})
    return docs


def run(cmd, text):
    r = subprocess.run(cmd + ["-F", CHAIN, "-t", "jsonl"], input=text.encode(),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode != 0:
        return None
    out = []
    for l in r.stdout.decode().splitlines():
        b = json.loads(l)
        if b.get("type") in ("page-number", "running-header", "running-footer", "page-break") or \
                str(b.get("type", "")).startswith("x-"):
            continue
        out.append(b["text"])
    return out


def classify(doc, blocks):
    """Per input boundary: True when the output joined it. None when texts do not align."""
    cuts, at = set(), 0
    for b in blocks:
        at += len(canon(b))
        cuts.add(at)
    if at != len(canon("".join(doc["lines"]))):
        return None
    joined, at = [], 0
    for l in doc["lines"][:-1]:
        at += len(canon(l))
        joined.append(at not in cuts)
    return joined


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cmd", default=os.path.join(here, "..", "build", "hantidy"))
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("-v", action="store_true", help="print every wrong or missed join")
    a = ap.parse_args()
    if not os.path.isdir(a.shared):
        print("wrap_eval: no shared data at " + a.shared, file=sys.stderr)
        return 2
    rng = random.Random(a.seed)
    docs = make_docs(load_sources(a.shared), a.docs, rng)
    cmd = a.cmd.split()
    total = defaultdict(lambda: defaultdict(int))
    misaligned = 0
    for d in docs:
        blocks = run(cmd, d["text"])
        joined = classify(d, blocks) if blocks is not None else None
        if joined is None:
            misaligned += 1
            continue
        groups = ["all", "w%02d" % d["width"], "tiny" if d["tiny"] else "long",
                  "blank" if d["blank"] else "noblank", d["src"]]
        for i, (kind, j) in enumerate(zip(d["kinds"], joined)):
            key = ("tp" if j else "fn") if kind == "wrap" else ("fp" if j else "tn")
            for g in groups:
                total[g][key] += 1
            if a.v and key in ("fp", "fn"):
                print("%s %s w=%d: %s | %s" % ("WRONG-JOIN" if key == "fp" else "MISSED",
                                               d["src"], d["width"], d["lines"][i],
                                               d["lines"][i + 1]))
        perfect = all(j == (k == "wrap") for k, j in zip(d["kinds"], joined))
        for g in groups:
            total[g]["docs"] += 1
            total[g]["perfect"] += perfect

    def line(g):
        t = total[g]
        joins = t["tp"] + t["fp"]
        wraps = t["tp"] + t["fn"]
        p = t["tp"] / joins if joins else 1.0
        r = t["tp"] / wraps if wraps else 1.0
        return ("%-8s docs=%4d perfect=%.3f precision=%.4f recall=%.4f wrong_joins=%d "
                "missed_joins=%d (wraps=%d paragraph_breaks=%d)" %
                (g, t["docs"], t["perfect"] / max(t["docs"], 1), p, r, t["fp"], t["fn"], wraps,
                 t["fp"] + t["tn"]))

    order = ["all", "tiny", "long", "blank", "noblank"] + \
        ["w%02d" % w for w in WIDTHS] + sorted(k for k in total if k in
                                               ("gold", "seeds", "sighan", "legco"))
    for g in order:
        if g in total:
            print(line(g))
    if misaligned:
        print("misaligned documents (output text differs, not scored): %d" % misaligned)
    return 0


if __name__ == "__main__":
    sys.exit(main())
