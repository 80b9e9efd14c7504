//! Tests against the bundled dataset and synthetic ones.
//!
//! [`check`] re-checks every question on its own terms, from the records its
//! id names and not from the generator's reasoning: the options are distinct,
//! the answer is right, no distractor is also true, every source exists and
//! the explanation quotes its paragraph word for word.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::*;
use crate::dataset::Dataset;
use crate::dataset::synthetic::{self, Sizes};
use crate::model::{
    Date, Event, Fact, GlossaryTerm, OrganizationKind, Qualifier, RelationshipKind, When,
    month_name,
};
use crate::quiz::Fingerprint;

fn bundled() -> Dataset {
    Dataset::embedded().unwrap()
}

fn synthetic(sizes: Sizes, seed: u64) -> Dataset {
    Dataset::from_files(&synthetic::files(sizes, seed)).unwrap()
}

fn medium() -> Sizes {
    Sizes {
        articles: 4,
        paragraphs_per_article: 20,
        events: 2_000,
        organizations: 300,
        people: 50,
        facts: 60,
        glossary: 40,
    }
}

fn options(seed: u64, count: usize, difficulty: Difficulty) -> QuizOptions {
    QuizOptions {
        seed,
        count,
        topics: BTreeSet::new(),
        difficulty,
    }
}

/// Lower-case letters and digits, other runs one space; written again here
/// so that the checks do not lean on the generator's own helpers.
fn norm(text: &str) -> String {
    let mut out = String::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

fn contains_words(haystack: &str, needle: &str) -> bool {
    format!(" {} ", norm(haystack)).contains(&format!(" {} ", norm(needle)))
}

/// First and last day an event covers, "2025/2025" being the year 2025.
fn covers(event: &Event) -> ((i32, u8, u8), (i32, u8, u8)) {
    (event.date.start().first_day(), event.date.end().last_day())
}

fn is_span(event: &Event) -> bool {
    matches!(event.date, When::Span(start, end) if start != end)
}

fn overlap(a: &When, b: &When) -> bool {
    a.start().first_day() <= b.end().last_day() && b.start().first_day() <= a.end().last_day()
}

fn paragraph_text(dataset: &Dataset, article: &str, paragraph: u32) -> Option<String> {
    Some(dataset.article(article)?.paragraph(paragraph)?.text())
}

/// The number an option begins with after its qualifier: "about 50 organizations" → 50.
fn leading_number(option: &str) -> f64 {
    let rest = option
        .trim_start_matches("about ")
        .trim_start_matches("more than ");
    rest.split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no number in “{option}”"))
}

/// The term whose definition `option` shows: every piece between the "…"
/// masks stands in the definition, in order.
fn owner<'d>(dataset: &'d Dataset, option: &str) -> Vec<&'d GlossaryTerm> {
    dataset
        .glossary
        .iter()
        .filter(|term| {
            let mut rest = term.definition.as_str();
            option.split('…').all(|piece| match rest.find(piece) {
                Some(at) => {
                    rest = &rest[at + piece.len()..];
                    true
                }
                None => false,
            })
        })
        .collect()
}

/// Every quote of the explanation, `“…” (Title, paragraph N)`, must stand in
/// that paragraph (each part, when two sentences are joined by " … "), and
/// the first source must be quoted.
fn check_quotes(dataset: &Dataset, q: &Question) -> Result<(), String> {
    let mut quoted_first = false;
    for (n, source) in q.sources.iter().enumerate() {
        let article = dataset
            .article(&source.article)
            .ok_or_else(|| format!("no article {}", source.article))?;
        let paragraph = paragraph_text(dataset, &source.article, source.paragraph)
            .ok_or_else(|| format!("no paragraph {source:?}"))?;
        let marker = format!(" ({}, paragraph {})", article.title, source.paragraph);
        for (at, _) in q.explanation.match_indices(&marker) {
            let before = &q.explanation[..at];
            let open = before
                .rfind('“')
                .ok_or_else(|| "a citation without a quote".to_owned())?;
            let quote = before[open..].trim_start_matches('“').trim_end_matches('”');
            for part in quote.split(" … ") {
                if !norm(&paragraph).contains(&norm(part)) {
                    return Err(format!("“{part}” is not in {source:?}"));
                }
            }
            quoted_first |= n == 0;
        }
    }
    if quoted_first {
        Ok(())
    } else {
        Err("the explanation does not quote its first source".to_owned())
    }
}

fn check_structure(dataset: &Dataset, q: &Question) -> Result<(), String> {
    let wanted = if q.kind == QuestionKind::WhichFirst {
        2
    } else {
        4
    };
    if q.options.len() != wanted {
        return Err(format!("{} options", q.options.len()));
    }
    let folded: HashSet<String> = q.options.iter().map(|o| norm(o)).collect();
    if folded.len() != q.options.len() || folded.contains("") {
        return Err(format!("options not distinct: {:?}", q.options));
    }
    if q.kind.is_ordering() {
        let mut sorted = q.answer.clone();
        sorted.sort_unstable();
        if sorted != [0, 1, 2, 3] {
            return Err(format!("order answer {:?}", q.answer));
        }
    } else if q.answer.len() != 1 || q.answer[0] >= q.options.len() {
        return Err(format!("answer {:?}", q.answer));
    }
    if !q.is_correct(&q.answer) {
        return Err("the answer is not correct".to_owned());
    }
    if q.topic != q.kind.topic() || !q.id.starts_with(&format!("{}:", q.kind.key())) {
        return Err("kind, topic and id disagree".to_owned());
    }
    if q.prompt.trim().is_empty() || q.sources.is_empty() {
        return Err("empty prompt or no sources".to_owned());
    }
    for source in &q.sources {
        if paragraph_text(dataset, &source.article, source.paragraph).is_none() {
            return Err(format!("source {source:?} does not resolve"));
        }
    }
    check_quotes(dataset, q)
}

fn others(q: &Question) -> impl Iterator<Item = &String> {
    q.options
        .iter()
        .enumerate()
        .filter(|(i, _)| !q.answer.contains(i))
        .map(|(_, o)| o)
}

