//! Opening a file of a dataset folder without ever waiting on it.
//!
//! A named pipe where a data file or an image should be would hold whoever
//! opens it until something writes to the other end: `check` would hang, and
//! so would the window. Pipes are refused when they are seen, and files are
//! opened non-blocking, so one put in place between that look and the opening
//! cannot hold the reader either.

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
