//! `import SOURCE DIR`: a TimelineJS timeline as a new dataset folder, with
//! a report of everything not carried over.

use std::io::Write;
use std::path::Path;

use super::output::{deliver_or_say, say};
use crate::import::{self, ImportError, write::report_lines};

/// `import`: reads `source`, writes the dataset into `dir` (new or empty),
/// prints what was imported and what was not; returns the exit code (0 when
/// the folder is written, 1 when nothing is).
pub fn import(source: &Path, dir: &Path, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match run(source, dir) {
        Ok(text) => deliver_or_say("import", &text, None, out, err),
        Err((error, notes)) => {
            for line in notes {
                say(err, &line);
            }
            say(err, &format!("neutrality-reader import: {error}"));
            1
        }
    }
}

/// The report to print, or the error and the notes that explain it.
fn run(source: &Path, dir: &Path) -> Result<String, (ImportError, Vec<String>)> {
    let name = source.file_name().map_or_else(
        || source.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    // Before reading, so that a refusal is not lost under the report.
    import::write::ensure_empty(dir).map_err(|error| (error, Vec::new()))?;
    let timeline = import::read_source(source).map_err(|error| (error, Vec::new()))?;
    let imported = import::convert(timeline, &name);
    let notes = report_lines(&name, &imported.notes);
    let dataset = match import::write_folder(&imported, &name, dir) {
        Ok(dataset) => dataset,
        Err(error) => return Err((error, notes)),
    };
    let eras = imported.events.iter().filter(|e| e.era).count();
    let mut text = format!(
        "Imported “{}” from {} into {}: {} events and {} eras, cited from the article “{}” ({} blocks).\n",
        imported.title,
        source.display(),
        dir.display(),
        dataset.events.len() - eras,
        eras,
        imported.article_id,
        imported.blocks.len(),
    );
    if notes.is_empty() {
        text.push_str("Everything was carried over.\n");
    } else {
        text.push_str(&format!(
            "Not carried over, or carried over otherwise ({}):\n",
            notes.len()
        ));
        for line in notes {
            text.push_str(&format!("  {line}\n"));
        }
    }
    let word = shlex::try_quote(&dir.to_string_lossy())
        .map_or_else(|_| dir.display().to_string(), |quoted| quoted.into_owned());
    text.push_str(&format!(
        "Next:  neutrality-reader check {word}    then    neutrality-reader --data {word}\n"
    ));
    Ok(text)
}
