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
    let manifest = &dataset.manifest;
    json!({
        "unit": {
            "title": manifest.title,
            "subject": manifest.subject,
            "language": manifest.language,
            "authors": manifest.authors,
        },
        "categories": dataset.categories.iter().map(|c| json!({
            "key": c.export_key(),
            "label": c.label,
            "colour": format!("#{:02x}{:02x}{:02x}", c.rgb[0], c.rgb[1], c.rgb[2]),
        })).collect::<Vec<_>>(),
        "articles": dataset.articles.iter().map(|a| json!({
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
        })).collect::<Vec<_>>(),
        "events": dataset.events.iter().map(|e| json!({
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
        })).collect::<Vec<_>>(),
        "organizations": dataset.organizations.iter().map(|o| json!({
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
        })).collect::<Vec<_>>(),
        "people": dataset.people.iter().map(|p| json!({
            "id": p.id,
            "name": p.name,
            "role": p.role,
            "as_of": date(&p.as_of),
            "organizations": p.organizations,
            "sources": sources(&p.sources),
            "note": p.note,
        })).collect::<Vec<_>>(),
        "facts": dataset.facts.iter().map(|f| json!({
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
        })).collect::<Vec<_>>(),
        "glossary": dataset.glossary.iter().map(|g| json!({
            "id": g.id,
            "term": g.term,
            "aliases": g.aliases,
            "definition": g.definition,
            "sources": sources(&g.sources),
            "note": g.note,
        })).collect::<Vec<_>>(),
    })
}
