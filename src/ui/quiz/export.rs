//! "Export…" on the quiz's setup and results: the quiz in a format another
//! program imports (Moodle, Canvas, Kahoot, Quizlet, Anki, paper), written
//! where the teacher says. The formats are the command line's
//! ([`QuizExportFormat::ALL`]); only the choosing and the saving are here.

use std::path::Path;

use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::quiz::Quiz;
use crate::quiz::export::{ExportSettings, Paper, QuizExportFormat, export_with};
use crate::ui::save_dialog::{
    Prompted, SaveDialog, default_save_path, home_folder, typed_prompt_ui,
};

/// The export's state: the format chosen, the quiz waiting for a place to
/// go, the asking, and what the last export did.
#[derive(Clone, Debug)]
pub struct QuizExport {
    /// The format chosen in the list.
    pub format: QuizExportFormat,
    /// The paper a PDF worksheet is set for.
    pub paper: Paper,
    /// Asking where to write.
    pub dialog: SaveDialog,
    /// The quiz (and its format) being exported, while its place is asked.
    waiting: Option<(Quiz, QuizExportFormat)>,
    /// What the last export did, in words.
    pub message: Option<String>,
    /// The questions the last export left out, each in a sentence.
    pub left_out: Vec<String>,
}

impl Default for QuizExport {
    fn default() -> Self {
        Self {
            format: QuizExportFormat::Pdf,
            paper: Paper::A4,
            dialog: SaveDialog::default(),
            waiting: None,
            message: None,
            left_out: Vec::new(),
        }
    }
}

/// The name a format goes by in the list: the program that imports it.
pub fn format_label(format: QuizExportFormat) -> String {
    match format {
        QuizExportFormat::Markdown => tr("quiz.format.markdown"),
        QuizExportFormat::Json => tr("quiz.format.json"),
        QuizExportFormat::Gift => tr("quiz.format.gift"),
        QuizExportFormat::MoodleXml => tr("quiz.format.moodle_xml"),
        QuizExportFormat::Qti => tr("quiz.format.qti"),
        QuizExportFormat::Quizlet => tr("quiz.format.quizlet"),
        QuizExportFormat::Anki => tr("quiz.format.anki"),
        QuizExportFormat::Kahoot => tr("quiz.format.kahoot"),
        QuizExportFormat::Pdf => tr("quiz.format.pdf"),
    }
    .to_owned()
}

impl QuizExport {
    /// Starts exporting `quiz` in the chosen format: asks where, starting in
    /// Documents with a file named after the unit and the quiz code.
    fn start(&mut self, ctx: &egui::Context, dataset: &Dataset, quiz: Quiz) {
        let format = self.format;
        let unit = dataset
            .manifest
            .title
            .as_deref()
            .unwrap_or("neutrality-reader");
        let stem = match &quiz.code {
            Some(code) => format!("{unit}-quiz-{code}"),
            None => format!("{unit}-quiz-{}", quiz.options.seed),
        };
        let default =
            default_save_path(home_folder().as_deref(), &stem, "quiz", format.extension());
        self.message = None;
        self.left_out.clear();
        self.waiting = Some((quiz, format));
        let extension = [format.extension()];
        self.dialog.ask(
            Some(ctx),
            default,
            tr("quiz.export_title"),
            (&format_label(format), &extension),
        );
    }

    /// Writes the waiting quiz to `path` and says what happened.
    fn write_to(&mut self, dataset: &Dataset, path: &Path) {
        let Some((quiz, format)) = self.waiting.take() else {
            return;
        };
        let shown = path.display();
        let settings = ExportSettings { paper: self.paper };
        let written = export_with(&quiz, dataset, format, settings).and_then(|report| {
            crate::storage::write_atomically(path, &report.exported.into_bytes())
                .map(|()| report.notes)
                .map_err(|error| error.to_string())
        });
        self.message = Some(match written {
            Ok(notes) => {
                let said = trf(
                    "quiz.exported",
                    &[
                        ("n", &quiz.questions.len()),
                        ("format", &format_label(format)),
                        ("path", &shown),
                    ],
                );
                self.left_out = notes;
                said
            }
            Err(error) => trf("quiz.export_failed", &[("path", &shown), ("error", &error)]),
        });
    }
}

/// The format list and "Export…", then the place asked for (the desktop's
/// dialog, or a typed path with Save and Cancel) and what the last export
/// did. `quiz` makes the quiz to export when the button is clicked.
pub fn export_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    state: &mut QuizExport,
    quiz: impl FnOnce() -> Option<Quiz>,
) {
    if let Some(path) = state.dialog.poll() {
        state.write_to(dataset, &path);
    }
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr("quiz.export_label"));
        egui::ComboBox::from_id_salt("quiz_export_format")
            .selected_text(format_label(state.format))
            .show_ui(ui, |ui| {
                for format in QuizExportFormat::ALL {
                    ui.selectable_value(&mut state.format, format, format_label(format));
                }
            })
            .response
            .labelled_by(label.id);
        let asking = state.dialog.asking();
        if ui
            .add_enabled(!asking, egui::Button::new(tr("quiz.export_button")))
            .clicked()
        {
            match quiz() {
                Some(quiz) => state.start(ui.ctx(), dataset, quiz),
                None => state.message = Some(tr("quiz.no_question_on_topics").to_owned()),
            }
        }
        // After the button, so that choosing the PDF does not move it.
        if state.format == QuizExportFormat::Pdf {
            ui.selectable_value(&mut state.paper, Paper::A4, "A4");
            ui.selectable_value(&mut state.paper, Paper::Letter, "Letter");
        }
    });
    prompt_ui(ui, dataset, state);
    if let Some(message) = &state.message {
        ui.label(message);
    }
    // What the format could not hold (Kahoot's limits), said where the
    // teacher looks rather than found missing in class.
    for note in &state.left_out {
        ui.label(egui::RichText::new(note).small());
    }
}

/// A word while the desktop's dialog is open, or the typed path with Save
/// and Cancel.
fn prompt_ui(ui: &mut egui::Ui, dataset: &Dataset, state: &mut QuizExport) {
    if state.dialog.choosing() {
        ui.weak(tr("quiz.export_choosing"));
    }
    let prompted = typed_prompt_ui(
        ui,
        &mut state.dialog,
        tr("quiz.export_to"),
        tr("quiz.export_save"),
        tr("quiz.export_cancel"),
    );
    match prompted {
        Prompted::Nothing => {}
        Prompted::Cancelled => state.waiting = None,
        Prompted::Save(path) => state.write_to(dataset, &path),
    }
}
