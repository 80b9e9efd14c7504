//! The worksheet on paper, as a PDF for A4 or Letter: version A, version B
//! (the same questions, their order and options shuffled), each with a
//! name and date line and room to answer, then each version's answer key
//! with the sources on pages of its own, so that the key can be kept back.
//!
//! Set in the bundled Noto Serif, embedded (subset) by krilla, so Turkmen
//! (ňäöüçşýž) and Cyrillic print as the window shows them. Lines are wrapped
//! to widths measured with the font's advances (`layout`), so no line runs
//! into the margin.

pub mod layout;
pub mod versions;

use krilla::Document;
use krilla::geom::Point;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::text::{Font, TextDirection};

use super::super::Quiz;
use super::super::worksheet::letter;
use super::Paper;
use crate::dataset::Dataset;
use layout::{Flow, Frame, Measure, Page, Para};
use versions::{Version, versions};

/// The page and its margins for `paper`, in points (1/72 inch).
pub fn frame(paper: Paper) -> Frame {
    match paper {
        // 210 × 297 mm.
        Paper::A4 => Frame {
            width: 595.28,
            height: 841.89,
            margin: 56.0,
        },
        // 8.5 × 11 in.
        Paper::Letter => Frame {
            width: 612.0,
            height: 792.0,
            margin: 54.0,
        },
    }
}

/// The versions every PDF prints.
pub const VERSIONS: [char; 2] = ['A', 'B'];

const BODY: f32 = 11.0;
const SMALL: f32 = 9.5;
/// The options' and the answer line's indent under the question's text.
const INDENT: f32 = 22.0;

/// "Quiz 7K3P-QX: Unit title", as the Markdown worksheet heads it.
fn title(quiz: &Quiz, dataset: &Dataset) -> String {
    let mut title = match &quiz.code {
        Some(code) => format!("Quiz {code}"),
        None => "Quiz".to_owned(),
    };
    if let Some(unit) = dataset.manifest.title.as_deref().map(str::trim) {
        title.push_str(&format!(": {unit}"));
    }
    title
}

fn sheet(flow: &mut Flow<'_>, quiz: &Quiz, dataset: &Dataset, version: &Version) {
    let section = format!("Version {}", version.name);
    flow.new_page(&section);
    let mut topics: Vec<&str> = Vec::new();
    for topic in quiz.options.chosen_topics() {
        if quiz.questions.iter().any(|q| q.topic == topic) {
            topics.push(topic.label());
        }
    }
    flow.block(&[
        Para::new(title(quiz, dataset), 15.0).bold(),
        Para::new(&section, 12.5).bold().after_room(2.0),
        Para::new(
            format!(
                "{} questions on {} ({} difficulty).",
                version.questions.len(),
                topics.join(", "),
                quiz.options.difficulty.label().to_lowercase()
            ),
            SMALL,
        )
        .after_room(4.0),
        Para::new(
            "Name: ______________________________  Date: ______________  Class: ________",
            BODY,
        )
        .after_room(14.0),
    ]);
    for (number, question) in version.questions.iter().enumerate() {
        // The number, then the prompt, its later lines under the prompt's start.
        let mut paras = vec![
            Para::new(format!("{}. {}", number + 1, question.prompt), BODY)
                .at(0.0, INDENT)
                .after_room(12.0),
        ];
        let lettered: Vec<String> = question
            .options
            .iter()
            .enumerate()
            .map(|(i, option)| format!("{}. {option}", letter(i)))
            .collect();
        // Short options (years, numbers) share one line; others take one each.
        if flow.fits_row(&lettered, BODY, INDENT) {
            paras.push(Para::row(lettered, BODY, INDENT).after_room(2.0));
        } else {
            for option in lettered {
                paras.push(
                    Para::new(option, BODY)
                        .at(INDENT, INDENT + 16.0)
                        .after_room(2.0),
                );
            }
        }
        let room = if question.ordering {
            "Order, earliest first: ______ ______ ______ ______"
        } else {
            "Answer: ______"
        };
        paras.push(Para::new(room, BODY).at(INDENT, INDENT).after_room(7.0));
        flow.block(&paras);
    }
}

