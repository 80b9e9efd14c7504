//! A unit as one file (issue 17): `pack` writes a folder's own files into a
//! `.zip`, which opens wherever the folder does, images included; an archive
//! built to hurt (an entry leading out, a link, ten thousand and one entries,
//! a 4 GB entry declared, a file that inflates past what it declares, a file
//! that is no zip) is refused with a sentence, never a panic or a hang.

#![expect(
    clippy::unwrap_used,
    reason = "helpers outside #[test]: a test that cannot build its archive should fail loudly"
)]

use crate::common;
use crate::window;

use std::fs;
use std::io::{Cursor, Write as _};
use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use common::{copy_dir, data_dir, example_dir};
use neutrality_reader::dataset::archive::{self, MAX_ENTRIES};
use neutrality_reader::dataset::{Dataset, MAX_FILE_BYTES, Problem, images, to_json};
use neutrality_reader::ui::app::DatasetSource;
use zip::write::SimpleFileOptions;

const IMAGE: &str = "assets/un-neutrality-resolutions.png";

/// The problems of loading `path`, or a panic if it loads.
fn problems(path: &Path) -> Vec<Problem> {
    match Dataset::load_dir(path) {
        Ok(_) => panic!("{} loaded", path.display()),
        Err(error) => error.problems,
    }
}

/// The one problem of loading `path`: its file and sentence.
fn the_problem(path: &Path) -> (String, String) {
    let mut problems = problems(path);
    assert_eq!(problems.len(), 1, "{problems:?}");
    let problem = problems.remove(0);
    (problem.file, problem.message)
}

/// A zip of `entries` (name, bytes), stored or deflated, written to `path`.
fn write_zip(path: &Path, entries: &[(String, Vec<u8>)]) {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        zip.start_file(name.as_str(), SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    fs::write(path, zip.finish().unwrap().into_inner()).unwrap();
}

/// The bundled unit's files as zip entries, each name after `prefix`.
fn data_entries(prefix: &str) -> Vec<(String, Vec<u8>)> {
    archive::unit_files(&data_dir())
        .into_iter()
        .map(|name| {
            let bytes = fs::read(data_dir().join(&name)).unwrap();
            (format!("{prefix}{name}"), bytes)
        })
        .collect()
}

/// Sets the uncompressed size the archive declares for `name`, in its
/// central directory and its local header alike, as a hostile tool would.
fn declare_size(bytes: &mut [u8], name: &str, size: u32) {
    let mut patched = 0;
    for at in 0..bytes.len().saturating_sub(46) {
        // Central directory header, then local header: where the size, the
        // name's length and the name are.
        let (size_at, name_len_at, name_at) = match bytes[at..at + 4] {
            [0x50, 0x4b, 0x01, 0x02] => (24, 28, 46),
            [0x50, 0x4b, 0x03, 0x04] => (22, 26, 30),
            _ => continue,
        };
        let len = u16::from_le_bytes([bytes[at + name_len_at], bytes[at + name_len_at + 1]]);
        if bytes.get(at + name_at..at + name_at + usize::from(len)) == Some(name.as_bytes()) {
            bytes[at + size_at..at + size_at + 4].copy_from_slice(&size.to_le_bytes());
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "{name} has a local and a central header");
}

#[test]
fn a_packed_unit_opens_as_the_same_dataset_with_its_images() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("unit.zip");
    let files = archive::pack(&data_dir(), &zip, false).unwrap();
    assert!(files.iter().any(|f| f == IMAGE), "{files:?}");
    let folder = Dataset::load_dir(&data_dir()).unwrap();
    let packed = Dataset::load_dir(&zip).unwrap();
    assert_eq!(to_json(&packed), to_json(&folder));
    // The manifest travels with it: the title, the subject, the licences.
    assert_eq!(packed.manifest, folder.manifest);
    assert_eq!(packed.subject(), Some("Turkmenistan"));
    // The image is read from the archive, byte for byte.
    let shown = images::read(&packed.images, IMAGE).unwrap();
    assert_eq!(shown.as_ref(), fs::read(data_dir().join(IMAGE)).unwrap());
    assert!(images::check(&packed.images, IMAGE).unwrap().is_some());
    let missing = images::read(&packed.images, "assets/none.png").unwrap_err();
    assert_eq!(
        missing.to_string(),
        "the image file assets/none.png does not exist"
    );
}

#[test]
fn pack_leaves_out_editor_files_and_does_not_write_over_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("unit");
    copy_dir(&example_dir(), &unit);
    for junk in [
        "articles/.a.ron.swp",
        "articles/b.ron~",
        "articles/#c.ron#",
        "notes.txt",
    ] {
        fs::write(unit.join(junk), "junk").unwrap();
    }
    fs::write(unit.join("dataset.ron"), "(title: \"A unit\")").unwrap();
    let zip = dir.path().join("unit.zip");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = neutrality_reader::cli::pack(&unit, &zip, false, &mut out, &mut err);
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
    let listed: Vec<String> = zip::ZipArchive::new(fs::File::open(&zip).unwrap())
        .unwrap()
        .file_names()
        .map(|name| name.unwrap().into_owned())
        .collect();
    assert!(listed.contains(&"events.ron".to_owned()));
    assert!(listed.contains(&"dataset.ron".to_owned()));
    for junk in [".a.ron.swp", "b.ron~", "#c.ron#", "notes.txt"] {
        assert!(!listed.iter().any(|l| l.ends_with(junk)), "{junk} packed");
    }
    assert!(Dataset::load_dir(&zip).is_ok());
    // Again: refused without --force, the file left as it was.
    let before = fs::read(&zip).unwrap();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(
        neutrality_reader::cli::pack(&unit, &zip, false, &mut out, &mut err),
        1
    );
    assert_eq!(
        String::from_utf8_lossy(&err).trim(),
        format!(
            "neutrality-reader pack: {} already exists; add --force to replace it",
            zip.display()
        )
    );
    assert_eq!(fs::read(&zip).unwrap(), before);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(
        neutrality_reader::cli::pack(&unit, &zip, true, &mut out, &mut err),
        0
    );
}