fn event<'d>(dataset: &'d Dataset, id: &str) -> Result<&'d Event, String> {
    dataset.event(id).ok_or_else(|| format!("no event {id}"))
}

fn check_event_date(dataset: &Dataset, q: &Question, id: &str) -> Result<(), String> {
    let event = event(dataset, id)?;
    let start = event.date.start();
    let (first, last) = covers(event);
    if !event.date_stated() {
        return Err("a date the articles do not state (worked out or marked) is asked".to_owned());
    }
    if event.planned && event.derived().is_some() {
        return Err("a planned event with a worked-out date".to_owned());
    }
    if event.planned != q.prompt.contains("is this event planned") {
        return Err("a planned event must be asked as planned, and only it".to_owned());
    }
    let begin =
        q.prompt.contains("did this event begin:") || q.prompt.contains("planned to begin:");
    if is_span(event) != begin {
        return Err("a span must be asked for its beginning, and only a span".to_owned());
    }
    if event.derived().is_some() && !q.explanation.contains("worked out") {
        return Err("a derived date must say how it was worked out".to_owned());
    }
    let inside = |day: (i32, u8, u8)| first <= day && day <= last;
    match q.kind {
        QuestionKind::EventYear => {
            if q.answer_text() != start.year_number().to_string() {
                return Err(format!("answer {} for {}", q.answer_text(), start.iso()));
            }
            for option in others(q) {
                let year: i32 = option.parse().map_err(|_| format!("year “{option}”"))?;
                if year >= first.0 && year <= last.0 {
                    return Err(format!("{year} is within the event's dates"));
                }
                if event.title.contains(option.as_str()) {
                    return Err(format!("{year} is in the title"));
                }
            }
            if event.title.contains(q.answer_text()) {
                return Err("the title gives the year away".to_owned());
            }
            let year = start.year_number();
            let near = others(q).any(|o| o.parse::<i32>().is_ok_and(|y| (y - year).abs() <= 1));
            if event.derived().is_some() && near {
                return Err("a worked-out year with an option a year off".to_owned());
            }
        }
        QuestionKind::EventMonth => {
            let month = start.month_number().ok_or("no month")?;
            if q.answer_text() != month_name(month) {
                return Err(format!("answer {} for {}", q.answer_text(), start.iso()));
            }
            for option in others(q) {
                let m = (1..=12)
                    .find(|&m| month_name(m) == option)
                    .ok_or("not a month")?;
                let year = start.year_number();
                if inside((year, m, 1)) || inside((year, m, 28)) {
                    return Err(format!("{option} is within the event's dates"));
                }
            }
        }
        QuestionKind::EventDay => {
            let (month, day) = (
                start.month_number().ok_or("no month")?,
                start.day_number().ok_or("no day")?,
            );
            if q.answer_text() != format!("{day} {}", month_name(month)) {
                return Err(format!("answer {} for {}", q.answer_text(), start.iso()));
            }
            for option in others(q) {
                let (d, name) = option.split_once(' ').ok_or("not a day")?;
                let d: u8 = d.parse().map_err(|_| "not a day")?;
                let m = (1..=12)
                    .find(|&m| month_name(m) == name)
                    .ok_or("not a month")?;
                if inside((start.year_number(), m, d)) {
                    return Err(format!("{option} is within the event's dates"));
                }
            }
        }
        _ => unreachable!(),
    }
    Ok(())
}

fn check_chronology(dataset: &Dataset, q: &Question, ids: &[&str]) -> Result<(), String> {
    let events: Vec<&Event> = ids
        .iter()
        .map(|id| event(dataset, id))
        .collect::<Result<_, _>>()?;
    if events.iter().any(|e| e.planned) {
        return Err("a planned event in a chronology question".to_owned());
    }
    let by_title = |title: &str| -> Result<&Event, String> {
        events
            .iter()
            .copied()
            .find(|e| &*e.title == title)
            .ok_or_else(|| format!("option “{title}” is none of the events"))
    };
    let order: Vec<&Event> = if q.kind.is_ordering() {
        q.answer
            .iter()
            .map(|&i| by_title(&q.options[i]))
            .collect::<Result<_, _>>()?
    } else {
        let answer = by_title(q.answer_text())?;
        let other = by_title(others(q).next().ok_or("no second option")?)?;
        vec![answer, other]
    };
    if order.len() != ids.len() {
        return Err("options and events differ".to_owned());
    }
    // Every earlier one surely ended before every later one began.
    for (i, earlier) in order.iter().enumerate() {
        for later in &order[i + 1..] {
            if covers(earlier).1 >= covers(later).0 {
                return Err(format!(
                    "{} ({}) is not surely before {} ({})",
                    earlier.id,
                    earlier.date.iso(),
                    later.id,
                    later.date.iso()
                ));
            }
        }
    }
    Ok(())
}

fn resolutions(dataset: &Dataset) -> impl Iterator<Item = &Event> {
    dataset.events.iter().filter(|e| e.resolution().is_some())
}

fn check_resolution(dataset: &Dataset, q: &Question, id: &str) -> Result<(), String> {
    let event = event(dataset, id)?;
    let number = event.resolution().ok_or("not a resolution")?;
    if event.planned {
        return Err("a planned resolution".to_owned());
    }
    match q.kind {
        QuestionKind::ResolutionNumber => {
            if q.answer_text() != number {
                return Err(format!("answer {} for {number}", q.answer_text()));
            }
            for option in others(q) {
                let holders: Vec<&Event> = resolutions(dataset)
                    .filter(|e| norm(e.resolution().unwrap_or("")) == norm(option))
                    .collect();
                if holders.is_empty() || norm(option) == norm(number) {
                    return Err(format!("{option} is no other resolution"));
                }
                if holders.iter().any(|e| overlap(&e.date, &event.date)) {
                    return Err(format!("{option} may have been adopted the same day"));
                }
            }
        }
        QuestionKind::ResolutionSubject => {
            if !q
                .answer_text()
                .ends_with(&format!("({})", event.date.human()))
            {
                return Err("the answer does not give the resolution's date".to_owned());
            }
            for option in others(q) {
                let dated: Vec<&Event> = resolutions(dataset)
                    .filter(|e| option.ends_with(&format!("({})", e.date.human())))
                    .collect();
                if dated.is_empty() {
                    return Err(format!("“{option}” names no resolution's date"));
                }
                if dated
                    .iter()
                    .any(|e| e.id == event.id || overlap(&e.date, &event.date))
                {
                    return Err(format!("“{option}” could describe the asked resolution"));
                }
            }
        }
        _ => unreachable!(),
    }
    Ok(())
}

