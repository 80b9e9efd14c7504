//! RON parsing of each file, with ron's errors turned into plain sentences.

use serde::de::DeserializeOwned;

use super::fast_ron::{self, RECURSION_LIMIT};
use super::files::DataFile;
use super::locate::Locator;
use super::problem::Problem;

/// Parses one file as `T`, or records why it cannot be.
pub fn parse_file<T: DeserializeOwned>(file: &DataFile, problems: &mut Vec<Problem>) -> Option<T> {
    match parse_text::<T>(&file.text) {
        Ok(value) => Some(value),
        Err(err) => {
            let place = token_place(&file.text, err.span.start);
            let problem = unclosed_text(&file.text, &err.code, place)
                .map(|(at, message)| Problem::at(&file.name, Some(at), message))
                .unwrap_or_else(|| Problem::at(&file.name, place, plain_message(&err.code)));
            problems.push(problem);
            None
        }
    }
}

/// Parses `text` as `T`, with the extensions and limits of every data file:
/// by the fast reader of our RON, or by ron where it refuses (every error
/// is ron's; see `fast_ron`).
pub fn parse_text<T: DeserializeOwned>(text: &str) -> Result<T, ron::error::SpannedError> {
    fast_ron::read(text)
}

/// Where the author sees what ron choked on. ron places some errors where
/// the token before ended (just after `Event(`, or at the end of the line
/// above), so the place moves on over white space and comments to the text
/// that is wrong; `check` and the code view both show this place.
fn token_place(text: &str, start: ron::error::Position) -> Option<(usize, usize)> {
    if start.line < 1 {
        return None;
    }
    let locator = Locator::new(text);
    Some(
        locator
            .offset(start.line, start.col.max(1))
            .map_or((start.line, start.col.max(1)), |offset| {
                locator.line_column(locator.next_token(offset))
            }),
    )
}

/// A text whose quotes do not pair as the author meant, told at the `"` that
/// opens it rather than where ron stopped, often lines later: a text that
/// runs to the end of the file; one that runs over lines into the next
/// text's opening quote (its closing quote is missing); or one that a `"`
/// meant inside it ends early. The last two are recognised by what ron
/// choked on: a word right after a text just closed, which is not a field
/// name (`name:`) or a record (`Event(`), as a value never is.
fn unclosed_text(
    text: &str,
    code: &ron::Error,
    place: Option<(usize, usize)>,
) -> Option<((usize, usize), String)> {
    let locator = Locator::new(text);
    let spans = string_spans(text);
    if let Some(&(start, None)) = spans.last()
        && matches!(code, ron::Error::ExpectedStringEnd | ron::Error::Eof)
    {
        return Some((
            locator.line_column(start),
            "this text is not closed: the \" here opens a text that runs to the end of the file; put a \" where the text ends".to_owned(),
        ));
    }
    let (line, column) = place?;
    let token = locator.offset(line, column)?;
    let &(start, Some(close)) = spans.iter().rev().find(|(start, _)| *start < token)? else {
        return None;
    };
    if locator.next_token(close + 1) != token || !is_stray_word(text.get(token..)?) {
        return None;
    }
    let (close_line, close_column) = locator.line_column(close);
    let message = if text.get(start..close)?.contains('\n') {
        format!(
            "this text is not closed: its closing \" is missing, so it runs on to the \" at line {close_line}, column {close_column}; put a \" where the text ends"
        )
    } else {
        format!(
            "this text is not closed where you meant: the \" at line {close_line}, column {close_column} ends it early; write \\\" for a quote inside a text"
        )
    };
    Some((locator.line_column(start), message))
}

/// Whether `rest` starts with a word that is no field name (`word:`) and no
/// record (`Word(`): text that was meant to be inside quotes.
fn is_stray_word(rest: &str) -> bool {
    let word_len = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-' || c == '\''))
        .unwrap_or(rest.len());
    if word_len == 0 {
        return false;
    }
    let after = rest.get(word_len..).unwrap_or("").trim_start();
    !after.starts_with(':') && !after.starts_with('(')
}

