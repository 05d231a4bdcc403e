#!/usr/bin/env python3
"""Print a source text with its paragraph numbers: the locator scheme of data/.

A citation "moscow-cage:57" means paragraph 57 of source moscow-cage as numbered
here. Paragraphs are split on blank lines; the one text with no line breaks
(basmachi) is split on runs of two or more spaces. The split is deterministic,
so the numbers stay stable while the seed files do.

usage: tools/number_sources.py SEEDS_DIR OUT_DIR
"""
import re
import sys
from pathlib import Path

FILES = {
    "enc-alash": "000_ea18e4f847ac22af.txt",
    "alash-periods": "001_47c2cdd3dcb229ee.txt",
    "moscow-cage": "002_c198379b9bb8a37a.txt",
    "khiva-1918": "003_70d85aea42405a44.txt",
    "basmachi": "004_bdc7fe4d43d4a40f.txt",
}


def paragraphs(text):
    sep = r"\n\s*\n" if "\n" in text.strip() else r"\s{2,}"
    return [" ".join(p.split()) for p in re.split(sep, text) if p.strip()]


def main():
    seeds, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for sid, name in FILES.items():
        paras = paragraphs((seeds / name).read_text(encoding="utf-8"))
        with open(out / f"{sid}.txt", "w", encoding="utf-8") as f:
            for i, p in enumerate(paras, 1):
                f.write(f"[{sid}:{i}] {p}\n\n")
        print(sid, len(paras))


if __name__ == "__main__":
    main()