fn check_organization(dataset: &Dataset, q: &Question, id: &str) -> Result<(), String> {
    let org = dataset.organization(id).ok_or("no organization")?;
    let names = |o: &crate::model::Organization| -> Vec<String> {
        std::iter::once(&o.name)
            .chain(&o.aliases)
            .map(|n| norm(n))
            .collect()
    };
    match q.kind {
        QuestionKind::AcronymToName => {
            let acronym = org.acronym.as_deref().ok_or("no acronym")?;
            if q.answer_text() != org.name {
                return Err("wrong answer".to_owned());
            }
            for option in others(q) {
                if names(org).contains(&norm(option)) {
                    return Err(format!("“{option}” is a name of the organization"));
                }
                let same_acronym = dataset.organizations.iter().any(|o| {
                    o.acronym.as_deref().map(norm) == Some(norm(acronym))
                        && names(o).contains(&norm(option))
                });
                if same_acronym {
                    return Err(format!("“{option}” also has the acronym {acronym}"));
                }
            }
        }
        QuestionKind::NameToAcronym => {
            let acronym = org.acronym.as_deref().ok_or("no acronym")?;
            if q.answer_text() != acronym {
                return Err("wrong answer".to_owned());
            }
            for option in others(q) {
                let same_name = dataset.organizations.iter().any(|o| {
                    o.acronym.as_deref().map(norm) == Some(norm(option))
                        && names(o).iter().any(|n| names(org).contains(n))
                });
                if same_name || norm(option) == norm(acronym) {
                    return Err(format!("{option} could be the acronym"));
                }
            }
        }
        QuestionKind::Relationship if q.id.contains(":since:") => {
            let r: usize =
                q.id.rsplit(':')
                    .next()
                    .and_then(|r| r.parse().ok())
                    .ok_or("no index")?;
            let relationship = org.relationships.get(r).ok_or("no relationship")?;
            let year = relationship.since.ok_or("no date")?.year_number();
            if q.answer_text() != year.to_string() {
                return Err(format!("answer {} for {year}", q.answer_text()));
            }
            if relationship.derived.is_none() && !relationship.quote.contains(&year.to_string()) {
                return Err("the quote does not state the year".to_owned());
            }
            for option in others(q) {
                let other: i32 = option.parse().map_err(|_| format!("year “{option}”"))?;
                if relationship.derived.is_some() && (other - year).abs() <= 1 {
                    return Err("a worked-out year with an option a year off".to_owned());
                }
            }
        }
        QuestionKind::Relationship => {
            use RelationshipKind as R;
            let stated: Vec<R> = org.relationships.iter().map(|r| r.kind).collect();
            let label = |text: &str| {
                [
                    R::Member,
                    R::Office,
                    R::GuestOfHonour,
                    R::Host,
                    R::Initiator,
                    R::Cooperation,
                    R::National,
                ]
                .into_iter()
                .find(|k| k.label() == text)
            };
            let answer = label(q.answer_text()).ok_or("the answer is no label")?;
            if !stated.contains(&answer) {
                return Err("the answer is not a stated relationship".to_owned());
            }
            let has = |k: R| stated.contains(&k);
            let own_kind = org.kind == OrganizationKind::National;
            for option in others(q) {
                let wrong = label(option).ok_or("an option is no label")?;
                if stated.contains(&wrong) {
                    return Err(format!("{option} is a stated relationship"));
                }
                // The table of what rules a label out, written again.
                let ruled_out = match wrong {
                    R::Cooperation | R::Host | R::Initiator => false,
                    R::National => !own_kind,
                    R::Member | R::Office => has(R::GuestOfHonour) || has(R::National) || own_kind,
                    R::GuestOfHonour => has(R::Member) || has(R::Office) || has(R::National),
                    // A unit's own kind is never offered as a wrong label.
                    R::Custom(_) => false,
                };
                if !ruled_out {
                    return Err(format!("nothing the data states rules out {option}"));
                }
            }
        }
        _ => unreachable!(),
    }
    Ok(())
}

fn check_person(dataset: &Dataset, q: &Question, id: &str) -> Result<(), String> {
    let person = dataset.person(id).ok_or("no person")?;
    let same_role = |a: &str, b: &str| contains_words(a, b) || contains_words(b, a);
    match q.kind {
        QuestionKind::PersonRole => {
            if q.answer_text() != person.role {
                return Err("wrong answer".to_owned());
            }
            for option in others(q) {
                if same_role(option, &person.role) {
                    return Err(format!("“{option}” could be the person's role"));
                }
                if !dataset
                    .people
                    .iter()
                    .any(|p| p.id != person.id && &p.role == option)
                {
                    return Err(format!("“{option}” is no other person's role"));
                }
            }
        }
        QuestionKind::RolePerson => {
            if q.answer_text() != person.name {
                return Err("wrong answer".to_owned());
            }
            for option in others(q) {
                let other = dataset
                    .people
                    .iter()
                    .find(|p| &p.name == option)
                    .ok_or_else(|| format!("“{option}” is nobody"))?;
                if same_role(&other.role, &person.role) {
                    return Err(format!("{option} could hold the role"));
                }
            }
            if !q.prompt.contains(&person.as_of.human()) {
                return Err("the role's date is not in the prompt".to_owned());
            }
        }
        _ => unreachable!(),
    }
    Ok(())
}