/// Every string literal in `text`: the offset of its opening `"` and of its
/// closing one, `None` when the text ends inside it. Comments and escapes
/// (`\"`) are skipped as RON reads them; raw strings (`r#"…"#`) too.
fn string_spans(text: &str) -> Vec<(usize, Option<usize>)> {
    let mut spans = Vec::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        let rest = text.get(at..).unwrap_or("");
        if rest.starts_with("//") {
            at += rest.find('\n').map_or(rest.len(), |n| n + 1);
        } else if rest.starts_with("/*") {
            at += super::locate::block_comment_len(rest);
        } else if byte == b'"' {
            let close = closing_quote(text, at + 1);
            spans.push((at, close));
            at = close.map_or(text.len(), |c| c + 1);
        } else if byte == b'r' && raw_string_hashes(rest).is_some() {
            let hashes = raw_string_hashes(rest).unwrap_or(0);
            let open = at + 1 + hashes;
            let end = format!("\"{}", "#".repeat(hashes));
            let close = text
                .get(open + 1..)
                .and_then(|r| r.find(&end))
                .map(|c| open + 1 + c);
            spans.push((open, close));
            at = close.map_or(text.len(), |c| c + end.len());
        } else {
            at += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    spans
}

/// The offset of the `"` that closes a string whose text starts at `from`.
fn closing_quote(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'\\' => at += 2,
            b'"' => return Some(at),
            _ => at += 1,
        }
    }
    None
}

/// How many `#` a raw string starting at `rest` (`r"`, `r#"`, …) has.
fn raw_string_hashes(rest: &str) -> Option<usize> {
    let after = rest.strip_prefix('r')?;
    let hashes = after.len() - after.trim_start_matches('#').len();
    after.get(hashes..)?.starts_with('"').then_some(hashes)
}

fn backticked(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// ron's error as a sentence an author can act on.
pub fn plain_message(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field `{found}`{}; the fields are {}",
            outer
                .as_ref()
                .map(|o| format!(" in {o}"))
                .unwrap_or_default(),
            backticked(expected)
        ),
        E::MissingStructField { field, outer } => format!(
            "the field `{field}` is missing{}",
            outer
                .as_ref()
                .map(|o| format!(" from this {o}"))
                .unwrap_or_default()
        ),
        E::DuplicateStructField { field, .. } => format!("the field `{field}` is given twice"),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "`{found}` is not one of the allowed values: {}",
            backticked(expected)
        ),
        E::ExpectedComma => "a comma is missing here between two values".to_owned(),
        E::ExpectedStringEnd => "this text is not closed with a \"".to_owned(),
        E::ExpectedString => "text in double quotes was expected here".to_owned(),
        E::ExpectedArray => "a list in [ ] was expected here".to_owned(),
        E::ExpectedArrayEnd => "the list is not closed with ]".to_owned(),
        E::ExpectedStructLikeEnd => "a ) is missing to close the record".to_owned(),
        E::ExpectedNamedStructLike(name) if !name.is_empty() => {
            format!("a record {name}(…) was expected here")
        }
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "a record in ( ) was expected here".to_owned()
        }
        E::ExpectedInteger => "a whole number was expected here".to_owned(),
        E::ExpectedFloat => "a number was expected here".to_owned(),
        E::Eof => "the file ends too early; a bracket may be missing".to_owned(),
        E::TrailingCharacters => "there is more text after the end of the data".to_owned(),
        E::ExceededRecursionLimit => {
            format!("the data is nested more than {RECURSION_LIMIT} levels deep")
        }
        E::IntegerOutOfBounds => format!(
            "this whole number is out of range here (below 0, or above {}); a paragraph is counted from 1: write the number of one of the article's paragraphs",
            u32::MAX
        ),
        E::ExpectedIdentifier => "a name was expected here: a field's name and a colon, such as `id:`, or a value written without quotes, such as `Summit`".to_owned(),
        E::SuggestRawIdentifier(found) | E::InvalidIdentifier(found) => format!(
            "`{found}` is not a name: a value such as `Summit` is written as a word that begins with a letter, without quotes"
        ),
        E::ExpectedDifferentStructName { expected, found } => format!(
            "this record is named `{found}`, but {} `{expected}` is expected here: write `{expected}(` where `{found}(` is",
            if expected.starts_with(['A', 'E', 'I', 'O', 'U']) { "an" } else { "a" }
        ),
        E::Message(message) => message.clone(),
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            chars.next().map_or(text.clone(), |first| {
                first.to_lowercase().chain(chars).collect::<String>()
            })
        }
    }
}
