//! Parsing a dataset's files on every core: each file is a job, and a large
//! list of records (`events.ron` of 100,000 events) is cut between records
//! into pieces parsed side by side.
//!
//! `std::thread::scope` rather than rayon: a load is a handful of coarse
//! jobs, started once, that borrow the files' text; scoped threads do that
//! without a dependency or a pool kept alive for the program's life. The
//! browser has no threads: there every job runs in turn.
//!
//! A piece is parsed as a list of its own (`[` + records + `]`), and the
//! records of the pieces put end to end. That is the whole file's list
//! whenever every piece parses: a piece that parses ends outside any text or
//! comment (its closing `]` would be swallowed otherwise), on the `)` of a
//! record (a cut is made only after one), so the comma cut at is the comma
//! between two records, as in the whole file. When any piece fails, the
//! whole file is parsed again in one piece, so that what is reported (the
//! first problem, its line and column) is exactly what it always was.

use std::ops::Range;

use serde::de::DeserializeOwned;

use super::files::DataFile;
use super::parse::{parse_file, parse_text};
use super::problem::Problem;

/// Files smaller than this are parsed in one piece: cutting them would
/// cost more than it saves.
const MIN_PIECE_BYTES: usize = 1 << 20;

/// How many threads to parse on: the machine's cores, at most 8.
pub fn threads() -> usize {
    if cfg!(target_arch = "wasm32") {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// A piece of work for [`run`].
pub type Job<'a> = Box<dyn FnOnce() + Send + 'a>;

/// Runs every job, on up to `threads` threads, in the order given (put the
/// largest first: a thread takes the next job when it is done with one).
pub fn run(jobs: Vec<Job<'_>>, threads: usize) {
    let threads = threads.min(jobs.len());
    if threads <= 1 || cfg!(target_arch = "wasm32") {
        jobs.into_iter().for_each(|job| job());
        return;
    }
    let queue = std::sync::Mutex::new(jobs.into_iter());
    let work = || {
        loop {
            // A job that panicked poisons nothing of ours: the queue is
            // only an iterator, and the scope passes the panic on.
            let next = match queue.lock() {
                Ok(mut queue) => queue.next(),
                Err(poisoned) => poisoned.into_inner().next(),
            };
            match next {
                Some(job) => job(),
                None => break,
            }
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(work);
        }
        work();
    });
}

/// Where to cut the list file `text` into about `pieces` pieces: the
/// ranges of the records between the cuts (the first from the start of the
/// file, the last to its end), or `None` when it is not to be cut (small,
/// one piece, or not a plain list of records).
pub fn pieces(text: &str, pieces: usize) -> Option<Vec<Range<usize>>> {
    pieces_of(text, pieces, MIN_PIECE_BYTES)
}

/// [`pieces`], each of at least `min` bytes.
fn pieces_of(text: &str, pieces: usize, min: usize) -> Option<Vec<Range<usize>>> {
    let pieces = pieces.min(text.len() / min.max(1));
    if pieces < 2 {
        return None;
    }
    let cuts = cuts(text, pieces)?;
    if cuts.is_empty() {
        return None;
    }
    let mut ranges = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for cut in cuts {
        ranges.push(from..cut);
        from = cut + 1;
    }
    ranges.push(from..text.len());
    Some(ranges)
}

/// The text of piece `range` of `text` as a list of its own.
fn piece_text(text: &str, range: &Range<usize>) -> Option<String> {
    let records = text.get(range.clone())?;
    let mut piece = String::with_capacity(records.len() + 2);
    if range.start > 0 {
        piece.push('[');
    }
    piece.push_str(records);
    if range.end < text.len() {
        piece.push(']');
    }
    Some(piece)
}

/// Parses one piece; `None` when it does not parse (the whole file is then
/// parsed again to say why).
pub fn parse_piece<T: DeserializeOwned>(text: &str, range: &Range<usize>) -> Option<Vec<T>> {
    parse_text::<Vec<T>>(&piece_text(text, range)?).ok()
}

/// The records of the list file `file` from its pieces' parsed records, or,
/// when a piece failed, from the whole file parsed again in one piece (its
/// problem recorded as always).
pub fn joined<T: DeserializeOwned>(
    file: &DataFile,
    parsed: Vec<Option<Vec<T>>>,
    problems: &mut Vec<Problem>,
) -> Option<Vec<T>> {
    if parsed.iter().any(Option::is_none) {
        return parse_file::<Vec<T>>(file, problems);
    }
    let count = parsed.iter().flatten().map(Vec::len).sum();
    let mut records = Vec::with_capacity(count);
    for piece in parsed.into_iter().flatten() {
        records.extend(piece);
    }
    Some(records)
}

/// One list file being parsed: whole, or in pieces.
pub struct List<'f, T> {
    file: &'f DataFile,
    /// The pieces' records, empty when the file is parsed whole.
    ranges: Vec<Range<usize>>,
    pieces: Vec<Option<Vec<T>>>,
    whole: Option<Vec<T>>,
    problems: Vec<Problem>,
}

