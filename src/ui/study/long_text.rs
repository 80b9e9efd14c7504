//! A very long paragraph (a teacher's unit may hold megabytes in one) drawn
//! in pieces, each laid out only while it is on screen: laying out the whole
//! text at once took gigabytes and seconds a frame. The pieces are cut after
//! a sentence (else at a space), never inside a link, so a piece ends where
//! a line may end.

use std::ops::Range;

use egui::text::{ByteIndex, LayoutJob, LayoutSection};

use crate::links::Link;

/// A Ctrl+F match: a byte range, and whether it is the one shown (as
/// `linked::FindMark`).
type Found = (Range<usize>, bool);

/// Texts longer than this many bytes are drawn in pieces of about this size.
pub const PIECE: usize = 8 * 1024;

/// Byte ranges that cover `text`, each about [`PIECE`] long: cut after the
/// last sentence end (". ", "! ", "? ") in the piece's second half, else
/// after its last space, else at a char boundary; never inside a range of
/// `keep` (a link).
pub fn pieces(text: &str, keep: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(text.len() / PIECE + 1);
    let mut start = 0;
    while text.len() - start > PIECE {
        let mut end = cut(text, start, start + PIECE);
        // Past any link that the cut would split.
        while let Some(link) = keep.iter().find(|r| r.start < end && end < r.end) {
            end = link.end;
        }
        out.push(start..end);
        start = end;
    }
    if start < text.len() || out.is_empty() {
        out.push(start..text.len());
    }
    out
}

/// Where to end a piece that starts at `start` and should end near `near`.
fn cut(text: &str, start: usize, near: usize) -> usize {
    let mut near = near.min(text.len());
    while !text.is_char_boundary(near) {
        near -= 1;
    }
    let half = start + (near - start) / 2;
    let window = &text[start..near];
    let after = |found: Option<usize>, len: usize| {
        found
            .map(|i| start + i + len)
            .filter(|&end| end > half && end > start)
    };
    let sentence = [". ", "! ", "? "]
        .iter()
        .filter_map(|end| after(window.rfind(end), end.len()))
        .max();
    sentence
        .or_else(|| after(window.rfind(' '), 1))
        .unwrap_or(near.max(start + 1))
        .min(text.len())
}

/// The part `range` of `job`, its sections cut to it and counted from its start.
pub fn sub_job(job: &LayoutJob, range: Range<usize>) -> LayoutJob {
    let sections = job
        .sections
        .iter()
        .filter_map(|section| {
            let (a, b) = (section.byte_range.start.0, section.byte_range.end.0);
            let (from, to) = (a.max(range.start), b.min(range.end));
            (from < to).then(|| LayoutSection {
                leading_space: if from == a {
                    section.leading_space
                } else {
                    0.0
                },
                byte_range: ByteIndex(from - range.start)..ByteIndex(to - range.start),
                format: section.format.clone(),
            })
        })
        .collect();
    LayoutJob {
        text: job.text.get(range).unwrap_or_default().to_owned(),
        sections,
        ..job.clone()
    }
}

/// The links wholly inside `range`, counted from its start (the cuts keep
/// every link whole).
pub fn links_in(links: &[Link], range: &Range<usize>) -> Vec<Link> {
    links
        .iter()
        .filter(|l| range.start <= l.range.start && l.range.end <= range.end)
        .map(|l| Link {
            range: l.range.start - range.start..l.range.end - range.start,
            ..l.clone()
        })
        .collect()
}

/// The matches that fall in `range`, cut to it and counted from its start.
pub fn found_in(found: &[Found], range: &Range<usize>) -> Vec<Found> {
    found
        .iter()
        .filter_map(|(r, current)| {
            let (from, to) = (r.start.max(range.start), r.end.min(range.end));
            (from < to).then(|| (from - range.start..to - range.start, *current))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_the_text_in_order_and_keep_links_whole() {
        let text = "A sentence of some words. ".repeat(2000);
        let links = vec![8190..8200, 30_000..30_020];
        let pieces = pieces(&text, &links);
        assert!(pieces.len() > 4);
        assert_eq!(pieces.first().map(|r| r.start), Some(0));
        assert_eq!(pieces.last().map(|r| r.end), Some(text.len()));
        for pair in pieces.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
        for piece in &pieces {
            assert!(piece.len() <= PIECE + 64, "{piece:?}");
            assert!(piece.len() >= PIECE / 2 || piece.end == text.len());
            for link in &links {
                assert!(!(link.start < piece.end && piece.end < link.end));
            }
            // After a sentence, where a line may end.
            if piece.end < text.len() {
                assert!(text[..piece.end].ends_with(". "), "{piece:?}");
            }
        }
    }

    #[test]
    fn text_without_spaces_is_cut_at_char_boundaries() {
        let text = "ж".repeat(20_000);
        let pieces = pieces(&text, &[]);
        assert_eq!(pieces.last().map(|r| r.end), Some(text.len()));
        for piece in &pieces {
            assert!(text.is_char_boundary(piece.start) && text.is_char_boundary(piece.end));
            assert!(!piece.is_empty());
        }
    }

    #[test]
    fn a_short_text_is_one_piece() {
        assert_eq!(pieces("short", &[]), vec![0..5]);
        assert_eq!(pieces("", &[]), vec![0..0]);
    }

    #[test]
    fn a_piece_keeps_its_sections_and_matches() {
        let mut job = LayoutJob::default();
        // Two formats, so that the job keeps two sections.
        job.append("abc", 0.0, egui::TextFormat::default());
        let red = egui::TextFormat {
            color: egui::Color32::RED,
            ..Default::default()
        };
        job.append("defgh", 0.0, red);
        let piece = sub_job(&job, 2..6);
        assert_eq!(piece.text, "cdef");
        let ranges: Vec<_> = piece
            .sections
            .iter()
            .map(|s| s.byte_range.clone())
            .collect();
        assert_eq!(
            ranges,
            vec![ByteIndex(0)..ByteIndex(1), ByteIndex(1)..ByteIndex(4)]
        );
        assert_eq!(
            found_in(&[(1..4, true), (6..8, false)], &(2..6)),
            vec![(0..2, true)]
        );
    }
}
