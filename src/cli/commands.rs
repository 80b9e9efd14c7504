//! What each command does: `quiz`, `check`, `new` and `export`, each
//! printing through [`super::output`] and returning its exit code.

use std::io::Write;
use std::path::Path;

use super::output::{deliver_file_or_say, deliver_or_say, say};
use super::{CheckFormat, QuizArgs};
use crate::dataset::{Dataset, LoadError, Problem};

/// `quiz`: prints the quiz, returns the exit code (2 for bad options).
pub fn quiz(dir: Option<&Path>, args: &QuizArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let options = match quiz_options(args) {
        Ok(options) => options,
        Err(sentence) => {
            say(err, &format!("neutrality-reader quiz: {sentence}"));
            return 2;
        }
    };
    let dataset = match load(dir) {
        Ok(dataset) => dataset,
        Err(error) => {
            for problem in &error.problems {
                say(err, &problem.to_string());
            }
            say(
                err,
                "neutrality-reader quiz: the dataset has problems; `check` lists them",
            );
            return 1;
        }
    };
    // A code made on another dataset (or version) makes a quiz all the same;
    // whoever typed it hears why it may differ from the one shared.
    let entered = args
        .code
        .as_deref()
        .and_then(|text| crate::quiz::QuizCode::parse(text).ok());
    if let Some(warning) = entered.and_then(|code| crate::quiz::code_warning(&code, &dataset)) {
        say(err, &format!("neutrality-reader quiz: {warning}"));
    }
    let quiz = crate::quiz::generate(&dataset, &options);
    if quiz.questions.is_empty() {
        say(
            err,
            "neutrality-reader quiz: the dataset has no question to ask on these topics",
        );
        return 1;
    }
    let format = args.format.export_format();
    // A file of bytes (a zip, a spreadsheet, a PDF) is no use on a terminal.
    if !format.is_text() && args.output.is_none() {
        say(
            err,
            &format!(
                "neutrality-reader quiz: the {} format makes a file: name it with -o FILE, such as -o quiz.{}",
                format.key(),
                format.extension()
            ),
        );
        return 2;
    }
    let settings = crate::quiz::export::ExportSettings {
        paper: args.paper.paper(),
    };
    let report = match crate::quiz::export::export_with(&quiz, &dataset, format, settings) {
        Ok(report) => {
            // What the format could not hold is said, not found missing in class.
            for note in &report.notes {
                say(err, &format!("neutrality-reader quiz: {note}"));
            }
            Ok(report.exported)
        }
        Err(sentence) => Err(sentence),
    };
    let written = match report {
        Ok(crate::quiz::export::Exported::Text(text)) => deliver_or_say(
            "quiz",
            &format!("{text}\n"),
            args.output.as_deref(),
            out,
            err,
        ),
        Ok(crate::quiz::export::Exported::File(bytes)) => {
            deliver_file_or_say("quiz", &bytes, args.output.as_deref(), err)
        }
        Err(sentence) => {
            say(err, &format!("neutrality-reader quiz: {sentence}"));
            return 1;
        }
    };
    if written == 0 && quiz.questions.len() < options.count {
        say(
            err,
            &format!(
                "neutrality-reader quiz: {} of the {} questions asked for: the dataset has no more good ones on these topics",
                quiz.questions.len(),
                options.count
            ),
        );
    }
    written
}

/// The quiz the options ask for, or a sentence saying why they make no sense.
/// What was typed is quoted cut short: a code pasted 100,000 characters long
/// is not printed back whole.
fn quiz_options(args: &QuizArgs) -> Result<crate::quiz::QuizOptions, String> {
    use crate::quiz::{Difficulty, QuizCode, QuizOptions, Topic};
    if let Some(text) = &args.code {
        return QuizCode::parse(text)
            .map(|code| code.options())
            .map_err(|error| crate::terminal::quoted_cut(&error.to_string(), text.trim()));
    }
    let topics = match args.topics.as_deref() {
        None => Default::default(),
        Some(list) => {
            let topics = Topic::parse_list(list)
                .map_err(|error| crate::terminal::quoted_cut(&error.to_string(), &error.0))?;
            if topics.is_empty() {
                let keys: Vec<&str> = Topic::ALL.iter().map(|t| t.key()).collect();
                return Err(format!(
                    "--topics names no topic; give one or more of {}, separated by commas, or leave --topics out for all of them",
                    keys.join(", ")
                ));
            }
            topics
        }
    };
    let Some(difficulty) = Difficulty::from_key(&args.difficulty) else {
        return Err(format!(
            "“{}” is not a difficulty; write easy, normal or hard",
            crate::terminal::cut(&args.difficulty)
        ));
    };
    if args.count == 0 {
        return Err("--count must be at least 1".to_owned());
    }
    Ok(QuizOptions {
        seed: args.seed,
        count: args.count,
        topics,
        difficulty,
    })
}

