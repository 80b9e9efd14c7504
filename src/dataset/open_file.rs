//! Opening a file of a dataset folder without ever waiting on it, and
//! without ever leaving the folder.
//!
//! A named pipe where a data file or an image should be would hold whoever
//! opens it until something writes to the other end: `check` would hang, and
//! so would the window. Pipes are refused when they are seen, and files are
//! opened non-blocking, so one put in place between that look and the opening
//! cannot hold the reader either.
//!
//! A dataset may come from anywhere, and a link in it may point anywhere:
//! `articles/passwd.ron` linked to `/etc/passwd` would be read, and shown in
//! the code view. [`open_confined`] opens a file only where it really is
//! inside the folder, and only a regular file: data files and images alike.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read as _};
use std::path::Path;

/// Opens `path` for reading. On Unix it is opened non-blocking, which changes
/// nothing for a regular file or a device and makes a pipe return at once.
pub fn open_for_reading(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// The bytes of the file at `path` (opened as [`open_for_reading`]), or
/// `None` if it holds more than `limit`: never more than one byte past the
/// limit is read, whatever the file claims or however long it runs.
pub fn read_at_most(path: &Path, limit: u64) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    open_for_reading(path)?
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// Why [`open_confined`] did not open a file.
#[derive(Debug)]
pub enum Refused {
    /// Nothing is there; `link` when a link is, to nothing.
    Missing {
        /// The path is a link whose target does not exist.
        link: bool,
    },
    /// Links followed, the file is outside the folder.
    LinksOut,
    /// A folder.
    Folder,
    /// A named pipe.
    Pipe,
    /// A device, a socket: not a regular file.
    Special,
    /// Larger than the limit given: its size in bytes.
    TooLarge(u64),
    /// The system would not: permission denied, a link loop, …
    Io(io::Error),
}

/// Opens `path` for reading (as [`open_for_reading`]) only if, every link
/// followed, it is a regular file inside the folder `root`, of at most
/// `limit` bytes; gives the file and its size. The file opened must be the
/// one looked at, so one swapped for a link or another file between the
/// look and the opening is refused too.
pub fn open_confined(root: &Path, path: &Path, limit: u64) -> Result<(File, u64), Refused> {
    let root = root.canonicalize().map_err(Refused::Io)?;
    let real = match path.canonicalize() {
        Ok(real) => real,
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
            return Err(Refused::Missing { link });
        }
        Err(error) => return Err(Refused::Io(error)),
    };
    if !real.starts_with(&root) {
        return Err(Refused::LinksOut);
    }
    open_resolved(&real, limit)
}

/// Opens the file at `real`, a path with no link in it (from
/// `canonicalize`), if it is still a regular file of at most `limit` bytes
/// when opened, and the same file as looked at.
fn open_resolved(real: &Path, limit: u64) -> Result<(File, u64), Refused> {
    let looked_at = std::fs::symlink_metadata(real).map_err(Refused::Io)?;
    if looked_at.file_type().is_symlink() {
        return Err(Refused::LinksOut);
    }
    kind(&looked_at, limit)?;
    let file = open_for_reading(real).map_err(Refused::Io)?;
    let opened = file.metadata().map_err(Refused::Io)?;
    if !same_file(&looked_at, &opened) {
        return Err(Refused::LinksOut);
    }
    kind(&opened, limit)?;
    Ok((file, opened.len()))
}

/// A regular file of at most `limit` bytes, or why not.
fn kind(meta: &Metadata, limit: u64) -> Result<(), Refused> {
    if meta.is_dir() {
        Err(Refused::Folder)
    } else if is_pipe(meta) {
        Err(Refused::Pipe)
    } else if !meta.is_file() {
        Err(Refused::Special)
    } else if meta.len() > limit {
        Err(Refused::TooLarge(meta.len()))
    } else {
        Ok(())
    }
}

