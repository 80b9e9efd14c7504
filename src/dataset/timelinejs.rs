//! The timeline as a TimelineJS 3 JSON file, for a teacher to publish with
//! TimelineJS: the title slide from the manifest (title, subject, authors and
//! every article with its link and licence), one slide per event with the
//! date at its own precision (a year stays a year), spans as `start_date` and
//! `end_date`, the category as `group` when the unit uses more than one, and
//! the paragraphs it comes from as a credit line under its text.
//!
//! Texts are HTML-escaped here: TimelineJS puts `headline` and `text` into
//! the page as HTML, so a `<` in an event's title must not become markup.

use serde_json::{Map, Value, json};

use super::Dataset;
use crate::model::{Date, Event, Source, When};

/// `text` with `& < > " '` written as HTML entities. (Five replacements:
/// a crate would add nothing over this.)
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A TimelineJS date object with the fields the date has, as strings (as
/// TimelineJS's own examples write them).
fn date(date: &Date) -> Value {
    let mut fields = Map::new();
    fields.insert(
        "year".to_owned(),
        Value::String(date.year_number().to_string()),
    );
    if let Some(month) = date.month_number() {
        fields.insert("month".to_owned(), Value::String(month.to_string()));
    }
    if let Some(day) = date.day_number() {
        fields.insert("day".to_owned(), Value::String(day.to_string()));
    }
    Value::Object(fields)
}

/// "“Article title”, ¶ 3, 4; “Other”, ¶ 2", each title a link when the
/// manifest gives the article a url.
fn credit(dataset: &Dataset, sources: &[Source]) -> String {
    let mut parts: Vec<(String, Vec<String>)> = Vec::new();
    for source in sources {
        let number = source.paragraph.to_string();
        match parts.iter_mut().find(|(id, _)| *id == source.article) {
            Some((_, numbers)) => numbers.push(number),
            None => parts.push((source.article.clone(), vec![number])),
        }
    }
    parts
        .iter()
        .map(|(id, numbers)| {
            let article = dataset.article(id);
            let title = escape(article.map_or(id.as_str(), |a| a.title.as_str()));
            let named = match article.and_then(|a| a.url.as_deref()) {
                Some(url) => format!("<a href=\"{}\">{title}</a>", escape(url)),
                None => format!("“{title}”"),
            };
            format!("{named}, ¶ {}", numbers.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// One event's slide.
fn slide(dataset: &Dataset, event: &Event, grouped: bool) -> Value {
    let mut text = format!("<p>{}</p>", escape(&event.description));
    if event.planned {
        text.push_str("<p><em>Planned, as the articles speak of it.</em></p>");
    }
    if let Some(how) = &event.derived() {
        text.push_str(&format!("<p><em>Date worked out: {}</em></p>", escape(how)));
    }
    text.push_str(&format!(
        "<p class=\"source\"><small>Source: {}</small></p>",
        credit(dataset, &event.sources)
    ));
    let mut slide = Map::new();
    slide.insert("unique_id".to_owned(), Value::String(event.id.to_string()));
    match &event.date {
        When::On(on) => {
            slide.insert("start_date".to_owned(), date(on));
        }
        When::Span(start, end) => {
            slide.insert("start_date".to_owned(), date(start));
            slide.insert("end_date".to_owned(), date(end));
        }
    }
    slide.insert(
        "text".to_owned(),
        json!({ "headline": escape(&event.title), "text": text }),
    );
    if grouped && let Some(category) = dataset.category_of(event) {
        slide.insert("group".to_owned(), Value::String(escape(&category.label)));
    }
    Value::Object(slide)
}

/// The title slide: the unit's title, subject and authors, and the articles
/// with their links and licences (the attribution the licences ask for).
fn title_slide(dataset: &Dataset) -> Value {
    let manifest = &dataset.manifest;
    let headline = manifest.title.as_deref().unwrap_or("Timeline");
    let mut text = String::new();
    if let Some(subject) = &manifest.subject {
        text.push_str(&format!("<p>{}</p>", escape(subject)));
    }
    if !manifest.authors.is_empty() {
        text.push_str(&format!(
            "<p>By {}</p>",
            escape(&manifest.authors.join(", "))
        ));
    }
    let sources: Vec<String> = dataset
        .articles
        .iter()
        .map(|article| {
            let title = escape(&article.title);
            let mut line = match &article.url {
                Some(url) => format!("<a href=\"{}\">{title}</a>", escape(url)),
                None => title,
            };
            if let Some(publisher) = &article.publisher {
                line.push_str(&format!(", {}", escape(publisher)));
            }
            if let Some(licence) = &article.licence {
                line.push_str(&format!(" ({})", escape(licence)));
            }
            format!("<li>{line}</li>")
        })
        .collect();
    if !sources.is_empty() {
        text.push_str(&format!("<p>Sources:</p><ul>{}</ul>", sources.concat()));
    }
    json!({ "text": { "headline": escape(headline), "text": text } })
}

/// The dataset's timeline as TimelineJS 3 JSON: `{"title", "events"}`.
pub fn to_timelinejs(dataset: &Dataset) -> Value {
    // Groups only help when there is more than one: a unit of one category
    // would get a single labelled row.
    let used: std::collections::HashSet<&str> =
        dataset.events.iter().map(|e| e.category.as_str()).collect();
    let grouped = used.len() > 1;
    json!({
        "title": title_slide(dataset),
        "events": dataset
            .events
            .iter()
            .map(|event| slide(dataset, event, grouped))
            .collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Dataset {
        Dataset::embedded().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn every_event_is_a_slide_with_its_own_precision() {
        let dataset = bundled();
        let json = to_timelinejs(&dataset);
        let slides = json["events"].as_array().cloned().unwrap_or_default();
        assert_eq!(slides.len(), dataset.events.len());
        for (event, slide) in dataset.events.iter().zip(&slides) {
            assert_eq!(slide["unique_id"], &*event.id);
            let (start, end) = match &event.date {
                When::On(d) => (d, None),
                When::Span(s, e) => (s, Some(e)),
            };
            let fields = |d: &Date| [d.month_number().is_some(), d.day_number().is_some()];
            let present = |v: &Value| [v.get("month").is_some(), v.get("day").is_some()];
            assert_eq!(present(&slide["start_date"]), fields(start), "{}", event.id);
            assert_eq!(slide["start_date"]["year"], start.year_number().to_string());
            match end {
                Some(end) => assert_eq!(present(&slide["end_date"]), fields(end)),
                None => assert!(slide.get("end_date").is_none(), "{}", event.id),
            }
            let group = slide["group"].as_str().unwrap_or_default();
            assert_eq!(
                Some(group),
                dataset.category_of(event).map(|c| c.label.as_str())
            );
            let text = slide["text"]["text"].as_str().unwrap_or_default();
            assert!(text.contains("Source: "), "{text}");
        }
    }

    #[test]
    fn the_title_slide_credits_every_article() {
        let dataset = bundled();
        let json = to_timelinejs(&dataset);
        assert_eq!(
            json["title"]["text"]["headline"].as_str(),
            dataset.manifest.title.as_deref()
        );
        let text = json["title"]["text"]["text"].as_str().unwrap_or_default();
        for article in &dataset.articles {
            assert!(text.contains(&escape(&article.title)), "{}", article.title);
        }
    }

    #[test]
    fn markup_in_a_text_is_escaped() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }
}
