//! A read-only view of a dataset file around a problem's line: the window a
//! problem in "Dataset problems" opens. The text is RON an author wrote;
//! there is no editor the app could call reliably, so it shows the place
//! and the author fixes it in their own editor.
//!
//! It shows files of the dataset folder only, opened as the load opens them
//! ([`open_file::open_confined`]): a data file linked to `/etc/passwd` is
//! refused by the load, and its problem opened here shows why, never the file.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use egui::{Color32, RichText};

use crate::dataset::open_file::{self, Refused};
use crate::dataset::{MAX_RECORD_FILE_BYTES, Problem};
use crate::i18n::{tr, trf};

/// Lines shown above the problem's line when the view opens.
const CONTEXT_ABOVE: usize = 6;

/// The file shown and the place in it.
#[derive(Debug)]
pub struct CodeView {
    path: PathBuf,
    /// The dataset folder the problem is of; no file outside it is shown.
    folder: Option<PathBuf>,
    /// The file's lines, or why it could not be read.
    lines: Result<Vec<String>, String>,
    line: Option<usize>,
    column: Option<usize>,
    /// What is wrong there.
    message: String,
    /// The last load no longer reports the problem: the file is fixed there.
    fixed: bool,
    /// Bring the line into view on the next frame.
    scroll_pending: bool,
}

impl CodeView {
    /// Reads the problem's file, if it is a file of the dataset `folder`,
    /// and shows it at its line, highlighted.
    pub fn open(problem: &Problem, folder: Option<&Path>) -> Self {
        let mut view = Self {
            path: PathBuf::from(&problem.file),
            folder: folder.map(Path::to_path_buf),
            lines: Ok(Vec::new()),
            line: problem.line,
            column: problem.column,
            message: problem.message.clone(),
            fixed: false,
            scroll_pending: true,
        };
        view.refresh();
        view
    }

    /// Reads the file again (it was saved since).
    pub fn refresh(&mut self) {
        // The file may be the problem itself: far too large, endless (a link
        // to a device), a pipe, or outside the folder through a link. It is
        // opened as the load opens it, and no more than a data file may hold
        // is read.
        let unreadable = |error: &dyn std::fmt::Display| {
            Err(trf(
                "open.code_unreadable",
                &[("path", &self.path.display()), ("error", error)],
            ))
        };
        let opened = match &self.folder {
            Some(folder) => open_file::open_confined(folder, &self.path, MAX_RECORD_FILE_BYTES),
            None => Err(Refused::LinksOut),
        };
        let mut bytes = Vec::new();
        self.lines = match opened {
            Ok((file, _)) => match file.take(MAX_RECORD_FILE_BYTES + 1).read_to_end(&mut bytes) {
                Ok(_) if bytes.len() as u64 <= MAX_RECORD_FILE_BYTES => Ok(lines_of(&bytes)),
                Ok(_) => Err(self.too_large()),
                Err(error) => unreadable(&open_file::io_reason(&error)),
            },
            Err(Refused::TooLarge(_)) => Err(self.too_large()),
            Err(Refused::LinksOut) => unreadable(
                &"it is not a file of the dataset folder (a link leads out of it), so it is not shown",
            ),
            Err(refused) => unreadable(&crate::dataset::refusal(refused)),
        };
    }

    /// Why a file over the limit is not shown.
    fn too_large(&self) -> String {
        trf(
            "open.code_too_large",
            &[
                ("path", &self.path.display()),
                ("limit", &(MAX_RECORD_FILE_BYTES / (1024 * 1024))),
            ],
        )
    }

    /// Reads the file again after a load and follows the problem in
    /// `problems` (those the load reported; none when it loaded): to its new
    /// place if it moved, or marked fixed if the load no longer reports it.
    pub fn refresh_with(&mut self, problems: &[Problem]) {
        self.refresh();
        let here: Vec<&Problem> = problems
            .iter()
            .filter(|p| Path::new(&p.file) == self.path)
            .collect();
        // The same sentence, nearest the old line; else the same sentence
        // but for its numbers (it may name a line that moved too).
        let nearest = |same: &dyn Fn(&Problem) -> bool| {
            here.iter()
                .copied()
                .filter(|p| same(p))
                .min_by_key(|p| p.line.unwrap_or(0).abs_diff(self.line.unwrap_or(0)))
        };
        let found = nearest(&|p| p.message == self.message)
            .or_else(|| nearest(&|p| without_digits(&p.message) == without_digits(&self.message)))
            .cloned();
        match found {
            Some(problem) => {
                if (problem.line, problem.column) != (self.line, self.column) || self.fixed {
                    self.scroll_pending = true;
                }
                self.line = problem.line;
                self.column = problem.column;
                self.message = problem.message;
                self.fixed = false;
            }
            None => self.fixed = true,
        }
    }

