//! An Anki deck (.apkg): a zip of `collection.anki2`, a SQLite collection in
//! the legacy schema 11 that every Anki version imports, and `media` ("{}").
//!
//! One note type, "Neutrality Reader", with the fields Prompt, Options,
//! Answer, Explanation, Source and Id; one card a note, the prompt and
//! lettered options on the front, the answer, explanation and source on the
//! back. Every id is derived, never drawn at random: the note's `guid` from
//! the unit and the question id, the deck id from the unit, the note type
//! id one constant, so that importing a later export of the same unit
//! updates the notes it already has (Anki matches notes by guid, and takes
//! the newer file's fields) instead of adding them twice.

use std::io::Write as _;

use rusqlite::{Connection, params};
use serde_json::{Value, json};

use super::super::worksheet::letter;
use super::super::{Question, Quiz};
use crate::dataset::Dataset;

/// The note type's name, as Anki lists it under Tools > Manage Note Types.
pub const NOTE_TYPE: &str = "Neutrality Reader";
/// The fields of the note type, in order.
pub const FIELDS: [&str; 6] = ["Prompt", "Options", "Answer", "Explanation", "Source", "Id"];
/// Anki separates a note's fields with the unit separator.
pub const FIELD_SEPARATOR: char = '\u{1f}';

/// The lowest note and card id: 2017-07-14 in milliseconds. Anki's own ids
/// are creation times in milliseconds; derived ones in the same range look
/// like them to every tool that reads them as times.
const ID_BASE: i64 = 1_500_000_000_000;
/// The width of that range: about three years of milliseconds, so that two
/// questions' ids meet by chance about once in 10^8 pairs.
const ID_SPAN: u64 = 100_000_000_000;

/// The deck's name: the unit's title, or the program's name.
pub fn deck_name(dataset: &Dataset) -> String {
    super::feedback::unit_title(dataset)
}

/// The first eight bytes of SHA-1 of `text`, as a number.
fn hash64(text: &str) -> u64 {
    let digest = sha1_smol::Sha1::from(text).digest().bytes();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(first)
}

/// The note's guid: hex of a hash of the unit and the question id, the same
/// in every export of that question from that unit.
pub fn note_guid(unit: &str, question_id: &str) -> String {
    format!(
        "{:016x}",
        hash64(&format!("neutrality-reader\n{unit}\n{question_id}"))
    )
}

/// A note or card id in Anki's millisecond range, from a guid and a salt.
fn millisecond_id(guid: &str, salt: &str) -> i64 {
    let offset = hash64(&format!("{salt}\n{guid}")) % ID_SPAN;
    ID_BASE + i64::try_from(offset).unwrap_or_default()
}

/// The note id of the note with `guid`.
pub fn note_id(guid: &str) -> i64 {
    millisecond_id(guid, "note")
}

/// The card id of the card of the note with `guid`.
pub fn card_id(guid: &str) -> i64 {
    millisecond_id(guid, "card")
}

/// An id between 2^30 and 2^31 from the unit, as genanki and Anki's add-ons
/// pick note type and deck ids: clear of Anki's default deck (1) and of the
/// time-based ids it gives its own.
fn unit_id(unit: &str, what: &str) -> i64 {
    let low = 1_i64 << 30;
    low + i64::try_from(hash64(&format!("{what}\n{unit}")) % (1 << 30)).unwrap_or_default()
}

/// The note type id: one for every unit, so that decks of several units
/// share one "Neutrality Reader" note type (a type per unit would be
/// renamed "Neutrality Reader+" by Anki on import, as two may not share a name).
pub fn note_type_id() -> i64 {
    unit_id("Neutrality Reader", "note type")
}

/// The deck id of the unit's deck.
pub fn deck_id(unit: &str) -> i64 {
    unit_id(unit, "deck")
}

/// `text` with `& < > "` written as entities, for a field Anki shows as HTML.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

/// "Title, ¶12, ¶4; Other, ¶3": the sources grouped by article, each with
/// its article's title, in the order they are cited.
pub fn sources_text(dataset: &Dataset, question: &Question) -> String {
    let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
    for source in &question.sources {
        let paragraph = format!("¶{}", source.paragraph);
        match groups.iter_mut().find(|(id, _)| *id == source.article) {
            Some((_, paragraphs)) => paragraphs.push(paragraph),
            None => groups.push((source.article.as_str(), vec![paragraph])),
        }
    }
    let parts: Vec<String> = groups
        .into_iter()
        .map(|(id, paragraphs)| {
            let title = dataset.article(id).map_or(id, |a| a.title.as_str());
            format!("{title}, {}", paragraphs.join(", "))
        })
        .collect();
    parts.join("; ")
}