fn same_measure<'d>(dataset: &'d Dataset, fact: &Fact) -> Vec<&'d Fact> {
    dataset
        .facts
        .iter()
        .filter(|f| norm(&f.measure) == norm(&fact.measure) && norm(&f.unit) == norm(&fact.unit))
        .collect()
}

fn check_figure(dataset: &Dataset, q: &Question, id: &str) -> Result<(), String> {
    let fact = dataset.facts.iter().find(|f| f.id == id).ok_or("no fact")?;
    if fact.qualifier == Qualifier::MoreThan {
        return Err("a “more than” figure has no provably wrong options".to_owned());
    }
    // The prompt names what the date rests on: the date, when the text
    // states it; else the article, with the date it prints, if any.
    let basis = match &fact.derived {
        None => fact.as_of.human(),
        Some(_) => {
            let article = dataset
                .article(&q.sources.first().ok_or("no source")?.article)
                .ok_or("no article")?;
            match (&article.published, &article.derived) {
                (Some(when), None) => format!(
                    "“{}” ({}dated {})",
                    article.title,
                    article
                        .publisher
                        .as_ref()
                        .map(|p| format!("{p}, "))
                        .unwrap_or_default(),
                    when.human()
                ),
                _ => format!("“{}” (", article.title),
            }
        }
    };
    if !q.prompt.contains(&basis) {
        return Err(format!(
            "the prompt does not name what its date rests on: {basis}"
        ));
    }
    if fact.derived.is_some()
        && q.prompt.contains(&fact.as_of.year_number().to_string())
        && !q.prompt.contains("dated")
    {
        return Err("a worked-out year is stated as the figure's date".to_owned());
    }
    if leading_number(q.answer_text()) != fact.value {
        return Err("wrong answer".to_owned());
    }
    let values: Vec<f64> = same_measure(dataset, fact)
        .iter()
        .map(|f| f.value)
        .collect();
    for option in others(q) {
        let v = leading_number(option);
        if values.contains(&v) {
            return Err(format!("{option} is a true figure of the same measure"));
        }
        if fact.qualifier == Qualifier::About && (v - fact.value).abs() < 0.3 * fact.value - 1e-9 {
            return Err(format!(
                "{option} is too close to “about {}”",
                fact.value_text()
            ));
        }
        if v <= 0.0 || v < fact.value / 2.0 - 1.0 || v > fact.value * 2.0 + 4.0 {
            return Err(format!("{option} is not of the same magnitude"));
        }
    }
    Ok(())
}

fn check_glossary(dataset: &Dataset, q: &Question, id: &str) -> Result<(), String> {
    let term = dataset
        .glossary
        .iter()
        .find(|t| t.id == id)
        .ok_or("no term")?;
    let spellings = |t: &GlossaryTerm| -> Vec<String> {
        std::iter::once(&t.term)
            .chain(&t.aliases)
            .map(|s| norm(s))
            .collect()
    };
    match q.kind {
        QuestionKind::TermToDefinition => {
            let owners = owner(dataset, q.answer_text());
            if !owners.iter().any(|t| t.id == term.id) {
                return Err("the answer is not the term's definition".to_owned());
            }
            for option in others(q) {
                let owners = owner(dataset, option);
                if owners.is_empty() || owners.iter().any(|t| t.id == term.id) {
                    return Err(format!("“{option}” could be the term's definition"));
                }
                if spellings(term).iter().any(|s| contains_words(option, s)) {
                    return Err(format!("“{option}” names the asked term"));
                }
            }
        }
        QuestionKind::DefinitionToTerm => {
            if q.answer_text() != term.term {
                return Err("wrong answer".to_owned());
            }
            for option in others(q) {
                if spellings(term).contains(&norm(option)) {
                    return Err(format!("“{option}” is a spelling of the term"));
                }
                if !dataset.glossary.iter().any(|t| &t.term == option) {
                    return Err(format!("“{option}” is no term"));
                }
            }
        }
        _ => unreachable!(),
    }
    // Neither way may the shown definition name its own term.
    let shown = if q.kind == QuestionKind::TermToDefinition {
        q.answer_text().to_owned()
    } else {
        q.prompt.clone()
    };
    if spellings(term).iter().any(|s| contains_words(&shown, s)) {
        return Err("the definition names its term".to_owned());
    }
    Ok(())
}

fn check_cloze(dataset: &Dataset, q: &Question, parts: &[&str]) -> Result<(), String> {
    let (quote, fact) = match parts {
        ["fact", id, _] => {
            let fact = dataset
                .facts
                .iter()
                .find(|f| f.id == *id)
                .ok_or("no fact")?;
            (fact.quote.as_str(), Some(fact))
        }
        ["relationship", org, r, _] => {
            let org = dataset.organization(org).ok_or("no organization")?;
            let r: usize = r.parse().map_err(|_| "bad index")?;
            (
                org.relationships
                    .get(r)
                    .ok_or("no relationship")?
                    .quote
                    .as_str(),
                None,
            )
        }
        _ => return Err("bad cloze id".to_owned()),
    };
    let token = parts.last().copied().unwrap_or_default();
    if q.answer_text() != token {
        return Err(format!("answer {} for token {token}", q.answer_text()));
    }
    // The prompt shows the quote with the token blanked, once.
    let blanked = quote.replacen(token, "_____", 1);
    if !norm(&q.prompt).contains(&norm(&blanked)) || quote.matches(token).count() != 1 {
        return Err("the prompt is not the quote with one blank".to_owned());
    }
    let before = &quote[..quote.find(token).unwrap_or(0)];
    for word in ["about", "approximately", "than", "nearly", "almost", "over"] {
        if before.trim_end().ends_with(word) {
            return Err(format!("an approximate number after “{word}”"));
        }
    }
    let numbers_in_quote: Vec<&str> = quote
        .split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .collect();
    for option in others(q) {
        let digits = option.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if numbers_in_quote.contains(&digits) {
            return Err(format!("{option} stands elsewhere in the sentence"));
        }
        if let (Some(fact), Ok(v)) = (fact, option.parse::<f64>())
            && same_measure(dataset, fact).iter().any(|f| f.value == v)
        {
            return Err(format!("{option} is a true figure of the same measure"));
        }
    }
    Ok(())
}

