//! A property of the loader: whatever a dataset's files hold, loading them
//! ends in a dataset or in problems a reader can act on, never in a panic.
//!
//! Each case takes the bundled dataset's files, applies a few random
//! mutations chosen by its seed (bytes deleted, duplicated or flipped, a file
//! cut short, lines swapped, brackets, quotes, huge numbers and deep nesting
//! inserted, a text's characters replaced by bytes that are not UTF-8, digits
//! changed, whole files dropped or doubled), then loads them through
//! [`DataFiles::from_bytes`] and [`Dataset::from_files`]. A panic is caught
//! and reported with its seed; every problem must have a file, a place from 1
//! and a non-empty sentence.
//!
//! Run more cases with `MUTATED_DATASETS_CASES=5000 cargo test --release
//! --test integration mutated_datasets::`, or one case with `MUTATED_DATASETS_SEED=N`.
//!
//! The generator is splitmix64, written out here: a few lines, no dependency,
//! and the same cases on every platform. (proptest would add shrinking, but
//! the cases are small edits of a known dataset and a seed reproduces one.)

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::panic::{AssertUnwindSafe, catch_unwind};

use neutrality_reader::dataset::{DataFiles, Dataset, LoadError};
use neutrality_reader::terminal::printable;

/// Cases run by a plain `cargo test`: about three seconds in a debug build.
const DEFAULT_CASES: u64 = 2000;

/// splitmix64.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed ^ 0x5EED_DA7A_5E75_0001)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// One file under mutation.
#[derive(Clone)]
struct File {
    name: String,
    bytes: Vec<u8>,
}

/// The bundled dataset as bytes: articles, then the five record files.
fn bundled() -> (Vec<File>, Vec<File>) {
    let files = DataFiles::embedded();
    let file = |f: &neutrality_reader::dataset::DataFile| File {
        name: f.name.clone(),
        bytes: f.text.clone().into_bytes(),
    };
    (
        files.articles.iter().map(file).collect(),
        files.records.iter().map(file).collect(),
    )
}

const SNIPPETS: [&str; 30] = [
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "\"",
    ",",
    ":",
    "'",
    "\\",
    "/*",
    "//",
    "r#\"",
    "\"#",
    "Some(",
    "None",
    "()",
    "id:",
    "\n",
    "\u{feff}",
    "\u{0}",
    "é",
    "“",
    // Terminal controls (clear the screen, set the title, the one-byte CSI),
    // and a record of the wrong name.
    "\u{1b}[2J",
    "\u{1b}]0;owned\u{7}",
    "\u{9b}31m",
    "\r",
    "\u{7f}",
    "root(",
];

const NUMBERS: [&str; 10] = [
    "99999999999999999999999999999999",
    "18446744073709551616",
    "-9223372036854775809",
    "4294967296",
    "-1",
    "0",
    "1e999",
    "-1e-999",
    "NaN",
    "0x7fffffffffffffff",
];

const NOT_UTF8: [&[u8]; 6] = [
    b"\xff",
    b"\xc0\xaf",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\xe2\x80",
    b"\x80\x80\x80",
];