/// The note's six fields, HTML-escaped, in [`FIELDS`] order.
pub fn note_fields(dataset: &Dataset, question: &Question) -> [String; 6] {
    let options: Vec<String> = question
        .options
        .iter()
        .enumerate()
        .map(|(i, option)| format!("{}. {}", letter(i), escape_html(option)))
        .collect();
    let answer = if question.kind.is_ordering() {
        // The right order, earliest first, each by its letter and text.
        let steps: Vec<String> = question
            .answer
            .iter()
            .enumerate()
            .map(|(place, &i)| {
                let text = question.options.get(i).map_or("", String::as_str);
                format!("{}. {}. {}", place + 1, letter(i), escape_html(text))
            })
            .collect();
        steps.join("<br>")
    } else {
        let letters: String = question.answer.iter().map(|&i| letter(i)).collect();
        format!("{letters}. {}", escape_html(question.answer_text()))
    };
    [
        escape_html(&question.prompt),
        options.join("<br>"),
        answer,
        escape_html(&question.explanation),
        escape_html(&sources_text(dataset, question)),
        escape_html(&question.id),
    ]
}

/// The front: the prompt and the options. The back: the front, then the
/// answer, the explanation and the source.
const FRONT: &str =
    "<div class=\"prompt\">{{Prompt}}</div>\n<div class=\"options\">{{Options}}</div>";
const BACK: &str = "{{FrontSide}}\n<hr id=\"answer\">\n<div class=\"answer\">{{Answer}}</div>\n<div class=\"explanation\">{{Explanation}}</div>\n<div class=\"source\">{{Source}}</div>";
const CSS: &str = ".card { font-family: \"Noto Serif\", Georgia, serif; font-size: 20px; text-align: left; color: black; background-color: white; }\n.options { margin-top: 1em; }\n.answer { font-weight: bold; }\n.explanation { margin-top: 1em; }\n.source { margin-top: 1em; font-size: 0.8em; color: #555; }";

/// The note type as schema 11 stores it in `col.models`.
fn note_type_json(deck: i64, now: i64) -> Value {
    let fields: Vec<Value> = FIELDS
        .iter()
        .enumerate()
        .map(|(ord, name)| {
            json!({
                "name": name, "ord": ord, "sticky": false, "rtl": false,
                "font": "Arial", "size": 20, "media": [],
            })
        })
        .collect();
    let id = note_type_id();
    json!({
        "id": id,
        "name": NOTE_TYPE,
        "type": 0,
        "mod": now,
        "usn": -1,
        "sortf": 0,
        "did": deck,
        "tmpls": [{
            "name": "Card 1", "ord": 0, "qfmt": FRONT, "afmt": BACK,
            "bqfmt": "", "bafmt": "", "did": null,
        }],
        "flds": fields,
        "css": CSS,
        "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
        "latexPost": "\\end{document}",
        // The front shows something when the prompt or the options are there.
        "req": [[0, "any", [0, 1]]],
        "tags": [],
        "vers": [],
    })
}

/// A deck as schema 11 stores it in `col.decks`.
fn deck_json(id: i64, name: &str, now: i64) -> Value {
    json!({
        "id": id, "name": name, "desc": "", "mod": now, "usn": -1,
        "collapsed": false, "browserCollapsed": false, "dyn": 0, "conf": 1,
        "extendNew": 10, "extendRev": 50,
        "newToday": [0, 0], "revToday": [0, 0], "lrnToday": [0, 0], "timeToday": [0, 0],
    })
}

/// Anki's default deck options (id 1), which both decks use.
fn deck_config_json(now: i64) -> Value {
    json!({
        "1": {
            "id": 1, "name": "Default", "mod": now, "usn": 0, "maxTaken": 60,
            "autoplay": true, "timer": 0, "replayq": true, "dyn": false,
            "new": {"bury": false, "delays": [1.0, 10.0], "initialFactor": 2500,
                    "ints": [1, 4, 0], "order": 1, "perDay": 20},
            "lapse": {"delays": [10.0], "leechAction": 1, "leechFails": 8,
                      "minInt": 1, "mult": 0.0},
            "rev": {"bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500,
                    "perDay": 200, "hardFactor": 1.2},
        }
    })
}

