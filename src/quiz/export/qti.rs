//! QTI 1.2 in a zip, laid out as Canvas exports a Classic Quiz (which Canvas
//! imports through Settings > Import course content > QTI .zip file):
//!
//! * `imsmanifest.xml`: an IMS content package naming the assessment
//!   (`imsqti_xmlv1p2`) and its Canvas settings;
//! * `<id>/<id>.xml`: the `questestinterop` with one `assessment`, one
//!   `section` and an `item` per question;
//! * `<id>/assessment_meta.xml`: Canvas's own quiz settings (title,
//!   points), which Canvas reads when present and other importers ignore.
//!
//! Each multiple-choice question (fill-in-the-blank ones included: their
//! options are kept) is a `multiple_choice_question`: a `response_lid` with
//! `rcardinality="Single"`, and in `resprocessing` a `varequal` on the right
//! option that sets `SCORE` to 100. An ordering question is a
//! `matching_question`, Canvas's nearest type: each position ("1
//! (earliest)") gets a `response_lid` choosing among the items, each right
//! pair adding its share of 100. Every item has an `itemfeedback`
//! (`general_fb`) with the explanation and the sources, shown after any
//! answer. Identifiers come from the question ids, so they are the same
//! in every export of the same question.

use std::io::{self, Cursor, Write as _};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::feedback;
use crate::dataset::Dataset;
use crate::quiz::{Question, Quiz};

type XmlWriter = Writer<Vec<u8>>;

/// The names of a quiz's files inside the zip.
struct Names {
    /// The assessment's identifier, also its folder's name.
    assessment: String,
    /// The identifier of its Canvas settings' resource.
    meta: String,
}

impl Names {
    fn of(quiz: &Quiz) -> Self {
        let ids: Vec<&str> = quiz.questions.iter().map(|q| q.id.as_str()).collect();
        let key = ids.join("\n");
        Self {
            assessment: format!("g{}", feedback::stable_hex(&key)),
            meta: format!("g{}", feedback::stable_hex(&format!("{key}\nmeta"))),
        }
    }
}

/// The quiz's title: the unit's, with the quiz code when there is one.
fn title(quiz: &Quiz, dataset: &Dataset) -> String {
    let unit = feedback::unit_title(dataset);
    match &quiz.code {
        Some(code) => format!("{unit}: quiz {code}"),
        None => format!("{unit}: quiz"),
    }
}

/// The zip's bytes, or why it could not be made.
pub fn to_qti_zip(quiz: &Quiz, dataset: &Dataset) -> Result<Vec<u8>, String> {
    let fail = |error: &dyn std::fmt::Display| format!("could not write the QTI zip: {error}");
    let names = Names::of(quiz);
    let files = [
        (
            "imsmanifest.xml".to_owned(),
            manifest_xml(quiz, dataset, &names),
        ),
        (
            format!("{0}/{0}.xml", names.assessment),
            assessment_xml(quiz, dataset, &names),
        ),
        (
            format!("{}/assessment_meta.xml", names.assessment),
            meta_xml(quiz, dataset, &names),
        ),
    ];
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o644);
    for (name, made) in files {
        let bytes = made.map_err(|e| fail(&e))?;
        zip.start_file(name, options).map_err(|e| fail(&e))?;
        zip.write_all(&bytes).map_err(|e| fail(&e))?;
    }
    zip.finish().map(Cursor::into_inner).map_err(|e| fail(&e))
}

/// A document: the declaration, then what `body` writes.
fn document(body: impl FnOnce(&mut XmlWriter) -> io::Result<()>) -> io::Result<Vec<u8>> {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    body(&mut writer)?;
    let mut bytes = writer.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}

/// `<name>text</name>`.
fn leaf(w: &mut XmlWriter, name: &str, text: &str) -> io::Result<()> {
    w.create_element(name)
        .write_text_content(BytesText::new(&feedback::xml_safe(text)))?;
    Ok(())
}

/// `<material><mattext texttype="…">text</mattext></material>`.
fn material(w: &mut XmlWriter, texttype: &str, text: &str) -> io::Result<()> {
    w.create_element("material").write_inner_content(|w| {
        w.create_element("mattext")
            .with_attribute(("texttype", texttype))
            .write_text_content(BytesText::new(&feedback::xml_safe(text)))?;
        Ok(())
    })?;
    Ok(())
}

