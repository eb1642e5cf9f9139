#!/usr/bin/env python3
"""Compare hantidy's speech turns with a reference parser's (LegCo hansard, LY gazette).

Usage (from the project root, after a build):
  scripts/turn_f1.py legco ../shared/corpora/legco-hansard [--limit N] [-v]
  scripts/turn_f1.py ly    ../shared/corpora/ly-gazette    [-v]

The reference is each corpus's json/ (a regex parser's output, NOT gold). A turn is keyed by
(speaker as labelled, first KEY characters of its text), texts compared after NFKC with white
space, PUA characters and stage notes removed. Prints turn precision/recall/F1 and the
differences grouped by kind, with examples, so each kind can be judged by reading.
"""
import argparse, collections, json, os, re, signal, subprocess, sys, unicodedata

signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head

KEY = 12


def canon(s):
    s = unicodedata.normalize("NFKC", s or "")
    s = re.sub(r"[\ue000-\uf8ff]", "", s)         # PUA glyphs (dashes, bullets) of the PDF font
    s = re.sub(r"^[(（][^()（）]{0,20}[)）]", "", re.sub(r"\s+", "", s))  # "(在台下)" opening note
    return s


def speaker_key(label):
    label = re.sub(r"^\s*(?:[*\-•]\s+)?(?:\d+[.．]\s*)?", "", label or "")
    return canon(re.sub(r"[：:]\s*$", "", label.strip()))


FURNITURE = re.compile(r"^\s*(\d{1,5}|立法會\s*[─—-]\s*\d{4}年.*)\s*$")


def hantidy_turns(binary, path, strip_furniture):
    cmd = [binary, "--to", "jsonl", "--unit", "turn"]
    if strip_furniture:
        # Stand-in for the furniture filter on branches that lack it: drop page-number and
        # running-header lines, so that a label glued under a page number starts its block.
        text = "".join(l for l in open(path, encoding="utf-8") if not FURNITURE.match(l))
        out = subprocess.run(cmd, input=text, capture_output=True, text=True, check=True).stdout
    else:
        out = subprocess.run(cmd + [path], capture_output=True, text=True, check=True).stdout
    turns = []
    for line in out.splitlines():
        r = json.loads(line)
        if r["type"] != "turn":
            continue
        sp = speaker_key(r.get("label", "")) or "+".join(s["name"] for s in r["speakers"])
        turns.append((sp, canon(r["text"])))
    return turns


def legco_reference(path, merge):
    """Speech events as turns. With `merge`, a speech by the speaker who spoke last, after an
    action (a stage note such as "(議員舉手)") or with no text, continues that speaker's turn:
    hantidy's turn is a speaker's continuous speech, the reference splits it at every note."""
    d = json.load(open(path, encoding="utf-8"))
    turns = []
    after_action = False
    for e in d.get("events", []):
        if e.get("type") != "speech":
            after_action = True
            continue
        sp = canon((e.get("speaker") or {}).get("full") or "")
        text = canon(e.get("text") or e.get("supplement") or "")
        if merge and turns and turns[-1][0] == sp and (after_action or not text or not turns[-1][1]):
            turns[-1][1] += text
        else:
            turns.append([sp, text])
        after_action = False
    return [tuple(t) for t in turns]


def ly_reference(path):
    turns = []
    for meta, utterances in json.load(open(path, encoding="utf-8")):
        prev = None
        for u in utterances:  # one entry per paragraph: merge runs of the same speaker into turns
            sp = canon(u.get("speaker", ""))
            text = canon(u.get("content", ""))
            if prev is not None and prev[0] == sp:
                prev[1] += text
            else:
                prev = [sp, text]
                turns.append(prev)
    return [tuple(t) for t in turns]


