//! The TimelineJS Google-Sheets template saved as XLSX: the same columns as
//! the CSV (see [`super::sheet`]), read from the workbook's first sheet by
//! `calamine`, cell by cell, so that a sheet far longer than a timeline is
//! refused after its first rows rather than read whole.
//!
//! A number cell is written as the sheet shows a whole number (1955.0 is
//! "1955"); a date cell in a date column (Year, Month, Day, End …) is not
//! guessed at: it is reported with its row and left empty, since a year typed
//! as a spreadsheet date no longer says which of its parts the author meant.

use std::io::{Read, Seek};

use calamine::{DataRef, Reader, Xlsx};

use super::sheet::Rows;
use super::{Note, Timeline};

/// A workbook larger than this (as a file) is not a timeline's sheet.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;
/// What the workbook's parts may unpack to, all together: the bound that
/// keeps a small zip that unpacks to gigabytes (a "zip bomb") from being read.
pub const MAX_UNPACKED_BYTES: u64 = 100 * 1024 * 1024;
/// Rows read at most; TimelineJS itself shows a few hundred slides at best.
pub const MAX_ROWS: u32 = 10_000;
/// Columns read at most: the template has 18, and others are passed over.
const MAX_COLUMNS: u32 = 64;

/// The columns that hold a date's parts: a spreadsheet date in one of them
/// is reported rather than read.
const DATE_COLUMNS: [&str; 6] = ["year", "month", "day", "end year", "end month", "end day"];

