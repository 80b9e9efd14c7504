//! The whole dataset as JSON, for other tools: dates as ISO 8601 strings of their
//! precision, spans as `start`/`end`, citations as `{article, paragraph}`.

use serde_json::{Value, json};

use super::Dataset;
use crate::model::{Block, Date, Source, Unstated, When};

fn date(date: &Date) -> Value {
    Value::String(date.iso())
}

fn when(when: &When) -> Value {
    match when {
        When::On(d) => date(d),
        When::Span(start, end) => json!({ "start": start.iso(), "end": end.iso() }),
    }
}

fn sources(sources: &[Source]) -> Value {
    Value::Array(
        sources
            .iter()
            .map(|s| json!({ "article": s.article, "paragraph": s.paragraph }))
            .collect(),
    )
}

/// The marks of a record's unstated parts: `[{field, basis, reason}]`.
fn unstated(marks: &[Unstated]) -> Value {
    Value::Array(
        marks
            .iter()
            .map(|m| json!({ "field": m.field.key(), "basis": m.basis.key(), "reason": m.reason }))
            .collect(),
    )
}

fn block(block: &Block) -> Value {
    let mut value = match block {
        Block::List { items, .. } => json!({ "kind": "list", "items": items }),
        Block::Image { path, alt, .. } => json!({ "kind": "image", "path": path, "alt": alt }),
        other => json!({ "kind": other.kind_name(), "text": other.text() }),
    };
    if let (Some(note), Some(map)) = (block.note(), value.as_object_mut()) {
        map.insert("note".to_owned(), Value::String(note.to_owned()));
    }
    value
}

/// The dataset as one JSON object with `unit` (the manifest's title,
/// subject, language and authors), `categories` (key, label, colour),
/// `articles`, `events`, `organizations`, `people`, `facts` and `glossary`.
pub fn to_json(dataset: &Dataset) -> Value {
    json!({
        "unit": unit_json(dataset),
        "categories": dataset.categories.iter().map(category_json).collect::<Vec<_>>(),
        "articles": dataset.articles.iter().map(article_json).collect::<Vec<_>>(),
        "events": dataset.events.iter().map(|r| event_json(dataset, r)).collect::<Vec<_>>(),
        "organizations": dataset.organizations.iter().map(organization_json).collect::<Vec<_>>(),
        "people": dataset.people.iter().map(person_json).collect::<Vec<_>>(),
        "facts": dataset.facts.iter().map(fact_json).collect::<Vec<_>>(),
        "glossary": dataset.glossary.iter().map(term_json).collect::<Vec<_>>(),
    })
}

/// Writes [`to_json`]'s text (compact, as `to_json(dataset).to_string()`)
/// record by record, never holding the whole: for 100,000 events the whole
/// as a `Value` was some 700 MB.
pub fn write_json(dataset: &Dataset, out: &mut impl std::io::Write) -> serde_json::Result<()> {
    fn list<T>(
        out: &mut impl std::io::Write,
        key: &str,
        records: &[T],
        each: impl Fn(&T) -> Value,
    ) -> serde_json::Result<()> {
        out.write_all(b",").map_err(serde_json::Error::io)?;
        serde_json::to_writer(&mut *out, key)?;
        out.write_all(b":[").map_err(serde_json::Error::io)?;
        for (i, record) in records.iter().enumerate() {
            if i > 0 {
                out.write_all(b",").map_err(serde_json::Error::io)?;
            }
            serde_json::to_writer(&mut *out, &each(record))?;
        }
        out.write_all(b"]").map_err(serde_json::Error::io)
    }
    out.write_all(b"{\"unit\":")
        .map_err(serde_json::Error::io)?;
    serde_json::to_writer(&mut *out, &unit_json(dataset))?;
    list(out, "categories", &dataset.categories, category_json)?;
    list(out, "articles", &dataset.articles, article_json)?;
    list(out, "events", &dataset.events, |r| event_json(dataset, r))?;
    list(
        out,
        "organizations",
        &dataset.organizations,
        organization_json,
    )?;
    list(out, "people", &dataset.people, person_json)?;
    list(out, "facts", &dataset.facts, fact_json)?;
    list(out, "glossary", &dataset.glossary, term_json)?;
    out.write_all(b"}").map_err(serde_json::Error::io)
}

/// The manifest's part of [`to_json`].
fn unit_json(dataset: &Dataset) -> Value {
    let manifest = &dataset.manifest;
    json!({
        "title": manifest.title,
        "subject": manifest.subject,
        "language": manifest.language,
        "authors": manifest.authors,
    })
}

