//! Moodle XML (Question bank > Import > Moodle XML format), written with
//! quick-xml so that every text and attribute is escaped by the writer.
//!
//! A `<question type="category">` per topic ("Unit title/Events"), then:
//!
//! * `multichoice` with one right answer (`fraction="100"`, the others `0`),
//!   each answer with its `<feedback>`, and `<generalfeedback>` holding the
//!   explanation and the sources;
//! * `shortanswer` for a fill-in-the-blank ([`QuestionKind::Cloze`]): the
//!   missing word, compared ignoring case;
//! * `ordering` for an ordering question: Moodle's ordering type, a standard
//!   question type since Moodle 4.4 (a plugin for earlier versions), with
//!   the items in the right order, all shown, graded all or nothing as the
//!   reader grades it.
//!
//! Texts are HTML (`format="html"`), escaped, one `<p>` per paragraph.
//! No question kind is a statement to judge, so none is `truefalse`.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::feedback;
use crate::dataset::Dataset;
use crate::quiz::{Question, QuestionKind, Quiz};

type XmlWriter = Writer<Vec<u8>>;

/// The quiz as a Moodle XML `<quiz>`, or why it could not be written.
pub fn to_moodle_xml(quiz: &Quiz, dataset: &Dataset) -> Result<String, String> {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    write_quiz(&mut writer, quiz, dataset)
        .map_err(|error| format!("could not write Moodle XML: {error}"))?;
    let mut bytes = writer.into_inner();
    bytes.push(b'\n');
    String::from_utf8(bytes).map_err(|error| format!("could not write Moodle XML: {error}"))
}

fn write_quiz(writer: &mut XmlWriter, quiz: &Quiz, dataset: &Dataset) -> io::Result<()> {
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    writer.create_element("quiz").write_inner_content(|w| {
        for (topic, questions) in feedback::by_topic(quiz) {
            let path = feedback::category_path(dataset, topic);
            w.create_element("question")
                .with_attribute(("type", "category"))
                .write_inner_content(|w| {
                    text_element(w, "category", None, &path)?;
                    text_element(w, "info", Some("html"), "")
                })?;
            for question in questions {
                write_question(w, question, dataset)?;
            }
        }
        Ok(())
    })?;
    Ok(())
}

/// `<name format="…"><text>…</text></name>`, the shape of every text.
fn text_element(w: &mut XmlWriter, name: &str, format: Option<&str>, text: &str) -> io::Result<()> {
    let mut element = w.create_element(name);
    if let Some(format) = format {
        element = element.with_attribute(("format", format));
    }
    element.write_inner_content(|w| {
        w.create_element("text")
            .write_text_content(BytesText::new(&feedback::xml_safe(text)))?;
        Ok(())
    })?;
    Ok(())
}

/// `<name>value</name>`, for the plain settings.
fn value_element(w: &mut XmlWriter, name: &str, value: &str) -> io::Result<()> {
    w.create_element(name)
        .write_text_content(BytesText::new(value))?;
    Ok(())
}

fn write_question(w: &mut XmlWriter, question: &Question, dataset: &Dataset) -> io::Result<()> {
    let kind = if question.kind.is_ordering() {
        "ordering"
    } else if question.kind == QuestionKind::Cloze {
        "shortanswer"
    } else {
        "multichoice"
    };
    w.create_element("question")
        .with_attribute(("type", kind))
        .write_inner_content(|w| {
            text_element(w, "name", None, &question.id)?;
            text_element(
                w,
                "questiontext",
                Some("html"),
                &feedback::html_paragraphs(&question.prompt),
            )?;
            text_element(
                w,
                "generalfeedback",
                Some("html"),
                &feedback::html_paragraphs(&feedback::general_feedback(dataset, question)),
            )?;
            value_element(w, "defaultgrade", "1")?;
            value_element(w, "penalty", "0.3333333")?;
            value_element(w, "hidden", "0")?;
            match kind {
                "ordering" => ordering_body(w, question),
                "shortanswer" => short_answer_body(w, question),
                _ => multichoice_body(w, question),
            }
        })?;
    Ok(())
}