/// The legacy schema 11 (Anki 2.1's `collection.anki2`).
const SCHEMA: &str = "
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null,
  scm integer not null, ver integer not null, dty integer not null, usn integer not null,
  ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null,
  mod integer not null, usn integer not null, tags text not null, flds text not null,
  sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null,
  ord integer not null, mod integer not null, usn integer not null, type integer not null,
  queue integer not null, due integer not null, ivl integer not null, factor integer not null,
  reps integer not null, lapses integer not null, left integer not null, odue integer not null,
  odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null,
  ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null,
  time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
";

/// The sort field's checksum as Anki keeps it: the first 8 hex digits of
/// SHA-1 of the field with its HTML taken out, as a number.
fn checksum(sort_field: &str) -> i64 {
    i64::try_from(hash64(sort_field) >> 32).unwrap_or_default()
}

/// `html` as plain text: tags dropped, the entities [`escape_html`] writes undone.
pub fn strip_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// The collection's rows written into `db`, with `now` (seconds since 1970)
/// as every row's modification time, so that a later export is newer.
fn fill(db: &Connection, quiz: &Quiz, dataset: &Dataset, now: i64) -> rusqlite::Result<()> {
    // A temporary file read back at once: no journal, no sync, one transaction.
    db.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")?;
    db.execute_batch(SCHEMA)?;
    let tx = db.unchecked_transaction()?;
    let unit = deck_name(dataset);
    let deck = deck_id(&unit);
    let mid = note_type_id();
    let models = json!({ mid.to_string(): note_type_json(deck, now) });
    let default_deck = deck_json(1, "Default", now);
    let decks = json!({ "1": default_deck, deck.to_string(): deck_json(deck, &unit, now) });
    let conf = json!({
        "activeDecks": [deck], "curDeck": deck, "newSpread": 0, "collapseTime": 1200,
        "timeLim": 0, "estTimes": true, "dueCounts": true, "curModel": mid.to_string(),
        "nextPos": quiz.questions.len() + 1, "sortType": "noteFld", "sortBackwards": false,
        "addToCur": true,
    });
    db.execute(
        "INSERT INTO col VALUES (1, ?1, ?2, ?3, 11, 0, 0, 0, ?4, ?5, ?6, ?7, '{}')",
        params![
            now - now % 86_400,
            now * 1000,
            now * 1000,
            conf.to_string(),
            models.to_string(),
            decks.to_string(),
            deck_config_json(now).to_string(),
        ],
    )?;
    let mut used_notes = std::collections::HashSet::new();
    let mut used_cards = std::collections::HashSet::new();
    for (position, question) in quiz.questions.iter().enumerate() {
        let guid = note_guid(&unit, &question.id);
        // Two questions meeting on an id (once in 10^8) take the next free one.
        let mut nid = note_id(&guid);
        while !used_notes.insert(nid) {
            nid += 1;
        }
        let mut cid = card_id(&guid);
        while !used_cards.insert(cid) {
            cid += 1;
        }
        let fields = note_fields(dataset, question);
        let sort_field = strip_html(&fields[0]);
        let tags = format!(" {} {} ", question.topic.key(), question.kind.key());
        db.execute(
            "INSERT INTO notes VALUES (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, ?8, 0, '')",
            params![
                nid,
                guid,
                mid,
                now,
                tags,
                fields.join(&FIELD_SEPARATOR.to_string()),
                sort_field,
                checksum(&sort_field),
            ],
        )?;
        // A new card (type 0, queue 0), due in quiz order.
        db.execute(
            "INSERT INTO cards VALUES (?1, ?2, ?3, 0, ?4, -1, 0, 0, ?5, 0, 0, 0, 0, 0, 0, 0, 0, '')",
            params![cid, nid, deck, now, i64::try_from(position + 1).unwrap_or(i64::MAX)],
        )?;
    }
    tx.commit()
}

/// The quiz as an .apkg made at `now` (seconds since 1970).
pub fn to_apkg_at(quiz: &Quiz, dataset: &Dataset, now: i64) -> Result<Vec<u8>, String> {
    let failed = |error: &dyn std::fmt::Display| format!("could not write the Anki deck: {error}");
    // SQLite writes a file; a temporary one is read back whole and removed.
    let file = tempfile::NamedTempFile::new().map_err(|e| failed(&e))?;
    {
        let db = Connection::open(file.path()).map_err(|e| failed(&e))?;
        fill(&db, quiz, dataset, now).map_err(|e| failed(&e))?;
        db.close().map_err(|(_, e)| failed(&e))?;
    }
    let collection = std::fs::read(file.path()).map_err(|e| failed(&e))?;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o644);
    zip.start_file("collection.anki2", options)
        .map_err(|e| failed(&e))?;
    zip.write_all(&collection).map_err(|e| failed(&e))?;
    zip.start_file("media", options).map_err(|e| failed(&e))?;
    zip.write_all(b"{}").map_err(|e| failed(&e))?;
    let cursor = zip.finish().map_err(|e| failed(&e))?;
    Ok(cursor.into_inner())
}