fn manifest_xml(quiz: &Quiz, dataset: &Dataset, names: &Names) -> io::Result<Vec<u8>> {
    let folder = &names.assessment;
    document(|w| {
        w.create_element("manifest")
            .with_attribute(("identifier", format!("m{}", &folder[1..]).as_str()))
            .with_attribute(("xmlns", "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"))
            .with_attribute(("xmlns:imsmd", "http://www.imsglobal.org/xsd/imsmd_v1p2"))
            .write_inner_content(|w| {
                w.create_element("metadata").write_inner_content(|w| {
                    leaf(w, "schema", "IMS Content")?;
                    leaf(w, "schemaversion", "1.1.3")?;
                    w.create_element("imsmd:lom").write_inner_content(|w| {
                        w.create_element("imsmd:general").write_inner_content(|w| {
                            w.create_element("imsmd:title").write_inner_content(|w| {
                                leaf(w, "imsmd:string", &title(quiz, dataset))
                            })?;
                            Ok(())
                        })?;
                        Ok(())
                    })?;
                    Ok(())
                })?;
                w.create_element("organizations").write_empty()?;
                w.create_element("resources").write_inner_content(|w| {
                    w.create_element("resource")
                        .with_attribute(("identifier", folder.as_str()))
                        .with_attribute(("type", "imsqti_xmlv1p2"))
                        .write_inner_content(|w| {
                            w.create_element("file")
                                .with_attribute(("href", format!("{folder}/{folder}.xml").as_str()))
                                .write_empty()?;
                            w.create_element("dependency")
                                .with_attribute(("identifierref", names.meta.as_str()))
                                .write_empty()?;
                            Ok(())
                        })?;
                    let meta = format!("{folder}/assessment_meta.xml");
                    w.create_element("resource")
                        .with_attribute(("identifier", names.meta.as_str()))
                        .with_attribute((
                            "type",
                            "associatedcontent/imscc_xmlv1p1/learning-application-resource",
                        ))
                        .with_attribute(("href", meta.as_str()))
                        .write_inner_content(|w| {
                            w.create_element("file")
                                .with_attribute(("href", meta.as_str()))
                                .write_empty()?;
                            Ok(())
                        })?;
                    Ok(())
                })?;
                Ok(())
            })?;
        Ok(())
    })
}

fn meta_xml(quiz: &Quiz, dataset: &Dataset, names: &Names) -> io::Result<Vec<u8>> {
    document(|w| {
        w.create_element("quiz")
            .with_attribute(("identifier", names.assessment.as_str()))
            .with_attribute(("xmlns", "http://canvas.instructure.com/xsd/cccv1p0"))
            .write_inner_content(|w| {
                leaf(w, "title", &title(quiz, dataset))?;
                leaf(
                    w,
                    "description",
                    &format!(
                        "<p>{} questions from Neutrality Reader; each answer's feedback cites its source.</p>",
                        quiz.questions.len()
                    ),
                )?;
                leaf(w, "shuffle_answers", "false")?;
                leaf(w, "scoring_policy", "keep_highest")?;
                leaf(w, "quiz_type", "assignment")?;
                leaf(w, "points_possible", &format!("{}.0", quiz.questions.len()))?;
                leaf(w, "show_correct_answers", "true")?;
                leaf(w, "allowed_attempts", "1")?;
                leaf(w, "one_question_at_a_time", "false")?;
                leaf(w, "cant_go_back", "false")?;
                leaf(w, "available", "false")
            })?;
        Ok(())
    })
}

fn assessment_xml(quiz: &Quiz, dataset: &Dataset, names: &Names) -> io::Result<Vec<u8>> {
    document(|w| {
        w.create_element("questestinterop")
            .with_attribute(("xmlns", "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"))
            .write_inner_content(|w| {
                w.create_element("assessment")
                    .with_attribute(("ident", names.assessment.as_str()))
                    .with_attribute(("title", title(quiz, dataset).as_str()))
                    .write_inner_content(|w| {
                        w.create_element("qtimetadata")
                            .write_inner_content(|w| metadata_field(w, "cc_maxattempts", "1"))?;
                        w.create_element("section")
                            .with_attribute(("ident", "root_section"))
                            .write_inner_content(|w| {
                                for (number, question) in quiz.questions.iter().enumerate() {
                                    write_item(w, number, question, dataset)?;
                                }
                                Ok(())
                            })?;
                        Ok(())
                    })?;
                Ok(())
            })?;
        Ok(())
    })
}

fn metadata_field(w: &mut XmlWriter, label: &str, entry: &str) -> io::Result<()> {
    w.create_element("qtimetadatafield")
        .write_inner_content(|w| {
            leaf(w, "fieldlabel", label)?;
            leaf(w, "fieldentry", entry)
        })?;
    Ok(())
}

/// The identifier of option `option` of question `number`: numbers, as
/// Canvas writes them, unique within the quiz.
fn label_ident(number: usize, option: usize) -> String {
    ((number + 1) * 100 + option + 1).to_string()
}