impl<'f, T: DeserializeOwned + Send> List<'f, T> {
    /// `file`, to be cut into pieces for `threads` threads if it is large.
    pub fn new(file: &'f DataFile, threads: usize) -> Self {
        // Twice as many pieces as threads, so that a thread done early
        // with a small file takes one more rather than waiting.
        let ranges = pieces(&file.text, 2 * threads).unwrap_or_default();
        Self {
            file,
            pieces: ranges.iter().map(|_| None).collect(),
            ranges,
            whole: None,
            problems: Vec::new(),
        }
    }

    /// The jobs that parse it, each with its size in bytes.
    pub fn jobs<'a>(&'a mut self, jobs: &mut Vec<(usize, Job<'a>)>) {
        let Self {
            file,
            ranges,
            pieces,
            whole,
            problems,
        } = self;
        let file: &'f DataFile = file;
        if ranges.is_empty() {
            let job = move || *whole = parse_file::<Vec<T>>(file, problems);
            jobs.push((file.text.len(), Box::new(job)));
            return;
        }
        for (range, slot) in ranges.iter().zip(pieces.iter_mut()) {
            let job = move || *slot = parse_piece::<T>(&file.text, range);
            jobs.push((range.len(), Box::new(job)));
        }
    }

    /// Its records, or `None` with its problem added to `problems`.
    pub fn finish(self, problems: &mut Vec<Problem>) -> Option<Vec<T>> {
        if self.ranges.is_empty() {
            problems.extend(self.problems);
            return self.whole;
        }
        joined(self.file, self.pieces, problems)
    }
}

/// Runs `jobs`, the largest first, on [`threads`] threads.
pub fn run_sized(mut jobs: Vec<(usize, Job<'_>)>, threads: usize) {
    jobs.sort_by_key(|(size, _)| std::cmp::Reverse(*size));
    run(jobs.into_iter().map(|(_, job)| job).collect(), threads);
}

/// What the scanner is looking at.
struct Scanner<'t> {
    bytes: &'t [u8],
    at: usize,
}

