//! TimelineJS 3's JSON: `{"title": slide, "events": [slide…], "eras": [slide…]}`,
//! a slide being `start_date`/`end_date` (year, month, day, hour…),
//! `text` (`headline`, `text`), `group`, `media`, `background`, `display_date`.
//! Read with serde_json; numbers may be written as strings or as numbers.

use serde::Deserialize;
use serde_json::Value;

use super::{DateFields, Note, Slide, Timeline};

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    title: Option<JsonSlide>,
    #[serde(default)]
    events: Vec<JsonSlide>,
    #[serde(default)]
    eras: Vec<JsonSlide>,
}

#[derive(Deserialize)]
struct JsonSlide {
    #[serde(default)]
    start_date: Option<JsonDate>,
    #[serde(default)]
    end_date: Option<JsonDate>,
    #[serde(default)]
    text: Option<JsonText>,
    #[serde(default)]
    group: Option<Value>,
    #[serde(default)]
    display_date: Option<Value>,
    #[serde(default)]
    media: Option<JsonMedia>,
    #[serde(default)]
    background: Option<JsonBackground>,
}

#[derive(Deserialize)]
struct JsonDate {
    #[serde(default)]
    year: Option<Value>,
    #[serde(default)]
    month: Option<Value>,
    #[serde(default)]
    day: Option<Value>,
    #[serde(default)]
    hour: Option<Value>,
    #[serde(default)]
    minute: Option<Value>,
    #[serde(default)]
    display_date: Option<Value>,
}

#[derive(Deserialize)]
struct JsonText {
    #[serde(default)]
    headline: Option<Value>,
    #[serde(default)]
    text: Option<Value>,
}

#[derive(Deserialize)]
struct JsonMedia {
    #[serde(default)]
    url: Option<Value>,
    #[serde(default)]
    credit: Option<Value>,
    #[serde(default)]
    caption: Option<Value>,
    #[serde(default)]
    thumbnail: Option<Value>,
}

#[derive(Deserialize)]
struct JsonBackground {
    #[serde(default)]
    url: Option<Value>,
    #[serde(default)]
    color: Option<Value>,
}

/// A string or number field as trimmed text; `None` when absent, null or empty.
fn field(value: Option<&Value>) -> Option<String> {
    let text = match value? {
        Value::String(text) => text.trim().to_owned(),
        Value::Number(number) => number.to_string(),
        Value::Bool(flag) => flag.to_string(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// Reads TimelineJS JSON; an error is a sentence with its line and column.
pub fn read(text: &str) -> Result<Timeline, String> {
    let file: File =
        serde_json::from_str(text).map_err(|error| format!("not TimelineJS JSON: {error}"))?;
    if file.events.is_empty() && file.eras.is_empty() {
        return Err(
            "has no \"events\" or \"eras\" list: a TimelineJS 3 file is {\"title\": …, \"events\": […], \"eras\": […]}"
                .to_owned(),
        );
    }
    let mut notes = Vec::new();
    let title = file
        .title
        .map(|slide| slide_of(slide, "the title slide".to_owned(), false));
    let events = file.events.into_iter().enumerate();
    let eras = file.eras.into_iter().enumerate();
    let mut slides: Vec<Slide> = events
        .map(|(i, slide)| slide_of(slide, format!("event {}", i + 1), false))
        .collect();
    slides.extend(eras.map(|(i, slide)| slide_of(slide, format!("era {}", i + 1), true)));
    if let Some(title) = &title
        && !title.start.is_empty()
    {
        notes.push(Note::new(
            &title.place,
            "its date is not carried over: the title slide becomes the article's title and opening",
        ));
    }
    Ok(Timeline {
        title,
        slides,
        notes,
    })
}

fn date_of(date: Option<&JsonDate>) -> DateFields {
    let Some(date) = date else {
        return DateFields::default();
    };
    let time = match (field(date.hour.as_ref()), field(date.minute.as_ref())) {
        (None, None) => None,
        (hour, minute) => Some(format!(
            "{}:{:0>2}",
            hour.unwrap_or_else(|| "0".to_owned()),
            minute.unwrap_or_else(|| "0".to_owned())
        )),
    };
    DateFields {
        year: field(date.year.as_ref()),
        month: field(date.month.as_ref()),
        day: field(date.day.as_ref()),
        time,
    }
}

fn slide_of(slide: JsonSlide, place: String, era: bool) -> Slide {
    let text = slide.text.as_ref();
    let media = slide.media.as_ref().map_or_else(Vec::new, |media| {
        [&media.url, &media.credit, &media.caption, &media.thumbnail]
            .into_iter()
            .filter_map(|value| field(value.as_ref()))
            .collect()
    });
    let background = slide.background.as_ref().and_then(|background| {
        field(background.url.as_ref()).or_else(|| field(background.color.as_ref()))
    });
    let display_date = field(slide.display_date.as_ref()).or_else(|| {
        [&slide.start_date, &slide.end_date]
            .into_iter()
            .flatten()
            .find_map(|date| field(date.display_date.as_ref()))
    });
    Slide {
        place,
        era,
        start: date_of(slide.start_date.as_ref()),
        end: date_of(slide.end_date.as_ref()),
        display_date,
        headline: text
            .and_then(|t| field(t.headline.as_ref()))
            .unwrap_or_default(),
        text: text
            .and_then(|t| field(t.text.as_ref()))
            .unwrap_or_default(),
        group: field(slide.group.as_ref()),
        media,
        background,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_strings_both_read_and_empty_fields_are_absent() {
        let timeline = read(
            r#"{"title": {"text": {"headline": "T"}},
                "events": [{"start_date": {"year": 1815, "month": "12", "day": ""},
                            "end_date": {"year": "1852", "hour": "9"},
                            "text": {"headline": " Ada ", "text": "<p>x</p>"},
                            "group": "", "media": {"url": "https://m", "caption": "c"}}],
                "eras": [{"start_date": {"year": "650"}, "end_date": {"year": "700"},
                          "text": {"headline": "Era"}}]}"#,
        )
        .unwrap();
        assert_eq!(
            timeline.title.as_ref().map(|t| t.headline.as_str()),
            Some("T")
        );
        let event = &timeline.slides[0];
        assert_eq!(event.place, "event 1");
        assert_eq!(event.start.year.as_deref(), Some("1815"));
        assert_eq!(event.start.month.as_deref(), Some("12"));
        assert_eq!(event.start.day, None);
        assert_eq!(event.end.time.as_deref(), Some("9:00"));
        assert_eq!(event.headline, "Ada");
        assert_eq!(event.group, None);
        assert_eq!(event.media, ["https://m", "c"]);
        let era = &timeline.slides[1];
        assert!(era.era && era.place == "era 1");
    }

    #[test]
    fn what_is_not_a_timeline_is_said_with_its_place() {
        let error = read("{\"events\": [}").unwrap_err();
        assert!(
            error.starts_with("not TimelineJS JSON: ") && error.contains("line 1"),
            "{error}"
        );
        let error = read("{\"timeline\": {}}").unwrap_err();
        assert!(error.contains("no \"events\" or \"eras\" list"), "{error}");
    }
}