/// One of `categories` as [`to_json`] writes it.
fn category_json(c: &crate::model::Category) -> Value {
    json!({
        "key": c.export_key(),
        "label": c.label,
        "colour": format!("#{:02x}{:02x}{:02x}", c.rgb[0], c.rgb[1], c.rgb[2]),
    })
}

/// One of `articles` as [`to_json`] writes it.
fn article_json(a: &crate::model::Article) -> Value {
    json!({
        "id": a.id,
        "title": a.title,
        "publisher": a.publisher,
        "published": a.published.as_ref().map(when),
        "derived": a.derived,
        "url": a.url,
        "licence": a.licence,
        "summary": a.summary,
        "note": a.note,
        "body": a.body.iter().map(block).collect::<Vec<_>>(),
    })
}

/// One of `events` as [`to_json`] writes it.
fn event_json(dataset: &Dataset, e: &crate::model::Event) -> Value {
    json!({
        "id": e.id,
        "date": when(&e.date),
        "precision": format!("{:?}", e.date.start().precision()).to_lowercase(),
        "title": e.title,
        "description": e.description,
        "category": dataset.category_of(e).map(crate::model::Category::export_key),
        "place": e.place(),
        "resolution": e.resolution(),
        "planned": e.planned,
        "organizations": e.organizations(),
        "people": e.people(),
        "sources": sources(&e.sources),
        "derived": e.derived(),
        "unstated": unstated(e.unstated()),
        "note": e.note(),
    })
}

/// One of `organizations` as [`to_json`] writes it.
fn organization_json(o: &crate::model::Organization) -> Value {
    json!({
        "id": o.id,
        "acronym": o.acronym,
        "name": o.name,
        "aliases": o.aliases,
        "kind": o.kind.key(),
        "relationships": o.relationships.iter().map(|r| json!({
            "kind": r.kind.key(),
            "detail": r.detail,
            "since": r.since.as_ref().map(date),
            "quote": r.quote,
            "sources": sources(std::slice::from_ref(&r.source)),
            "derived": r.derived,
            "unstated": unstated(&r.unstated),
        })).collect::<Vec<_>>(),
        "summary": o.summary,
        "sources": sources(&o.sources),
        "unstated": unstated(&o.unstated),
        "note": o.note,
    })
}

/// One of `people` as [`to_json`] writes it.
fn person_json(p: &crate::model::Person) -> Value {
    json!({
        "id": p.id,
        "name": p.name,
        "role": p.role,
        "as_of": date(&p.as_of),
        "organizations": p.organizations,
        "sources": sources(&p.sources),
        "note": p.note,
    })
}

/// One of `facts` as [`to_json`] writes it.
fn fact_json(f: &crate::model::Fact) -> Value {
    json!({
        "id": f.id,
        "measure": f.measure,
        "value": f.value,
        "qualifier": f.qualifier.key(),
        "unit": f.unit,
        "as_of": date(&f.as_of),
        "organizations": f.organizations,
        "quote": f.quote,
        "sources": sources(&f.sources),
        "derived": f.derived,
        "unstated": unstated(&f.unstated),
        "note": f.note,
    })
}

/// One of `glossary` as [`to_json`] writes it.
fn term_json(g: &crate::model::GlossaryTerm) -> Value {
    json!({
        "id": g.id,
        "term": g.term,
        "aliases": g.aliases,
        "definition": g.definition,
        "sources": sources(&g.sources),
        "note": g.note,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::synthetic::{self, Sizes};

    fn written(dataset: &Dataset) -> String {
        let mut out = Vec::new();
        write_json(dataset, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// Written record by record, the text is the whole `Value`'s, byte for
    /// byte (quiz codes' fingerprints hash it): for the bundled dataset, one
    /// with empty lists and generated ones of every kind of record.
    #[test]
    fn the_json_written_record_by_record_is_the_whole_values_text() {
        let bundled = Dataset::embedded().unwrap();
        assert_eq!(written(&bundled), to_json(&bundled).to_string());
        let mut emptied = bundled.clone();
        emptied.events.clear();
        emptied.glossary.clear();
        emptied.facts.clear();
        assert_eq!(written(&emptied), to_json(&emptied).to_string());
        for seed in 0..4 {
            let dataset = Dataset::from_files(&synthetic::files(Sizes::small(), seed)).unwrap();
            assert_eq!(
                written(&dataset),
                to_json(&dataset).to_string(),
                "seed {seed}"
            );
        }
    }
}
