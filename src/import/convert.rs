//! A [`Timeline`] as an article and the events that cite it.
//!
//! The article's body is the title slide's text, then for each slide carried
//! over a heading ("10 December 1815 – 27 November 1852: Ada Lovelace", so
//! that the article states the date) and its text as paragraphs; each event
//! cites its heading and paragraphs, numbered as the reader numbers blocks.
//! A date keeps the precision of the fields given: a year alone stays a year.

use std::collections::BTreeMap;

use super::html_text::to_plain;
use super::ids::{UniqueIds, kebab};
use super::{DateFields, Note, Slide, Timeline};
use crate::model::{Date, EventCategory, When, days_in_month};

/// What every TimelineJS group is filed under when no category bears its
/// name: the most general of the dataset's fixed categories.
pub const DEFAULT_CATEGORY: EventCategory = EventCategory::Milestone;

/// One block of the imported article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// A heading (a slide's date and headline) rather than a paragraph.
    pub heading: bool,
    /// Its plain text.
    pub text: String,
}

/// One imported event (or era, as a span).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Kebab-case id from the headline, unique.
    pub id: String,
    /// Its date, with the precision of the fields given.
    pub date: When,
    /// The headline as plain text.
    pub title: String,
    /// The text as plain text, or the title when there is none.
    pub description: String,
    /// The category its group maps to.
    pub category: EventCategory,
    /// The blocks of the article it cites, counted from 1.
    pub sources: Vec<u32>,
    /// Whether it was an era.
    pub era: bool,
}

/// The conversion's result: an article, its events and the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// The article's id, from the title.
    pub article_id: String,
    /// The article's title: the title slide's headline.
    pub title: String,
    /// The article's summary.
    pub summary: String,
    /// The article's blocks.
    pub blocks: Vec<Block>,
    /// The events and eras carried over, in the source's order.
    pub events: Vec<Event>,
    /// What was not carried over, or was carried over otherwise.
    pub notes: Vec<Note>,
}

/// Reads one date of a slide. A year is required and must be AD 1 to 9999
/// (the dataset's four digits); a month 1 to 12; a day that exists in it.
/// Returns the date and what of the fields it could not keep.
pub fn date_of(fields: &DateFields) -> Result<(Date, Vec<String>), String> {
    let year_text = fields.year.as_deref().ok_or("no year")?;
    let year: i64 = year_text
        .parse()
        .map_err(|_| format!("the year “{year_text}” is not a whole number"))?;
    let year = i32::try_from(year)
        .ok()
        .filter(|y| (1..=9999).contains(y))
        .ok_or_else(|| {
            format!("the year {year_text} is outside AD 1 to 9999, which a dataset's dates cover")
        })?;
    let mut dropped = Vec::new();
    if let Some(time) = &fields.time {
        dropped.push(format!("the time {time} (dates go to the day)"));
    }
    let Some(month_text) = fields.month.as_deref() else {
        if let Some(day) = &fields.day {
            dropped.push(format!("the day {day}, given without a month"));
        }
        return Ok((Date::year(year), dropped));
    };
    let month = month_text
        .parse::<u8>()
        .ok()
        .filter(|m| (1..=12).contains(m))
        .ok_or_else(|| format!("the month “{month_text}” is not 1 to 12"))?;
    let Some(day_text) = fields.day.as_deref() else {
        return Ok((Date::month(year, month), dropped));
    };
    let days = days_in_month(year, month);
    let day = day_text
        .parse::<u8>()
        .ok()
        .filter(|d| (1..=days).contains(d))
        .ok_or_else(|| {
            format!(
                "the day “{day_text}” is not in {} {year}",
                crate::model::month_name(month)
            )
        })?;
    Ok((Date::day(year, month, day), dropped))
}

/// A slide's date or span, and notes on what of it was dropped. An end that
/// cannot be read, or comes before the start, is dropped and noted.
pub fn when_of(slide: &Slide) -> Result<(When, Vec<String>), String> {
    let (start, mut dropped) = date_of(&slide.start)?;
    if slide.end.is_empty() {
        return Ok((When::On(start), dropped));
    }
    match date_of(&slide.end) {
        Err(reason) => dropped.push(format!("the end date ({reason})")),
        Ok((end, _)) if end.last_day() < start.first_day() => {
            dropped.push(format!("the end date {}, before the start", end.iso()));
        }
        Ok((end, end_dropped)) => {
            dropped.extend(end_dropped.into_iter().map(|d| format!("at the end, {d}")));
            return Ok((
                if end == start {
                    When::On(start)
                } else {
                    When::Span(start, end)
                },
                dropped,
            ));
        }
    }
    Ok((When::On(start), dropped))
}

/// The category a TimelineJS group maps to: one whose label or key is the
/// group's name (any case), or [`DEFAULT_CATEGORY`].
pub fn category_of(group: Option<&str>) -> EventCategory {
    group
        .map(str::trim)
        .and_then(|name| {
            EventCategory::ALL.into_iter().find(|category| {
                category.label().eq_ignore_ascii_case(name)
                    || category.key().eq_ignore_ascii_case(name)
            })
        })
        .unwrap_or(DEFAULT_CATEGORY)
}

