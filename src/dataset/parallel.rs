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

use super::fast_ron;
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

/// Until when parsing leaves one core to the window, if it does: see
/// [`leave_a_core`].
#[cfg(not(target_arch = "wasm32"))]
static CORE_LEFT_UNTIL: std::sync::Mutex<Option<std::time::Instant>> = std::sync::Mutex::new(None);

/// Asks parsing to leave one core free for at most `for_at_most` (`None`:
/// from now on it may use every core again). The window asks it while it
/// draws its first frame (laying out its fonts takes a core for some 40 ms)
/// so that frame is not slowed by a large unit parsing beside it. The
/// thread that runs [`run`] always works, so parsing never stops; the time
/// limit means a window that never says it is done holds nothing back for
/// long.
pub fn leave_a_core(for_at_most: Option<std::time::Duration>) {
    #[cfg(not(target_arch = "wasm32"))]
    if let Ok(mut until) = CORE_LEFT_UNTIL.lock() {
        *until = for_at_most.map(|d| std::time::Instant::now() + d);
    }
    #[cfg(target_arch = "wasm32")]
    let _ = for_at_most;
}

/// Waits, on a thread of [`run`]'s own, while a core is to be left free
/// and there is work left (`done` says there is not).
fn wait_while_a_core_is_left(done: &std::sync::atomic::AtomicBool) {
    #[cfg(not(target_arch = "wasm32"))]
    while !done.load(std::sync::atomic::Ordering::Relaxed) {
        let until = CORE_LEFT_UNTIL.lock().map(|u| *u).unwrap_or(None);
        match until {
            Some(until) if std::time::Instant::now() < until => {
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            _ => return,
        }
    }
    #[cfg(target_arch = "wasm32")]
    let _ = done;
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
    let done = std::sync::atomic::AtomicBool::new(false);
    let work = |own: bool| {
        loop {
            if !own {
                wait_while_a_core_is_left(&done);
            }
            // A job that panicked poisons nothing of ours: the queue is
            // only an iterator, and the scope passes the panic on.
            let next = match queue.lock() {
                Ok(mut queue) => queue.next(),
                Err(poisoned) => poisoned.into_inner().next(),
            };
            match next {
                Some(job) => job(),
                None => {
                    done.store(true, std::sync::atomic::Ordering::Relaxed);
                    break;
                }
            }
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(|| work(false));
        }
        work(true);
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
/// parsed again to say why). Like every file, by the fast reader of our
/// RON first and by ron where it refuses (`parse_text`, `fast_ron`).
pub fn parse_piece<T: DeserializeOwned>(text: &str, range: &Range<usize>) -> Option<Vec<T>> {
    // Read in place where the fast reader can (a copy of every piece was
    // 19 MB more, a few MB at a time, for a 100,000-event unit), its
    // records held at their size; bracketed and read as a list otherwise.
    let records = text.get(range.clone())?;
    let (open, close) = (range.start == 0, range.end >= text.len());
    if let Ok(records) = fast_ron::list_piece::<T>(records, open, close) {
        return Some(records);
    }
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
    // Onto the first piece, each other one let go of once moved: never
    // two whole copies of the records in memory.
    let count: usize = parsed.iter().flatten().map(Vec::len).sum();
    let mut pieces = parsed.into_iter().flatten();
    let mut records = pieces.next().unwrap_or_default();
    records.reserve_exact(count - records.len());
    for piece in pieces {
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
        // Four times as many pieces as threads, so that a thread done
        // early with a small file, or one that started late (see
        // `leave_a_core`), takes one more rather than the others waiting.
        let ranges = pieces(&file.text, 4 * threads).unwrap_or_default();
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

/// Where the first record of the list file `text` is named (`Event` in
/// `[ Event(`): `None` when the file is not a plain list of named records
/// (a `#![enable(…)]` before the list changes how every piece reads, so
/// such a file is not cut).
fn record_name(text: &str) -> Option<&str> {
    let locator = super::locate::Locator::new(text);
    let open = locator.next_token(0);
    if !text.get(open..)?.starts_with('[') {
        return None;
    }
    let rest = text.get(locator.next_token(open + 1)..)?;
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    let name = rest.get(..name_len)?;
    let starts_word = name.starts_with(|c: char| c.is_ascii_alphabetic());
    (starts_word && rest.get(name_len..)?.starts_with('(')).then_some(name)
}

/// The commas at which to cut `text` into about `pieces` pieces of like
/// size: at each share of the text, the first line that opens a record
/// as the first one does (`Event(`), after a `),` that closes the one
/// before. Nothing else is read, so a text that holds such a line may be
/// cut inside it: that piece then does not parse, and the file is parsed
/// whole (see the module's comment).
fn cuts(text: &str, pieces: usize) -> Option<Vec<usize>> {
    let name = record_name(text)?;
    let opens = format!("{name}(");
    let bytes = text.as_bytes();
    let share = text.len() / pieces.max(1);
    let mut cuts = Vec::with_capacity(pieces);
    let mut from = share;
    while from < text.len() {
        let Some(newline) = memchr::memchr(b'\n', bytes.get(from..)?).map(|n| from + n) else {
            break;
        };
        from = newline + 1;
        let line = text.get(from..)?.trim_start_matches([' ', '\t']);
        if !line.starts_with(&opens) {
            continue;
        }
        let before = text.get(..newline)?.trim_end();
        let Some(before) = before.strip_suffix(',') else {
            continue;
        };
        if before.trim_end().ends_with(')') {
            cuts.push(before.len());
            from = from.max(before.len() + share);
        }
    }
    Some(cuts)
}

#[cfg(test)]
mod tests {
    #[test]
    fn while_a_core_is_left_the_caller_does_the_work_and_nothing_waits_for_the_limit() {
        let caller = std::thread::current().id();
        let ran = std::sync::Mutex::new(Vec::new());
        let started = std::time::Instant::now();
        leave_a_core(Some(std::time::Duration::from_secs(5)));
        let jobs: Vec<Job<'_>> = (0..6)
            .map(|_| {
                Box::new(|| {
                    std::thread::sleep(std::time::Duration::from_millis(5));
                    ran.lock().unwrap().push(std::thread::current().id());
                }) as Job<'_>
            })
            .collect();
        run(jobs, 2);
        leave_a_core(None);
        let ran = ran.into_inner().unwrap();
        assert_eq!(ran.len(), 6, "every job ran");
        assert!(ran.iter().all(|id| *id == caller), "only the caller worked");
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "the other thread did not keep the work waiting for the limit"
        );
        // Released, both threads work again.
        let ran = std::sync::Mutex::new(std::collections::HashSet::new());
        let jobs: Vec<Job<'_>> = (0..8)
            .map(|_| {
                Box::new(|| {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    ran.lock().unwrap().insert(std::thread::current().id());
                }) as Job<'_>
            })
            .collect();
        run(jobs, 2);
        assert_eq!(ran.into_inner().unwrap().len(), 2);
    }

    use super::*;

    #[test]
    fn cuts_fall_before_a_line_that_opens_a_record() {
        let text = "// events\n[\n  Event(x: 1, y: [(1),\n (2)]),\n  Event(x: \"),\n Other(\"),\n  Event(),\n]\n";
        let cuts = cuts(text, 50).unwrap();
        let after: Vec<&str> = cuts.iter().map(|&c| text[c + 1..].trim_start()).collect();
        assert_eq!(after.len(), 2, "{after:?}");
        assert!(after[0].starts_with("Event(x: \""), "{after:?}");
        assert!(after[1].starts_with("Event(),"), "{after:?}");
        assert!(cuts.iter().all(|&c| &text[c - 1..=c] == "),"));
    }

    #[test]
    fn a_file_that_is_not_a_plain_list_of_named_records_is_not_cut() {
        for text in [
            "#![enable(implicit_some)] [A(),\n A()]",
            "A(x: [B(),\n B()])",
            "[(x: 1),\n (x: 2)]",
            "[1,\n 2]",
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

    /// A record line whose `//` comment ends in `),` looks like a place
    /// to cut. Read whole, the comment swallows the comma between the two
    /// records and the file is broken; the piece before the cut must not
    /// read as if it ended there, or the pieces would give records the
    /// file does not have.
    #[test]
    fn a_comma_inside_a_line_comment_is_not_the_one_between_records() {
        let text = events_text(6);
        let first_end = text.find("),\n").unwrap();
        let mut broken = text.clone();
        // `Event(…) // see (1),` — no comma after the record any more.
        broken.replace_range(first_end + 1..first_end + 2, " // see (1),");
        assert!(
            parse_text::<Vec<Event>>(&broken).is_err(),
            "the whole is broken"
        );
        for pieces in [2, 3, 6] {
            assert_eq!(in_pieces(&broken, pieces), None, "{pieces} pieces");
        }
        // With the comma kept before the comment, the file reads; the
        // piece that ends in the comment is not read in place, so the file
        // is read whole (`joined`), never to other records.
        let mut fine = text;
        fine.replace_range(first_end + 1..first_end + 2, ", // see (1),");
        let whole: Vec<Event> = parse_text(&fine).unwrap();
        let ranges = pieces_of(&fine, 6, 1).unwrap();
        let ends_in_comment = ranges
            .iter()
            .find(|r| fine[(*r).clone()].ends_with("// see (1)"))
            .unwrap();
        assert_eq!(
            fast_ron::list_piece::<Event>(&fine[ends_in_comment.clone()], true, false),
            Err(fast_ron::Error)
        );
        assert_eq!(in_pieces(&fine, 6), None);
        assert_eq!(
            in_pieces(&fine.replace(" // see (1),", ""), 6).map(|e| e.len()),
            Some(whole.len())
        );
    }

    /// The fast reader reads a piece in place, to the same records as the
    /// piece bracketed and read as a list of its own.
    #[test]
    fn a_piece_read_in_place_is_the_piece_read_bracketed() {
        let text = events_text(30);
        for pieces in [2, 5, 30] {
            for range in pieces_of(&text, pieces, 1).unwrap() {
                let records = &text[range.clone()];
                let open = range.start == 0;
                let close = range.end == text.len();
                let in_place = fast_ron::list_piece::<Event>(records, open, close);
                let bracketed: Vec<Event> =
                    parse_text(&piece_text(&text, &range).unwrap()).unwrap();
                assert_eq!(in_place, Ok(bracketed), "{range:?}");
            }
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
                        let ends: Vec<usize> = text.match_indices("),\n").map(|(i, _)| i).collect();
                        if let Some(&end) = ends.get(at / 3 % ends.len().max(1)) {
                            // Before the comma, after it, or after the line's end.
                            text.insert(end + 1 + at % 3, c);
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