/// Loads the dataset from `dir`, or the embedded one.
pub fn load(dir: Option<&Path>) -> Result<Dataset, LoadError> {
    match dir {
        Some(dir) => Dataset::load_dir(dir),
        None => Dataset::embedded(),
    }
}

/// `check`: validates the dataset, lints it when it loads, prints every error
/// and warning as `format` says, and returns the exit code: 1 when there are
/// errors, 0 otherwise (warnings or not).
pub fn check(
    dir: Option<&Path>,
    format: CheckFormat,
    to: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let name = dir.map_or_else(
        || "the bundled dataset".to_owned(),
        |d| d.display().to_string(),
    );
    let (dataset, errors, warnings, glyph_notes) = match checked(dir) {
        Ok((dataset, warnings, notes)) => (Some(dataset), Vec::new(), warnings, notes),
        Err(error) => (None, error.problems, Vec::new(), Vec::new()),
    };
    let failed = i32::from(!errors.is_empty());
    let mut notes = skipped_notes(dir);
    notes.extend(glyph_notes);
    let text = match format {
        CheckFormat::Json => {
            let report = serde_json::json!({
                "ok": errors.is_empty(),
                "errors": errors,
                "warnings": warnings,
                "notes": notes,
            });
            match serde_json::to_string_pretty(&report) {
                Ok(text) => format!("{text}\n"),
                Err(error) => {
                    say(err, &format!("could not write JSON: {error}"));
                    return 1;
                }
            }
        }
        CheckFormat::Text => {
            for problem in &errors {
                say(err, &problem.to_string());
            }
            for warning in &warnings {
                say(err, &as_warning(warning));
            }
            for note in &notes {
                say(err, &as_line(note, "note"));
            }
            match &dataset {
                Some(dataset) => format!("{name}: OK: {}\n", summary(dataset, warnings.len())),
                None => {
                    let problems = counted(errors.len(), "problem", "problems");
                    say(err, &format!("{name}: {problems} found"));
                    String::new()
                }
            }
        }
    };
    if text.is_empty() && to.is_none() {
        return failed;
    }
    match deliver_or_say("check", &text, to, out, err) {
        0 => failed,
        not_written => not_written,
    }
}

/// A note for each hidden or editor file the load skipped in `articles/`.
fn skipped_notes(dir: Option<&Path>) -> Vec<crate::dataset::Problem> {
    let Some(dir) = dir else {
        return Vec::new();
    };
    crate::dataset::DataFiles::skipped_articles(dir)
        .iter()
        .map(|path| {
            crate::dataset::Problem::in_file(
                &path.display().to_string(),
                "skipped: hidden and editor files (a name that starts with “.” or ends in “~”) are not articles",
            )
        })
        .collect()
}

/// "5 articles, 12 events, …; 2 warnings".
fn summary(dataset: &Dataset, warnings: usize) -> String {
    format!(
        "{}, {}, {}, {}, {}, {}{}",
        counted(dataset.articles.len(), "article", "articles"),
        counted(dataset.events.len(), "event", "events"),
        counted(dataset.organizations.len(), "organization", "organizations"),
        counted(dataset.people.len(), "person", "people"),
        counted(dataset.facts.len(), "fact", "facts"),
        counted(dataset.glossary.len(), "glossary term", "glossary terms"),
        match warnings {
            0 => String::new(),
            n => format!("; {}", counted(n, "warning", "warnings")),
        }
    )
}

/// The path as one shell word: as it is when a shell would take it so, quoted otherwise.
fn shell_word(path: &Path) -> String {
    let text = path.to_string_lossy();
    // The only refusal is for a NUL byte, which no path holds.
    shlex::try_quote(&text).map_or_else(|_| text.to_string(), |quoted| quoted.into_owned())
}