/// Whether two looks at a path saw the same file (device and inode).
#[cfg(unix)]
fn same_file(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

/// Elsewhere std has no stable file identity; the link check of
/// [`open_confined`] stands alone.
#[cfg(not(unix))]
fn same_file(_: &Metadata, _: &Metadata) -> bool {
    true
}

/// Whether the file is a named pipe (FIFO).
pub fn is_pipe(meta: &Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        meta.file_type().is_fifo()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// The system's reason for a failed read or write, as a phrase to put after
/// a colon: "permission denied", "a link loop (a link that leads back to
/// itself)", "no space left on device". The system's own words are kept for
/// the rest, without their "(os error N)".
pub fn io_reason(error: &io::Error) -> String {
    #[cfg(unix)]
    if error.raw_os_error() == Some(libc::ELOOP) {
        return "a link loop (a link that leads, in the end, back to itself)".to_owned();
    }
    match error.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::NotFound => "there is no such file".to_owned(),
        _ => {
            let text = error.to_string();
            let text = text
                .find(" (os error ")
                .map_or(text.as_str(), |end| text.get(..end).unwrap_or(&text));
            let mut chars = text.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_lowercase().chain(chars).collect()
            })
        }
    }
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::*;

    /// A named pipe made by coreutils' mkfifo (the crate forbids `unsafe`, so not libc's).
    fn make_pipe(path: &Path) {
        let made = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap();
        assert!(made.success(), "mkfifo {}", path.display());
    }

    #[test]
    fn a_pipe_with_no_writer_opens_and_reads_at_once() {
        let dir = tempfile::TempDir::new().unwrap();
        let pipe = dir.path().join("events.ron");
        make_pipe(&pipe);
        assert!(is_pipe(&std::fs::metadata(&pipe).unwrap()));
        // A blocking open would wait here for a writer for ever.
        let mut file = open_for_reading(&pipe).unwrap();
        let mut bytes = Vec::new();
        assert_eq!(file.read_to_end(&mut bytes).unwrap(), 0);
    }

    #[test]
    fn reading_stops_one_byte_past_the_limit() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("facts.ron");
        std::fs::write(&path, "12345").unwrap();
        assert_eq!(read_at_most(&path, 5).unwrap(), Some(b"12345".to_vec()));
        assert_eq!(read_at_most(&path, 4).unwrap(), None);
        // A file that never ends.
        let zero = Path::new("/dev/zero");
        if zero.exists() {
            assert_eq!(read_at_most(zero, 1 << 20).unwrap(), None);
        }
    }

    #[test]
    fn a_file_that_became_a_link_or_another_file_after_its_check_is_refused() {
        let dir = tempfile::TempDir::new().unwrap();
        let real = dir.path().join("events.ron");
        std::fs::write(&real, "[]").unwrap();
        let other = dir.path().join("other.ron");
        std::fs::write(&other, "[1]").unwrap();
        let (_, size) = open_resolved(&real, 10).unwrap();
        assert_eq!(size, 2);
        // What canonicalize found to be a file is a link by the time it is opened.
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&other, &link).unwrap();
        assert!(matches!(open_resolved(&link, 10), Err(Refused::LinksOut)));
        // The two looks at a path must see the same file.
        let meta = |p: &Path| std::fs::metadata(p).unwrap();
        assert!(same_file(&meta(&real), &meta(&real)));
        assert!(!same_file(&meta(&real), &meta(&other)));
    }

    #[test]
    fn only_a_regular_file_inside_the_folder_opens() {
        let outside = tempfile::TempDir::new().unwrap();
        let secret = outside.path().join("secret.ron");
        std::fs::write(&secret, "secret").unwrap();
        let dir = tempfile::TempDir::new().unwrap();
        let unit = dir.path();
        std::fs::create_dir(unit.join("spare")).unwrap();
        std::fs::write(unit.join("spare/events.ron"), "[]").unwrap();
        let link = |name: &str, to: &Path| std::os::unix::fs::symlink(to, unit.join(name)).unwrap();
        link("inside.ron", Path::new("spare/events.ron"));
        link("out.ron", &secret);
        link("zero.ron", Path::new("/dev/zero"));
        link("loop.ron", Path::new("loop.ron"));
        link("dangling.ron", Path::new("nothing.ron"));
        let open = |name: &str| open_confined(unit, &unit.join(name), 8);
        assert_eq!(open("inside.ron").map(|(_, size)| size).ok(), Some(2));
        assert!(matches!(open("out.ron"), Err(Refused::LinksOut)));
        assert!(matches!(open("zero.ron"), Err(Refused::LinksOut)));
        assert!(matches!(open("spare"), Err(Refused::Folder)));
        assert!(matches!(
            open("none.ron"),
            Err(Refused::Missing { link: false })
        ));
        assert!(matches!(
            open("dangling.ron"),
            Err(Refused::Missing { link: true })
        ));
        match open("loop.ron") {
            Err(Refused::Io(error)) => assert!(io_reason(&error).starts_with("a link loop")),
            other => panic!("{other:?}"),
        }
        std::fs::write(unit.join("big.ron"), "123456789").unwrap();
        assert!(matches!(open("big.ron"), Err(Refused::TooLarge(9))));
        // The folder itself may be reached through a link.
        let via = outside.path().join("via");
        std::os::unix::fs::symlink(unit, &via).unwrap();
        assert!(open_confined(&via, &via.join("inside.ron"), 8).is_ok());
        assert!(matches!(
            open_confined(&via, &via.join("out.ron"), 8),
            Err(Refused::LinksOut)
        ));
    }

    #[test]
    fn the_reasons_are_plain_phrases() {
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        assert_eq!(io_reason(&denied), "permission denied");
        let looped = io::Error::from_raw_os_error(libc::ELOOP);
        assert!(io_reason(&looped).starts_with("a link loop"));
        let full = io::Error::from_raw_os_error(libc::ENOSPC);
        assert_eq!(io_reason(&full), "no space left on device");
        let pipe = io::Error::from_raw_os_error(libc::EPIPE);
        assert_eq!(io_reason(&pipe), "broken pipe");
    }

    #[test]
    fn a_regular_file_reads_as_usual() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("facts.ron");
        std::fs::write(&path, "[]").unwrap();
        assert!(!is_pipe(&std::fs::metadata(&path).unwrap()));
        let mut text = String::new();
        open_for_reading(&path)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "[]");
    }
}