impl Scanner<'_> {
    /// Moves past a comment starting here, if one does; whether it did.
    fn comment(&mut self) -> bool {
        let rest = self.bytes.get(self.at..).unwrap_or(&[]);
        if rest.starts_with(b"//") {
            self.at += memchr::memchr(b'\n', rest).map_or(rest.len(), |n| n + 1);
            true
        } else if rest.starts_with(b"/*") {
            let text = std::str::from_utf8(rest).unwrap_or("");
            self.at += if text.is_empty() {
                rest.len()
            } else {
                super::locate::block_comment_len(text)
            };
            true
        } else {
            false
        }
    }

    /// Moves past the string whose `"` is here (a raw one when `hashes`
    /// is some); `None` when it is not closed.
    fn string(&mut self, hashes: Option<usize>) -> Option<()> {
        let from = self.at + 1;
        let rest = self.bytes.get(from..)?;
        match hashes {
            None => {
                let mut at = 0;
                loop {
                    let found = memchr::memchr2(b'"', b'\\', rest.get(at..)?)?;
                    if rest.get(at + found) == Some(&b'\\') {
                        at += found + 2;
                    } else {
                        self.at = from + at + found + 1;
                        return Some(());
                    }
                }
            }
            Some(hashes) => {
                let mut end = vec![b'"'];
                end.extend(std::iter::repeat_n(b'#', hashes));
                let found = memchr::memmem::find(rest, &end)?;
                self.at = from + found + end.len();
                Some(())
            }
        }
    }

    /// Moves past the character literal (`'a'`, `'\n'`) whose `'` is here.
    fn character(&mut self) -> Option<()> {
        let rest = self.bytes.get(self.at + 1..)?;
        let len = if rest.first() == Some(&b'\\') {
            memchr::memchr(b'\'', rest.get(1..)?)? + 1
        } else {
            let head = rest.get(..rest.len().min(4))?;
            let text = match std::str::from_utf8(head) {
                Ok(text) => text,
                Err(error) => std::str::from_utf8(head.get(..error.valid_up_to())?).ok()?,
            };
            text.chars().next()?.len_utf8()
        };
        (rest.get(len) == Some(&b'\'')).then_some(())?;
        self.at += len + 2;
        Some(())
    }

    /// How many `#` stand between an `r` that opens a raw string and the
    /// `"` here, when one does (`r"`, `r#"`, `br##"`).
    fn raw_hashes(&self) -> Option<usize> {
        let before = self.bytes.get(..self.at)?;
        let hashes = before.iter().rev().take_while(|&&b| b == b'#').count();
        let r = before.len().checked_sub(hashes + 1)?;
        if before.get(r) != Some(&b'r') {
            return None;
        }
        let word = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
        let prefix = r.checked_sub(1).and_then(|p| before.get(p));
        match prefix {
            Some(b'b') if !word(r.checked_sub(2).and_then(|p| before.get(p))) => Some(hashes),
            prefix if !word(prefix) => Some(hashes),
            _ => None,
        }
    }
}

