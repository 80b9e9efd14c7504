//! Text from a dataset on its way to a terminal: control characters shown,
//! never obeyed, and what was typed quoted back cut short. Every message the
//! command line or the window's start prints goes through [`printable`].

use std::borrow::Cow;
use std::fmt::Write as _;

/// `text` with every control character except the line break and the tab
/// written out as `\u001b`, so that a unit's ids, titles and quotes can
/// neither clear the screen, set the terminal's title nor overwrite a line.
///
/// The form is JSON's own escape: in a JSON document the string reads back
/// as written (serde_json leaves DEL and the C1 controls such as the one-byte
/// CSI, U+009B, unescaped), and in text it is plain to read.
pub fn printable(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && !matches!(c, '\n' | '\t');
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            // Writing to a String cannot fail.
            let _ = write!(shown, "\\u{:04x}", u32::from(c));
        } else {
            shown.push(c);
        }
    }
    Cow::Owned(shown)
}

/// Most characters of something typed that a message quotes back.
pub const MAX_ECHO_CHARS: usize = 40;

/// `text` as a message quotes it: whole up to [`MAX_ECHO_CHARS`], else its
/// start and "…", so that a 100,000-character paste does not fill the terminal.
pub fn cut(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(MAX_ECHO_CHARS) {
        None => Cow::Borrowed(text),
        Some((end, _)) => Cow::Owned(format!("{}…", text.get(..end).unwrap_or(text))),
    }
}

/// `message` with what was typed, `typed`, quoted in it [`cut`] short.
pub fn quoted_cut(message: &str, typed: &str) -> String {
    match cut(typed) {
        Cow::Borrowed(_) => message.to_owned(),
        Cow::Owned(short) => message.replace(typed, &short),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(printable("plain\ttext\n"), "plain\ttext\n");
        assert!(matches!(printable("plain"), Cow::Borrowed(_)));
        assert_eq!(
            printable("a\u{1b}[2J\u{7}\u{9b}\u{7f}\r\u{0}"),
            "a\\u001b[2J\\u0007\\u009b\\u007f\\u000d\\u0000"
        );
        // Letters of every script, and format characters, are kept.
        assert_eq!(
            printable("Türkmenistan — Ашхабад"),
            "Türkmenistan — Ашхабад"
        );
    }

    #[test]
    fn json_escaped_this_way_reads_back_as_it_was() {
        let value = serde_json::json!({"title": "a\u{1b}b\u{9b}c\u{7f}"});
        let text = serde_json::to_string(&value).unwrap_or_default();
        let shown = printable(&text);
        assert!(!shown.chars().any(char::is_control), "{shown}");
        let back: serde_json::Value = serde_json::from_str(&shown).unwrap_or_default();
        assert_eq!(back, value);
    }

    #[test]
    fn what_was_typed_is_quoted_cut_short() {
        assert_eq!(cut("7K2M-9QX4"), "7K2M-9QX4");
        let long = "X".repeat(100_000);
        let said = quoted_cut(&format!("“{long}” has 100000 characters"), &long);
        assert_eq!(said, format!("“{}…” has 100000 characters", "X".repeat(40)));
        assert_eq!(cut(&"é".repeat(41)), format!("{}…", "é".repeat(40)));
    }
}
