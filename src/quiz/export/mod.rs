//! A generated quiz in the formats other programs read: each format's file
//! in a module of its own, all reached through [`export`] so that the
//! command line and the window's Export button offer the same list.

pub mod anki;
pub mod feedback;
pub mod gift;
pub mod kahoot;
pub mod moodle_xml;
pub mod pdf;
pub mod qti;
pub mod quizlet;

use super::{Quiz, worksheet};
use crate::dataset::Dataset;

/// A format a quiz can be exported in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuizExportFormat {
    /// A printable worksheet with the answer key (Markdown).
    Markdown,
    /// The questions as JSON, for other programs.
    Json,
    /// Moodle's GIFT text (Question bank > Import > GIFT format).
    Gift,
    /// Moodle XML (Question bank > Import > Moodle XML format).
    MoodleXml,
    /// A QTI 1.2 zip, as Canvas Classic Quizzes import it.
    Qti,
    /// Quizlet's import text: term TAB definition, a line a card.
    Quizlet,
    /// An Anki deck (.apkg): a note per question, updated on a later import.
    Anki,
    /// Kahoot's quiz spreadsheet template (.xlsx), for Create > Import spreadsheet.
    Kahoot,
    /// The worksheet on paper (PDF): versions A and B and their answer keys.
    Pdf,
}

impl QuizExportFormat {
    /// Every format, in the order the window lists them: paper first, as
    /// most classes take a quiz on paper; JSON, for programmers, last.
    pub const ALL: [Self; 9] = [
        Self::Pdf,
        Self::Markdown,
        Self::Gift,
        Self::MoodleXml,
        Self::Qti,
        Self::Kahoot,
        Self::Quizlet,
        Self::Anki,
        Self::Json,
    ];

    /// The name the command line takes (`--format markdown`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Markdown => "markdown",
            Self::Json => "json",
            Self::Gift => "gift",
            Self::MoodleXml => "moodle-xml",
            Self::Qti => "qti",
            Self::Quizlet => "quizlet",
            Self::Anki => "anki",
            Self::Kahoot => "kahoot",
            Self::Pdf => "pdf",
        }
    }

    /// The file name extension its file gets, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Json => "json",
            // Moodle's own GIFT export is .txt, and its import takes text/plain.
            Self::Gift => "txt",
            Self::MoodleXml => "xml",
            Self::Qti => "zip",
            Self::Quizlet => "txt",
            Self::Anki => "apkg",
            Self::Kahoot => "xlsx",
            Self::Pdf => "pdf",
        }
    }

    /// Whether what it makes is text (printable to a terminal) rather than
    /// a file of bytes (a zip, a spreadsheet, a PDF).
    pub fn is_text(self) -> bool {
        !matches!(self, Self::Qti | Self::Anki | Self::Kahoot | Self::Pdf)
    }
}

/// What an export makes: text, or the bytes of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Exported {
    /// Text, for a terminal or a file.
    Text(String),
    /// A file's bytes (zip, xlsx, apkg, pdf): written to a file only.
    File(Vec<u8>),
}

impl Exported {
    /// The bytes to write to a file.
    pub fn into_bytes(self) -> Vec<u8> {
        match self {
            Self::Text(text) => text.into_bytes(),
            Self::File(bytes) => bytes,
        }
    }
}

/// The paper a printed worksheet is set for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm: most of the world's classrooms.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

/// What a format may be told beyond the quiz: the paper for the PDF.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportSettings {
    /// The paper size of the PDF worksheet (the other formats ignore it).
    pub paper: Paper,
}

/// An export with what it had to say: the questions a format could not hold
/// (Kahoot's 120 and 75 characters), each in a sentence, for the teacher to
/// hear rather than find a question missing in class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The text or file made.
    pub exported: Exported,
    /// One sentence for each question left out or changed, in quiz order.
    pub notes: Vec<String>,
}

/// The quiz in `format`, or a sentence saying why it could not be made.
/// Questions left out are not said here: [`export_with`] says them.
pub fn export(
    quiz: &Quiz,
    dataset: &Dataset,
    format: QuizExportFormat,
) -> Result<Exported, String> {
    export_with(quiz, dataset, format, ExportSettings::default()).map(|report| report.exported)
}

/// The quiz in `format` made with `settings`, with a note for each question
/// the format could not hold as it is; or a sentence saying why it could not
/// be made at all.
pub fn export_with(
    quiz: &Quiz,
    dataset: &Dataset,
    format: QuizExportFormat,
    settings: ExportSettings,
) -> Result<Report, String> {
    let whole = |exported| Report {
        exported,
        notes: Vec::new(),
    };
    match format {
        QuizExportFormat::Markdown => {
            Ok(whole(Exported::Text(worksheet::to_markdown(quiz, dataset))))
        }
        QuizExportFormat::Json => serde_json::to_string_pretty(&worksheet::to_json(quiz))
            .map(|text| whole(Exported::Text(text)))
            .map_err(|error| format!("could not write JSON: {error}")),
        QuizExportFormat::Gift => Ok(whole(Exported::Text(gift::to_gift(quiz, dataset)))),
        QuizExportFormat::MoodleXml => {
            moodle_xml::to_moodle_xml(quiz, dataset).map(|text| whole(Exported::Text(text)))
        }
        QuizExportFormat::Qti => {
            qti::to_qti_zip(quiz, dataset).map(|bytes| whole(Exported::File(bytes)))
        }
        QuizExportFormat::Quizlet => Ok(whole(Exported::Text(quizlet::to_quizlet(quiz)))),
        QuizExportFormat::Anki => {
            anki::to_apkg(quiz, dataset).map(|bytes| whole(Exported::File(bytes)))
        }
        QuizExportFormat::Kahoot => kahoot::to_xlsx(quiz).map(|(bytes, notes)| Report {
            exported: Exported::File(bytes),
            notes,
        }),
        QuizExportFormat::Pdf => {
            pdf::to_pdf(quiz, dataset, settings.paper).map(|bytes| whole(Exported::File(bytes)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_has_its_own_key_and_extension() {
        let keys: std::collections::HashSet<_> =
            QuizExportFormat::ALL.iter().map(|f| f.key()).collect();
        assert_eq!(keys.len(), QuizExportFormat::ALL.len());
        for format in QuizExportFormat::ALL {
            assert!(!format.extension().is_empty() && !format.extension().contains('.'));
        }
    }

    #[test]
    fn every_format_exports_the_bundled_quiz() {
        let dataset = Dataset::embedded().unwrap_or_else(|e| panic!("{e}"));
        let quiz = crate::quiz::generate(&dataset, &crate::quiz::QuizOptions::default());
        for format in QuizExportFormat::ALL {
            let made = export(&quiz, &dataset, format).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                matches!(made, Exported::Text(_)),
                format.is_text(),
                "{format:?}"
            );
            assert!(!made.into_bytes().is_empty(), "{format:?}");
        }
    }
}