/// Every check of a question; the error names the question.
fn check(dataset: &Dataset, q: &Question) -> Result<(), String> {
    let parts: Vec<&str> = q.id.split(':').collect();
    let rest = &parts[1..];
    let result = check_structure(dataset, q).and_then(|()| match q.kind {
        QuestionKind::EventYear | QuestionKind::EventMonth | QuestionKind::EventDay => {
            check_event_date(dataset, q, rest[0])
        }
        QuestionKind::WhichFirst | QuestionKind::Order => check_chronology(dataset, q, rest),
        QuestionKind::ResolutionNumber | QuestionKind::ResolutionSubject => {
            check_resolution(dataset, q, rest[0])
        }
        QuestionKind::AcronymToName | QuestionKind::NameToAcronym | QuestionKind::Relationship => {
            check_organization(dataset, q, rest[0])
        }
        QuestionKind::PersonRole | QuestionKind::RolePerson => check_person(dataset, q, rest[0]),
        QuestionKind::Figure => check_figure(dataset, q, rest[0]),
        QuestionKind::TermToDefinition | QuestionKind::DefinitionToTerm => {
            check_glossary(dataset, q, rest[0])
        }
        QuestionKind::Cloze => check_cloze(dataset, q, rest),
    });
    result.map_err(|err| format!("{}: {err}\n  {}\n  {:?}", q.id, q.prompt, q.options))
}

fn check_quiz(dataset: &Dataset, quiz: &Quiz) {
    let mut ids = HashSet::new();
    for q in &quiz.questions {
        if let Err(err) = check(dataset, q) {
            panic!("seed {}: {err}", quiz.options.seed);
        }
        assert!(ids.insert(&q.id), "{} twice", q.id);
        assert!(
            quiz.options.includes(q.topic),
            "{} outside the topics",
            q.id
        );
    }
    assert!(quiz.questions.len() <= quiz.options.count);
}

// --- Properties over many seeds --------------------------------------------

#[test]
fn every_question_of_the_bundled_data_holds_over_300_seeds() {
    let dataset = bundled();
    let bank = QuizBank::new(&dataset);
    for seed in 0..300 {
        let difficulty = Difficulty::ALL[seed as usize % 3];
        check_quiz(&dataset, &bank.generate(&options(seed, 24, difficulty)));
    }
}

#[test]
fn every_question_the_bundled_data_can_give_holds() {
    let dataset = bundled();
    let bank = QuizBank::new(&dataset);
    for seed in 0..24 {
        let options = options(seed, 1000, Difficulty::ALL[seed as usize % 3]);
        let quiz = Quiz {
            questions: bank.every_question(&options),
            code: None,
            options,
        };
        assert!(quiz.questions.len() > 150, "{}", quiz.questions.len());
        check_quiz(&dataset, &quiz);
    }
}

#[test]
fn every_question_of_synthetic_data_holds() {
    for (sizes, data_seed) in [(Sizes::small(), 1), (medium(), 2), (medium(), 3)] {
        let dataset = synthetic(sizes, data_seed);
        let bank = QuizBank::new(&dataset);
        let mut asked = 0;
        for seed in 0..12 {
            let quiz = bank.generate(&options(seed, 60, Difficulty::ALL[seed as usize % 3]));
            asked += quiz.questions.len();
            check_quiz(&dataset, &quiz);
        }
        assert!(asked > 0, "no question from {sizes:?}");
    }
}

#[test]
fn every_kind_the_bundled_data_supports_appears() {
    let dataset = bundled();
    let bank = QuizBank::new(&dataset);
    let mut seen: HashMap<QuestionKind, usize> = HashMap::new();
    for seed in 0..40 {
        for q in bank
            .generate(&options(seed, 30, Difficulty::Normal))
            .questions
        {
            *seen.entry(q.kind).or_default() += 1;
        }
    }
    for kind in QuestionKind::ALL {
        println!(
            "{:>4}  {}",
            seen.get(&kind).copied().unwrap_or(0),
            kind.label()
        );
    }
    // No organization of the bundled data has a name that two acronyms'
    // initials fit, so acronym questions, which would be answered by
    // spelling, are not asked (rule 3 of issue 15); the example dataset
    // and synthetic data ask them.
    let missing: Vec<&str> = QuestionKind::ALL
        .into_iter()
        .filter(|k| !matches!(k, QuestionKind::AcronymToName | QuestionKind::NameToAcronym))
        .filter(|k| !seen.contains_key(k))
        .map(QuestionKind::key)
        .collect();
    assert!(missing.is_empty(), "never asked: {missing:?}");
}

// --- Determinism, count and topics -----------------------------------------

#[test]
fn the_same_seed_gives_the_same_quiz() {
    let dataset = bundled();
    for seed in [0, 1, 42, 0xFFFFF, u64::MAX] {
        for difficulty in Difficulty::ALL {
            let options = options(seed, 20, difficulty);
            let quiz = generate(&dataset, &options);
            assert_eq!(quiz, generate(&dataset, &options));
            assert_eq!(quiz, QuizBank::new(&dataset).generate(&options));
        }
    }
}

#[test]
fn different_seeds_give_different_quizzes() {
    let dataset = bundled();
    let bank = QuizBank::new(&dataset);
    let quizzes: Vec<Vec<String>> = (0..60)
        .map(|seed| {
            let quiz = bank.generate(&options(seed, 10, Difficulty::Normal));
            quiz.questions
                .iter()
                .map(|q| format!("{}{:?}", q.id, q.options))
                .collect()
        })
        .collect();
    let distinct: HashSet<&Vec<String>> = quizzes.iter().collect();
    assert_eq!(distinct.len(), quizzes.len());
}

