#!/usr/bin/env python3
"""Rewrites the `dataset` corpus in its short form, without changing what any
input means: a piece that replaces a bundled file with a copy edited in one
place becomes a patch piece (\\x01, offset, length, inserted bytes; see
fuzz_targets/dataset.rs), and a piece equal to the bundled file becomes empty.
The fuzzer finds its inputs by mutating whole files, so they are mostly a few
bytes changed in 20 KB; written as patches they take a few dozen bytes.

Usage, from fuzz/: python3 compact_corpus.py corpus/dataset
then `cargo +nightly fuzz cmin dataset corpus/dataset` as usual.
"""

import hashlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
RECORDS = ["events.ron", "organizations.ron", "people.ron", "facts.ron", "glossary.ron"]
ARTICLES = sorted(
    "articles/" + name
    for name in os.listdir(os.path.join(DATA, "articles"))
    if name.endswith(".ron")
)
BUNDLED = [open(os.path.join(DATA, name), "rb").read() for name in RECORDS + ARTICLES]


def base255(n, digits):
    out = []
    for _ in range(digits):
        out.append(n % 255 + 1)
        n //= 255
    return bytes(out) if n == 0 else None


def shorter(piece, bundled):
    if piece == bundled:
        return b""
    if not piece or piece[0] == 1:
        return piece  # already the bundled file or a patch
    start = 0
    while start < min(len(piece), len(bundled)) and piece[start] == bundled[start]:
        start += 1
    end = 0
    while (
        end < min(len(piece), len(bundled)) - start
        and piece[-1 - end] == bundled[-1 - end]
    ):
        end += 1
    at, gone = base255(start, 3), base255(len(bundled) - start - end, 2)
    if at is None or gone is None:
        return piece
    patch = b"\x01" + at + gone + piece[start : len(piece) - end]
    return patch if len(patch) < len(piece) else piece


def main(folder):
    before = after = 0
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        data = open(path, "rb").read()
        pieces = data.split(b"\0")
        for i, bundled in enumerate(BUNDLED[: len(pieces)]):
            pieces[i] = shorter(pieces[i], bundled)
        # An empty piece past the bundled articles is an empty extra article.
        while 1 < len(pieces) <= len(BUNDLED) and pieces[-1] == b"":
            pieces.pop()
        short = b"\0".join(pieces)
        before, after = before + len(data), after + len(short)
        if short != data:
            os.remove(path)
            with open(os.path.join(folder, hashlib.sha1(short).hexdigest()), "wb") as f:
                f.write(short)
    print(f"{before} bytes before, {after} after")


if __name__ == "__main__":
    main(sys.argv[1])
