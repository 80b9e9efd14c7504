#!/usr/bin/env python3
"""Draws data/assets/un-neutrality-resolutions.png, the bundled dataset's one
illustration: a timeline of the UN General Assembly resolutions on the
permanent neutrality of Turkmenistan, with the dates and numbers that
data/events.ron gives (events un-resolution-50-80-a, un-resolution-69-285 and
un-resolution-permanent-neutrality-2025) and nothing else.

Drawn by this script, for Neutrality Reader: Python's standard library only
(the PNG is written with zlib and struct), text in a small built-in bitmap
font. Run it from the repository's root to draw the file again:

    python3 tools/draw_illustration.py
"""

import os
import struct
import zlib

OUT = os.path.join(os.path.dirname(__file__), "..", "data", "assets",
                   "un-neutrality-resolutions.png")

WIDTH, HEIGHT = 960, 372

PAPER = (250, 248, 242)
BORDER = (214, 208, 194)
INK = (34, 34, 34)
MUTED = (110, 110, 110)
AXIS = (70, 70, 70)
ACCENT = (26, 93, 171)  # a United Nations blue
WHITE = (255, 255, 255)

# The events, as data/events.ron states them: (year, month, day, lines, row).
# The middle one's labels stand a row higher, clear of the last one's.
RESOLUTIONS = [
    (1995, 12, 12, ["12 DEC 1995", "RES. 50/80 A"], 0),
    (2015, 6, 3, ["3 JUN 2015", "RES. 69/285"], 1),
    (2025, 3, 21, ["21 MAR 2025", "79TH SESSION"], 0),
]
TITLE = ["UN GENERAL ASSEMBLY RESOLUTIONS", "ON THE PERMANENT NEUTRALITY OF TURKMENISTAN"]
FIRST_YEAR, LAST_YEAR = 1994, 2026  # the axis, with a year to spare each side

# A 5 x 7 bitmap font: digits, capitals and the few signs the labels use.
FONT = {
    "A": ".###.|#...#|#...#|#####|#...#|#...#|#...#",
    "B": "####.|#...#|#...#|####.|#...#|#...#|####.",
    "C": ".###.|#...#|#....|#....|#....|#...#|.###.",
    "D": "####.|#...#|#...#|#...#|#...#|#...#|####.",
    "E": "#####|#....|#....|####.|#....|#....|#####",
    "F": "#####|#....|#....|####.|#....|#....|#....",
    "G": ".###.|#...#|#....|#.###|#...#|#...#|.####",
    "H": "#...#|#...#|#...#|#####|#...#|#...#|#...#",
    "I": ".###.|..#..|..#..|..#..|..#..|..#..|.###.",
    "J": "..###|...#.|...#.|...#.|...#.|#..#.|.##..",
    "K": "#...#|#..#.|#.#..|##...|#.#..|#..#.|#...#",
    "L": "#....|#....|#....|#....|#....|#....|#####",
    "M": "#...#|##.##|#.#.#|#.#.#|#...#|#...#|#...#",
    "N": "#...#|#...#|##..#|#.#.#|#..##|#...#|#...#",
    "O": ".###.|#...#|#...#|#...#|#...#|#...#|.###.",
    "P": "####.|#...#|#...#|####.|#....|#....|#....",
    "Q": ".###.|#...#|#...#|#...#|#.#.#|#..#.|.##.#",
    "R": "####.|#...#|#...#|####.|#.#..|#..#.|#...#",
    "S": ".####|#....|#....|.###.|....#|....#|####.",
    "T": "#####|..#..|..#..|..#..|..#..|..#..|..#..",
    "U": "#...#|#...#|#...#|#...#|#...#|#...#|.###.",
    "V": "#...#|#...#|#...#|#...#|#...#|.#.#.|..#..",
    "W": "#...#|#...#|#...#|#.#.#|#.#.#|#.#.#|.#.#.",
    "X": "#...#|#...#|.#.#.|..#..|.#.#.|#...#|#...#",
    "Y": "#...#|#...#|.#.#.|..#..|..#..|..#..|..#..",
    "Z": "#####|....#|...#.|..#..|.#...|#....|#####",
    "0": ".###.|#...#|#..##|#.#.#|##..#|#...#|.###.",
    "1": "..#..|.##..|..#..|..#..|..#..|..#..|.###.",
    "2": ".###.|#...#|....#|...#.|..#..|.#...|#####",
    "3": "#####|...#.|..#..|...#.|....#|#...#|.###.",
    "4": "...#.|..##.|.#.#.|#..#.|#####|...#.|...#.",
    "5": "#####|#....|####.|....#|....#|#...#|.###.",
    "6": "..##.|.#...|#....|####.|#...#|#...#|.###.",
    "7": "#####|....#|...#.|..#..|.#...|.#...|.#...",
    "8": ".###.|#...#|#...#|.###.|#...#|#...#|.###.",
    "9": ".###.|#...#|#...#|.####|....#|...#.|.##..",
    "/": "....#|....#|...#.|..#..|.#...|#....|#....",
    ".": ".....|.....|.....|.....|.....|.##..|.##..",
    "-": ".....|.....|.....|.###.|.....|.....|.....",
    " ": ".....|.....|.....|.....|.....|.....|.....",
}