#[test]
fn a_unit_that_does_not_load_is_not_packed() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("unit");
    copy_dir(&example_dir(), &unit);
    fs::write(unit.join("people.ron"), "[(").unwrap();
    let zip = dir.path().join("unit.zip");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(
        neutrality_reader::cli::pack(&unit, &zip, false, &mut out, &mut err),
        1
    );
    assert!(
        String::from_utf8_lossy(&err).contains("the dataset has problems, so it is not packed")
    );
    assert!(!zip.exists());
}

#[test]
fn a_zip_of_the_folder_itself_opens_from_its_top_folder() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("unit.zip");
    let mut entries = data_entries("unit/");
    // macOS's Archive Utility adds its own copies beside the folder.
    entries.push(("__MACOSX/unit/._events.ron".to_owned(), b"\0\x05".to_vec()));
    write_zip(&zip, &entries);
    let packed = Dataset::load_dir(&zip).unwrap();
    assert_eq!(packed.articles.len(), 5);
    assert!(images::read(&packed.images, IMAGE).is_ok());
}

#[test]
fn a_zip_written_with_backslashes_opens() {
    // Windows PowerShell 5's Compress-Archive writes `unit\events.ron`.
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("unit.zip");
    let entries: Vec<_> = data_entries("unit/")
        .into_iter()
        .map(|(name, bytes)| (name.replace('/', "\\"), bytes))
        .collect();
    write_zip(&zip, &entries);
    let packed = Dataset::load_dir(&zip).unwrap();
    assert_eq!(packed.articles.len(), 5);
    assert!(images::read(&packed.images, IMAGE).is_ok());
}

#[test]
fn a_problem_in_a_unit_file_names_the_file_in_the_zip() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("unit.zip");
    let mut entries = data_entries("unit/");
    entries.retain(|(name, _)| name != "unit/people.ron");
    write_zip(&zip, &entries);
    assert_eq!(
        the_problem(&zip),
        (
            format!("{}/unit/people.ron", zip.display()),
            "the file is missing".to_owned()
        )
    );
}

