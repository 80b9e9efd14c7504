//! `neutrality-reader import`: a timeline made for TimelineJS (its JSON, or
//! its Google-Sheets template saved as CSV or XLSX) as a dataset folder of
//! its own; or an article file (plain text, Markdown, HTML) as a unit of one
//! article, or added to a unit ([`article`], [`run`]).
//!
//! Reading is in two steps. [`timelinejs`] and [`sheet`] read their format
//! into one [`Timeline`] of slides with the date fields as written; [`convert`]
//! turns that into an article (the title slide's text, then each event's
//! headline and text as blocks) and events that cite those blocks, and says
//! what it could not carry over. [`write`] puts the files in a new folder.
//! Pure logic: no egui.

pub mod article;
pub mod convert;
pub mod html_article;
pub mod html_text;
pub mod ids;
pub mod markdown;
pub mod plain_text;
pub mod run;
pub mod sheet;
pub mod timelinejs;
pub mod write;
pub mod xlsx;

use std::path::Path;

pub use convert::{Imported, convert};
pub use write::write_folder;

/// The date fields of a slide as the source writes them, each trimmed, an
/// empty one as `None`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateFields {
    /// The year, e.g. "1815" or "-300".
    pub year: Option<String>,
    /// The month, 1 to 12.
    pub month: Option<String>,
    /// The day of the month.
    pub day: Option<String>,
    /// The time of day, as written ("14:30", or hour:minute from JSON fields).
    pub time: Option<String>,
}

impl DateFields {
    /// Whether no field is given at all.
    pub fn is_empty(&self) -> bool {
        self.year.is_none() && self.month.is_none() && self.day.is_none() && self.time.is_none()
    }
}

/// One slide of a timeline: an event, an era or the title slide.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Slide {
    /// Where it is in the source, for the report: "row 5", "event 3".
    pub place: String,
    /// An era (a span shown behind the events) rather than an event.
    pub era: bool,
    /// When it starts.
    pub start: DateFields,
    /// When it ends, if given.
    pub end: DateFields,
    /// The text TimelineJS shows instead of the date.
    pub display_date: Option<String>,
    /// The headline, as HTML.
    pub headline: String,
    /// The text, as HTML.
    pub text: String,
    /// The TimelineJS group (its row on the timeline).
    pub group: Option<String>,
    /// Media shown with it: its address, credit, caption, thumbnail.
    pub media: Vec<String>,
    /// Its background image or colour.
    pub background: Option<String>,
}

/// A note for the import report: something not carried over, or carried
/// over otherwise than it stood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// Where in the source: "row 5 (line 7)", "event 3", "group “Video”".
    pub place: String,
    /// What happened to it, as a sentence.
    pub message: String,
}

impl Note {
    /// A note at `place`.
    pub fn new(place: &str, message: impl Into<String>) -> Self {
        Self {
            place: place.to_owned(),
            message: message.into(),
        }
    }
}

/// A timeline as read from its source, before conversion.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    /// The title slide, if there is one.
    pub title: Option<Slide>,
    /// The events and eras, in the source's order.
    pub slides: Vec<Slide>,
    /// What reading already left out.
    pub notes: Vec<Note>,
}

/// Why nothing was imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The source file could not be read.
    #[error("could not read {path}: {reason}")]
    Read {
        /// The source file.
        path: String,
        /// The system's reason.
        reason: String,
    },
    /// The source is larger than anything `import` reads.
    #[error(
        "{path} is {megabytes} MB, more than the 20 MB `import` reads (a timeline or an article is far smaller); nothing is read"
    )]
    TooLarge {
        /// The source file.
        path: String,
        /// Its size in whole megabytes.
        megabytes: u64,
    },
    /// The article file cannot be read as one.
    #[error("{path} {reason}")]
    NotArticle {
        /// The source file.
        path: String,
        /// What is wrong, as the rest of a sentence ("is not UTF-8 text").
        reason: String,
    },
    /// The source is not a timeline this can read.
    #[error("{path}: {reason}")]
    NotTimeline {
        /// The source file.
        path: String,
        /// What is wrong, with its line where known.
        reason: String,
    },
    /// No slide had a date the dataset can hold; the notes say why for each.
    #[error(
        "{0}: no event or era could be carried over (each is listed above with the reason), so no dataset is written"
    )]
    Empty(String),
    /// The folder is there and holds something: nothing is written.
    #[error(
        "{0} already has files in it; `import` writes only into a new or empty folder, so that nothing of yours is written over"
    )]
    NotEmpty(String),
    /// The folder could not be written.
    #[error("could not write {path}: {reason}")]
    Write {
        /// The folder or file.
        path: String,
        /// The system's reason.
        reason: String,
    },
    /// `--into`: the unit does not load now, so nothing is added to it.
    #[error(
        "{unit} does not load as a unit now, so nothing is added to it (run `neutrality-reader check` on it): {reason}"
    )]
    UnitInvalid {
        /// The unit's folder.
        unit: String,
        /// Why it does not load.
        reason: String,
    },
    /// `--into`: the unit has an article with that id already.
    #[error(
        "{unit} already has an article with the id “{id}” (articles/{id}.ron); nothing is written: rename the file's title, or remove that article first"
    )]
    IdTaken {
        /// The unit's folder.
        unit: String,
        /// The article's id.
        id: String,
    },
    /// `--into` was given a timeline: a timeline makes a unit of its own.
    #[error(
        "{0}: `--into` adds an article (.txt, .md, .html) to a unit; a timeline is imported into a new folder of its own"
    )]
    IntoNeedsArticle(String),
    /// The folder written does not load: a fault of the import itself.
    #[error("the imported dataset does not load, so it was not kept: {0}")]
    Invalid(String),
}

/// No source is read past this size: a timeline's sheet or an article is a
/// small fraction of it, and a larger file is most likely the wrong one.
pub const MAX_SOURCE_BYTES: u64 = 20 * 1024 * 1024;

/// The bytes of `source`, refused unread when it is larger than
/// [`MAX_SOURCE_BYTES`].
pub fn read_bytes(source: &Path) -> Result<Vec<u8>, ImportError> {
    let path = source.display().to_string();
    let read_error = |error: std::io::Error| ImportError::Read {
        path: path.clone(),
        reason: crate::dataset::open_file::io_reason(&error),
    };
    let size = std::fs::metadata(source).map_err(read_error)?.len();
    if size > MAX_SOURCE_BYTES {
        return Err(ImportError::TooLarge {
            path: path.clone(),
            megabytes: size / (1024 * 1024),
        });
    }
    std::fs::read(source).map_err(read_error)
}

/// Reads `source` as TimelineJS JSON (`.json`), the sheet template as XLSX
/// (`.xlsx`, or any zip) or as CSV (`.csv`, or anything else whose first line
/// is the template's header).
pub fn read_source(source: &Path) -> Result<Timeline, ImportError> {
    let path = source.display().to_string();
    let bytes = read_bytes(source)?;
    let is_xlsx = source
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("xlsx"))
        || bytes.starts_with(b"PK\x03\x04");
    if is_xlsx {
        return xlsx::read(&bytes).map_err(|reason| ImportError::NotTimeline { path, reason });
    }
    let text = String::from_utf8_lossy(&bytes);
    let text = text.trim_start_matches('\u{feff}');
    let is_json = source
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("json"))
        || text.trim_start().starts_with('{');
    let read = if is_json {
        timelinejs::read(text)
    } else {
        sheet::read(text)
    };
    read.map_err(|reason| ImportError::NotTimeline { path, reason })
}
