//! The first files of a new dataset, for `neutrality-reader new`: one
//! article to fill in, the other five files empty and a manifest, each with an example
//! record in a comment to copy. They load as they are (with one warning: no
//! event cites the article yet), so `check` helps from the first edit.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

/// The starter files: their path inside the dataset folder, and their text,
/// in the order they are best filled in: the article, then the
/// organizations and people it names, then the events that cite them (an
/// event naming an organization not yet written is an error), the figures
/// and the terms; last the manifest, whose title and subject can wait.
/// `new` lists them in this order.
pub const STARTER_FILES: [(&str, &str); 7] = [
    (
        "articles/first-article.ron",
        include_str!("../../assets/starter-dataset/articles/first-article.ron"),
    ),
    (
        "organizations.ron",
        include_str!("../../assets/starter-dataset/organizations.ron"),
    ),
    (
        "people.ron",
        include_str!("../../assets/starter-dataset/people.ron"),
    ),
    (
        "events.ron",
        include_str!("../../assets/starter-dataset/events.ron"),
    ),
    (
        "facts.ron",
        include_str!("../../assets/starter-dataset/facts.ron"),
    ),
    (
        "glossary.ron",
        include_str!("../../assets/starter-dataset/glossary.ron"),
    ),
    (
        "dataset.ron",
        include_str!("../../assets/starter-dataset/dataset.ron"),
    ),
];

/// Why the starter files could not be written.
#[derive(Debug, thiserror::Error)]
pub enum StarterError {
    /// The folder is there and holds something: nothing is written.
    #[error(
        "{0} already has files in it; `new` writes only into a new or empty folder, so that nothing of yours is written over"
    )]
    NotEmpty(String),
    /// The system refused to make a folder or write a file.
    #[error("{path}: {source}")]
    Io {
        /// The folder or file.
        path: String,
        /// The system's error.
        source: io::Error,
    },
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> StarterError + '_ {
    move |source| StarterError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Writes the starter files into `folder`, which must be new or empty, and
/// returns their paths. A file is never written over: each is created new,
/// so even a file that appears meanwhile is left as it is (and said).
pub fn write_starter(folder: &Path) -> Result<Vec<PathBuf>, StarterError> {
    if let Ok(mut entries) = fs::read_dir(folder)
        && entries.next().is_some()
    {
        return Err(StarterError::NotEmpty(folder.display().to_string()));
    }
    let mut written = Vec::with_capacity(STARTER_FILES.len());
    for (name, text) in STARTER_FILES {
        let path = folder.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io_error(parent))?;
        }
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(io_error(&path))?;
        file.write_all(text.as_bytes()).map_err(io_error(&path))?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;

    #[test]
    fn the_starter_loads_as_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("my-unit");
        let written = write_starter(&folder).unwrap();
        assert_eq!(written.len(), 7);
        let dataset = Dataset::load_dir(&folder).unwrap();
        assert_eq!(
            dataset.manifest.title.as_deref(),
            Some("The title of your unit")
        );
        assert_eq!(dataset.manifest.subject, None);
        assert_eq!(dataset.articles.len(), 1);
        assert_eq!(dataset.articles[0].id, "first-article");
        assert!(dataset.events.is_empty() && dataset.organizations.is_empty());
    }

    /// The examples in the comments, taken out of them as the comments say,
    /// are records in the right form: the only error left is the one the
    /// example fact's placeholder quote must give.
    #[test]
    fn the_examples_in_the_comments_are_records_in_the_right_form() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("my-unit");
        write_starter(&folder).unwrap();
        // The manifest's examples are fields, not records: the next test.
        let record_files = STARTER_FILES
            .iter()
            .skip(1)
            .filter(|(n, _)| *n != "dataset.ron");
        for (name, text) in record_files {
            let example: String = text
                .lines()
                .filter_map(|line| line.strip_prefix("//    "))
                .map(|line| format!("    {line}\n"))
                .collect();
            assert!(!example.is_empty(), "{name} has an example");
            let uncommented = text.replace("[\n]", &format!("[\n{example}]"));
            assert_ne!(&uncommented, text, "{name}");
            fs::write(folder.join(name), uncommented).unwrap();
        }
        let error = Dataset::load_dir(&folder).unwrap_err();
        let messages: Vec<String> = error.problems.iter().map(|p| p.message.clone()).collect();
        assert_eq!(
            messages,
            [
                "fact “first-fact”: the quote does not stand word for word in paragraph 2 of “first-article”: the quote matches the paragraph up to “the”; then the quote has “words”, the paragraph “article's”"
            ]
        );
    }

    /// The manifest's commented fields, uncommented as its comments say,
    /// load: a subject, an article's licence, categories of the unit's own.
    #[test]
    fn the_manifests_commented_fields_load_when_uncommented() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("my-unit");
        write_starter(&folder).unwrap();
        let manifest = fs::read_to_string(folder.join("dataset.ron")).unwrap();
        let fields = ["subject:", "(id:", "categories:", "(key:", "],"];
        let uncommented: String = manifest
            .lines()
            .map(|line| {
                let code = line.trim_start().strip_prefix("// ").map(str::trim_start);
                match code {
                    Some(code) if fields.iter().any(|f| code.starts_with(f)) => {
                        format!("{}\n", code.replace("https://…", "https://example.org"))
                    }
                    _ => format!("{line}\n"),
                }
            })
            .collect();
        assert_ne!(uncommented, manifest);
        fs::write(folder.join("dataset.ron"), uncommented).unwrap();
        let dataset = Dataset::load_dir(&folder).unwrap();
        assert_eq!(dataset.manifest.subject.as_deref(), Some("Austria"));
        assert_eq!(
            dataset.articles[0].licence.as_deref(),
            Some("CC BY-SA 4.0, its authors")
        );
        let labels: Vec<&str> = dataset
            .categories
            .iter()
            .map(|c| c.label.as_str())
            .collect();
        assert_eq!(labels, ["War", "Treaty"]);
    }

    #[test]
    fn a_folder_with_files_in_it_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("events.ron"), "[ /* mine */ ]").unwrap();
        let error = write_starter(dir.path()).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "{} already has files in it; `new` writes only into a new or empty folder, so that nothing of yours is written over",
                dir.path().display()
            )
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("events.ron")).unwrap(),
            "[ /* mine */ ]"
        );
        assert!(!dir.path().join("articles").exists());
        // An empty folder is fine.
        let empty = dir.path().join("empty");
        fs::create_dir(&empty).unwrap();
        assert!(write_starter(&empty).is_ok());
    }

    #[test]
    fn a_folder_that_cannot_be_made_is_said() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a-file");
        fs::write(&file, "").unwrap();
        let error = write_starter(&file.join("unit")).unwrap_err();
        assert!(
            error.to_string().starts_with(&format!(
                "{}: ",
                file.join("unit").join("articles").display()
            )),
            "{error}"
        );
    }
}