#[test]
fn the_count_is_respected() {
    let dataset = bundled();
    let bank = QuizBank::new(&dataset);
    // One question per record, none giving another away, and nothing that
    // rests on the editor (rule 4) leaves the bundled data 22 to 32 questions
    // a quiz (seeds 0 to 60); shorter quizzes get exactly what they ask for.
    for count in [0, 1, 2, 5, 10, 16, 17, 20] {
        for seed in 0..5 {
            let quiz = bank.generate(&options(seed, count, Difficulty::Normal));
            assert_eq!(quiz.questions.len(), count, "seed {seed}");
        }
    }
    for count in [25, 40, 64] {
        for seed in 0..5 {
            let quiz = bank.generate(&options(seed, count, Difficulty::Normal));
            assert!((21..=count).contains(&quiz.questions.len()), "seed {seed}");
        }
    }
}

#[test]
fn a_short_quiz_mixes_kinds() {
    // Each kind takes its share (here one) before any takes a second; a
    // second comes only where the first round's questions were refused.
    let dataset = bundled();
    for seed in 0..300 {
        let quiz = generate(&dataset, &options(seed, 10, Difficulty::Normal));
        let mut counts: HashMap<QuestionKind, usize> = HashMap::new();
        for question in &quiz.questions {
            *counts.entry(question.kind).or_default() += 1;
        }
        let most = counts.values().max().copied().unwrap_or(0);
        assert!(counts.len() >= 8 && most <= 2, "seed {seed}: {counts:?}");
    }
}

#[test]
fn there_are_fewer_questions_rather_than_bad_ones() {
    let dataset = bundled();
    let bank = QuizBank::new(&dataset);
    // Organizations: one relationship (the SCO's; the MFA is Turkmenistan's
    // own body, a question about it teaches nothing), and acronyms only
    // where two options fit the initials (none, now that the ECO's acronym
    // is the editor's: rule 4); no more, whatever the seed.
    let only = |topic| QuizOptions {
        topics: BTreeSet::from([topic]),
        ..options(3, 64, Difficulty::Hard)
    };
    let asked: BTreeSet<String> = (0..30)
        .flat_map(|seed| {
            bank.every_question(&QuizOptions {
                seed,
                ..only(Topic::Organizations)
            })
        })
        .map(|q| q.id)
        .collect();
    // And, for every relationship whose year the articles state, that year.
    let allowed = ["relationship:sco"];
    assert!(
        asked
            .iter()
            .all(|id| allowed.contains(&id.as_str()) || id.contains(":since:")),
        "{asked:?}"
    );
    for organization in &dataset.organizations {
        for (r, relationship) in organization.relationships.iter().enumerate() {
            let id = format!("relationship:{}:since:{r}", organization.id);
            let stated = relationship.since_stated()
                && organization.kind != crate::model::OrganizationKind::National;
            if !stated {
                assert!(!asked.contains(&id), "{id}: a year not stated is asked");
            }
        }
    }
    assert!(
        asked.iter().any(|id| id.contains(":since:")),
        "some year is asked: {asked:?}"
    );
    assert!(asked.contains("relationship:sco"));
}

#[test]
fn topics_are_respected() {
    let dataset = bundled();
    let bank = QuizBank::new(&dataset);
    for topic in Topic::ALL {
        let quiz = bank.generate(&QuizOptions {
            topics: BTreeSet::from([topic]),
            ..options(11, 30, Difficulty::Normal)
        });
        assert!(!quiz.questions.is_empty(), "{topic}");
        assert!(quiz.questions.iter().all(|q| q.topic == topic), "{topic}");
    }
    let pair = BTreeSet::from([Topic::Events, Topic::Figures]);
    let quiz = bank.generate(&QuizOptions {
        topics: pair.clone(),
        ..options(12, 40, Difficulty::Normal)
    });
    let seen: BTreeSet<Topic> = quiz.questions.iter().map(|q| q.topic).collect();
    assert_eq!(seen, pair);
}

#[test]
fn topics_and_difficulties_read_from_the_command_line() {
    assert_eq!(
        Topic::parse_list("events, Figures"),
        Ok(BTreeSet::from([Topic::Events, Topic::Figures]))
    );
    assert_eq!(Topic::parse_list(""), Ok(BTreeSet::new()));
    let err = Topic::parse_list("events,dates").unwrap_err();
    assert_eq!(
        err.to_string(),
        "“dates” is not a quiz topic; choose from events, resolutions, organizations, people, figures, glossary, sentences"
    );
    for topic in Topic::ALL {
        assert_eq!(topic.key().parse(), Ok(topic));
        assert_eq!(Topic::from_key(&topic.key().to_uppercase()), Some(topic));
    }
    assert_eq!("HARD".parse(), Ok(Difficulty::Hard));
    assert!(
        "tough"
            .parse::<Difficulty>()
            .unwrap_err()
            .to_string()
            .contains("easy, normal, hard")
    );
    for kind in QuestionKind::ALL {
        assert!(Topic::ALL.contains(&kind.topic()));
    }
}

// --- Quiz codes -------------------------------------------------------------

#[test]
fn quiz_codes_round_trip() {
    let topic_sets = [
        BTreeSet::new(),
        BTreeSet::from([Topic::Events]),
        BTreeSet::from([Topic::Figures, Topic::Sentences, Topic::People]),
    ];
    for seed in [0, 1, 2, 999, 123_456, (1 << SEED_BITS) - 1] {
        for count in [1, 10, 33, MAX_COUNT] {
            for difficulty in Difficulty::ALL {
                for topics in &topic_sets {
                    let options = QuizOptions {
                        seed,
                        count,
                        topics: topics.clone(),
                        difficulty,
                    };
                    let code = QuizCode::from_options(&options, Fingerprint::default()).unwrap();
                    assert_eq!(code.options(), options);
                    assert_eq!(QuizCode::parse(&code.to_string()), Ok(code));
                    assert_eq!(QuizCode::parse(&code.compact().to_lowercase()), Ok(code));
                    assert_eq!(code.to_string().len(), 11);
                }
            }
        }
    }
    // Every topic is the same as none.
    let all = QuizOptions {
        topics: Topic::ALL.into_iter().collect(),
        ..QuizOptions::default()
    };
    assert_eq!(
        QuizCode::from_options(&all, Fingerprint::default())
            .unwrap()
            .options(),
        QuizOptions::default()
    );
}