/// The identifier of place `place` of an ordering question exported as
/// matching: apart from the items' identifiers, as Canvas keeps a matching
/// question's left and right sides.
fn place_ident(number: usize, place: usize) -> String {
    ((number + 1) * 100 + 51 + place).to_string()
}

fn write_item(
    w: &mut XmlWriter,
    number: usize,
    question: &Question,
    dataset: &Dataset,
) -> io::Result<()> {
    let ordering = question.kind.is_ordering();
    let answer_ids: Vec<String> = (0..question.options.len())
        .map(|option| label_ident(number, option))
        .collect();
    // Canvas lists a matching question's left side here.
    let listed: Vec<String> = if ordering {
        (0..question.answer.len())
            .map(|place| place_ident(number, place))
            .collect()
    } else {
        answer_ids.clone()
    };
    w.create_element("item")
        .with_attribute((
            "ident",
            format!("g{}", feedback::stable_hex(&question.id)).as_str(),
        ))
        .with_attribute(("title", feedback::xml_safe(&question.id).as_ref()))
        .write_inner_content(|w| {
            w.create_element("itemmetadata").write_inner_content(|w| {
                w.create_element("qtimetadata").write_inner_content(|w| {
                    let kind = if ordering {
                        "matching_question"
                    } else {
                        "multiple_choice_question"
                    };
                    metadata_field(w, "question_type", kind)?;
                    metadata_field(w, "points_possible", "1.0")?;
                    metadata_field(w, "original_answer_ids", &listed.join(","))?;
                    let bank_id = format!("{}\nbank", question.id);
                    metadata_field(
                        w,
                        "assessment_question_identifierref",
                        &format!("g{}", feedback::stable_hex(&bank_id)),
                    )
                })?;
                Ok(())
            })?;
            if ordering {
                matching_presentation(w, number, question)?;
            } else {
                choice_presentation(w, question, &answer_ids)?;
            }
            w.create_element("itemfeedback")
                .with_attribute(("ident", "general_fb"))
                .write_inner_content(|w| {
                    w.create_element("flow_mat").write_inner_content(|w| {
                        material(
                            w,
                            "text/html",
                            &feedback::html_paragraphs(&feedback::general_feedback(
                                dataset, question,
                            )),
                        )
                    })?;
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

/// The prompt, as Canvas writes it: HTML in a `div`.
fn prompt(w: &mut XmlWriter, question: &Question) -> io::Result<()> {
    material(
        w,
        "text/html",
        &format!("<div>{}</div>", feedback::html_paragraphs(&question.prompt)),
    )
}

/// `<outcomes>` and the condition that shows the general feedback after
/// any answer; then what `scoring` adds.
fn resprocessing(
    w: &mut XmlWriter,
    scoring: impl FnOnce(&mut XmlWriter) -> io::Result<()>,
) -> io::Result<()> {
    w.create_element("resprocessing").write_inner_content(|w| {
        w.create_element("outcomes").write_inner_content(|w| {
            w.create_element("decvar")
                .with_attribute(("maxvalue", "100"))
                .with_attribute(("minvalue", "0"))
                .with_attribute(("varname", "SCORE"))
                .with_attribute(("vartype", "Decimal"))
                .write_empty()?;
            Ok(())
        })?;
        w.create_element("respcondition")
            .with_attribute(("continue", "Yes"))
            .write_inner_content(|w| {
                w.create_element("conditionvar").write_inner_content(|w| {
                    w.create_element("other").write_empty()?;
                    Ok(())
                })?;
                w.create_element("displayfeedback")
                    .with_attribute(("feedbacktype", "Response"))
                    .with_attribute(("linkrefid", "general_fb"))
                    .write_empty()?;
                Ok(())
            })?;
        scoring(w)
    })?;
    Ok(())
}

/// `<respcondition>` that gives `score` (`action` Set or Add) when
/// `response` is `label`.
fn score_condition(
    w: &mut XmlWriter,
    continues: Option<&str>,
    response: &str,
    label: &str,
    action: &str,
    score: &str,
) -> io::Result<()> {
    let mut element = w.create_element("respcondition");
    if let Some(continues) = continues {
        element = element.with_attribute(("continue", continues));
    }
    element.write_inner_content(|w| {
        w.create_element("conditionvar").write_inner_content(|w| {
            w.create_element("varequal")
                .with_attribute(("respident", response))
                .write_text_content(BytesText::new(label))?;
            Ok(())
        })?;
        w.create_element("setvar")
            .with_attribute(("action", action))
            .with_attribute(("varname", "SCORE"))
            .write_text_content(BytesText::new(score))?;
        Ok(())
    })?;
    Ok(())
}

fn choice_presentation(
    w: &mut XmlWriter,
    question: &Question,
    answer_ids: &[String],
) -> io::Result<()> {
    w.create_element("presentation").write_inner_content(|w| {
        prompt(w, question)?;
        w.create_element("response_lid")
            .with_attribute(("ident", "response1"))
            .with_attribute(("rcardinality", "Single"))
            .write_inner_content(|w| {
                w.create_element("render_choice").write_inner_content(|w| {
                    for (option, ident) in question.options.iter().zip(answer_ids) {
                        w.create_element("response_label")
                            .with_attribute(("ident", ident.as_str()))
                            .write_inner_content(|w| material(w, "text/plain", option))?;
                    }
                    Ok(())
                })?;
                Ok(())
            })?;
        Ok(())
    })?;
    resprocessing(w, |w| {
        for &right in &question.answer {
            if let Some(ident) = answer_ids.get(right) {
                score_condition(w, Some("No"), "response1", ident, "Set", "100")?;
            }
        }
        Ok(())
    })
}

/// An ordering question as matching: position k's `response_lid` chooses
/// among the items; the item at that place in the right order scores.
fn matching_presentation(w: &mut XmlWriter, number: usize, question: &Question) -> io::Result<()> {
    let count = question.answer.len();
    let response = |place: usize| format!("response_{}", place_ident(number, place));
    w.create_element("presentation").write_inner_content(|w| {
        prompt(w, question)?;
        for place in 0..count {
            w.create_element("response_lid")
                .with_attribute(("ident", response(place).as_str()))
                .write_inner_content(|w| {
                    material(w, "text/plain", &feedback::position_label(place, count))?;
                    w.create_element("render_choice").write_inner_content(|w| {
                        for (option, text) in question.options.iter().enumerate() {
                            w.create_element("response_label")
                                .with_attribute(("ident", label_ident(number, option).as_str()))
                                .write_inner_content(|w| material(w, "text/plain", text))?;
                        }
                        Ok(())
                    })?;
                    Ok(())
                })?;
        }
        Ok(())
    })?;
    // Each right pair adds its share; the shares add up to 100.
    let share = 100.0 / count.max(1) as f64;
    resprocessing(w, |w| {
        for (place, &option) in question.answer.iter().enumerate() {
            let score = if place + 1 == count {
                100.0 - share * (count - 1) as f64
            } else {
                share
            };
            score_condition(
                w,
                None,
                &response(place),
                &label_ident(number, option),
                "Add",
                &format!("{score:.2}"),
            )?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quiz(seed: u64) -> (Quiz, Dataset) {
        let dataset = Dataset::embedded().unwrap_or_else(|e| panic!("{e}"));
        let quiz = crate::quiz::generate(
            &dataset,
            &crate::quiz::QuizOptions {
                seed,
                count: 30,
                ..Default::default()
            },
        );
        (quiz, dataset)
    }

    #[test]
    fn the_zip_holds_the_manifest_the_assessment_and_its_settings() {
        let (quiz, dataset) = quiz(5);
        let bytes = to_qti_zip(&quiz, &dataset).unwrap_or_else(|e| panic!("{e}"));
        let mut archive =
            zip::ZipArchive::new(Cursor::new(bytes)).unwrap_or_else(|e| panic!("{e}"));
        let names: Vec<String> = archive
            .file_names()
            .map(|name| {
                name.map(|n| n.into_owned())
                    .unwrap_or_else(|e| panic!("{e}"))
            })
            .collect();
        assert_eq!(names.len(), 3, "{names:?}");
        assert!(names.contains(&"imsmanifest.xml".to_owned()));
        for name in names {
            let mut text = String::new();
            let mut file = archive.by_name(&name).unwrap_or_else(|e| panic!("{e}"));
            io::Read::read_to_string(&mut file, &mut text).unwrap_or_else(|e| panic!("{e}"));
            roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }

    #[test]
    fn the_same_quiz_makes_the_same_zip() {
        let (quiz, dataset) = quiz(9);
        assert_eq!(to_qti_zip(&quiz, &dataset), to_qti_zip(&quiz, &dataset));
    }

    #[test]
    fn shares_of_a_matching_question_add_up_to_100() {
        // 100 / 3 is 33.33 three times; the last share takes the rest.
        let share = 100.0_f64 / 3.0;
        let last = 100.0 - share * 2.0;
        let total: f64 = [share, share, last]
            .iter()
            .map(|s| format!("{s:.2}").parse::<f64>().unwrap_or_default())
            .sum();
        assert!((total - 100.0).abs() < 0.02, "{total}");
    }
}