/// Applies one random mutation to `bytes`; returns what it did, for the report.
fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>) -> String {
    let len = bytes.len();
    let at = rng.below(len + 1);
    match rng.below(12) {
        0 => {
            let end = (at + 1 + rng.below(64)).min(len);
            bytes.drain(at..end);
            format!("deleted bytes {at}..{end}")
        }
        1 => {
            let end = (at + 1 + rng.below(256)).min(len);
            let copy = bytes[at..end].to_vec();
            let to = rng.below(len + 1);
            bytes.splice(to..to, copy);
            format!("copied bytes {at}..{end} to {to}")
        }
        2 => {
            let flips = 1 + rng.below(8);
            for _ in 0..flips {
                if !bytes.is_empty() {
                    let i = rng.below(bytes.len());
                    bytes[i] ^= 1 << rng.below(8);
                }
            }
            format!("flipped {flips} bits")
        }
        3 => {
            bytes.truncate(at);
            format!("cut at byte {at}")
        }
        4 => {
            let mut lines: Vec<Vec<u8>> =
                bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
            let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
            lines.swap(a, b);
            *bytes = lines.join(&b'\n');
            format!("swapped lines {} and {}", a + 1, b + 1)
        }
        5 => {
            let snippet = *rng.pick(&SNIPPETS);
            bytes.splice(at..at, snippet.bytes());
            format!("inserted {snippet:?} at {at}")
        }
        6 => {
            // Replace a run of digits, or insert a number, with a huge one.
            let number = *rng.pick(&NUMBERS);
            let start = (at..len).find(|&i| bytes[i].is_ascii_digit()).unwrap_or(at);
            let end = (start..len)
                .find(|&i| !bytes[i].is_ascii_digit())
                .unwrap_or(len)
                .max(start);
            bytes.splice(start..end, number.bytes());
            format!("put {number} at {start}")
        }
        7 => {
            let depth = 1 + rng.below(5000);
            let (open, close) = *rng.pick(&[("[", "]"), ("(", ")"), ("Some(", ")"), ("{", "}")]);
            let mut nest = open.repeat(depth);
            if rng.below(2) == 0 {
                nest.push_str(&close.repeat(depth));
            }
            bytes.splice(at..at, nest.bytes());
            format!("nested {open} {depth} deep at {at}")
        }
        8 => {
            // Replace the inside of a quoted text with bytes that are not UTF-8.
            let bad = *rng.pick(&NOT_UTF8);
            let Some(open) = (at..len).find(|&i| bytes[i] == b'"') else {
                bytes.splice(at..at, bad.iter().copied());
                return format!("inserted non-UTF-8 at {at}");
            };
            let close = (open + 1..len).find(|&i| bytes[i] == b'"').unwrap_or(len);
            bytes.splice(open + 1..close, bad.iter().copied());
            format!("replaced the text at {open} with non-UTF-8")
        }
        9 => {
            // Change a digit: impossible dates, paragraphs past the end, ids.
            match (at..len).find(|&i| bytes[i].is_ascii_digit()) {
                Some(i) => {
                    bytes[i] = b'0' + rng.below(10) as u8;
                    format!("changed the digit at {i}")
                }
                None => "no digit to change".to_owned(),
            }
        }
        10 => {
            // Copy one line over another: duplicate ids, fields out of place.
            let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
            let from = rng.below(lines.len());
            let to = rng.below(lines.len());
            let mut out: Vec<Vec<u8>> = lines.iter().map(|l| l.to_vec()).collect();
            out[to] = lines[from].to_vec();
            *bytes = out.join(&b'\n');
            format!("copied line {} over line {}", from + 1, to + 1)
        }
        _ => {
            let byte = rng.next() as u8;
            bytes.insert(at.min(bytes.len()), byte);
            format!("inserted byte {byte:#04x} at {at}")
        }
    }
}

/// Builds one case's files from its seed; returns them and what was done.
fn case(seed: u64) -> (Vec<File>, Vec<File>, Vec<String>) {
    let mut rng = Rng::new(seed);
    let (mut articles, mut records) = bundled();
    let mut done = Vec::new();
    // Now and then, drop or double a whole article.
    match rng.below(10) {
        0 if !articles.is_empty() => {
            let gone = articles.remove(rng.below(articles.len()));
            done.push(format!("dropped {}", gone.name));
        }
        1 => {
            let copy = rng.pick(&articles).clone();
            done.push(format!("doubled {}", copy.name));
            articles.push(File {
                name: format!("{}.copy.ron", copy.name),
                ..copy
            });
        }
        _ => {}
    }
    let mutations = 1 + rng.below(4);
    for _ in 0..mutations {
        let total = articles.len() + records.len();
        let n = rng.below(total);
        let file = if n < articles.len() {
            &mut articles[n]
        } else {
            &mut records[n - articles.len()]
        };
        let what = mutate(&mut rng, &mut file.bytes);
        done.push(format!("{}: {what}", file.name));
    }
    (articles, records, done)
}