#[test]
fn a_code_makes_the_same_quiz_again() {
    let dataset = bundled();
    let shared = QuizOptions {
        topics: BTreeSet::from([Topic::Events, Topic::Glossary]),
        ..QuizOptions::from_entropy(0x1234_5678_9ABC)
    };
    let quiz = generate(&dataset, &shared);
    let code = quiz.code.unwrap();
    let typed = code.to_string().to_lowercase().replace('-', " ");
    let again = generate(&dataset, &QuizCode::parse(&typed).unwrap().options());
    assert_eq!(again, quiz);
    // Options that do not fit make a quiz without a code.
    for unshareable in [
        options(1 << SEED_BITS, 10, Difficulty::Easy),
        options(1, 65, Difficulty::Easy),
    ] {
        assert!(generate(&dataset, &unshareable).code.is_none());
        assert_eq!(
            QuizCode::from_options(&unshareable, Fingerprint::default()),
            Err(CodeError::NotShareable)
        );
    }
}

#[test]
fn from_entropy_gives_shareable_and_varied_seeds() {
    let seeds: HashSet<u64> = (0..1000)
        .map(|t| QuizOptions::from_entropy(t).seed)
        .collect();
    assert!(seeds.len() > 990);
    assert!((0..1000).all(|t| QuizOptions::from_entropy(t).is_shareable()));
}

#[test]
fn codes_are_typed_forgivingly() {
    let code =
        QuizCode::from_options(&options(77, 12, Difficulty::Hard), Fingerprint::default()).unwrap();
    let text = code.compact();
    // Crockford: O for 0, I and L for 1, any case, spaces and hyphens anywhere.
    let sloppy: String = text
        .chars()
        .map(|c| match c {
            '0' => 'o',
            '1' => 'l',
            other => other.to_ascii_lowercase(),
        })
        .collect();
    assert_eq!(
        QuizCode::parse(&format!(" {} - {} ", &sloppy[..4], &sloppy[4..])),
        Ok(code)
    );
}

#[test]
fn bad_codes_are_rejected_with_a_reason() {
    assert_eq!(QuizCode::parse("  - "), Err(CodeError::Empty));
    let message = |text: &str| QuizCode::parse(text).unwrap_err().to_string();
    assert_eq!(
        message("7K2M-9QX"),
        "“7K2M-9QX” has 7 characters, but a quiz code has 10 (hyphens and spaces aside)"
    );
    assert_eq!(
        message("7K2M-9QXU"),
        "“U” cannot be part of a quiz code: codes use the digits and the letters A–Z except U"
    );
    assert!(message("7K2M!9QX4").contains("“!” cannot be part of a quiz code"));
    // Every single mistyped character is caught by the check character.
    let code = QuizCode::from_options(
        &options(4242, 20, Difficulty::Normal),
        Fingerprint::default(),
    )
    .unwrap();
    let text = code.compact();
    let alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    for (i, original) in text.char_indices() {
        for replacement in alphabet.chars().filter(|&c| c != original) {
            let mut typo = text.clone();
            typo.replace_range(i..i + 1, &replacement.to_string());
            let err = QuizCode::parse(&typo).unwrap_err();
            assert!(
                matches!(err, CodeError::Check(_) | CodeError::Unknown(_)),
                "{typo}"
            );
            assert!(err.to_string().contains(&typo));
        }
    }
    // So is nearly every swap of two neighbours.
    let mut caught = 0;
    let mut swaps = 0;
    for seed in 0..200 {
        let text =
            QuizCode::from_options(&options(seed, 10, Difficulty::Easy), Fingerprint::default())
                .unwrap()
                .compact();
        let chars: Vec<char> = text.chars().collect();
        for i in 0..9 {
            if chars[i] == chars[i + 1] {
                continue;
            }
            let mut swapped = chars.clone();
            swapped.swap(i, i + 1);
            swaps += 1;
            caught += usize::from(QuizCode::parse(&swapped.iter().collect::<String>()).is_err());
        }
    }
    assert!(caught * 100 >= swaps * 90, "{caught} of {swaps}");
}

// --- What the bundled data must never produce ------------------------------

fn every_question(dataset: &Dataset, seeds: std::ops::Range<u64>) -> Vec<Question> {
    let bank = QuizBank::new(dataset);
    seeds
        .flat_map(|seed| {
            bank.every_question(&options(seed, 1000, Difficulty::ALL[seed as usize % 3]))
        })
        .collect()
}

#[test]
fn the_2022_count_of_countries_is_never_offered_for_2025_nor_the_reverse() {
    let dataset = bundled();
    let mut asked = 0;
    for q in every_question(&dataset, 0..30) {
        let other = match q.id.as_str() {
            "figure:diplomatic-relations-2025" | "cloze:fact:diplomatic-relations-2025:155" => {
                "149"
            }
            "figure:diplomatic-relations-2022" | "cloze:fact:diplomatic-relations-2022:149" => {
                "155"
            }
            _ => continue,
        };
        asked += 1;
        assert!(q.options.iter().all(|o| !o.starts_with(other)), "{q:?}");
    }
    assert!(asked >= 60, "{asked}");
}

#[test]
fn a_year_is_never_compared_with_a_day_of_that_year() {
    let dataset = bundled();
    // nam-membership is "1995"; the Cartagena summit and resolution 50/80 A fall in 1995.
    let clashing = [
        ("nam-membership", "un-resolution-50-80-a"),
        ("nam-membership", "nam-cartagena-conference-1995"),
        ("nam-membership", "inter-tajik-talks"),
        (
            "international-year-of-peace-and-trust",
            "un-resolution-permanent-neutrality-2025",
        ),
        ("un-membership-30th-anniversary", "unga-77-vice-chair"),
    ];
    let mut chronology = 0;
    for q in every_question(&dataset, 0..30) {
        if !matches!(q.kind, QuestionKind::WhichFirst | QuestionKind::Order) {
            continue;
        }
        chronology += 1;
        let ids: Vec<&str> = q.id.split(':').skip(1).collect();
        for (a, b) in clashing {
            assert!(!(ids.contains(&a) && ids.contains(&b)), "{}", q.id);
        }
    }
    assert!(chronology > 500, "{chronology}");
}