/// Reads the first sheet of the workbook in `bytes`; an error is a sentence.
pub fn read(bytes: &[u8]) -> Result<Timeline, String> {
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MAX_FILE_BYTES {
        return Err(format!(
            "the workbook is larger than {} MB, far more than a timeline's sheet; nothing is read",
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    check_unpacked_size(std::io::Cursor::new(bytes))?;
    let mut workbook = Xlsx::new(std::io::Cursor::new(bytes))
        .map_err(|error| format!("not a readable XLSX workbook: {error}"))?;
    let sheet = workbook
        .sheet_names()
        .first()
        .cloned()
        .ok_or("the workbook has no sheet")?;
    let mut cells = workbook
        .worksheet_cells_reader(&sheet)
        .map_err(|error| format!("its sheet “{sheet}” cannot be read: {error}"))?;
    let mut grid = Grid::default();
    while let Some(cell) = cells
        .next_cell()
        .map_err(|error| format!("its sheet “{sheet}” cannot be read: {error}"))?
    {
        let (row, column) = cell.get_position();
        if grid.first_row.is_some_and(|first| row >= first + MAX_ROWS) {
            return Err(format!(
                "its sheet “{sheet}” goes on past row {}: more than {MAX_ROWS} rows, far more than a timeline has; nothing is read",
                grid.first_row.map_or(0, |first| first + MAX_ROWS)
            ));
        }
        if column < MAX_COLUMNS {
            grid.put(row, column, cell.get_value());
        }
    }
    grid.into_timeline()
}

/// Refuses a zip whose parts unpack to more than [`MAX_UNPACKED_BYTES`],
/// by the sizes its directory declares, before anything is unpacked. The
/// declared sizes bound what is read: the zip crate stops with an error at
/// a part that unpacks to more than its declared size.
fn check_unpacked_size<R: Read + Seek>(reader: R) -> Result<(), String> {
    let mut archive = zip::ZipArchive::new(reader).map_err(|error| {
        format!(
            "not an XLSX workbook (an XLSX file is a zip archive, and this is not one: {error})"
        )
    })?;
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let part = archive
            .by_index_raw(index)
            .map_err(|error| format!("not a readable XLSX workbook: {error}"))?;
        total = total.saturating_add(part.size());
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(format!(
            "the workbook unpacks to {} MB, more than the {} MB a timeline's sheet could need; nothing is read",
            total / (1024 * 1024),
            MAX_UNPACKED_BYTES / (1024 * 1024)
        ));
    }
    Ok(())
}

/// A cell as the sheet template's text, or a spreadsheet date as such.
#[derive(Clone, Debug, PartialEq)]
enum Value {
    Text(String),
    /// A date or time cell: its date ("1955-03-04") and time ("10:30").
    Date(String, String),
    /// A cell showing an error such as #REF!.
    Error(String),
}

/// The cells read, row by row, with the sheet's absolute row numbers.
#[derive(Default)]
struct Grid {
    first_row: Option<u32>,
    rows: Vec<(u32, Vec<Value>)>,
}

impl Grid {
    fn put(&mut self, row: u32, column: u32, value: &DataRef<'_>) {
        let value = match value {
            DataRef::Empty => return,
            DataRef::Int(n) => Value::Text(n.to_string()),
            DataRef::Float(f) => Value::Text(number(*f)),
            DataRef::String(s) => Value::Text(s.clone()),
            DataRef::SharedString(s) => Value::Text((*s).to_owned()),
            DataRef::Bool(b) => Value::Text(if *b { "TRUE" } else { "FALSE" }.to_owned()),
            DataRef::DateTime(date) => {
                let (y, m, d, hour, minute, ..) = date.to_ymd_hms_milli();
                Value::Date(
                    format!("{y:04}-{m:02}-{d:02}"),
                    format!("{hour}:{minute:02}"),
                )
            }
            DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
                let (date, time) = s.split_once('T').unwrap_or((s, ""));
                Value::Date(date.to_owned(), time.get(..5).unwrap_or(time).to_owned())
            }
            DataRef::Error(error) => Value::Error(error.to_string()),
        };
        self.first_row.get_or_insert(row);
        if self.rows.last().is_none_or(|(last, _)| *last != row) {
            self.rows.push((row, Vec::new()));
        }
        if let Some((_, cells)) = self.rows.last_mut() {
            let column = usize::try_from(column).unwrap_or(usize::MAX);
            if cells.len() <= column {
                cells.resize(column + 1, Value::Text(String::new()));
            }
            cells[column] = value;
        }
    }

    /// The first row is the header; the others are read as the CSV's rows.
    fn into_timeline(self) -> Result<Timeline, String> {
        let mut rows = self.rows.into_iter();
        let Some((_, header)) = rows.next() else {
            return Err("its first sheet is empty".to_owned());
        };
        let header: Vec<String> = header.into_iter().map(|v| as_text(v, false)).collect();
        let mut sheet = Rows::new(&header)?;
        let date_columns: Vec<(usize, &str)> = DATE_COLUMNS
            .iter()
            .filter_map(|name| Some((sheet.column(name)?, *name)))
            .collect();
        for (row, cells) in rows {
            let place = format!("row {}", u64::from(row) + 1);
            let mut notes = Vec::new();
            let texts: Vec<String> = cells
                .into_iter()
                .enumerate()
                .map(|(index, value)| {
                    let date_column = date_columns.iter().find(|(i, _)| *i == index);
                    match (&value, date_column) {
                        (Value::Date(date, _), Some((_, name))) => {
                            notes.push(Note::new(&place, format!(
                                "the {} cell holds a spreadsheet date ({date}), not a number; it is not guessed at, so the cell is read as empty (type the number itself, e.g. 1995)",
                                super::sheet::capitalized(name)
                            )));
                            String::new()
                        }
                        (Value::Error(error), _) => {
                            notes.push(Note::new(&place, format!(
                                "column {} holds the spreadsheet error {error}; the cell is read as empty",
                                index + 1
                            )));
                            String::new()
                        }
                        _ => as_text(value, header.get(index).is_some_and(|h| h.trim().eq_ignore_ascii_case("time"))),
                    }
                })
                .collect();
            sheet.timeline.notes.extend(notes);
            sheet.add(&texts, place);
        }
        Ok(sheet.timeline)
    }
}

/// A cell's text; a date cell as its date, or its time in a Time column.
fn as_text(value: Value, time_column: bool) -> String {
    match value {
        Value::Text(text) => text,
        Value::Date(_, time) if time_column => time,
        Value::Date(date, _) => date,
        Value::Error(error) => error,
    }
}

/// A number as the sheet shows it: whole numbers without ".0".
fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_lose_their_point_and_others_keep_it() {
        assert_eq!(number(1955.0), "1955");
        assert_eq!(number(-300.0), "-300");
        assert_eq!(number(1955.5), "1955.5");
        assert_eq!(number(12.0), "12");
    }

    #[test]
    fn what_is_not_a_zip_is_refused_in_words() {
        let error = read(b"Year,Month\n1995,12\n").unwrap_err();
        assert!(error.starts_with("not an XLSX workbook"), "{error}");
        let error = read(&[0u8; 0]).unwrap_err();
        assert!(error.starts_with("not an XLSX workbook"), "{error}");
    }

    #[test]
    fn a_date_in_a_year_cell_is_reported_and_not_guessed() {
        let mut grid = Grid::default();
        for (column, name) in ["Year", "Headline", "Time"].iter().enumerate() {
            grid.put(0, column as u32, &DataRef::String((*name).to_owned()));
        }
        grid.put(
            6,
            0,
            &DataRef::DateTimeIso("1955-03-04T00:00:00".to_owned()),
        );
        grid.put(6, 1, &DataRef::String("Dated".to_owned()));
        grid.put(7, 0, &DataRef::Float(1955.0));
        grid.put(7, 1, &DataRef::SharedString("Numbered"));
        grid.put(
            7,
            2,
            &DataRef::DateTimeIso("1899-12-31T10:30:00".to_owned()),
        );
        let timeline = grid.into_timeline().unwrap();
        assert_eq!(timeline.notes.len(), 1, "{:?}", timeline.notes);
        assert_eq!(timeline.notes[0].place, "row 7");
        assert!(
            timeline.notes[0]
                .message
                .starts_with("the Year cell holds a spreadsheet date (1955-03-04)"),
            "{:?}",
            timeline.notes
        );
        assert_eq!(timeline.slides[0].start.year, None);
        assert_eq!(timeline.slides[1].start.year.as_deref(), Some("1955"));
        assert_eq!(timeline.slides[1].start.time.as_deref(), Some("10:30"));
        assert_eq!(timeline.slides[1].place, "row 8");
    }
}
