use super::*;
use crate::model::Precision;

fn fields(year: &str, month: &str, day: &str) -> DateFields {
    let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    DateFields {
        year: some(year),
        month: some(month),
        day: some(day),
        time: None,
    }
}

#[test]
fn precision_follows_the_fields_given() {
    for (year, month, day, iso, precision) in [
        ("1995", "", "", "1995", Precision::Year),
        ("1995", "12", "", "1995-12", Precision::Month),
        ("1995", "12", "12", "1995-12-12", Precision::Day),
        ("602", "", "", "0602", Precision::Year),
        ("2024", "2", "29", "2024-02-29", Precision::Day),
    ] {
        let (date, dropped) = date_of(&fields(year, month, day)).unwrap();
        assert_eq!((date.iso(), date.precision()), (iso.to_owned(), precision));
        assert!(dropped.is_empty());
    }
}

#[test]
fn what_a_date_cannot_hold_is_said() {
    for (year, month, day, says) in [
        ("", "5", "", "no year"),
        ("-300", "", "", "the year -300 is outside AD 1 to 9999"),
        ("0", "", "", "outside AD 1 to 9999"),
        ("-13800000000", "", "", "outside AD 1 to 9999"),
        ("c. 1900", "", "", "“c. 1900” is not a whole number"),
        ("1995", "13", "", "the month “13” is not 1 to 12"),
        ("2023", "2", "29", "the day “29” is not in February 2023"),
    ] {
        let error = date_of(&fields(year, month, day)).unwrap_err();
        assert!(error.contains(says), "{year}-{month}-{day}: {error}");
    }
    // A day without a month, and a time, are dropped and said; the year stays.
    let mut odd = fields("1995", "", "12");
    odd.time = Some("10:30".to_owned());
    let (date, dropped) = date_of(&odd).unwrap();
    assert_eq!(date.iso(), "1995");
    assert_eq!(
        dropped,
        [
            "the time 10:30 (dates go to the day)",
            "the day 12, given without a month"
        ]
    );
}

#[test]
fn an_end_makes_a_span_unless_it_is_the_start_or_before_it() {
    let slide = |end: DateFields| Slide {
        start: fields("1943", "7", ""),
        end,
        ..Slide::default()
    };
    let (when, _) = when_of(&slide(fields("1946", "", ""))).unwrap();
    assert_eq!(when.iso(), "1943-07/1946");
    let (when, _) = when_of(&slide(fields("1943", "7", ""))).unwrap();
    assert_eq!(when.iso(), "1943-07");
    let (when, dropped) = when_of(&slide(fields("1940", "", ""))).unwrap();
    assert_eq!(when.iso(), "1943-07");
    assert_eq!(dropped, ["the end date 1940, before the start"]);
    let (when, dropped) = when_of(&slide(fields("", "3", ""))).unwrap();
    assert_eq!(when.iso(), "1943-07");
    assert_eq!(dropped, ["the end date (no year)"]);
}

#[test]
fn a_groups_name_becomes_a_category_name_a_data_file_can_write() {
    let none: Vec<String> = Vec::new();
    assert_eq!(category_key("World War II", &none), "WorldWarII");
    assert_eq!(category_key(" treaties & laws ", &none), "TreatiesLaws");
    assert_eq!(category_key("1848", &none), "Group1848");
    assert_eq!(category_key("Война", &none), "Group");
    let taken = vec!["Summit".to_owned(), "Summit2".to_owned()];
    assert_eq!(category_key("summit", &taken), "Summit3");
    // Every key reads back as a bare name, as events.ron writes it.
    for group in ["World War II", "1848", "Война", "a_b-c d"] {
        let key = category_key(group, &none);
        let read: crate::model::CategoryKey = ron::from_str(&key).unwrap();
        assert_eq!(read.as_str(), key);
    }
}

fn slide(place: &str, year: &str, headline: &str, text: &str) -> Slide {
    Slide {
        place: place.to_owned(),
        start: fields(year, "", ""),
        headline: headline.to_owned(),
        text: text.to_owned(),
        ..Slide::default()
    }
}

#[test]
fn each_event_cites_the_blocks_that_carry_its_own_text() {
    let timeline = Timeline {
        title: Some(Slide {
            headline: "Women in <b>Computing</b>".to_owned(),
            text: "<p>Intro one.</p><p>Intro two.</p>".to_owned(),
            ..Slide::default()
        }),
        slides: vec![
            slide("row 3", "1815", "Ada", "<p>First.</p><p>Second.</p>"),
            slide("row 4", "", "No year", "x"),
            slide("row 5", "1948", "Ada", ""),
        ],
        notes: Vec::new(),
    };
    let imported = convert(timeline, "w.csv");
    assert_eq!(imported.title, "Women in Computing");
    assert_eq!(imported.article_id, "women-in-computing");
    assert_eq!(imported.summary, "Intro one. Intro two.");
    let texts: Vec<&str> = imported.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Intro one.",
            "Intro two.",
            "1815: Ada",
            "First.",
            "Second.",
            "1948: Ada"
        ]
    );
    let [first, second] = imported.events.as_slice() else {
        panic!("{:?}", imported.events);
    };
    assert_eq!(
        (first.id.as_str(), first.sources.as_slice()),
        ("ada", &[3, 4, 5][..])
    );
    assert_eq!(first.description, "First. Second.");
    assert_eq!(
        (second.id.as_str(), second.sources.as_slice()),
        ("ada-2", &[6][..])
    );
    // No text: the headline describes it.
    assert_eq!(second.description, "Ada");
    assert_eq!(
        imported.notes,
        [Note::new("row 4", "no year; the row is left out")]
    );
}

#[test]
fn media_groups_and_missing_headlines_are_reported() {
    let mut with_media = slide(
        "event 1",
        "1901",
        "",
        "<p>Only a text here.</p><img src=\"p.png\">",
    );
    with_media.media = vec!["https://youtu.be/x".to_owned(), "A caption".to_owned()];
    with_media.group = Some("Video".to_owned());
    let mut summit = slide("event 2", "1902", "Meeting", "");
    summit.group = Some("Summit".to_owned());
    let timeline = Timeline {
        title: None,
        slides: vec![with_media, summit],
        notes: Vec::new(),
    };
    let imported = convert(timeline, "media.json");
    assert_eq!(imported.title, "Timeline imported from media.json");
    assert_eq!(imported.events[0].title, "Only a text here.");
    // Each group is a category of the unit's own, labelled with its name.
    assert_eq!(
        imported.categories,
        [
            ("Video".to_owned(), "Video".to_owned()),
            ("Summit".to_owned(), "Summit".to_owned())
        ]
    );
    assert_eq!(imported.events[0].category, "Video");
    assert_eq!(imported.events[1].category, "Summit");
    let notes: Vec<String> = imported
        .notes
        .iter()
        .map(|n| format!("{}: {}", n.place, n.message))
        .collect();
    assert_eq!(
        notes,
        [
            "event 1: no headline: the title is the start of its text",
            "event 1: the media (https://youtu.be/x; A caption) is not carried over",
            "event 1: an image (p.png) in the text is not carried over",
        ]
    );
}
