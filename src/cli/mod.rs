//! The command line: open the window, `check` a dataset, `export` it as JSON,
//! print a `quiz`, `import` a TimelineJS timeline or an article.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

mod commands;
mod import;
pub mod output;
mod pack;
mod page;

pub use commands::{check, export, load, new_dataset, quiz};
pub use import::import;
pub use pack::pack;
pub use page::{PAGE_OPTIONS, page_options};

/// Neutrality Reader: study Turkmenistan's foreign policy and permanent neutrality, offline.
#[derive(Debug, Parser)]
#[command(name = "neutrality-reader", version, about)]
pub struct Cli {
    /// Open this dataset folder, or unit file (.zip), instead of the bundled
    /// one. Not global: `new`, `import` and `pack` take their own paths, and
    /// an option that does nothing must not be in their help; `check`,
    /// `export` and `quiz` take it after their name as well (DataArg).
    #[arg(long, value_name = "DIR")]
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

    /// Start the quiz of this code (as the Quiz view or `quiz` shows it) in
    /// the Quiz view; with --quiz-mode, in that mode.
    #[arg(long, value_name = "CODE")]
    pub quiz: Option<String>,

    /// With --quiz: practice (the default), test or class.
    #[arg(long, value_enum, value_name = "MODE", requires = "quiz")]
    pub quiz_mode: Option<QuizModeArg>,

    /// Open the quiz in Class mode (the one --quiz gives, or a new one of
    /// ten questions) and start a live class: students answer from their
    /// phones' browsers on the classroom network, at the address and code
    /// the window shows. The server runs until the class ends or the window
    /// closes.
    #[arg(long)]
    pub live: bool,

    /// Start in presentation mode (F5 in the window): the view full screen,
    /// large text on a high-contrast stage, driven by the keyboard.
    #[arg(long)]
    pub present: bool,

    /// Open in this colour theme (it is remembered, like the button's choice).
    #[arg(long, value_enum, value_name = "THEME")]
    pub theme: Option<ThemeArg>,

    /// The interface's language: en (English), tk (Türkmençe) or ru (Русский).
    /// It is remembered, like the Reading menu's choice. The articles stay in English.
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,

    /// Render the window as it opens, save it as a PNG and exit.
    #[arg(long, value_name = "FILE.png", value_parser = parse_png_name)]
    pub screenshot: Option<PathBuf>,

    /// The window's size in points, as WIDTHxHEIGHT (e.g. 1024x700); with
    /// --screenshot, the size of the picture.
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    pub size: Option<WindowSize>,

    /// What to do; without one, the window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// What the window opens on, from the command line.
    pub fn start_options(&self) -> crate::ui::StartOptions {
        use crate::quiz::session::Mode;
        use crate::ui::command::View;
        use crate::ui::theme::Theme;
        crate::ui::StartOptions {
            data: self.data.clone(),
            view: self.view.map(|view| match view {
                ViewArg::Study => View::Study,
                ViewArg::Timeline => View::Timeline,
                ViewArg::Organizations => View::Organizations,
                ViewArg::Quiz => View::Quiz,
            }),
            article: self.article.clone(),
            paragraph: self.paragraph,
            event: self.event.clone(),
            organization: self.organization.clone(),
            quiz: self.quiz.clone(),
            quiz_mode: self.quiz_mode.map(|mode| match mode {
                QuizModeArg::Practice => Mode::Practice,
                QuizModeArg::Test => Mode::Test,
                QuizModeArg::Class => Mode::Class,
            }),
            live: self.live,
            present: self.present,
            theme: self.theme.map(|theme| match theme {
                ThemeArg::Light => Theme::Light,
                ThemeArg::Dark => Theme::Dark,
                ThemeArg::Sepia => Theme::Sepia,
                ThemeArg::HighContrast => Theme::HighContrast,
            }),
            language: self.lang.map(LangArg::language),
            screenshot: self.screenshot.clone(),
            size: self.size.map(|s| [s.width, s.height]),
        }
    }
}

/// A window size given as WIDTHxHEIGHT.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WindowSize {
    /// Width, in points.
    pub width: f32,
    /// Height, in points.
    pub height: f32,
}

/// The smallest window the app lays out (its minimum inner size).
pub const MIN_WINDOW: (u32, u32) = (640, 420);
/// The largest size taken: an 8K screen.
pub const MAX_WINDOW: (u32, u32) = (7680, 4320);

