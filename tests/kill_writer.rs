//! Kill a writer midway and show that nothing is lost.
//!
//! The test binary runs itself again as a writer
//! ([`act_as_the_writer_when_asked`], told by an environment variable), which
//! saves a growing quiz memory and growing notes with `storage::save_json` as
//! fast as it can and says after each pair of saves how far it got. The test
//! kills it with SIGKILL at random moments, twenty times, and after each kill
//! checks that each file is byte for byte one of the versions the writer
//! wrote, no older than the last one it said was saved: never torn, never
//! empty, never lost. Leftover temporary files are allowed just after a
//! kill, never under the save's own name, and the next save clears them.
//!
//! `KILL_WRITER_SEED=N` replays the moments of one run; `KILL_WRITER_ROUNDS=N`
//! runs more rounds.

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::ExitStatusExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use neutrality_reader::notes::Notes;
use neutrality_reader::quiz::Rng;
use neutrality_reader::quiz::memory::{Memory, Score};
use neutrality_reader::storage::{self, Loaded, Versioned};

/// Set to a folder, this test binary acts as the writer into it.
const WRITER_FOLDER: &str = "NEUTRALITY_READER_KILL_WRITER_FOLDER";
const MEMORY_FILE: &str = "quiz-memory.json";
const NOTES_FILE: &str = "notes.json";

fn at(minute: usize) -> DateTime<Utc> {
    let minutes = i64::try_from(minute).unwrap();
    Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).single().unwrap() + chrono::Duration::minutes(minutes)
}

/// The `n`th memory the writer saves: `n` scores.
fn memory(n: usize) -> Memory {
    let mut memory = Memory::new();
    for i in 0..n {
        memory.add_score(Score {
            at: at(i),
            mode: "practice".to_owned(),
            code: Some(format!("CODE-{i:06}")),
            right: u32::try_from(i % 10).unwrap(),
            total: 10,
        });
    }
    memory
}

/// The `n`th notes the writer saves: `n` notes.
fn notes(n: usize) -> Notes {
    let mut notes = Notes::new();
    for i in 0..n {
        let paragraph = u32::try_from(i + 1).unwrap();
        let text = format!("Note {i}: a line long enough to make the file grow quickly.");
        notes.set_text("mfa-foreign-policy", paragraph, &text, at(i));
    }
    notes
}

/// The bytes `save_json` writes for `value`, saved into a scratch folder.
fn saved_bytes<T: Versioned>(value: &T) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scratch.json");
    storage::save_json(&path, value).unwrap();
    std::fs::read(path).unwrap()
}

/// The writer: not a test of its own. Run by `cargo test`, without the
/// variable, it returns at once.
#[test]
fn act_as_the_writer_when_asked() {
    let Some(folder) = std::env::var_os(WRITER_FOLDER) else {
        return;
    };
    let folder = PathBuf::from(folder);
    let mut out = std::io::stdout().lock();
    // Never outlive a parent that failed to kill it.
    let deadline = Instant::now() + Duration::from_secs(30);
    for n in 1.. {
        storage::save_json(&folder.join(MEMORY_FILE), &memory(n)).unwrap();
        storage::save_json(&folder.join(NOTES_FILE), &notes(n)).unwrap();
        if writeln!(out, "saved {n}")
            .and_then(|()| out.flush())
            .is_err()
            || Instant::now() > deadline
        {
            break;
        }
    }
}

/// What one kill left, checked.
struct Round {
    /// The last pair of saves the writer said was done.
    said: usize,
    /// The memory's and the notes' version found.
    found: (usize, usize),
    /// Temporary files left by the kill.
    leftovers: usize,
}