/// The combined feedback of the types that have it.
fn combined_feedback(w: &mut XmlWriter, question: &Question) -> io::Result<()> {
    text_element(w, "correctfeedback", Some("html"), feedback::RIGHT)?;
    text_element(w, "partiallycorrectfeedback", Some("html"), "")?;
    text_element(
        w,
        "incorrectfeedback",
        Some("html"),
        &feedback::html(&feedback::wrong_feedback(question)),
    )
}

fn multichoice_body(w: &mut XmlWriter, question: &Question) -> io::Result<()> {
    value_element(w, "single", "true")?;
    // The generator orders some options on purpose (years ascending).
    value_element(w, "shuffleanswers", "false")?;
    value_element(w, "answernumbering", "abc")?;
    combined_feedback(w, question)?;
    let wrong = feedback::html(&feedback::wrong_feedback(question));
    for (index, option) in question.options.iter().enumerate() {
        let right = question.answer.contains(&index);
        let (fraction, said) = if right {
            ("100", feedback::RIGHT.to_owned())
        } else {
            ("0", wrong.clone())
        };
        w.create_element("answer")
            .with_attribute(("fraction", fraction))
            .with_attribute(("format", "html"))
            .write_inner_content(|w| {
                w.create_element("text")
                    .write_text_content(BytesText::new(&feedback::html(option)))?;
                text_element(w, "feedback", Some("html"), &said)
            })?;
    }
    Ok(())
}

fn short_answer_body(w: &mut XmlWriter, question: &Question) -> io::Result<()> {
    value_element(w, "usecase", "0")?;
    // The answer is compared with what the student types: plain text.
    w.create_element("answer")
        .with_attribute(("fraction", "100"))
        .with_attribute(("format", "moodle_auto_format"))
        .write_inner_content(|w| {
            w.create_element("text")
                .write_text_content(BytesText::new(&feedback::xml_safe(question.answer_text())))?;
            text_element(w, "feedback", Some("html"), feedback::RIGHT)
        })?;
    Ok(())
}

fn ordering_body(w: &mut XmlWriter, question: &Question) -> io::Result<()> {
    let order = feedback::right_order(question);
    value_element(w, "layouttype", "VERTICAL")?;
    value_element(w, "selecttype", "ALL")?;
    value_element(w, "selectcount", &order.len().to_string())?;
    value_element(w, "gradingtype", "ALL_OR_NOTHING")?;
    value_element(w, "showgrading", "SHOW")?;
    value_element(w, "numberingstyle", "none")?;
    combined_feedback(w, question)?;
    // Moodle takes the answers' order as the right one (and numbers the
    // fractions 1, 2, … itself).
    for (index, item) in order.iter().enumerate() {
        w.create_element("answer")
            .with_attribute(("fraction", (index + 1).to_string().as_str()))
            .with_attribute(("format", "html"))
            .write_inner_content(|w| {
                w.create_element("text")
                    .write_text_content(BytesText::new(&feedback::html(item)))?;
                Ok(())
            })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_quiz_is_well_formed_with_one_category_per_topic() {
        let dataset = Dataset::embedded().unwrap_or_else(|e| panic!("{e}"));
        let quiz = crate::quiz::generate(
            &dataset,
            &crate::quiz::QuizOptions {
                seed: 5,
                count: 30,
                ..Default::default()
            },
        );
        let xml = to_moodle_xml(&quiz, &dataset).unwrap_or_else(|e| panic!("{e}"));
        let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{e}"));
        let questions: Vec<_> = doc
            .root_element()
            .children()
            .filter(|n| n.has_tag_name("question"))
            .collect();
        let categories = questions
            .iter()
            .filter(|n| n.attribute("type") == Some("category"))
            .count();
        assert_eq!(categories, feedback::by_topic(&quiz).len());
        assert_eq!(questions.len() - categories, quiz.questions.len());
    }

    #[test]
    fn markup_in_a_text_is_escaped_twice_over() {
        assert_eq!(feedback::html("<b>&"), "&lt;b&gt;&amp;");
    }
}
