//! `import SOURCE DIR` and `import FILE --into UNIT`: a TimelineJS timeline
//! or an article file as a new dataset folder, or an article added to a
//! unit, with a report of everything not carried over.

use std::io::Write;
use std::path::Path;

use super::output::{deliver_or_say, say};
use crate::import::run::{Destination, Outcome, import_file};

/// `import`: reads `source`, writes the unit into `dir` (new or empty), or
/// adds the article to the unit `into`; prints what was imported and what
/// was not. Returns the exit code (0 when written, 1 when nothing is).
pub fn import(
    source: &Path,
    dir: Option<&Path>,
    into: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let to = match (dir, into) {
        (_, Some(unit)) => Destination::Into(unit),
        (Some(dir), None) => Destination::New(dir),
        (None, None) => {
            say(
                err,
                "neutrality-reader import: name the folder to make (import SOURCE DIR) or the unit to add to (import FILE --into UNIT)",
            );
            return 2;
        }
    };
    match import_file(source, to) {
        Ok(outcome) => deliver_or_say("import", &report(&outcome), None, out, err),
        Err(failure) => {
            for line in failure.notes {
                say(err, &line);
            }
            say(err, &format!("neutrality-reader import: {}", failure.error));
            1
        }
    }
}

/// The report, and the commands to check and open the unit.
fn report(outcome: &Outcome) -> String {
    let mut text = outcome.report();
    let dir = &outcome.folder;
    let word = shlex::try_quote(&dir.to_string_lossy())
        .map_or_else(|_| dir.display().to_string(), |quoted| quoted.into_owned());
    text.push_str(&format!(
        "Next:  neutrality-reader check {word}    then    neutrality-reader --data {word}\n"
    ));
    text
}
