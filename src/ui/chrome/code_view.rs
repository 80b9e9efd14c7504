//! A read-only view of a dataset file around a problem's line: the window a
//! problem in "Dataset problems" opens. The text is RON an author wrote;
//! there is no editor the app could call reliably, so it shows the place
//! and the author fixes it in their own editor.

use std::path::{Path, PathBuf};

use egui::{Color32, RichText};

use crate::dataset::{MAX_FILE_BYTES, Problem, open_file};
use crate::i18n::trf;

/// Lines shown above the problem's line when the view opens.
const CONTEXT_ABOVE: usize = 6;

/// The file shown and the place in it.
#[derive(Debug)]
pub struct CodeView {
    path: PathBuf,
    /// The file's lines, or why it could not be read.
    lines: Result<Vec<String>, String>,
    line: Option<usize>,
    column: Option<usize>,
    /// What is wrong there.
    message: String,
    /// Bring the line into view on the next frame.
    scroll_pending: bool,
}

impl CodeView {
    /// Reads the problem's file and shows it at its line, highlighted.
    pub fn open(problem: &Problem) -> Self {
        let mut view = Self {
            path: PathBuf::from(&problem.file),
            lines: Ok(Vec::new()),
            line: problem.line,
            column: problem.column,
            message: problem.message.clone(),
            scroll_pending: true,
        };
        view.refresh();
        view
    }

    /// Reads the file again (it was saved since).
    pub fn refresh(&mut self) {
        // The file may be the problem itself: far too large, endless (a link
        // to a device) or a pipe. Read no more than a data file may hold.
        self.lines = match open_file::read_at_most(&self.path, MAX_FILE_BYTES) {
            Ok(Some(bytes)) => Ok(String::from_utf8_lossy(&bytes)
                .lines()
                // Tabs have no width in a label: four spaces.
                .map(|l| l.replace('\t', "    "))
                .collect()),
            Ok(None) => Err(trf(
                "open.code_too_large",
                &[
                    ("path", &self.path.display()),
                    ("limit", &(MAX_FILE_BYTES / (1024 * 1024))),
                ],
            )),
            Err(error) => Err(trf(
                "open.code_unreadable",
                &[("path", &self.path.display()), ("error", &error)],
            )),
        };
    }

    /// The file shown and the highlighted line.
    pub fn place(&self) -> (&Path, Option<usize>) {
        (&self.path, self.line)
    }

    /// "file, line L, column C" as far as it is known.
    fn place_text(&self) -> String {
        let code = self;
        match (code.line, code.column) {
            (Some(line), Some(column)) => trf(
                "open.code_place",
                &[
                    ("file", &code.path.display()),
                    ("line", &line),
                    ("column", &column),
                ],
            ),
            (Some(line), None) => trf(
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
            // The data's own words, as `check` prints them.
            ui.add(egui::Label::new(RichText::new(code.message.as_str()).color(red)).wrap());
            ui.separator();
            let lines = match &code.lines {
                Ok(lines) => lines,
                Err(message) => {
                    ui.add(egui::Label::new(message.as_str()).wrap());
                    return;
                }
            };
            lines_ui(ui, code.line, &mut code.scroll_pending, lines, highlight);
        });
    if !open {
        *view = None;
    }
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