class Canvas:
    def __init__(self, width, height, colour):
        self.width, self.height = width, height
        self.pixels = [list(colour) * width for _ in range(height)]

    def blend(self, x, y, colour, alpha=1.0):
        if 0 <= x < self.width and 0 <= y < self.height and alpha > 0:
            row = self.pixels[y]
            for c in range(3):
                old = row[3 * x + c]
                row[3 * x + c] = round(old + (colour[c] - old) * min(alpha, 1.0))

    def rect(self, x0, y0, x1, y1, colour):
        for y in range(max(y0, 0), min(y1, self.height)):
            for x in range(max(x0, 0), min(x1, self.width)):
                self.blend(x, y, colour)

    def disc(self, cx, cy, radius, colour):
        """A filled circle, its edge smoothed by 4 x 4 samples a pixel."""
        for y in range(int(cy - radius) - 1, int(cy + radius) + 2):
            for x in range(int(cx - radius) - 1, int(cx + radius) + 2):
                inside = 0
                for sy in range(4):
                    for sx in range(4):
                        dx = x + (sx + 0.5) / 4 - cx
                        dy = y + (sy + 0.5) / 4 - cy
                        inside += dx * dx + dy * dy <= radius * radius
                self.blend(x, y, colour, inside / 16)

    def text(self, x, y, text, scale, colour):
        for i, char in enumerate(text):
            rows = FONT[char].split("|")
            for r, row in enumerate(rows):
                for c, bit in enumerate(row):
                    if bit == "#":
                        left = x + (i * 6 + c) * scale
                        top = y + r * scale
                        self.rect(left, top, left + scale, top + scale, colour)

    def png(self):
        raw = b"".join(b"\x00" + bytes(row) for row in self.pixels)

        def chunk(kind, data):
            body = kind + data
            return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def text_width(text, scale):
    return (len(text) * 6 - 1) * scale


def days_in_month(year, month):
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def year_fraction(year, month, day):
    days = sum(days_in_month(year, m) for m in range(1, month)) + day - 1
    length = 366 if days_in_month(year, 2) == 29 else 365
    return year + days / length


def draw():
    canvas = Canvas(WIDTH, HEIGHT, PAPER)
    # A hairline border.
    canvas.rect(0, 0, WIDTH, 2, BORDER)
    canvas.rect(0, HEIGHT - 2, WIDTH, HEIGHT, BORDER)
    canvas.rect(0, 0, 2, HEIGHT, BORDER)
    canvas.rect(WIDTH - 2, 0, WIDTH, HEIGHT, BORDER)

    for i, line in enumerate(TITLE):
        canvas.text(40, 30 + i * 33, line, 3, INK)

    left, right, axis_y = 60, WIDTH - 60, 300

    def x_of(when):
        return left + (when - FIRST_YEAR) / (LAST_YEAR - FIRST_YEAR) * (right - left)

    canvas.rect(left, axis_y - 2, right, axis_y + 2, AXIS)
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        x = round(x_of(year))
        if year % 5 == 0:
            canvas.rect(x - 1, axis_y - 9, x + 2, axis_y + 10, AXIS)
            label = str(year)
            canvas.text(x - text_width(label, 2) // 2, axis_y + 20, label, 2, MUTED)
        else:
            canvas.rect(x, axis_y - 5, x + 1, axis_y + 6, AXIS)

    for year, month, day, lines, row in RESOLUTIONS:
        x = x_of(year_fraction(year, month, day))
        top = 200 - row * 76
        # A leader from the labels down to the mark.
        canvas.rect(round(x) - 1, top + 60, round(x) + 1, axis_y, ACCENT)
        canvas.disc(x, axis_y, 13, WHITE)
        canvas.disc(x, axis_y, 10, ACCENT)
        for i, line in enumerate(lines):
            scale = 3
            width = text_width(line, scale)
            # Centred on the mark, but never past the picture's edges.
            start = min(max(round(x) - width // 2, 24), WIDTH - 24 - width)
            colour = ACCENT if i == 0 else INK
            canvas.text(start, top + i * 32, line, scale, colour)
    return canvas


def main():
    data = draw().png()
    with open(OUT, "wb") as f:
        f.write(data)
    print(f"wrote {os.path.normpath(OUT)} ({len(data)} bytes, {WIDTH} x {HEIGHT})")


if __name__ == "__main__":
    main()