#[test]
fn an_entry_leading_out_of_the_unit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "../events.ron",
        "articles/../../x.ron",
        "/etc/passwd",
        "C:/x.ron",
        "c:x.ron",
        "a\\..\\..\\x",
        "\\server\\x",
    ] {
        let zip = dir.path().join("unit.zip");
        let mut entries = data_entries("");
        entries.push((name.to_owned(), b"x".to_vec()));
        write_zip(&zip, &entries);
        let (file, message) = the_problem(&zip);
        assert_eq!(file, zip.display().to_string());
        assert_eq!(
            message,
            format!(
                "the zip file holds “{name}”, a path that leads out of the unit (an absolute path, a drive or “..”); it is not opened"
            )
        );
    }
}

#[test]
fn a_link_in_the_archive_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let zip_path = dir.path().join("unit.zip");
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in data_entries("") {
        zip.start_file(name, SimpleFileOptions::default()).unwrap();
        zip.write_all(&bytes).unwrap();
    }
    zip.add_symlink(
        "articles/secret.ron",
        "/etc/passwd",
        SimpleFileOptions::default(),
    )
    .unwrap();
    fs::write(&zip_path, zip.finish().unwrap().into_inner()).unwrap();
    assert_eq!(
        the_problem(&zip_path).1,
        "the zip file holds a link, “articles/secret.ron”; a unit file holds only files, so it is not opened"
    );
}

#[test]
fn more_entries_than_the_limit_are_refused_before_they_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("unit.zip");
    let mut entries = data_entries("");
    let extra = usize::try_from(MAX_ENTRIES).unwrap() + 1 - entries.len();
    entries.extend((0..extra).map(|n| (format!("assets/{n}.png"), Vec::new())));
    write_zip(&zip, &entries);
    assert_eq!(
        the_problem(&zip).1,
        format!(
            "the zip file holds 10001 entries; a unit file may hold at most {MAX_ENTRIES}, so it is not opened"
        )
    );
}

#[test]
fn a_zip64_directory_claiming_a_million_entries_is_refused_before_it_is_read() {
    // Only the zip64 records at the end: a directory that claims 1,000,000
    // entries the zip crate would try to list.
    let mut bytes = Vec::new();
    bytes.extend_from_slice(&[0x50, 0x4b, 0x06, 0x06]);
    bytes.extend_from_slice(&44u64.to_le_bytes());
    bytes.extend_from_slice(&[45, 0, 45, 0]);
    bytes.extend_from_slice(&[0; 8]);
    bytes.extend_from_slice(&1_000_000u64.to_le_bytes());
    bytes.extend_from_slice(&1_000_000u64.to_le_bytes());
    bytes.extend_from_slice(&(46_000_000u64).to_le_bytes());
    bytes.extend_from_slice(&0u64.to_le_bytes());
    bytes.extend_from_slice(&[0x50, 0x4b, 0x06, 0x07, 0, 0, 0, 0]);
    bytes.extend_from_slice(&0u64.to_le_bytes());
    bytes.extend_from_slice(&1u32.to_le_bytes());
    bytes.extend_from_slice(&[0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0]);
    bytes.extend_from_slice(&[0xFF; 12]);
    bytes.extend_from_slice(&[0, 0]);
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("unit.zip");
    fs::write(&zip, bytes).unwrap();
    assert_eq!(
        the_problem(&zip).1,
        format!(
            "the zip file holds 1000000 entries; a unit file may hold at most {MAX_ENTRIES}, so it is not opened"
        )
    );
}

#[test]
fn an_entry_declared_at_4_gb_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("unit.zip");
    write_zip(&zip, &data_entries(""));
    let mut bytes = fs::read(&zip).unwrap();
    declare_size(&mut bytes, "events.ron", 0xFFFF_FFF0);
    fs::write(&zip, bytes).unwrap();
    assert_eq!(
        the_problem(&zip),
        (
            format!("{}/events.ron", zip.display()),
            "the file is 4096 MiB; a file of records may be at most 64 MiB".to_owned()
        )
    );
}