/// The right answer as the key prints it: "C: text", or for an order
/// "B, D, A, C: first; second; …".
fn key_answer(question: &versions::Printed) -> String {
    let letters: Vec<String> = question
        .answer
        .iter()
        .map(|&i| letter(i).to_string())
        .collect();
    let texts: Vec<&str> = question
        .answer
        .iter()
        .filter_map(|&i| question.options.get(i).map(String::as_str))
        .collect();
    format!("{}: {}", letters.join(", "), texts.join("; "))
}

fn key(flow: &mut Flow<'_>, quiz: &Quiz, dataset: &Dataset, version: &Version) {
    let section = format!("Answer key, version {}", version.name);
    flow.new_page(&section);
    flow.block(&[
        Para::new(&section, 15.0).bold(),
        Para::new(title(quiz, dataset), SMALL).after_room(2.0),
    ]);
    for (number, question) in version.questions.iter().enumerate() {
        flow.block(&[
            Para::new(format!("{}. {}", number + 1, key_answer(question)), BODY)
                .at(0.0, INDENT)
                .after_room(8.0),
            Para::new(format!("Source: {}", question.sources), SMALL)
                .at(INDENT, INDENT)
                .after_room(1.0),
        ]);
    }
}

/// After the keys, the articles cited, each with its publisher and date, its
/// address and its licence (the attribution the licences ask for).
fn sources(flow: &mut Flow<'_>, quiz: &Quiz, dataset: &Dataset) {
    let articles = crate::quiz::worksheet::cited_articles(quiz, dataset);
    if articles.is_empty() {
        return;
    }
    flow.block(&[Para::new("Sources", 15.0).bold().after_room(8.0)]);
    for article in articles {
        let mut line = format!("{}. {}.", article.title, article.source_line());
        if let Some(url) = &article.url {
            line.push_str(&format!(" {url}"));
        }
        if let Some(licence) = &article.licence {
            line.push_str(&format!(" {licence}"));
        }
        flow.block(&[Para::new(line, SMALL).at(0.0, INDENT).after_room(4.0)]);
    }
}

/// The whole document's pages: each version's sheet, then each one's key,
/// then the sources.
pub fn lay_out(quiz: &Quiz, dataset: &Dataset, paper: Paper, measure: &dyn Measure) -> Vec<Page> {
    let made = versions(quiz, dataset, &VERSIONS);
    let mut flow = Flow::new(measure, frame(paper));
    for version in &made {
        sheet(&mut flow, quiz, dataset, version);
    }
    for version in &made {
        key(&mut flow, quiz, dataset, version);
    }
    sources(&mut flow, quiz, dataset);
    flow.finish()
}

/// The measure of the bundled Noto Serif, regular and bold.
pub fn noto_measure() -> Result<layout::FontMeasure<'static>, String> {
    layout::FontMeasure::new(
        crate::fonts::NOTO_SERIF.bytes,
        crate::fonts::NOTO_SERIF_BOLD.bytes,
    )
    .ok_or_else(|| "the bundled Noto Serif could not be read".to_owned())
}