/// The commas between top-level records at which to cut `text` into about
/// `pieces` pieces of like size: each the first comma after a record's `)`
/// at or past its share of the text. `None` when the text is not a list of
/// records as the scanner reads it (the file is then parsed whole).
fn cuts(text: &str, pieces: usize) -> Option<Vec<usize>> {
    let bytes = text.as_bytes();
    let mut scanner = Scanner { bytes, at: 0 };
    let mut depth = 0usize;
    let mut last = 0u8;
    let mut cuts = Vec::with_capacity(pieces);
    let share = text.len() / pieces;
    let mut next = share;
    while let Some(&byte) = bytes.get(scanner.at) {
        match byte {
            b'/' if scanner.comment() => continue,
            b'"' => {
                let hashes = scanner.raw_hashes();
                scanner.string(hashes)?;
                last = b'"';
                continue;
            }
            b'\'' => {
                scanner.character()?;
                last = b'\'';
                continue;
            }
            b'[' if depth == 0 && last != 0 => return None,
            b'(' | b'[' | b'{' => {
                if depth == 0 && byte != b'[' {
                    return None;
                }
                depth += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    break;
                }
            }
            b',' if depth == 1 && last == b')' && scanner.at >= next => {
                cuts.push(scanner.at);
                next = scanner.at + share;
            }
            _ if byte.is_ascii_whitespace() => {
                scanner.at += 1;
                continue;
            }
            _ if depth == 0 => return None,
            _ => {}
        }
        last = byte;
        scanner.at += 1;
    }
    Some(cuts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_fall_between_records_only() {
        let text =
            r##"[ A(x: "a), B(", y: [(1), (2)]), /* ), C( */ B(x: r#"), ""#), C(c: '"'), D() ]"##;
        let cuts = cuts(text, 50).unwrap();
        let before: Vec<&str> = cuts.iter().map(|&c| &text[c - 1..=c]).collect();
        assert_eq!(before, vec!["),"; 3], "{cuts:?}");
        let after: Vec<&str> = cuts.iter().map(|&c| text[c + 1..].trim_start()).collect();
        assert!(after[0].starts_with("/* ), C( */ B(x:"), "{after:?}");
        assert!(after[1].starts_with("C(c:"), "{after:?}");
        assert!(after[2].starts_with("D()"), "{after:?}");
    }

    #[test]
    fn a_file_that_is_not_a_plain_list_is_not_cut() {
        for text in [
            "#![enable(implicit_some)] [A(), B()]",
            "A(x: [B(), C()])",
            "[A(), B(x: \"never closed), C()]",
            "[A(), 'xy', B()]",
        ] {
            assert_eq!(cuts(text, 4), None, "{text}");
        }
    }

    #[test]
    fn pieces_cover_the_file_but_the_cut_commas() {
        let text: String = std::iter::once("[\n".to_owned())
            .chain((0..60_000).map(|i| format!("Event(id: \"e{i}\", n: ({i}, \"a, b\")),\n")))
            .chain(std::iter::once("]\n".to_owned()))
            .collect();
        let ranges = pieces(&text, 4).unwrap();
        assert!(ranges.len() >= 2, "{}", ranges.len());
        assert_eq!(ranges.first().unwrap().start, 0);
        assert_eq!(ranges.last().unwrap().end, text.len());
        for pair in ranges.windows(2) {
            assert_eq!(pair[0].end + 1, pair[1].start);
            assert_eq!(&text[pair[0].end..pair[1].start], ",");
        }
    }

    use crate::model::Event;
    use proptest::prelude::*;

    /// A list of events written as authors write them, with the
    /// characters that trip a scanner inside texts and comments.
    fn events_text(count: usize) -> String {
        let mut text = String::from("// the events\n[\n");
        for i in 0..count {
            text.push_str(&format!(
                "  Event(\n    id: \"e{i}\", // ), Event(\n    date: \"19{:02}-0{}\",\n    title: \"A ), B(\\\" [{i}]\",\n    description: r#\"says \"), (\" /* \"#,\n    category: Summit,\n    sources: [(\"a\", {}), (\"b\", 2)], /* ]), */\n  ),\n",
                i % 100,
                1 + i % 9,
                1 + i % 7
            ));
        }
        text.push_str("]\n");
        text
    }

    /// What parsing in pieces gives: the pieces' records end to end, or
    /// `None` when a piece does not parse (the whole file is then parsed).
    fn in_pieces(text: &str, pieces: usize) -> Option<Vec<Event>> {
        let ranges = pieces_of(text, pieces, 1)?;
        let mut events = Vec::new();
        for range in &ranges {
            events.extend(parse_piece::<Event>(text, range)?);
        }
        Some(events)
    }

    #[test]
    fn a_list_in_pieces_parses_as_it_does_whole() {
        let text = events_text(40);
        let whole: Vec<Event> = parse_text(&text).unwrap();
        for pieces in [2, 3, 7, 40] {
            let ranges = pieces_of(&text, pieces, 1).unwrap();
            assert!((2..=pieces).contains(&ranges.len()), "{pieces}");
            assert_eq!(in_pieces(&text, pieces), Some(whole.clone()), "{pieces}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// Whatever is broken in the text, pieces that all parse give the
        /// whole file's records: never other records, never records from a
        /// file that does not parse.
        #[test]
        fn pieces_that_parse_give_the_whole_files_records(
            edits in proptest::collection::vec(
                (any::<proptest::sample::Index>(), 0..4u8, proptest::sample::select(
                    vec!['"', '(', ')', ',', '[', ']', '/', '*', '\'', 'r', '#', '\\', '\n', 'x']
                )),
                1..4,
            ),
            // A few pieces, or as many as there are places to cut.
            pieces in prop_oneof![2..9usize, Just(usize::MAX)],
        ) {
            let mut text = events_text(12);
            for (at, kind, c) in edits {
                let mut at = at.index(text.len());
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                match kind {
                    0 => text.insert(at, c),
                    // Between two records, where the pieces are cut.
                    3 => {
                        let ends: Vec<usize> = text.match_indices("),\n").map(|(i, _)| i + 3).collect();
                        if let Some(&end) = ends.get(at % ends.len().max(1)) {
                            text.insert(end, c);
                        }
                    }
                    1 if at < text.len() => {
                        text.remove(at);
                    }
                    _ if at < text.len() => {
                        text.remove(at);
                        text.insert(at, c);
                    }
                    _ => {}
                }
            }
            if let Some(events) = in_pieces(&text, pieces) {
                let whole = parse_text::<Vec<Event>>(&text);
                prop_assert!(whole.is_ok(), "pieces parsed, the whole did not: {:?}", whole.err());
                prop_assert_eq!(Some(events), whole.ok());
            }
        }
    }
}