def compare(ref, hyp, restrict_to_ref_region):
    key = lambda t: (t[0], t[1][:KEY])
    ref_keys = collections.Counter(key(t) for t in ref)
    if restrict_to_ref_region:
        # The LY reference covers interpellations only: score hantidy turns whose opening text
        # the reference has at all.
        ref_texts = {t[1][:KEY] for t in ref}
        hyp = [t for t in hyp if t[1][:KEY] in ref_texts]
    hyp_keys = collections.Counter(key(t) for t in hyp)
    tp = sum((ref_keys & hyp_keys).values())
    diffs = collections.defaultdict(list)
    ref_speakers = {t[0] for t in ref}
    hyp_speakers = {t[0] for t in hyp}
    hyp_by_text = collections.defaultdict(set)
    for t in hyp:
        hyp_by_text[t[1][:KEY]].add(t[0])
    ref_by_text = collections.defaultdict(set)
    for t in ref:
        ref_by_text[t[1][:KEY]].add(t[0])
    for k in (ref_keys - hyp_keys).elements():
        sp, text = k
        if text in hyp_by_text and sp not in hyp_by_text[text]:
            diffs["same text, other speaker"].append(f"ref {sp} / hantidy {'|'.join(sorted(hyp_by_text[text]))}: {text}")
        elif sp not in hyp_speakers:
            diffs["reference speaker hantidy never labels"].append(f"{sp}: {text}")
        elif not text:
            diffs["reference turn with empty text"].append(sp)
        else:
            diffs["reference turn boundary hantidy lacks"].append(f"{sp}: {text}")
    for k in (hyp_keys - ref_keys).elements():
        sp, text = k
        if text in ref_by_text and sp not in ref_by_text[text]:
            continue  # already listed as "other speaker"
        if sp not in ref_speakers:
            diffs["hantidy speaker the reference never labels"].append(f"{sp}: {text}")
        else:
            diffs["hantidy turn boundary the reference lacks"].append(f"{sp}: {text}")
    return tp, sum(ref_keys.values()), sum(hyp_keys.values()), diffs


# What each kind of difference usually is, from reading the cases (the case for hantidy's answer).
WHY = {
    "reference turn boundary hantidy lacks":
        "the reference starts turns where nothing names a speaker (numbered items, after an "
        "action, the chair's procedural lines); hantidy starts a turn only at a label. Without "
        "the furniture filter, LegCo labels glued under a page number also land here "
        "(--strip-furniture shows the rest)",
    "reference turn with empty text":
        "the reference emits a speech with no words (a label followed by an action or a "
        "tabled-papers list); hantidy keeps the words under the label",
    "hantidy turn boundary the reference lacks":
        "a label the reference missed or folded into the previous speaker, or an inline stage "
        "note the reference cut out of the text so the openings differ",
    "reference speaker hantidy never labels":
        "reference 'speakers' that are not people (【問題一, ※問, sentence fragments before a "
        "colon), a glyph the PDF font put in the PUA (食物及生局局長), or a label on a later "
        "line of a block (no blank line before it: after a list line or a ```json fence), "
        "which line repair has to split off first",
    "same text, other speaker":
        "both sides have a turn with this opening but different speakers: mostly a formulaic "
        "opening (主席、行政院唐院長…) shared by several turns, one of which a side lacks",
    "hantidy speaker the reference never labels":
        "labels the reference's regex does not know",
}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", choices=["legco", "ly"])
    ap.add_argument("dir")
    ap.add_argument("--binary", default="build/hantidy")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every difference")
    ap.add_argument("--examples", type=int, default=5)
    ap.add_argument("--raw-reference", action="store_true",
                    help="legco: keep the reference's turn split at every stage note")
    ap.add_argument("--strip-furniture", action="store_true",
                    help="drop page-number and running-header lines before running hantidy")
    a = ap.parse_args()
    pairs = []
    if a.corpus == "legco":
        for name in sorted(os.listdir(os.path.join(a.dir, "json"))):
            txt = os.path.join(a.dir, "txt", name[:-5] + ".txt")
            if os.path.exists(txt):
                pairs.append((txt, legco_reference(os.path.join(a.dir, "json", name), not a.raw_reference)))
    else:
        for name in sorted(os.listdir(os.path.join(a.dir, "json"))):
            md = os.path.join(a.dir, "md", name.split("_")[0] + ".md")
            if os.path.exists(md):
                pairs.append((md, ly_reference(os.path.join(a.dir, "json", name))))
    if a.limit:
        pairs = pairs[: a.limit]
    TP = R = H = 0
    kinds = collections.defaultdict(list)
    for path, ref in pairs:
        tp, r, h, diffs = compare(ref, hantidy_turns(a.binary, path, a.strip_furniture), a.corpus == "ly")
        TP, R, H = TP + tp, R + r, H + h
        for k, v in diffs.items():
            kinds[k] += [f"{os.path.basename(path)}: {x}" for x in v]
    p = TP / H if H else 0.0
    r = TP / R if R else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{a.corpus}: docs={len(pairs)} ref_turns={R} hantidy_turns={H} matched={TP} "
          f"precision={p:.3f} recall={r:.3f} F1={f:.3f}")
    for k, v in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(v):5d}  {k}")
        print(f"         why: {WHY.get(k, '')}")
        for x in v[: (len(v) if a.verbose else a.examples)]:
            print(f"         {x[:110]}")


if __name__ == "__main__":
    main()