/// Loads one case: whether it loaded, or what is wrong with the outcome.
fn load(articles: Vec<File>, records: Vec<File>) -> Result<bool, String> {
    let names: Vec<String> = articles
        .iter()
        .chain(&records)
        .map(|f| f.name.clone())
        .collect();
    let pair = |f: File| (f.name, f.bytes);
    let records: [(String, Vec<u8>); 5] = records
        .into_iter()
        .map(pair)
        .collect::<Vec<_>>()
        .try_into()
        .map_err(|_| "not five record files".to_owned())?;
    let articles = articles.into_iter().map(pair).collect();
    let result = DataFiles::from_bytes(articles, records).and_then(|f| Dataset::from_files(&f));
    match result {
        Ok(_) => Ok(true),
        Err(err) => check_problems(&err, &names).map(|()| false),
    }
}

fn check_problems(err: &LoadError, names: &[String]) -> Result<(), String> {
    if err.problems.is_empty() {
        return Err("an error without a problem".to_owned());
    }
    for problem in &err.problems {
        if problem.message.trim().is_empty() {
            return Err(format!("a problem without a sentence: {problem:?}"));
        }
        if !names.contains(&problem.file) {
            return Err(format!("a problem in a file not given: {problem:?}"));
        }
        if problem.line == Some(0) || problem.column == Some(0) {
            return Err(format!("a place counted from 0: {problem:?}"));
        }
        // As the terminal gets it: no control character of the data's obeyed.
        let shown = printable(&problem.to_string()).into_owned();
        if shown
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
        {
            return Err(format!(
                "a control character reaches the terminal: {shown:?}"
            ));
        }
    }
    let _ = err.to_string();
    Ok(())
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok()?.parse().ok()
}