#[test]
fn dates_no_sentence_states_are_not_asked() {
    let dataset = bundled();
    let ids: HashSet<String> = every_question(&dataset, 0..30)
        .into_iter()
        .map(|q| q.id)
        .collect();
    // The 25th anniversary of 2020: no sentence gives the year, and the
    // record's working-out does not make it asked (rule 4).
    assert!(!ids.contains("event-year:neutrality-25th-anniversary"));
    let mut unexplained = bundled();
    for event in &mut unexplained.events {
        if &*event.id == "neutrality-25th-anniversary" {
            event.more_mut().derived = None;
        }
    }
    let unexplained_ids: HashSet<String> = every_question(&unexplained, 0..30)
        .into_iter()
        .map(|q| q.id)
        .collect();
    assert!(!unexplained_ids.contains("event-year:neutrality-25th-anniversary"));
    // The programme's title names 2022, the year it begins.
    assert!(!ids.contains("event-year:national-programme-2022-2052"));
    // The MFA's acronym stands in no paragraph.
    assert!(!ids.contains("acronym-to-name:mfa-turkmenistan"));
    // Nor are the other worked-out dates (rule 4), while the stated ones are.
    assert!(!ids.contains("event-year:un-membership"));
    assert!(!ids.contains("event-year:independence-of-turkmenistan"));
    assert!(ids.contains("event-year:inter-tajik-talks"));
}

#[test]
fn planned_events_are_asked_as_planned() {
    let dataset = bundled();
    let planned: Vec<Question> = every_question(&dataset, 0..5)
        .into_iter()
        .filter(|q| q.id == "event-month:international-forum-december-2025")
        .collect();
    assert!(!planned.is_empty());
    for q in planned {
        assert!(
            q.prompt
                .starts_with("For which month of 2025 is this event planned"),
            "{}",
            q.prompt
        );
        assert!(q.explanation.contains("still to come"));
    }
}

#[test]
fn difficulty_sets_how_far_years_are() {
    let dataset = bundled();
    let bank = QuizBank::new(&dataset);
    let gaps = |difficulty| -> Vec<i32> {
        (0..20)
            .flat_map(|seed| bank.generate(&options(seed, 1000, difficulty)).questions)
            .filter(|q| q.kind == QuestionKind::EventYear)
            .flat_map(|q| {
                let answer: i32 = q.answer_text().parse().unwrap();
                others(&q)
                    .map(|o| (o.parse::<i32>().unwrap() - answer).abs())
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let hard = gaps(Difficulty::Hard);
    let easy = gaps(Difficulty::Easy);
    assert!(hard.iter().all(|&g| (1..=3).contains(&g)), "{hard:?}");
    assert!(easy.iter().all(|&g| g >= 3), "{easy:?}");
    let normal = gaps(Difficulty::Normal);
    assert!(normal.iter().filter(|&&g| g <= 7).count() * 10 >= normal.len() * 9);
}

#[test]
fn the_answer_is_not_always_in_the_same_place() {
    let dataset = bundled();
    let mut places = [0usize; 4];
    for q in every_question(&dataset, 0..10) {
        if q.options.len() == 4 && !q.kind.is_ordering() {
            places[q.answer[0]] += 1;
        }
    }
    let total: usize = places.iter().sum();
    assert!(places.iter().all(|&n| n * 6 >= total), "{places:?}");
}

#[test]
fn is_correct_takes_one_option_or_the_whole_order() {
    let question = |kind: QuestionKind, answer: Vec<usize>| Question {
        kind,
        topic: kind.topic(),
        prompt: String::new(),
        options: vec!["a".into(), "b".into(), "c".into(), "d".into()],
        answer,
        explanation: String::new(),
        sources: Vec::new(),
        id: String::new(),
        footprint: Footprint::default(),
    };
    let one = question(QuestionKind::EventYear, vec![2]);
    assert!(one.is_correct(&[2]));
    assert!(!one.is_correct(&[1]));
    assert!(!one.is_correct(&[2, 1]));
    assert!(!one.is_correct(&[]));
    let order = question(QuestionKind::Order, vec![3, 0, 2, 1]);
    assert!(order.is_correct(&[3, 0, 2, 1]));
    assert!(!order.is_correct(&[0, 1, 2, 3]));
    assert!(!order.is_correct(&[3, 0, 2]));
}

#[test]
fn a_derived_date_in_a_synthetic_year_span_is_not_read_as_a_span() {
    // "2025/2025" is the year 2025: asked as "happen", not "begin".
    let dataset = bundled();
    let year = dataset
        .event("international-year-of-peace-and-trust")
        .unwrap();
    assert_eq!(year.date.start(), Date::year(2025));
    let q = every_question(&dataset, 0..3)
        .into_iter()
        .find(|q| q.id == "event-year:international-year-of-peace-and-trust")
        .unwrap();
    assert!(
        q.prompt
            .starts_with("In which year did this event take place"),
        "{}",
        q.prompt
    );
}

/// `cargo test --lib quiz::tests::print_a_sample_quiz -- --nocapture`
#[test]
fn print_a_sample_quiz() {
    let dataset = bundled();
    let quiz = generate(&dataset, &options(2025, 16, Difficulty::Normal));
    if let Some(code) = quiz.code {
        println!("Quiz {code}\n");
    }
    for (n, q) in quiz.questions.iter().enumerate() {
        println!("{}. {}   [{}]", n + 1, q.prompt, q.id);
        for (i, option) in q.options.iter().enumerate() {
            let mark = if q.kind.is_ordering() {
                format!(
                    "{}",
                    q.answer.iter().position(|&a| a == i).map_or(0, |p| p + 1)
                )
            } else if q.answer.contains(&i) {
                "*".to_owned()
            } else {
                " ".to_owned()
            };
            println!("   {mark} {option}");
        }
        println!("   → {}\n", q.explanation.replace('\n', "\n     "));
    }
    assert_eq!(quiz.questions.len(), 16);
}