/// The quiz as an .apkg, its rows dated now, so that Anki takes it as newer
/// than an earlier export and updates the notes both have.
pub fn to_apkg(quiz: &Quiz, dataset: &Dataset) -> Result<Vec<u8>, String> {
    let now = web_time::SystemTime::now()
        .duration_since(web_time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or_default());
    to_apkg_at(quiz, dataset, now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::{QuizOptions, generate};

    fn read_back(bytes: &[u8]) -> (tempfile::NamedTempFile, Connection) {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut media = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("media").unwrap(), &mut media).unwrap();
        assert_eq!(media, "{}");
        let mut collection = Vec::new();
        std::io::Read::read_to_end(
            &mut archive.by_name("collection.anki2").unwrap(),
            &mut collection,
        )
        .unwrap();
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), collection).unwrap();
        let db = Connection::open(file.path()).unwrap();
        (file, db)
    }

    #[test]
    fn ids_are_stable_and_in_ankis_ranges() {
        let guid = note_guid("Unit", "event-year:un");
        assert_eq!(guid, note_guid("Unit", "event-year:un"));
        assert_ne!(guid, note_guid("Other unit", "event-year:un"));
        assert_eq!(guid.len(), 16);
        let id = note_id(&guid);
        assert!((ID_BASE..ID_BASE + 100_000_000_000).contains(&id));
        assert_ne!(id, card_id(&guid));
        assert!((1 << 30..1 << 31).contains(&note_type_id()));
        assert!((1 << 30..1 << 31).contains(&deck_id("Unit")));
        assert_ne!(deck_id("Unit"), deck_id("Other unit"));
    }

    #[test]
    fn fields_are_escaped_and_stripped_back() {
        assert_eq!(
            escape_html("a < b & \"c\" >"),
            "a &lt; b &amp; &quot;c&quot; &gt;"
        );
        assert_eq!(strip_html("<b>x</b> &lt;y&gt; &amp;amp;"), "x <y> &amp;");
    }

    #[test]
    fn the_deck_holds_a_note_and_card_per_question() {
        let dataset = Dataset::embedded().unwrap();
        let quiz = generate(
            &dataset,
            &QuizOptions {
                seed: 3,
                count: 20,
                ..Default::default()
            },
        );
        let bytes = to_apkg_at(&quiz, &dataset, 1_750_000_000).unwrap();
        let (_file, db) = read_back(&bytes);
        let notes: i64 = db
            .query_row("SELECT count(*) FROM notes", [], |r| r.get(0))
            .unwrap();
        let cards: i64 = db
            .query_row("SELECT count(*) FROM cards", [], |r| r.get(0))
            .unwrap();
        assert_eq!(notes as usize, quiz.questions.len());
        assert_eq!(cards, notes);
        let ver: i64 = db
            .query_row("SELECT ver FROM col", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ver, 11);
        let models: String = db
            .query_row("SELECT models FROM col", [], |r| r.get(0))
            .unwrap();
        let models: Value = serde_json::from_str(&models).unwrap();
        let unit = deck_name(&dataset);
        let model = &models[note_type_id().to_string()];
        assert_eq!(model["name"], NOTE_TYPE);
        assert_eq!(model["flds"].as_array().unwrap().len(), FIELDS.len());
        for question in &quiz.questions {
            let guid = note_guid(&unit, &question.id);
            let flds: String = db
                .query_row("SELECT flds FROM notes WHERE guid = ?1", [&guid], |r| {
                    r.get(0)
                })
                .unwrap();
            let fields: Vec<&str> = flds.split(FIELD_SEPARATOR).collect();
            assert_eq!(fields.len(), 6);
            assert_eq!(strip_html(fields[0]), question.prompt);
            assert_eq!(strip_html(fields[5]), question.id);
            assert!(strip_html(fields[2]).contains(question.answer_text()));
        }
    }
}
