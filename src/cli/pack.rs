//! `pack`: a dataset folder as one file to share, a `.zip` that opens
//! wherever the folder does.

use std::io::Write;
use std::path::Path;

use super::output::{deliver_or_say, say};
use crate::dataset::Dataset;
use crate::dataset::archive;

/// `pack DIR FILE`: checks that the unit in `dir` loads, then writes its
/// files to the zip file `to` (replacing one there only if `force`); returns
/// the exit code: 0 when written, 1 otherwise.
pub fn pack(dir: &Path, to: &Path, force: bool, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    if archive::is_zip_path(dir) && dir.is_file() {
        say(
            err,
            &format!(
                "neutrality-reader pack: {} is already a unit file; pack takes a dataset folder",
                dir.display()
            ),
        );
        return 1;
    }
    if !archive::is_zip_path(to) {
        say(
            err,
            &format!(
                "neutrality-reader pack: {} does not end in .zip; name the unit file like my-unit.zip",
                to.display()
            ),
        );
        return 1;
    }
    // A unit that does not open is not worth sending: the class would
    // get the problems instead of the unit.
    if let Err(error) = Dataset::load_dir(dir) {
        for problem in &error.problems {
            say(err, &problem.to_string());
        }
        say(
            err,
            "neutrality-reader pack: the dataset has problems, so it is not packed; `check` lists them",
        );
        return 1;
    }
    match archive::pack(dir, to, force) {
        Ok(files) => {
            let text = format!(
                "Packed {} files of {} into {}.\nOpen it with:  neutrality-reader --data {}   (or File > Open in the window)\n",
                files.len(),
                dir.display(),
                to.display(),
                to.display()
            );
            deliver_or_say("pack", &text, None, out, err)
        }
        Err(sentence) => {
            say(err, &format!("neutrality-reader pack: {sentence}"));
            1
        }
    }
}