/// Reads `1024x700` (or `1024X700`) into a size within [`MIN_WINDOW`] and [`MAX_WINDOW`].
pub fn parse_size(text: &str) -> Result<WindowSize, String> {
    let (width, height) = text
        .trim()
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("“{text}” is not WIDTHxHEIGHT, such as 1280x800"))?;
    let number = |part: &str, what: &str| -> Result<u32, String> {
        part.trim()
            .parse::<u32>()
            .map_err(|_| format!("the {what} “{part}” is not a whole number"))
    };
    let (width, height) = (number(width, "width")?, number(height, "height")?);
    let (min, max) = (MIN_WINDOW, MAX_WINDOW);
    if !(min.0..=max.0).contains(&width) || !(min.1..=max.1).contains(&height) {
        return Err(format!(
            "{width}x{height} is outside {}x{} to {}x{}",
            min.0, min.1, max.0, max.1
        ));
    }
    // Within the limits above, both are exact in f32.
    #[expect(clippy::cast_precision_loss, reason = "at most 7680, exact in f32")]
    Ok(WindowSize {
        width: width as f32,
        height: height as f32,
    })
}

/// Takes a file name ending in `.png` (any case): the screenshot is a PNG, and
/// one saved under another name (`shot.jpg`) would be taken for what it is not.
pub fn parse_png_name(text: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(text);
    if path
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("png"))
    {
        Ok(path)
    } else {
        Err(format!(
            "“{}” does not end in .png; the screenshot is saved as a PNG image, so name it like shot.png",
            crate::terminal::cut(text)
        ))
    }
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
    /// Quizzes generated from the dataset: practice, test, class mode, review.
    Quiz,
}

/// The modes `--quiz-mode` can choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum QuizModeArg {
    /// Feedback after each answer.
    Practice,
    /// The score at the end, then a review.
    Test,
    /// One question large, for a projector.
    Class,
}

/// The themes `--theme` can choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    /// Dark text on warm paper.
    Light,
    /// Light text on a dark page.
    Dark,
    /// Brown text on cream paper.
    Sepia,
    /// White on black with yellow accents.
    HighContrast,
}

/// The languages `--lang` can choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// Türkmençe.
    Tk,
    /// Русский.
    Ru,
}

impl LangArg {
    /// The interface language it names.
    pub fn language(self) -> crate::i18n::Language {
        match self {
            LangArg::En => crate::i18n::Language::English,
            LangArg::Tk => crate::i18n::Language::Turkmen,
            LangArg::Ru => crate::i18n::Language::Russian,
        }
    }
}

/// Commands other than opening the window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a dataset folder and print every error and warning; exit 1 on errors.
    ///
    /// Errors keep the dataset from loading (a file that does not parse, an
    /// impossible date, a citation of a paragraph that does not exist): each
    /// is printed and `check` exits with 1.
    ///
    /// Warnings do not: a dataset with warnings only loads, and `check` exits
    /// with 0. They are looked for once there are no errors: a person no
    /// event lists and no article names, a glossary term or an organization
    /// no article's text names, a fact about an organization its paragraph
    /// does not name, an article no event cites, and names of two
    /// organizations or two people that differ only in case, punctuation,
    /// spacing or a letter or two.
    Check {
        /// The dataset folder or unit file (.zip); the bundled dataset if omitted.
        dir: Option<PathBuf>,
        /// The same as DIR, as the other commands take it.
        #[arg(long, value_name = "DIR", hide = true, conflicts_with = "dir")]
        data: Option<PathBuf>,
        /// text: one line per error, warning or note (file:line:column:
        /// sentence); json: {"ok", "errors", "warnings", "notes"}, each a list
        /// of {file, line, column, message}, for editors and other programs.
        /// Notes name the hidden and editor files skipped in articles/.
        #[arg(long, value_enum, default_value = "text")]
        format: CheckFormat,
        /// Write what would go to standard output to this file instead,
        /// whole or not at all (the file is replaced only once all is written).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Start a dataset of your own in a new (or empty) folder: one article to
    /// fill in and the other files with an example record in a comment.
    New {
        /// The folder to make, e.g. my-unit.
        dir: PathBuf,
    },
    /// Make a dataset folder from a TimelineJS timeline (its JSON, or its
    /// Google-Sheets template saved as CSV or XLSX) or from an article file
    /// (.txt, .md, .html); or add an article to a unit with --into.
    ///
    /// A timeline: the title slide becomes an article's title and opening;
    /// each event or era becomes a heading (its date and headline) and
    /// paragraphs (its text, HTML made plain, links kept as "text (address)")
    /// in that article, and an event that cites them, dated with the
    /// precision its fields give (eras as spans). An article: its paragraphs,
    /// headings, lists and quotes become blocks, its title and date are taken
    /// where the file has them. Everything not carried over is listed with
    /// its row, event or line: a row with no year, media, groups, images.
    Import {
        /// The TimelineJS .json, the sheet as .csv or .xlsx, or an article
        /// as .txt, .md or .html.
        source: PathBuf,
        /// The folder to make (new or empty), e.g. my-unit.
        #[arg(required_unless_present = "into")]
        dir: Option<PathBuf>,
        /// Add the article to this existing unit instead (only
        /// articles/<id>.ron is written, never over a file).
        #[arg(long, value_name = "UNIT", conflicts_with = "dir")]
        into: Option<PathBuf>,
    },
    /// Pack a dataset folder into one file to share: a .zip that opens
    /// wherever a folder does (`--data unit.zip`, File > Open, `check
    /// unit.zip`).
    ///
    /// The unit must load (`check` lists its problems). Only its own files go
    /// in: the record files, dataset.ron if there is one, articles/*.ron and
    /// the images in assets/; hidden and editor files (.x.swp, x~, #x#) stay
    /// out. The file is written whole or not at all.
    Pack {
        /// The dataset folder, e.g. my-unit.
        dir: PathBuf,
        /// The file to write, e.g. my-unit.zip.
        file: PathBuf,
        /// Replace the file if it is already there.
        #[arg(long)]
        force: bool,
    },
    /// Print the whole dataset as JSON, or its timeline as a TimelineJS 3
    /// file to publish with TimelineJS.
    Export {
        #[command(flatten)]
        data: DataArg,
        /// json: every record of the dataset; timelinejs: the timeline as
        /// TimelineJS 3 JSON (a title slide from dataset.ron, an event per
        /// slide at its own precision, spans with an end date, categories
        /// as groups, the source paragraphs under each text).
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
        /// Write the JSON to this file instead, whole or not at all (the file
        /// is replaced only once all is written).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print a quiz generated from the dataset: a worksheet with its answer key
    /// (Markdown) or the questions as JSON. The same seed and options always
    /// print the same quiz.
    Quiz(QuizArgs),
}

/// How `check` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// A line per error or warning.
    Text,
    /// One JSON object.
    Json,
}

