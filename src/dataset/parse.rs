//! RON parsing of each file, with ron's errors turned into plain sentences.

use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

use super::files::DataFile;
use super::locate::Locator;
use super::problem::Problem;

/// Deeper nesting than this is refused, so a hostile file cannot overflow the stack.
const RECURSION_LIMIT: usize = 64;

/// Parses one file as `T`, or records why it cannot be.
pub fn parse_file<T: DeserializeOwned>(file: &DataFile, problems: &mut Vec<Problem>) -> Option<T> {
    let options = ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT);
    match options.from_str::<T>(&file.text) {
        Ok(value) => Some(value),
        Err(err) => {
            let place = token_place(&file.text, err.span.start);
            problems.push(Problem::at(&file.name, place, plain_message(&err.code)));
            None
        }
    }
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