    /// The file shown and the highlighted line (none once the problem is fixed).
    pub fn place(&self) -> (&Path, Option<usize>) {
        (&self.path, if self.fixed { None } else { self.line })
    }

    /// Whether the last load no longer reports the problem.
    pub fn is_fixed(&self) -> bool {
        self.fixed
    }

    /// "file, line L, column C" as far as it is known; the file alone once fixed.
    fn place_text(&self) -> String {
        let code = self;
        match code.place().1.map(|line| (line, code.column)) {
            Some((line, Some(column))) => trf(
                "open.code_place",
                &[
                    ("file", &code.path.display()),
                    ("line", &line),
                    ("column", &column),
                ],
            ),
            Some((line, None)) => trf(
                "open.code_place_line",
                &[("file", &code.path.display()), ("line", &line)],
            ),
            _ => code.path.display().to_string(),
        }
    }

    /// The window's title: the file's name.
    fn title(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }
}

/// Draws the code view, if one is open; its close button clears `view`.
pub fn code_view_ui(ctx: &egui::Context, view: &mut Option<CodeView>) {
    let Some(code) = view else { return };
    let mut open = true;
    let dark = ctx.global_style().visuals.dark_mode;
    let red = if dark {
        Color32::from_rgb(0xFF, 0x8A, 0x80)
    } else {
        Color32::from_rgb(0xC0, 0x39, 0x2B)
    };
    let highlight = if dark {
        Color32::from_rgb(0x5A, 0x4A, 0x10)
    } else {
        Color32::from_rgb(0xFF, 0xEB, 0x99)
    };
    egui::Window::new(code.title())
        .id(egui::Id::unique("dataset_code_view"))
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_size([760.0, 460.0])
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .show(ctx, |ui| {
            let place = code.place_text();
            ui.add(egui::Label::new(RichText::new(place).strong()).wrap());
            if code.fixed {
                ui.add(egui::Label::new(RichText::new(tr("open.code_fixed")).strong()).wrap());
            } else {
                // The data's own words, as `check` prints them.
                ui.add(egui::Label::new(RichText::new(code.message.as_str()).color(red)).wrap());
            }
            ui.separator();
            let lines = match &code.lines {
                Ok(lines) => lines,
                Err(message) => {
                    ui.add(egui::Label::new(message.as_str()).wrap());
                    return;
                }
            };
            let line = code.place().1;
            lines_ui(ui, line, &mut code.scroll_pending, lines, highlight);
        });
    if !open {
        *view = None;
    }
}

/// The file's lines; tabs have no width in a label, so four spaces.
fn lines_of(bytes: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(|l| l.replace('\t', "    "))
        .collect()
}

/// `text` with its digits left out, to know a sentence whose numbers changed.
fn without_digits(text: &str) -> String {
    text.chars().filter(|c| !c.is_ascii_digit()).collect()
}

/// The file's lines, numbered, the problem's line marked; scrolled to it once.
fn lines_ui(
    ui: &mut egui::Ui,
    line: Option<usize>,
    scroll_pending: &mut bool,
    lines: &[String],
    highlight: Color32,
) {
    let row_height = ui.text_style_height(&egui::TextStyle::Monospace);
    let spaced = row_height + ui.spacing().item_spacing.y;
    let digits = lines.len().max(1).to_string().len();
    let mut area = egui::ScrollArea::both()
        .id_salt("dataset_code_scroll")
        .auto_shrink([false, false]);
    if *scroll_pending {
        let first = line
            .unwrap_or(1)
            .saturating_sub(1)
            .saturating_sub(CONTEXT_ABOVE);
        area = area.vertical_scroll_offset(first as f32 * spaced);
        *scroll_pending = false;
    }
    area.show_rows(ui, row_height, lines.len(), |ui, rows| {
        for index in rows {
            let number = index + 1;
            let text = lines.get(index).map_or("", String::as_str);
            let row = format!("{number:>digits$}  {text}");
            let mut rich = RichText::new(row).monospace();
            if line == Some(number) {
                rich = rich.background_color(highlight).strong();
            }
            ui.add(egui::Label::new(rich).extend());
        }
    });
}
