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

/// The category of an entry without a group, in a timeline whose other
/// entries have groups; in one without any group, every entry is a
/// built-in `Milestone` and the unit keeps the built-in categories.
pub const UNGROUPED: (&str, &str) = ("Other", "Other");

/// What every entry of a timeline without groups is filed under: the most
/// general of the built-in categories.
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
    /// Its category's name as the data file writes it: its group's
    /// (see [`category_key`]), or the built-in `Milestone`.
    pub category: String,
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
    /// The unit's categories, `(name, label)`, one per group; empty for the
    /// built-in ones when the timeline has no groups.
    pub categories: Vec<(String, String)>,
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

/// A category's name as a data file writes it, from a group's name: its
/// words capitalised and joined, ASCII letters and digits only ("World
/// War II" → `WorldWarII`), not beginning with a digit; `Group` when nothing
/// is left. Unique among `taken`, with a number after a name given already.
pub fn category_key(group: &str, taken: &[String]) -> String {
    let mut key: String = group
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect();
    if key.is_empty() || key.starts_with(|c: char| c.is_ascii_digit()) {
        key.insert_str(0, "Group");
    }
    let mut unique = key.clone();
    let mut n = 2;
    while taken.contains(&unique) {
        unique = format!("{key}{n}");
        n += 1;
    }
    unique
}

/// The unit's categories: one per group, in the order the groups first
/// appear, labelled with the group's name, and `Other` for entries without a
/// group when there are such; none (the built-in ones) when no entry has a
/// group. Each event's category is set to its group's.
fn group_categories(slides: &[&Slide], events: &mut [Event]) -> Vec<(String, String)> {
    let mut categories: Vec<(String, String)> = Vec::new();
    let mut by_group: BTreeMap<String, String> = BTreeMap::new();
    if slides.iter().all(|slide| group_name(slide).is_none()) {
        return categories;
    }
    for (slide, event) in slides.iter().zip(events.iter_mut()) {
        let (name, label) = match group_name(slide) {
            Some(group) => (group.to_lowercase(), group.to_owned()),
            None => (String::new(), UNGROUPED.1.to_owned()),
        };
        let key = by_group.entry(name).or_insert_with(|| {
            let taken: Vec<String> = categories.iter().map(|(k, _)| k.clone()).collect();
            let base = if group_name(slide).is_some() {
                label.as_str()
            } else {
                UNGROUPED.0
            };
            let key = category_key(base, &taken);
            categories.push((key.clone(), label.clone()));
            key
        });
        event.category = key.clone();
    }
    categories
}

/// A slide's group, trimmed; `None` for none or an empty one.
fn group_name(slide: &Slide) -> Option<&str> {
    slide
        .group
        .as_deref()
        .map(str::trim)
        .filter(|g| !g.is_empty())
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
    let mut carried = Vec::new();
    for slide in &timeline.slides {
        if let Some(event) = event_of(slide, &mut blocks, &mut ids, &mut notes) {
            carried.push(slide);
            events.push(event);
        }
    }
    let categories = group_categories(&carried, &mut events);
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
        categories,
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
        category: DEFAULT_CATEGORY.name().to_owned(),
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

#[cfg(test)]
#[path = "convert_tests.rs"]
mod tests;