/// Builds the article and events from `timeline`; `source_name` titles the
/// article when the timeline has no title slide.
pub fn convert(timeline: Timeline, source_name: &str) -> Imported {
    let mut notes = timeline.notes;
    let title_slide = timeline.title.unwrap_or_default();
    let title = Some(to_plain(&title_slide.headline).joined())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| format!("Timeline imported from {source_name}"));
    let intro = to_plain(&title_slide.text);
    report_dropped(&mut notes, &title_slide, &intro.dropped);
    let mut blocks: Vec<Block> = intro
        .paragraphs
        .iter()
        .map(|text| Block {
            heading: false,
            text: text.clone(),
        })
        .collect();
    let mut ids = UniqueIds::default();
    let mut events = Vec::new();
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for slide in &timeline.slides {
        if let Some(event) = event_of(slide, &mut blocks, &mut ids, &mut notes) {
            if let Some(group) = &slide.group {
                groups
                    .entry(group.clone())
                    .or_default()
                    .push(slide.place.clone());
            }
            events.push(event);
        }
    }
    report_groups(&mut notes, &groups);
    let summary = Some(intro.joined())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| {
            format!(
                "A timeline of {} dated entries, imported from {source_name}.",
                events.len()
            )
        });
    Imported {
        article_id: kebab(&title, "timeline"),
        title,
        summary,
        blocks,
        events,
        notes,
    }
}

/// One slide as an event, its blocks added to `blocks`; `None` (and a note)
/// when it cannot be carried over.
fn event_of(
    slide: &Slide,
    blocks: &mut Vec<Block>,
    ids: &mut UniqueIds,
    notes: &mut Vec<Note>,
) -> Option<Event> {
    let what = if slide.era { "era" } else { "row" };
    let (date, dropped) = match when_of(slide) {
        Ok(found) => found,
        Err(reason) => {
            notes.push(Note::new(
                &slide.place,
                format!("{reason}; the {what} is left out"),
            ));
            return None;
        }
    };
    let headline = to_plain(&slide.headline);
    let text = to_plain(&slide.text);
    let mut title = headline.joined();
    if title.is_empty() {
        let Some(first) = text.paragraphs.first() else {
            notes.push(Note::new(
                &slide.place,
                format!("no headline and no text; the {what} is left out"),
            ));
            return None;
        };
        title = first_words(first);
        notes.push(Note::new(
            &slide.place,
            "no headline: the title is the start of its text",
        ));
    }
    for item in dropped {
        notes.push(Note::new(
            &slide.place,
            format!("{item} is not carried over"),
        ));
    }
    report_dropped(
        notes,
        slide,
        &[headline.dropped.as_slice(), text.dropped.as_slice()].concat(),
    );
    let mut sources = vec![block_number(blocks.len())];
    blocks.push(Block {
        heading: true,
        text: format!("{}: {title}", date.human()),
    });
    for paragraph in &text.paragraphs {
        sources.push(block_number(blocks.len()));
        blocks.push(Block {
            heading: false,
            text: paragraph.clone(),
        });
    }
    let description = Some(text.joined())
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| title.clone());
    Some(Event {
        id: ids.take(&kebab(&title, if slide.era { "era" } else { "event" })),
        date,
        title,
        description,
        category: category_of(slide.group.as_deref()),
        sources,
        era: slide.era,
    })
}

/// The number the reader gives the block at `index` (from 0): its place from 1.
fn block_number(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

/// The first dozen words of a text, for a title where there is no headline.
fn first_words(text: &str) -> String {
    const WORDS: usize = 12;
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= WORDS {
        text.to_owned()
    } else {
        format!("{} …", words[..WORDS].join(" "))
    }
}

/// Notes for the media, background, display date and embeds of a slide.
fn report_dropped(notes: &mut Vec<Note>, slide: &Slide, embeds: &[String]) {
    if !slide.media.is_empty() {
        // A caption or credit in HTML is said as text; an address is said as
        // it stands (HTML parsing could read "&copy" in one as an entity).
        let media: Vec<String> = slide
            .media
            .iter()
            .map(|item| {
                if item.contains('<') {
                    to_plain(item).joined()
                } else {
                    item.clone()
                }
            })
            .collect();
        notes.push(Note::new(
            &slide.place,
            format!("the media ({}) is not carried over", media.join("; ")),
        ));
    }
    if let Some(background) = &slide.background {
        notes.push(Note::new(
            &slide.place,
            format!("the background ({background}) is not carried over"),
        ));
    }
    if let Some(display) = &slide.display_date {
        notes.push(Note::new(
            &slide.place,
            format!("the display date “{display}” is not carried over; the date fields are"),
        ));
    }
    for embed in embeds {
        notes.push(Note::new(
            &slide.place,
            format!("{embed} in the text is not carried over"),
        ));
    }
}

/// One note per group: which category it became, and that the group's name
/// itself has no field in the dataset.
fn report_groups(notes: &mut Vec<Note>, groups: &BTreeMap<String, Vec<String>>) {
    for (group, places) in groups {
        let category = category_of(Some(group));
        let how = if category == DEFAULT_CATEGORY && !category.label().eq_ignore_ascii_case(group) {
            format!(
                "no category has this name, so its {} filed as {}",
                if places.len() == 1 {
                    "one entry is"
                } else {
                    "entries are"
                },
                category.label()
            )
        } else {
            format!("filed as {}", category.label())
        };
        notes.push(Note::new(
            &format!("group “{group}”"),
            format!(
                "{how} ({}); an event has no field for its group, so the name is not kept",
                places.join(", ")
            ),
        ));
    }
}

#[cfg(test)]
#[path = "convert_tests.rs"]
mod tests;