/// The quiz as a PDF worksheet on `paper`.
pub fn to_pdf(quiz: &Quiz, dataset: &Dataset, paper: Paper) -> Result<Vec<u8>, String> {
    let measure = noto_measure()?;
    let pages = lay_out(quiz, dataset, paper, &measure);
    let font = |bytes: &'static [u8]| {
        Font::new(bytes.into(), 0)
            .ok_or_else(|| "the bundled Noto Serif could not be read".to_owned())
    };
    let regular = font(crate::fonts::NOTO_SERIF.bytes)?;
    let bold = font(crate::fonts::NOTO_SERIF_BOLD.bytes)?;
    let frame = frame(paper);
    let mut document = Document::new();
    let mut metadata = Metadata::new()
        .title(title(quiz, dataset))
        .creator("Neutrality Reader".to_owned());
    if let Some(language) = &dataset.manifest.language {
        metadata = metadata.language(language.clone());
    }
    document.set_metadata(metadata);
    for page in &pages {
        let settings = PageSettings::from_wh(frame.width, frame.height)
            .ok_or_else(|| "the paper has no size".to_owned())?;
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        for line in &page.lines {
            let face = if line.bold { &bold } else { &regular };
            surface.draw_text(
                Point::from_xy(line.x, line.baseline),
                face.clone(),
                line.size,
                &line.text,
                false,
                TextDirection::Auto,
            );
        }
        surface.finish();
        pdf_page.finish();
    }
    document
        .finish()
        .map_err(|error| format!("could not write the PDF: {error:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::{QuizOptions, generate};

    #[test]
    fn no_line_leaves_the_margins_on_either_paper() {
        let dataset = Dataset::embedded().unwrap();
        let measure = noto_measure().unwrap();
        let quiz = generate(
            &dataset,
            &QuizOptions {
                seed: 5,
                count: 30,
                ..Default::default()
            },
        );
        for paper in [Paper::A4, Paper::Letter] {
            let frame = frame(paper);
            let pages = lay_out(&quiz, &dataset, paper, &measure);
            assert!(pages.len() >= 4, "{paper:?}: {} pages", pages.len());
            for line in pages.iter().flat_map(|p| &p.lines) {
                assert!(line.x >= frame.margin - 0.01, "{line:?}");
                assert!(
                    line.x + line.width <= frame.width - frame.margin + 0.01,
                    "{line:?}"
                );
                assert!(
                    line.baseline <= frame.height - frame.margin + 0.01,
                    "{line:?}"
                );
                assert!(line.baseline >= frame.margin, "{line:?}");
            }
        }
    }

    #[test]
    fn the_pdf_embeds_its_font_and_prints_turkmen_and_cyrillic() {
        let measure = noto_measure().unwrap();
        // Every letter the brief names has its own glyph (no fallback width).
        for c in "ňäöüçşýžŇÄÖÜÇŞÝŽЖжЫыӘә".chars() {
            assert!(measure.width(&c.to_string(), 10.0, false) > 0.0);
        }
        let dataset = Dataset::embedded().unwrap();
        let quiz = generate(&dataset, &QuizOptions::default());
        let bytes = to_pdf(&quiz, &dataset, Paper::Letter).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("/FontFile2"), "the TrueType font is embedded");
    }

    /// The sources after the keys name every article cited, with its
    /// licence: a worksheet carries the attribution its articles ask for.
    #[test]
    fn the_sources_list_every_article_cited_with_its_licence() {
        let mut dataset = Dataset::embedded().unwrap();
        let measure = noto_measure().unwrap();
        for seed in 0..20 {
            for article in &mut dataset.articles {
                article.licence = Some(format!("Licence of {}", article.id));
            }
            let quiz = generate(
                &dataset,
                &QuizOptions {
                    seed,
                    count: 10,
                    ..Default::default()
                },
            );
            let pages = lay_out(&quiz, &dataset, Paper::A4, &measure);
            let text: String = pages
                .iter()
                .flat_map(|p| &p.lines)
                .map(|l| format!("{} ", l.text))
                .collect();
            let sources = text
                .rsplit_once("Sources ")
                .map(|(_, s)| s)
                .unwrap_or_default();
            let sources = sources.split_whitespace().collect::<Vec<_>>().join(" ");
            for article in crate::quiz::worksheet::cited_articles(&quiz, &dataset) {
                assert!(
                    sources.contains(&format!("Licence of {}", article.id)),
                    "{seed}: {sources}"
                );
            }
        }
    }
}
