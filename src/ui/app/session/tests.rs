//! The session's transitions against temporary folders, without a window.

use super::*;
use std::time::{Duration, Instant};

/// A starter dataset, which loads as it is, in a temporary folder.
fn starter() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("unit");
    crate::dataset::starter::write_starter(&folder).unwrap();
    (dir, folder)
}

fn events_file(folder: &Path) -> PathBuf {
    folder.join("events.ron")
}

fn break_it(folder: &Path) -> String {
    let file = events_file(folder);
    let good = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, "[ Event( id: ").unwrap();
    good
}

fn a_wake() -> Option<Wake> {
    Some(Arc::new(|| {}))
}

/// Polls until something arrives or `seconds` pass.
fn poll_for(session: &mut DatasetSession, seconds: u64) -> Option<Arrival> {
    let end = Instant::now() + Duration::from_secs(seconds);
    while Instant::now() < end {
        if let Some(arrival) = session.poll() {
            return Some(arrival);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

#[test]
fn a_folder_that_loads_arrives_and_is_remembered() {
    let (_dir, folder) = starter();
    let mut session = DatasetSession::new(DataOrigin::default(), None);
    assert!(session.bundled_open());
    let arrival = session.open_folder(&folder).ok().flatten().unwrap();
    assert_eq!(arrival.source, DatasetSource::Folder(folder.clone()));
    assert!(!arrival.same && arrival.remember);
    assert_eq!(session.shown(), &DatasetSource::Folder(folder));
    assert!(session.problems().is_none() && session.waiting().is_none());
    assert!(session.can_reload() && !session.bundled_open());
}

#[test]
fn a_path_that_is_not_a_folder_is_said_so() {
    let (dir, folder) = starter();
    let mut session = DatasetSession::new(DataOrigin::default(), None);
    let missing = dir.path().join("nothing here");
    assert_eq!(
        session.open_folder(&missing).err(),
        Some(OpenFailure::NoSuchFolder)
    );
    assert_eq!(
        session.open_folder(&events_file(&folder)).err(),
        Some(OpenFailure::NotAFolder)
    );
    assert!(session.problems().is_none() && session.waiting().is_none());
    assert_eq!(session.loads(), 0);
}

#[test]
fn a_broken_folder_is_waited_for_and_opens_once_fixed() {
    let (_dir, folder) = starter();
    let good = break_it(&folder);
    let mut session = DatasetSession::new(DataOrigin::default(), None);
    let failure = session.open_folder(&folder).err();
    assert!(matches!(failure, Some(OpenFailure::DidNotLoad { count }) if count >= 1));
    assert_eq!(
        session.shown(),
        &DatasetSource::Bundled,
        "the bundled dataset stays"
    );
    assert_eq!(session.waiting(), Some(folder.as_path()));
    let problems = session.problems().unwrap();
    assert!(problems.list_open() && !problems.after_reload());
    assert!(problems.problems[0].file.ends_with("events.ron"));
    // Still broken: listed again, nothing arrives.
    assert!(session.reload_now().is_none());
    assert!(session.problems().is_some());
    // Fixed: "Reload now" opens it.
    std::fs::write(events_file(&folder), good).unwrap();
    let arrival = session.reload_now().unwrap();
    assert!(arrival.remember && !arrival.same);
    assert_eq!(session.shown(), &DatasetSource::Folder(folder));
    assert!(session.problems().is_none() && session.waiting().is_none());
}

#[test]
fn a_reload_that_fails_keeps_the_dataset_and_one_that_works_keeps_the_places() {
    let (_dir, folder) = starter();
    let mut session = DatasetSession::new(DataOrigin::default(), None);
    assert!(session.open_folder(&folder).is_ok());
    let good = break_it(&folder);
    assert!(session.reload_now().is_none());
    assert_eq!(session.shown(), &DatasetSource::Folder(folder.clone()));
    let problems = session.problems().unwrap();
    assert!(problems.after_reload() && problems.list_open());
    std::fs::write(events_file(&folder), good).unwrap();
    let arrival = session.reload_now().unwrap();
    assert!(arrival.same && !arrival.remember);
    assert!(session.reloaded_at().is_some());
    assert!(
        session.problems().is_none(),
        "the fix puts the problems away"
    );
}

#[test]
fn a_folder_deleted_while_on_screen_keeps_the_last_good_version() {
    let (dir, folder) = starter();
    let mut session = DatasetSession::new(DataOrigin::default(), None);
    assert!(session.open_folder(&folder).is_ok());
    std::fs::remove_dir_all(&folder).unwrap();
    assert!(session.reload_now().is_none());
    assert_eq!(session.shown(), &DatasetSource::Folder(folder.clone()));
    assert!(session.problems().unwrap().after_reload());
    // Back to the bundled dataset puts it all away.
    let arrival = session.open_bundled().unwrap();
    assert_eq!(arrival.source, DatasetSource::Bundled);
    assert!(session.problems().is_none() && session.bundled_open());
    assert!(session.open_bundled().is_none(), "already on screen");
    drop(dir);
}

#[test]
fn a_folder_given_at_start_that_does_not_load_waits_behind_a_click() {
    let (_dir, folder) = starter();
    let good = break_it(&folder);
    let error = Dataset::load_dir(&folder).err().unwrap();
    let origin = DataOrigin {
        folder: Some(folder.display().to_string()),
        problems: error.problems,
    };
    let mut session = DatasetSession::new(origin, None);
    assert_eq!(session.shown(), &DatasetSource::Bundled);
    assert!(!session.problems().unwrap().list_open());
    // Hiding the problems stops the wait.
    session.hide_problems();
    assert!(session.waiting().is_none() && session.problems().is_none());
    std::fs::write(events_file(&folder), good).unwrap();
    assert!(
        session.reload_now().is_none(),
        "nothing on screen or waited for to reload"
    );
}

#[test]
fn the_last_folder_reopens_only_over_the_bundled_dataset() {
    let (dir, folder) = starter();
    let mut session = DatasetSession::new(DataOrigin::default(), None);
    assert!(session.reopen_last(&dir.path().join("gone")).is_none());
    assert!(session.problems().is_none());
    let arrival = session.reopen_last(&folder).unwrap();
    assert!(arrival.remember);
    assert!(
        session.reopen_last(&folder).is_none(),
        "a folder is on screen now"
    );
}

#[test]
fn saving_into_a_watched_folder_reloads_it_and_saving_the_fix_opens_the_one_waited_for() {
    let (_dir, folder) = starter();
    let mut session = DatasetSession::new(DataOrigin::default(), a_wake());
    assert!(session.open_folder(&folder).is_ok());
    assert!(session.poll().is_none(), "nothing changed yet");
    let good = break_it(&folder);
    assert!(poll_for(&mut session, 1).is_none());
    // The broken save is seen: problems listed, the dataset stays.
    let end = Instant::now() + Duration::from_secs(10);
    while session.problems().is_none() && Instant::now() < end {
        let _ = session.poll();
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(session.problems().unwrap().after_reload());
    std::fs::write(events_file(&folder), &good).unwrap();
    let arrival = poll_for(&mut session, 10).unwrap();
    assert!(arrival.same);
    assert!(session.problems().is_none());

    // A second folder that does not load is waited for and opens on its fix.
    let (_other_dir, other) = starter();
    let other_good = break_it(&other);
    assert!(session.open_folder(&other).is_err());
    std::fs::write(events_file(&other), other_good).unwrap();
    let arrival = poll_for(&mut session, 10).unwrap();
    assert_eq!(arrival.source, DatasetSource::Folder(other));
    assert!(arrival.remember && !arrival.same);
    assert!(session.waiting().is_none());
}

#[test]
fn a_folder_deleted_and_made_again_is_reloaded_and_watched_again() {
    let (_dir, folder) = starter();
    let mut session = DatasetSession::new(DataOrigin::default(), a_wake());
    assert!(session.open_folder(&folder).is_ok());
    std::fs::remove_dir_all(&folder).unwrap();
    // The deletion is seen: the dataset on screen stays, its problem listed.
    let end = Instant::now() + Duration::from_secs(10);
    while session.problems().is_none() && Instant::now() < end {
        assert!(session.poll().is_none());
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(session.problems().is_some(), "the folder's going is seen");
    // Made again: it arrives by itself, and the stale problem goes.
    crate::dataset::starter::write_starter(&folder).unwrap();
    let arrival = poll_for(&mut session, 10).expect("the folder made again arrives");
    assert!(arrival.same);
    assert!(session.problems().is_none());
    // And the watch is back: a saved change reloads it.
    let file = events_file(&folder);
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("{text}\n")).unwrap();
    assert!(
        poll_for(&mut session, 10).is_some(),
        "a change after it came back reloads"
    );
}

/// A starter unit whose article has a paragraph of `megabytes` MB more, so
/// that reading and checking it takes a while.
fn large(megabytes: usize) -> (tempfile::TempDir, PathBuf) {
    let (dir, folder) = starter();
    let article = folder.join("articles").join("first-article.ron");
    let text = std::fs::read_to_string(&article).unwrap();
    let long = "Word after word of a long paragraph. ".repeat(megabytes * 1_000_000 / 37);
    let text = text.replacen(
        "        // 1\n",
        &format!("        Paragraph(text: \"{long}\"),\n        // 1\n"),
        1,
    );
    std::fs::write(&article, text).unwrap();
    (dir, folder)
}

/// A session that waits no time for a load, with a count of its wakes.
fn not_waiting() -> (DatasetSession, Arc<std::sync::atomic::AtomicUsize>) {
    let wakes = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = wakes.clone();
    let wake: Wake = Arc::new(move || {
        counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    });
    let mut session = DatasetSession::new(DataOrigin::default(), Some(wake));
    session.set_load_wait(Duration::ZERO);
    (session, wakes)
}

#[test]
fn a_large_folder_is_read_in_the_background_and_arrives_by_poll() {
    let (_dir, folder) = large(4);
    let (mut session, wakes) = not_waiting();
    let started = Instant::now();
    assert!(matches!(session.open_folder(&folder), Ok(None)));
    // The call returned before the folder was read.
    assert!(started.elapsed() < Duration::from_millis(500));
    assert_eq!(session.loading(), Some(folder.as_path()));
    assert!(session.bundled_open() || session.shown() == &DatasetSource::Bundled);
    let arrival = poll_for(&mut session, 120).unwrap();
    assert_eq!(arrival.source, DatasetSource::Folder(folder.clone()));
    assert!(arrival.remember);
    assert_eq!(session.loading(), None);
    assert!(wakes.load(std::sync::atomic::Ordering::SeqCst) >= 1);
    assert_eq!(session.loads(), 1);
}

#[test]
fn a_large_folder_that_does_not_load_lists_its_problems_when_read() {
    let (_dir, folder) = large(4);
    break_it(&folder);
    let (mut session, _) = not_waiting();
    assert!(matches!(session.open_folder(&folder), Ok(None)));
    let end = Instant::now() + Duration::from_secs(120);
    while session.loading().is_some() && Instant::now() < end {
        assert!(session.poll().is_none());
        std::thread::sleep(Duration::from_millis(20));
    }
    let problems = session.problems().unwrap();
    assert!(problems.list_open() && !problems.problems.is_empty());
    assert_eq!(session.waiting(), Some(folder.as_path()));
    assert_eq!(session.shown(), &DatasetSource::Bundled);
}

#[test]
fn going_back_to_the_bundled_dataset_drops_a_load_under_way() {
    let (_dir, folder) = large(4);
    let (mut session, _) = not_waiting();
    assert!(matches!(session.open_folder(&folder), Ok(None)));
    assert!(session.open_bundled().is_none());
    assert_eq!(session.loading(), None);
    std::thread::sleep(Duration::from_millis(300));
    assert!(poll_for(&mut session, 2).is_none());
    assert_eq!(session.shown(), &DatasetSource::Bundled);
}

#[test]
fn a_second_folder_asked_for_replaces_the_first_under_way() {
    let (_dir, first) = large(4);
    let (_other, second) = starter();
    let (mut session, _) = not_waiting();
    assert!(matches!(session.open_folder(&first), Ok(None)));
    let arrival = match session.open_folder(&second) {
        Ok(Some(arrival)) => Some(arrival),
        Ok(None) => poll_for(&mut session, 120),
        Err(failure) => panic!("{failure:?}"),
    };
    assert_eq!(
        arrival.unwrap().source,
        DatasetSource::Folder(second.clone())
    );
    // The first folder's result, if it comes, is not wanted.
    assert!(poll_for(&mut session, 3).is_none());
    assert_eq!(session.shown(), &DatasetSource::Folder(second));
}
