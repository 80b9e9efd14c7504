//! The command line: open the window, `check` a dataset, `export` it as JSON.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::dataset::{Dataset, LoadError};

/// Neutrality Reader: study Turkmenistan's foreign policy and permanent neutrality, offline.
#[derive(Debug, Parser)]
#[command(name = "neutrality-reader", version, about)]
pub struct Cli {
    /// Open this dataset folder instead of the bundled one.
    #[arg(long, value_name = "DIR", global = true)]
    pub data: Option<PathBuf>,

    /// The view to open on.
    #[arg(long, value_enum, value_name = "VIEW")]
    pub view: Option<ViewArg>,

    /// Open this article (by id, as `export` lists them) instead of the last one read.
    #[arg(long, value_name = "ID")]
    pub article: Option<String>,

    /// With --article: open at this paragraph (counted from 1) and highlight it.
    #[arg(long, value_name = "N", requires = "article")]
    pub paragraph: Option<u32>,

    /// Select this event (by id, as `export` lists them) and zoom the timeline to
    /// the years around it; opens the Timeline view unless --view says otherwise.
    #[arg(long, value_name = "ID")]
    pub event: Option<String>,

    /// Select this organization (by id, as `export` lists them) and open its
    /// details in the Organizations view, unless --view says otherwise.
    #[arg(long, value_name = "ID")]
    pub organization: Option<String>,

    /// Open in this colour theme (it is remembered, like the button's choice).
    #[arg(long, value_enum, value_name = "THEME")]
    pub theme: Option<ThemeArg>,

    /// Render the window as it opens, save it as a PNG and exit.
    #[arg(long, value_name = "FILE.png")]
    pub screenshot: Option<PathBuf>,

    /// What to do; without one, the window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The views that `--view` can open on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ViewArg {
    /// Library, reader and the article's organizations and events.
    Study,
    /// The full timeline with its filters and list of events.
    Timeline,
    /// The organizations table, with details, headline figures and a chart.
    Organizations,
    /// The quiz (not built yet).
    Quiz,
}

/// The themes `--theme` can choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    /// Dark text on warm paper.
    Light,
    /// Light text on a dark page.
    Dark,
}

/// Commands other than opening the window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a dataset folder and print every problem; exit 1 if there is any.
    Check {
        /// The dataset folder; the bundled dataset if omitted.
        dir: Option<PathBuf>,
    },
    /// Print the whole dataset as JSON.
    Export,
}

/// Loads the dataset from `dir`, or the embedded one.
pub fn load(dir: Option<&Path>) -> Result<Dataset, LoadError> {
    match dir {
        Some(dir) => Dataset::load_dir(dir),
        None => Dataset::embedded(),
    }
}

/// `check`: prints a summary or every problem, returns the exit code.
pub fn check(dir: Option<&Path>, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let name = dir.map_or_else(
        || "the bundled dataset".to_owned(),
        |d| d.display().to_string(),
    );
    match load(dir) {
        Ok(dataset) => {
            let _ = writeln!(
                out,
                "{name}: OK: {} articles, {} events, {} organizations, {} people, {} facts, {} glossary terms",
                dataset.articles.len(),
                dataset.events.len(),
                dataset.organizations.len(),
                dataset.people.len(),
                dataset.facts.len(),
                dataset.glossary.len()
            );
            0
        }
        Err(error) => {
            for problem in &error.problems {
                let _ = writeln!(err, "{problem}");
            }
            let count = error.problems.len();
            let _ = writeln!(
                err,
                "{name}: {count} problem{} found",
                if count == 1 { "" } else { "s" }
            );
            1
        }
    }
}

/// `export`: prints the dataset as JSON, returns the exit code.
pub fn export(dir: Option<&Path>, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match load(dir) {
        Ok(dataset) => {
            let json = crate::dataset::to_json(&dataset);
            match serde_json::to_string_pretty(&json) {
                Ok(text) => {
                    let _ = writeln!(out, "{text}");
                    0
                }
                Err(e) => {
                    let _ = writeln!(err, "could not write JSON: {e}");
                    1
                }
            }
        }
        Err(error) => {
            let _ = write!(err, "{error}");
            1
        }
    }
}
