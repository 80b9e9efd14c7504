//! Everything the commands print goes through here: control characters from
//! a unit are shown, never obeyed ([`printable`]), every write is checked,
//! and `-o FILE` is written whole or not at all.

use std::io::Write;
use std::path::Path;

use crate::dataset::open_file::io_reason;
use crate::terminal::printable;

/// One message line to standard error, made [`printable`]. If standard error
/// itself cannot be written there is nowhere left to say so; the exit code
/// still tells.
pub fn say(err: &mut dyn Write, line: &str) {
    let _ = writeln!(err, "{}", printable(line));
}

/// The command's result, made [`printable`], to the file `to` (written
/// atomically: a temporary file beside it, then renamed over it, so a
/// failure leaves what was there) or to `out`, flushed. A failure is a
/// sentence for standard error.
pub fn deliver(text: &str, to: Option<&Path>, out: &mut dyn Write) -> Result<(), String> {
    let shown = printable(text);
    match to {
        Some(path) => crate::storage::write_atomically(path, shown.as_bytes())
            .map_err(|error| format!("could not write {}: {}", path.display(), io_reason(&error))),
        None => out
            .write_all(shown.as_bytes())
            .and_then(|()| out.flush())
            .map_err(|error| {
                format!(
                    "could not write the output: {}; what was written is incomplete",
                    io_reason(&error)
                )
            }),
    }
}

/// [`deliver`], with a failure said on `err` after `command`'s name; the
/// exit code: 0 when written, 1 when not.
pub fn deliver_or_say(
    command: &str,
    text: &str,
    to: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    match deliver(text, to, out) {
        Ok(()) => 0,
        Err(sentence) => {
            say(err, &format!("neutrality-reader {command}: {sentence}"));
            1
        }
    }
}

/// A file's bytes (a zip, a spreadsheet, a PDF), written atomically to
/// `to`, with a failure said on `err` after `command`'s name; the exit code:
/// 0 when written, 1 when not, 2 when no file was named (bytes are not for
/// a terminal).
pub fn deliver_file_or_say(
    command: &str,
    bytes: &[u8],
    to: Option<&Path>,
    err: &mut dyn Write,
) -> i32 {
    let Some(path) = to else {
        say(
            err,
            &format!("neutrality-reader {command}: this makes a file: name it with -o FILE"),
        );
        return 2;
    };
    match crate::storage::write_atomically(path, bytes) {
        Ok(()) => 0,
        Err(error) => {
            say(
                err,
                &format!(
                    "neutrality-reader {command}: could not write {}: {}",
                    path.display(),
                    io_reason(&error)
                ),
            );
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that fails as a full disk does.
    struct Full;

    impl Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "No space left on device",
            ))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_failed_write_is_said_with_exit_code_1() {
        let mut err = Vec::new();
        assert_eq!(deliver_or_say("export", "{}", None, &mut Full, &mut err), 1);
        let said = String::from_utf8(err).unwrap_or_default();
        assert!(
            said.starts_with("neutrality-reader export: could not write the output: no space"),
            "{said}"
        );
        let mut out = Vec::new();
        let mut err = Vec::new();
        assert_eq!(deliver_or_say("quiz", "q\n", None, &mut out, &mut err), 0);
        assert_eq!(out, b"q\n");
        assert!(err.is_empty());
    }

    #[test]
    fn a_file_of_bytes_needs_a_name_and_is_written_whole() {
        let mut err = Vec::new();
        assert_eq!(deliver_file_or_say("quiz", b"PK", None, &mut err), 2);
        assert!(String::from_utf8_lossy(&err).contains("name it with -o FILE"));
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("q.zip");
        let mut err = Vec::new();
        assert_eq!(
            deliver_file_or_say("quiz", b"PK\x03\x04", Some(&path), &mut err),
            0
        );
        assert_eq!(std::fs::read(&path).unwrap_or_default(), b"PK\x03\x04");
        let mut err = Vec::new();
        // Under a file, where no folder can be made.
        std::fs::write(dir.path().join("a-file"), b"").unwrap_or_else(|e| panic!("{e}"));
        let missing = dir.path().join("a-file/q.zip");
        assert_eq!(
            deliver_file_or_say("quiz", b"PK", Some(&missing), &mut err),
            1
        );
        assert!(String::from_utf8_lossy(&err).contains("could not write"));
    }
}