#[test]
fn mutated_bundled_datasets_load_or_report_problems_and_never_panic() {
    let seeds: Vec<u64> = match env_number("MUTATED_DATASETS_SEED") {
        Some(seed) => vec![seed],
        None => (0..env_number("MUTATED_DATASETS_CASES").unwrap_or(DEFAULT_CASES)).collect(),
    };
    let mut failures = Vec::new();
    let mut loaded = 0;
    for &seed in &seeds {
        let (articles, records, done) = case(seed);
        let outcome = catch_unwind(AssertUnwindSafe(|| load(articles, records)));
        let failure = match outcome {
            Ok(Ok(true)) => {
                loaded += 1;
                continue;
            }
            Ok(Ok(false)) => continue,
            Ok(Err(wrong)) => wrong,
            Err(panic) => {
                let text = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_default();
                format!("panicked: {text}")
            }
        };
        failures.push(format!(
            "seed {seed} ({}): {failure}\n  reproduce with MUTATED_DATASETS_SEED={seed}",
            done.join("; ")
        ));
    }
    println!(
        "{} mutated datasets: {loaded} loaded, {} reported problems, {} failed",
        seeds.len(),
        seeds.len() - loaded - failures.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Some mutations (a swapped blank line, a doubled comment) leave a valid
    // dataset; most do not. Both outcomes must occur, or the test tests nothing.
    if seeds.len() >= 100 {
        assert!(loaded > 0, "no mutated dataset loaded");
        assert!(loaded < seeds.len(), "every mutated dataset loaded");
    }
}

#[test]
fn the_mutations_are_the_same_for_the_same_seed() {
    let (a1, r1, d1) = case(42);
    let (a2, r2, d2) = case(42);
    assert_eq!(d1, d2);
    let bytes = |files: &[File]| files.iter().map(|f| f.bytes.clone()).collect::<Vec<_>>();
    assert_eq!(bytes(&a1), bytes(&a2));
    assert_eq!(bytes(&r1), bytes(&r2));
}

// ---------------------------------------------------------------- hostile folders

/// What a case did to a copy of `data/` on disk, and whether it must keep
/// the unit from loading.
#[cfg(unix)]
fn hostile_change(
    rng: &mut Rng,
    unit: &std::path::Path,
    outside: &std::path::Path,
) -> (String, bool) {
    use std::fs;
    use std::os::unix::fs::symlink;
    let mut files: Vec<String> = neutrality_reader::dataset::RECORD_FILES
        .iter()
        .map(|name| (*name).to_owned())
        .collect();
    files.extend(
        neutrality_reader::dataset::EMBEDDED_ARTICLES
            .iter()
            .map(|name| (*name).to_owned()),
    );
    let rel = rng.pick(&files).clone();
    let path = unit.join(&rel);
    if !path.is_file() || path.is_symlink() {
        // Changed already by an earlier step of this case.
        return (format!("{rel}: left as it was"), false);
    }
    match rng.below(7) {
        0 => {
            // The same, good file, but outside the unit: it must not be read.
            let away = outside.join(rel.replace('/', "-"));
            fs::rename(&path, &away).unwrap();
            symlink(&away, &path).unwrap();
            (format!("{rel}: linked to a copy outside"), true)
        }
        1 => {
            fs::remove_file(&path).unwrap();
            symlink(path.file_name().unwrap(), &path).unwrap();
            (format!("{rel}: a link to itself"), true)
        }
        2 => {
            fs::remove_file(&path).unwrap();
            symlink("nowhere.ron", &path).unwrap();
            (format!("{rel}: a link to nothing"), true)
        }
        3 => {
            fs::remove_file(&path).unwrap();
            let made = std::process::Command::new("mkfifo")
                .arg(&path)
                .status()
                .unwrap();
            assert!(made.success());
            (format!("{rel}: a named pipe"), true)
        }
        4 => {
            let articles = unit.join("articles");
            let n = rng.next();
            symlink("someone@host.1:2", articles.join(format!(".#lock-{n}.ron"))).unwrap();
            fs::write(
                articles.join(format!("._apple-{n}.ron")),
                [0, 5, 22, 7, 0xff],
            )
            .unwrap();
            fs::write(articles.join(format!("backup-{n}.ron~")), "Article(").unwrap();
            fs::write(articles.join(format!(".swap-{n}.ron.swp")), [0xff; 4]).unwrap();
            ("articles/: editor and hidden files".to_owned(), false)
        }
        5 => {
            let text = fs::read(&path).unwrap();
            fs::write(&path, [b"\xef\xbb\xbf".as_slice(), &text].concat()).unwrap();
            (format!("{rel}: a byte order mark"), false)
        }
        _ => {
            // A link that stays inside the unit is followed.
            let spare = unit.join("spare");
            fs::create_dir_all(&spare).unwrap();
            let kept = spare.join(rel.replace('/', "-"));
            fs::rename(&path, &kept).unwrap();
            symlink(&kept, &path).unwrap();
            (format!("{rel}: linked to a copy inside"), false)
        }
    }
}

/// Folders with links out, loops, links to nothing, pipes, editor files,
/// byte order marks and links inside: a unit loads exactly when nothing in
/// it is refused, nothing outside it is ever loaded, and every problem is in
/// a file of the unit with a sentence.
#[cfg(unix)]
#[test]
fn hostile_folders_load_nothing_from_outside() {
    let cases = env_number("HOSTILE_FOLDER_CASES").unwrap_or(60);
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for seed in 0..cases {
        let mut rng = Rng::new(seed ^ 0xF01D);
        let dir = tempfile::TempDir::new().unwrap();
        let (unit, outside) = (dir.path().join("unit"), dir.path().join("outside"));
        std::fs::create_dir(&outside).unwrap();
        copy_dir(&data, &unit);
        let mut done = Vec::new();
        let mut must_fail = false;
        for _ in 0..1 + rng.below(3) {
            let (what, fails) = hostile_change(&mut rng, &unit, &outside);
            done.push(what);
            must_fail |= fails;
        }
        let report = format!("seed {seed}: {}", done.join("; "));
        match Dataset::load_dir(&unit) {
            Ok(dataset) => {
                assert!(!must_fail, "{report}: loaded");
                assert_eq!(dataset.articles.len(), 5, "{report}");
            }
            Err(error) => {
                assert!(must_fail, "{report}: {error}");
                let inside = unit.display().to_string();
                for problem in &error.problems {
                    assert!(problem.file.starts_with(&inside), "{report}: {problem}");
                    assert!(!problem.message.trim().is_empty(), "{report}");
                }
                if done.iter().any(|d| d.ends_with("linked to a copy outside")) {
                    assert!(
                        error
                            .problems
                            .iter()
                            .any(|p| p.message.contains("leads out of the dataset folder")),
                        "{report}: {error}"
                    );
                }
            }
        }
    }
}

/// Copies the folder `from`, with everything under it, to `to`.
fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}