/// What `export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The whole dataset.
    Json,
    /// The timeline, for TimelineJS 3.
    Timelinejs,
}

/// `--data` after the name of a command that reads a dataset.
#[derive(Debug, Default, clap::Args)]
pub struct DataArg {
    /// The dataset folder or unit file (.zip); the bundled dataset if omitted.
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
}

/// The options of `quiz`.
#[derive(Debug, clap::Args)]
pub struct QuizArgs {
    #[command(flatten)]
    pub data: DataArg,
    /// The seed; the same seed gives the same quiz. A seed below 1,048,576 with
    /// at most 64 questions also gets a quiz code to share.
    #[arg(long, default_value_t = 0, conflicts_with = "code")]
    pub seed: u64,
    /// How many questions (fewer if the data has fewer good ones).
    #[arg(long, default_value_t = 10, conflicts_with = "code")]
    pub count: usize,
    /// Topics, separated by commas: events, resolutions, organizations, people,
    /// figures, glossary, sentences. All of them if omitted.
    #[arg(long, value_name = "LIST", conflicts_with = "code")]
    pub topics: Option<String>,
    /// easy, normal or hard: how close the wrong options are to the right one.
    #[arg(long, default_value = "normal", conflicts_with = "code")]
    pub difficulty: String,
    /// Make the quiz of this code (as shown in the Quiz view) instead.
    #[arg(long, value_name = "CODE")]
    pub code: Option<String>,
    /// What to write: a worksheet, JSON, or a file for another program (the values below).
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: QuizFormat,
    /// With --format pdf: the paper, a4 or letter.
    #[arg(long, value_enum, default_value = "a4", value_name = "PAPER")]
    pub paper: PaperArg,
    /// Write the quiz to this file instead, whole or not at all (the file is
    /// replaced only once all is written).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// How `quiz` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum QuizFormat {
    /// A printable worksheet.
    Markdown,
    /// A list of questions.
    Json,
    /// Moodle's GIFT text: Question bank > Import > GIFT format.
    Gift,
    /// Moodle XML: Question bank > Import > Moodle XML format.
    MoodleXml,
    /// A QTI 1.2 zip for Canvas (Import course content > QTI .zip); needs -o.
    Qti,
    /// Quizlet cards, term TAB definition: Create > Import, paste.
    Quizlet,
    /// An Anki deck (.apkg; File > Import): a note per question; importing a
    /// later export updates the notes instead of adding them twice.
    Anki,
    /// Kahoot's quiz spreadsheet (.xlsx; Create > Import spreadsheet);
    /// questions it cannot hold are left out and named.
    Kahoot,
    /// The worksheet to print (PDF): versions A and B, with their answer keys.
    Pdf,
}