fn is_temporary(name: &str) -> bool {
    name.starts_with(".neutrality-reader-") && name.ends_with(".tmp")
}

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Starts a writer into `folder`, kills it `delay` after its first save,
/// and checks what it left.
fn round(folder: &Path, delay: Duration, context: &str) -> Round {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "act_as_the_writer_when_asked",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(WRITER_FOLDER, folder)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let said = Arc::new(AtomicUsize::new(0));
    let reader = {
        let said = Arc::clone(&said);
        let stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(n) = line.strip_prefix("saved ").and_then(|n| n.parse().ok()) {
                    said.store(n, Ordering::SeqCst);
                }
            }
        })
    };
    let started = Instant::now();
    while said.load(Ordering::SeqCst) == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{context}: the writer never saved"
        );
        if let Ok(Some(status)) = child.try_wait() {
            panic!("{context}: the writer ended before saving: {status}");
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    std::thread::sleep(delay);
    // SIGKILL: no destructor, no flush, nothing of the writer runs after it.
    child.kill().unwrap();
    let status = child.wait().unwrap();
    reader.join().unwrap();
    assert_eq!(
        status.signal(),
        Some(9),
        "{context}: the writer ended on its own ({status}) before the kill"
    );
    let said = said.load(Ordering::SeqCst);

    let names = names_in(folder);
    let leftovers = names.iter().filter(|n| is_temporary(n)).count();
    for name in &names {
        assert!(
            name == MEMORY_FILE || name == NOTES_FILE || is_temporary(name),
            "{context}: the kill left {name} in {names:?}"
        );
    }
    let memory_bytes = std::fs::read(folder.join(MEMORY_FILE)).unwrap();
    let notes_bytes = std::fs::read(folder.join(NOTES_FILE)).unwrap();
    let text = |bytes: &[u8]| String::from_utf8(bytes.to_vec()).unwrap();
    let found_memory: Memory = storage::read_versioned(&text(&memory_bytes))
        .unwrap_or_else(|e| panic!("{context}: the memory does not read: {e:?}"));
    let found_notes: Notes = storage::read_versioned(&text(&notes_bytes))
        .unwrap_or_else(|e| panic!("{context}: the notes do not read: {e:?}"));
    let m = found_memory.scores.len();
    let n = found_notes.entries.len();
    // Exactly a version the writer wrote, byte for byte…
    assert_eq!(found_memory, memory(m), "{context}");
    assert_eq!(
        memory_bytes,
        saved_bytes(&memory(m)),
        "{context}: memory {m}"
    );
    assert_eq!(found_notes, notes(n), "{context}");
    assert_eq!(notes_bytes, saved_bytes(&notes(n)), "{context}: notes {n}");
    // …and none that it had said was saved is lost: the memory is the last
    // one said, or the one after if the kill came before saying so; the
    // notes, saved second, as far as the memory or one behind.
    assert!(
        (said..=said + 1).contains(&m),
        "{context}: said {said}, memory {m}"
    );
    assert!(
        (said..=m).contains(&n),
        "{context}: said {said}, memory {m}, notes {n}"
    );

    // The next start reads both and its first save clears the leftovers.
    let Loaded::Read(memory_again) = storage::load_json::<Memory>(&folder.join(MEMORY_FILE)) else {
        panic!("{context}: the memory does not load");
    };
    assert_eq!(memory_again, memory(m), "{context}");
    storage::save_json(&folder.join(MEMORY_FILE), &memory_again).unwrap();
    assert_eq!(
        names_in(folder),
        [NOTES_FILE, MEMORY_FILE],
        "{context}: leftovers after the next save"
    );
    Round {
        said,
        found: (m, n),
        leftovers,
    }
}

#[test]
fn a_writer_killed_at_any_moment_leaves_a_whole_save() {
    let seed = std::env::var("KILL_WRITER_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default();
            u64::from(now.subsec_nanos()) ^ now.as_secs()
        });
    let rounds = std::env::var("KILL_WRITER_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let mut rng = Rng::new(seed, 0);
    // On the disk the build is on, where fsync costs what it costs for a
    // reader, rather than in a RAM-backed /tmp.
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let mut report = Vec::new();
    for r in 0..rounds {
        let delay = Duration::from_millis(5 + rng.below(46) as u64);
        let context = format!("KILL_WRITER_SEED={seed}, round {r}, killed after {delay:?}");
        let round = round(dir.path(), delay, &context);
        report.push(format!(
            "round {r}: said {}, memory {}, notes {}, {} temporary file(s) left by the kill",
            round.said, round.found.0, round.found.1, round.leftovers
        ));
    }
    // Shown with --nocapture: how the kills fell.
    println!("KILL_WRITER_SEED={seed}\n{}", report.join("\n"));
}