/// `new`: writes the starter files into `dir` and says what to do next.
pub fn new_dataset(dir: &Path, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match crate::dataset::starter::write_starter(dir) {
        Ok(files) => {
            let folder = dir.display();
            // The commands are for copying into a shell, so a folder with spaces is quoted there.
            let word = shell_word(dir);
            // my-unit → my-unit.zip beside it (not with_extension: my.unit → my.zip).
            let zip = dir.file_name().map_or_else(
                || "unit.zip".to_owned(),
                |name| {
                    let file = format!("{}.zip", name.to_string_lossy());
                    shell_word(
                        &dir.parent()
                            .map_or_else(|| file.clone().into(), |p| p.join(&file)),
                    )
                },
            );
            let mut text = format!("Started a dataset in {folder}:\n");
            for file in files {
                text.push_str(&format!("  {}\n", file.display()));
            }
            text.push_str(&format!(
                "Next, in this order (each file says how to add a record):\n  \
                 1. Put your article's text in {folder}/articles/first-article.ron (a file for each article).\n  \
                 2. Add the organizations and people it names: organizations.ron, people.ron.\n  \
                 3. Then the events that cite them (events.ron), the figures it states (facts.ron)\n     \
                 and the terms it explains (glossary.ron).\n  \
                 4. Name your unit and its subject in dataset.ron (the quiz asks about the subject).\n  \
                 5. Check it as you go:  neutrality-reader check {word}\n  \
                 6. Open it:             neutrality-reader --data {word}   (or File > Open dataset folder… in the window)\n  \
                 7. Share it as one file: neutrality-reader pack {word} {zip}\n\
                 With cargo, put the arguments after --:  cargo run --release -- check {word}\n"
            ));
            deliver_or_say("new", &text, None, out, err)
        }
        Err(error) => {
            say(err, &format!("neutrality-reader new: {error}"));
            1
        }
    }
}

/// "1 article", "5 articles".
fn counted(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

/// Loads the dataset from `dir` (or the embedded one) and lints it: the
/// warnings, and the notes on its characters.
fn checked(dir: Option<&Path>) -> Result<(Dataset, Vec<Problem>, Vec<Problem>), LoadError> {
    use crate::dataset::DataFiles;
    let dataset = load(dir)?;
    // The lint places its warnings in the files' text, read again here: a
    // folder changed in between is reported like any unreadable one.
    let files = match dir {
        Some(dir) => DataFiles::read_dir(dir)?,
        None => DataFiles::embedded(),
    };
    let mut warnings = crate::dataset::lint::lint(&dataset, &files);
    // Characters no font can draw, with the fonts the window would have.
    let glyphs = crate::dataset::glyphs::lint(&files, &crate::fonts::FontSet::platform());
    warnings.extend(glyphs.warnings);
    warnings.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    Ok((dataset, warnings, glyphs.notes))
}

/// A warning as a line: `file:line:column: warning: sentence`.
fn as_warning(problem: &Problem) -> String {
    as_line(problem, "warning")
}

/// A warning or note as a line: `file:line:column: kind: sentence`.
fn as_line(problem: &Problem, kind: &str) -> String {
    let place = match (problem.line, problem.column) {
        (Some(line), Some(column)) => format!("{}:{line}:{column}", problem.file),
        (Some(line), None) => format!("{}:{line}", problem.file),
        _ => problem.file.clone(),
    };
    format!("{place}: {kind}: {}", problem.message)
}

/// `export`: prints the dataset as JSON, or its timeline as TimelineJS
/// JSON (to the file `to` if given), returns the exit code.
pub fn export(
    dir: Option<&Path>,
    format: super::ExportFormat,
    to: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    match load(dir) {
        Ok(dataset) => {
            let json = match format {
                super::ExportFormat::Json => crate::dataset::to_json(&dataset),
                super::ExportFormat::Timelinejs => crate::dataset::to_timelinejs(&dataset),
            };
            match serde_json::to_string_pretty(&json) {
                Ok(text) => deliver_or_say("export", &format!("{text}\n"), to, out, err),
                Err(e) => {
                    say(err, &format!("could not write JSON: {e}"));
                    1
                }
            }
        }
        Err(error) => {
            // Line by line, as `check` prints them.
            for line in error.to_string().lines() {
                say(err, line);
            }
            1
        }
    }
}