#[test]
fn an_entry_that_inflates_past_what_it_declares_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("unit.zip");
    let mut entries = data_entries("");
    let big = usize::try_from(MAX_FILE_BYTES).unwrap() + 4096;
    entries.push(("articles/zzz.ron".to_owned(), vec![b' '; big]));
    write_zip(&zip, &entries);
    let mut bytes = fs::read(&zip).unwrap();
    // A few kilobytes of deflate that claim to be 100 bytes.
    assert!(bytes.len() < 1024 * 1024);
    declare_size(&mut bytes, "articles/zzz.ron", 100);
    fs::write(&zip, bytes).unwrap();
    let (file, message) = the_problem(&zip);
    assert_eq!(file, format!("{}/articles/zzz.ron", zip.display()));
    assert!(
        message.starts_with("the file cannot be read from the zip file")
            || message.starts_with("the file inflates past 8 MiB"),
        "{message}"
    );
}

#[test]
fn files_over_the_total_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("unit.zip");
    let mut entries = data_entries("");
    let names: Vec<String> = (0..17).map(|n| format!("assets/{n}.png")).collect();
    entries.extend(names.iter().map(|n| (n.clone(), b"x".to_vec())));
    write_zip(&zip, &entries);
    let mut bytes = fs::read(&zip).unwrap();
    for name in &names {
        declare_size(&mut bytes, name, 8 * 1024 * 1024);
    }
    fs::write(&zip, bytes).unwrap();
    let (file, message) = the_problem(&zip);
    assert!(
        file.starts_with(&format!("{}/assets/", zip.display())),
        "{file}"
    );
    assert_eq!(
        message,
        "with this file the unit's files come to more than 128 MiB; a dataset may be at most 128 MiB in all"
    );
}

#[test]
fn a_file_named_zip_that_is_no_zip_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for bytes in [&b""[..], b"events.ron is not here", b"PK\x05\x06 cut short"] {
        let zip = dir.path().join("unit.zip");
        fs::write(&zip, bytes).unwrap();
        let (file, message) = the_problem(&zip);
        assert_eq!(file, zip.display().to_string());
        assert!(
            message.starts_with("the file is not a zip file"),
            "{message}"
        );
    }
    let missing = dir.path().join("gone.zip");
    assert_eq!(the_problem(&missing).1, "there is no such file");
}

/// The window's File > Open, a unit file's path typed: the unit opens and
/// is remembered as recent; its changes are said not to be followed.
#[test]
fn a_unit_file_opens_by_its_typed_path_in_file_open() {
    let dir = tempfile::tempdir().unwrap();
    let zip: PathBuf = dir.path().join("founding.zip");
    archive::pack(&example_dir(), &zip, false).unwrap();
    let storage = dir.path().join("storage");
    let mut harness = window::window([1400.0, 1200.0], move |app| app.with_storage_dir(storage));
    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Open dataset folder…")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Folder")
        .type_text(&zip.display().to_string());
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Open").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "The Charter comes into force");
    assert_eq!(
        harness.state().dataset_source(),
        &DatasetSource::Folder(zip.clone())
    );
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "Folder")
            .is_none()
    );
    // The File menu lists it as recent, not missing.
    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, &zip.display().to_string());
}

#[test]
fn check_quiz_and_export_read_a_unit_file() {
    use neutrality_reader::cli::{self, CheckFormat};
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("unit.zip");
    archive::pack(&example_dir(), &zip, false).unwrap();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(
        cli::check(Some(&zip), CheckFormat::Text, None, &mut out, &mut err),
        0
    );
    let said = String::from_utf8(out).unwrap();
    assert!(
        said.starts_with(&format!("{}: OK: 2 articles, 14 events", zip.display())),
        "{said}"
    );
    let (mut from_zip, mut from_folder, mut err) = (Vec::new(), Vec::new(), Vec::new());
    assert_eq!(
        cli::export(
            Some(&zip),
            cli::ExportFormat::Json,
            None,
            &mut from_zip,
            &mut err
        ),
        0
    );
    assert_eq!(
        cli::export(
            Some(&example_dir()),
            cli::ExportFormat::Json,
            None,
            &mut from_folder,
            &mut err
        ),
        0
    );
    assert_eq!(from_zip, from_folder);
    assert!(cli::load(Some(&zip)).is_ok());
}
