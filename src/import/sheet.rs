//! The TimelineJS Google-Sheets template saved as CSV: a header row naming
//! the columns (Year, Month, Day, Time, End Year, End Month, End Day, End Time,
//! Display Date, Headline, Text, Media, Media Credit, Media Caption, Media
//! Thumbnail, Type, Group, Background), then one row a slide. Columns are
//! found by their names, in any order, as TimelineJS finds them.

use std::collections::HashMap;

use super::{DateFields, Note, Slide, Timeline};

/// The columns a sheet must have to be read as the template.
const REQUIRED: [&str; 2] = ["year", "headline"];

/// Reads the sheet; an error is a sentence naming what is missing.
pub fn read(text: &str) -> Result<Timeline, String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|error| format!("not a CSV file: {error}"))?;
    let header: Vec<String> = headers.iter().map(str::to_owned).collect();
    let mut rows = Rows::new(&header)?;
    for (index, record) in reader.records().enumerate() {
        // The header is the sheet's row 1.
        let row = index + 2;
        let record = record.map_err(|error| format!("row {row}: {error}"))?;
        let line = record
            .position()
            .map_or(0, |position| line_at(text, position.byte()));
        let place = if row == line {
            format!("row {row}")
        } else {
            format!("row {row} (line {line})")
        };
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        rows.add(&cells, place);
    }
    Ok(rows.timeline)
}

/// The rows of a sheet read one by one into a timeline, by the columns its
/// header names: the CSV and XLSX readers share it, so that a sheet saved
/// either way imports alike.
pub struct Rows {
    columns: HashMap<String, usize>,
    /// The timeline so far, with the notes of reading.
    pub timeline: Timeline,
}

impl Rows {
    /// Finds the template's columns in the `header` row; an error when the
    /// required ones are missing.
    pub fn new(header: &[String]) -> Result<Self, String> {
        let columns: HashMap<String, usize> = header
            .iter()
            .enumerate()
            .map(|(i, name)| (name.trim().to_lowercase(), i))
            .collect();
        if let Some(missing) = REQUIRED.iter().find(|name| !columns.contains_key(**name)) {
            return Err(format!(
                "its first row has no “{}” column, so it is not the TimelineJS sheet template (Year, Month, Day, …, Headline, Text, …, Type, Group, Background)",
                capitalized(missing)
            ));
        }
        Ok(Self {
            columns,
            timeline: Timeline::default(),
        })
    }

    /// The column `name` (lower case) is in, if the header has it.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.get(name).copied()
    }

    /// Reads one row at `place` ("row 5"); a row of empty cells is passed over.
    pub fn add(&mut self, record: &[String], place: String) {
        let cell = |name: &str| -> Option<String> {
            let value = record.get(*self.columns.get(name)?)?.trim();
            (!value.is_empty()).then(|| value.to_owned())
        };
        if record.iter().all(|value| value.trim().is_empty()) {
            return;
        }
        let slide = slide_of(&cell, place);
        let timeline = &mut self.timeline;
        match cell("type").map(|t| t.to_lowercase()).as_deref() {
            Some("title") if timeline.title.is_none() => timeline.title = Some(slide),
            Some("title") => timeline.notes.push(Note::new(
                &slide.place,
                "a second title row; only the first is the title, so this one is left out",
            )),
            Some("era") => timeline.slides.push(Slide { era: true, ..slide }),
            Some(other) => {
                timeline.notes.push(Note::new(
                    &slide.place,
                    format!("the type “{other}” is not title or era; the row is read as an event"),
                ));
                timeline.slides.push(slide);
            }
            None => timeline.slides.push(slide),
        }
    }
}

/// The line (from 1) of the record that starts at byte `offset`. Counted here
/// because with CRLF line ends (as the template is saved) the csv crate's line
/// and offset both stop at the `\n` before the record, one line short.
fn line_at(text: &str, offset: u64) -> usize {
    let bytes = text.as_bytes();
    let mut start = usize::try_from(offset)
        .unwrap_or(usize::MAX)
        .min(bytes.len());
    if bytes.get(start) == Some(&b'\n') {
        start += 1;
    }
    1 + bytes.iter().take(start).filter(|b| **b == b'\n').count()
}

fn slide_of(cell: &dyn Fn(&str) -> Option<String>, place: String) -> Slide {
    let date = |prefix: &str| DateFields {
        year: cell(&format!("{prefix}year")),
        month: cell(&format!("{prefix}month")),
        day: cell(&format!("{prefix}day")),
        time: cell(&format!("{prefix}time")),
    };
    Slide {
        place,
        era: false,
        start: date(""),
        end: date("end "),
        display_date: cell("display date"),
        headline: cell("headline").unwrap_or_default(),
        text: cell("text").unwrap_or_default(),
        group: cell("group"),
        media: ["media", "media credit", "media caption", "media thumbnail"]
            .into_iter()
            .filter_map(cell)
            .collect(),
        background: cell("background"),
    }
}

pub(crate) fn capitalized(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background";

    #[test]
    fn rows_become_slides_with_their_row_and_line() {
        let text = format!(
            "{HEADER}\n,,,,,,,,,My title,Intro,,,,,title,,\n1995,12,12,10:30,,,,,,Adopted,\"Two\nlines\",,,,,,UN,\n,,,,,,,,,,,,,,,,,\n600,,,,650,,,,,An era,,,,,,era,,\n"
        );
        let timeline = read(&text).unwrap();
        assert_eq!(
            timeline.title.as_ref().map(|t| t.headline.as_str()),
            Some("My title")
        );
        assert_eq!(timeline.slides.len(), 2);
        let event = &timeline.slides[0];
        assert_eq!(event.place, "row 3");
        assert_eq!(event.start.time.as_deref(), Some("10:30"));
        assert_eq!(event.text, "Two\nlines");
        assert_eq!(event.group.as_deref(), Some("UN"));
        // The quoted line break puts the later rows a line further down.
        let era = &timeline.slides[1];
        assert!(era.era);
        assert_eq!(era.place, "row 5 (line 6)");
        assert_eq!(era.end.year.as_deref(), Some("650"));
        // The same with CRLF line ends, as the template is saved.
        let crlf = read(&text.replace('\n', "\r\n")).unwrap();
        let places: Vec<&str> = crlf.slides.iter().map(|s| s.place.as_str()).collect();
        assert_eq!(places, ["row 3", "row 5 (line 6)"]);
    }

    #[test]
    fn columns_are_found_by_name_in_any_order() {
        let timeline = read("headline,YEAR ,extra\nOne,2001,x\n").unwrap();
        assert_eq!(timeline.slides[0].start.year.as_deref(), Some("2001"));
        assert_eq!(timeline.slides[0].headline, "One");
    }

    #[test]
    fn a_sheet_without_the_templates_columns_is_refused() {
        let error = read("title,count\na,1\n").unwrap_err();
        assert!(error.contains("no “Year” column"), "{error}");
    }
}
