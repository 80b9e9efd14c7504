//! Problems found while loading a dataset, each with its place and a plain sentence.

use std::fmt;

/// One problem in a dataset: where it is and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// The file, as the author knows it: `data/events.ron`.
    pub file: String,
    /// Line, counted from 1, where known.
    pub line: Option<usize>,
    /// Column, counted from 1, where known.
    pub column: Option<usize>,
    /// What is wrong, as a plain sentence.
    pub message: String,
}

impl Problem {
    /// A problem at a known place.
    pub fn at(file: &str, place: Option<(usize, usize)>, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            line: place.map(|(line, _)| line),
            column: place.map(|(_, column)| column),
            message: message.into(),
        }
    }

    /// A problem with a whole file (missing, unreadable, too large).
    pub fn in_file(file: &str, message: impl Into<String>) -> Self {
        Self::at(file, None, message)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => {
                write!(f, "{}:{line}:{column}: {}", self.file, self.message)
            }
            (Some(line), None) => write!(f, "{}:{line}: {}", self.file, self.message),
            _ => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Every problem that kept a dataset from loading.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    /// The problems, in file order.
    pub problems: Vec<Problem>,
}

impl LoadError {
    /// The problems in reading order: by file, then line, then column.
    pub fn sorted(mut problems: Vec<Problem>) -> Self {
        problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        Self { problems }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.problems.len();
        writeln!(
            f,
            "the dataset has {count} problem{}:",
            if count == 1 { "" } else { "s" }
        )?;
        for problem in &self.problems {
            writeln!(f, "  {problem}")?;
        }
        Ok(())
    }
}