/// The papers `--paper` can choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl PaperArg {
    /// The paper it names.
    pub fn paper(self) -> crate::quiz::export::Paper {
        match self {
            Self::A4 => crate::quiz::export::Paper::A4,
            Self::Letter => crate::quiz::export::Paper::Letter,
        }
    }
}

impl QuizFormat {
    /// The export this names.
    pub fn export_format(self) -> crate::quiz::export::QuizExportFormat {
        use crate::quiz::export::QuizExportFormat as F;
        match self {
            Self::Markdown => F::Markdown,
            Self::Json => F::Json,
            Self::Gift => F::Gift,
            Self::MoodleXml => F::MoodleXml,
            Self::Qti => F::Qti,
            Self::Quizlet => F::Quizlet,
            Self::Anki => F::Anki,
            Self::Kahoot => F::Kahoot,
            Self::Pdf => F::Pdf,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_takes_the_three_codes_and_refuses_others() {
        for (code, language) in [
            ("en", crate::i18n::Language::English),
            ("tk", crate::i18n::Language::Turkmen),
            ("ru", crate::i18n::Language::Russian),
        ] {
            let cli = Cli::try_parse_from(["neutrality-reader", "--lang", code]);
            assert_eq!(
                cli.ok().and_then(|c| c.lang).map(LangArg::language),
                Some(language)
            );
        }
        let error = Cli::try_parse_from(["neutrality-reader", "--lang", "fr"])
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(error.contains("possible values: en, tk, ru"), "{error}");
    }

    #[test]
    fn the_command_line_becomes_the_windows_start_options() {
        use crate::quiz::session::Mode;
        use crate::ui::command::View;
        use crate::ui::theme::Theme;
        let cli = Cli::try_parse_from([
            "neutrality-reader",
            "--data",
            "unit",
            "--view",
            "organizations",
            "--article",
            "a",
            "--paragraph",
            "3",
            "--event",
            "e",
            "--organization",
            "o",
            "--quiz",
            "Q",
            "--quiz-mode",
            "class",
            "--live",
            "--present",
            "--theme",
            "high-contrast",
            "--lang",
            "tk",
            "--screenshot",
            "shot.png",
            "--size",
            "1024x700",
        ])
        .unwrap();
        assert_eq!(
            cli.start_options(),
            crate::ui::StartOptions {
                data: Some(PathBuf::from("unit")),
                view: Some(View::Organizations),
                article: Some("a".to_owned()),
                paragraph: Some(3),
                event: Some("e".to_owned()),
                organization: Some("o".to_owned()),
                quiz: Some("Q".to_owned()),
                quiz_mode: Some(Mode::Class),
                live: true,
                present: true,
                theme: Some(Theme::HighContrast),
                language: Some(crate::i18n::Language::Turkmen),
                screenshot: Some(PathBuf::from("shot.png")),
                size: Some([1024.0, 700.0]),
            }
        );
        let bare = Cli::try_parse_from(["neutrality-reader"]).unwrap();
        assert_eq!(bare.start_options(), crate::ui::StartOptions::default());
    }

    #[test]
    fn a_screenshot_is_named_png() {
        assert_eq!(parse_png_name("shot.PNG"), Ok(PathBuf::from("shot.PNG")));
        assert!(parse_png_name("dir/x.png").is_ok());
        for bad in ["x.jpg", "x", "png", "x.png.txt"] {
            let error = parse_png_name(bad).err().unwrap_or_default();
            assert!(error.contains("does not end in .png"), "{bad}: {error}");
        }
        let error = Cli::try_parse_from(["neutrality-reader", "--screenshot", "x.jpg"])
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(error.contains("“x.jpg” does not end in .png"), "{error}");
    }

    #[test]
    fn a_size_is_width_x_height_within_the_limits() {
        assert_eq!(
            parse_size("1920x1080"),
            Ok(WindowSize {
                width: 1920.0,
                height: 1080.0
            })
        );
        assert!(parse_size(" 1024X700 ").is_ok());
        for (bad, says) in [
            ("1024", "not WIDTHxHEIGHT"),
            ("wide x 700", "width “wide ” is not a whole number"),
            ("1024x-5", "height “-5” is not a whole number"),
            ("100x100", "outside 640x420 to 7680x4320"),
            ("99999x700", "outside"),
        ] {
            let error = parse_size(bad).err().unwrap_or_default();
            assert!(error.contains(says), "{bad}: {error}");
        }
    }
}
