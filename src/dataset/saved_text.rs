//! A data file's bytes as the text its author sees in an editor, whatever
//! the editor saved: Windows' Notepad writes a byte order mark first and ends
//! lines with CR LF, its "Unicode" choice saves UTF-16, and an old Mac editor
//! ends lines with CR alone.
//!
//! Everything after reading works on this text: ron parses it, problems are
//! placed in it by line and column, the reader shows its strings. So the
//! marks and line ends are undone here, once: a text written over two lines
//! in Notepad is the same text as in any other editor (no stray CR in a
//! paragraph), and lines count as the editor numbers them. CR LF becomes LF
//! at the end of a line, where no column is after it, so every line and
//! column stays where the editor shows it.

use super::locate::Locator;

/// Why a file's bytes are no text, and where the first bad one is when known.
#[derive(Debug, PartialEq, Eq)]
pub struct NotText {
    /// Line and column (from 1) of the first byte that cannot be read.
    pub place: Option<(usize, usize)>,
    /// What to do, in a plain sentence.
    pub message: &'static str,
}

/// The text of a data file saved as UTF-8 (with or without a byte order
/// mark) or as UTF-16 with its byte order mark, with every line ending in LF.
pub fn decode(bytes: Vec<u8>) -> Result<String, NotText> {
    if let Some(units) = utf16_units(&bytes) {
        return char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map(editor_shown)
            .map_err(|_| NotText {
                place: None,
                message: "the file is saved as UTF-16 (Notepad's \"Unicode\") but is not valid UTF-16 text; save it as UTF-8",
            });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(editor_shown(text)),
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            let valid = err.as_bytes().get(..offset).unwrap_or(&[]);
            // The bytes before the first bad one are valid by definition;
            // they are placed as the editor shows them, as the rest is.
            let place = std::str::from_utf8(valid).ok().map(|valid| {
                let shown = as_editor_shows(valid);
                Locator::new(&shown).line_column(shown.len())
            });
            Err(NotText {
                place,
                message: "the file is not valid UTF-8 text; save it as UTF-8",
            })
        }
    }
}

/// [`as_editor_shows`], keeping `text` itself when it has nothing to change
/// (as most files): a 19 MB file is not held twice while it is read.
fn editor_shown(text: String) -> String {
    if text.starts_with('\u{feff}') || text.contains('\r') {
        as_editor_shows(&text)
    } else {
        text
    }
}

/// `text` without a leading byte order mark (no part of the text), and with
/// CR LF and a lone CR each made one LF, as editors on Windows break lines.
pub fn as_editor_shows(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_owned()
    }
}

/// The 16-bit units of a file that starts with UTF-16's byte order mark
/// (little-endian FF FE, as Notepad writes, or big-endian FE FF), the mark
/// left out; `None` for any other file. An odd last byte is kept as a unit
/// that cannot be decoded, so such a file is refused rather than cut short.
fn utf16_units(bytes: &[u8]) -> Option<impl Iterator<Item = u16> + '_> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let rest = bytes.get(2..)?;
    Some(rest.chunks(2).map(move |pair| match *pair {
        [a, b] if little => u16::from_le_bytes([a, b]),
        [a, b] => u16::from_be_bytes([a, b]),
        // A lone low surrogate never decodes.
        _ => 0xDC00,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` as Notepad saves it: a byte order mark, then CR LF line ends.
    fn notepad(text: &str) -> Vec<u8> {
        let mut bytes = "\u{feff}".as_bytes().to_vec();
        bytes.extend(text.replace('\n', "\r\n").bytes());
        bytes
    }

    #[test]
    fn notepads_mark_and_line_ends_are_undone() {
        let text = "[\n    Fact(quote: \"one\n    two\"),\n]\n";
        assert_eq!(decode(notepad(text)).unwrap(), text);
        assert_eq!(decode(text.as_bytes().to_vec()).unwrap(), text);
        // An old Mac editor's lone CR breaks lines as Notepad shows them.
        assert_eq!(decode(b"a\rb\r\nc".to_vec()).unwrap(), "a\nb\nc");
    }

    #[test]
    fn lines_and_columns_are_those_notepad_shows() {
        let text = "[\n  Event(id: \"é\", date: \"x\"),\n]\n";
        let decoded = decode(notepad(text)).unwrap();
        let at = decoded.find("date").unwrap();
        // Line 2, after two spaces and `Event(id: "é", ` (15 characters).
        assert_eq!(Locator::new(&decoded).line_column(at), (2, 18));
    }

    #[test]
    fn utf16_with_its_mark_is_read() {
        let text = "Fact(quote: \"Aşgabat\")\n";
        let mut little = vec![0xFF, 0xFE];
        let mut big = vec![0xFE, 0xFF];
        for unit in text.replace('\n', "\r\n").encode_utf16() {
            little.extend(unit.to_le_bytes());
            big.extend(unit.to_be_bytes());
        }
        assert_eq!(decode(little.clone()).unwrap(), text);
        assert_eq!(decode(big).unwrap(), text);
        // Cut in the middle of a unit: refused, not read short.
        little.pop();
        let refused = decode(little).unwrap_err();
        assert!(refused.message.contains("UTF-16"), "{}", refused.message);
    }

    #[test]
    fn a_bad_byte_is_placed_as_the_editor_shows_it() {
        let mut bytes = notepad("ab\ncd");
        bytes.push(0xFF);
        assert_eq!(
            decode(bytes).unwrap_err(),
            NotText {
                place: Some((2, 3)),
                message: "the file is not valid UTF-8 text; save it as UTF-8",
            }
        );
        // On the first line, the byte order mark is no column.
        let mut bytes = notepad("ab");
        bytes.push(0xC0);
        assert_eq!(decode(bytes).unwrap_err().place, Some((1, 3)));
    }
}
