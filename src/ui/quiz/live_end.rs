//! After a live class: what it was in a line, "Save summary…" (the
//! anonymous summary as CSV and, beside it, as Markdown, through the save
//! dialog the quiz's exports use) and "Practise the ones the class missed".

use std::path::{Path, PathBuf};

use egui::RichText;

use super::live::EndedClass;
use super::runtime::QuizRuntime;
use crate::i18n::{tr, trf};
use crate::live::summary::{summary_csv, summary_markdown};
use crate::quiz::Quiz;
use crate::ui::save_dialog::{Prompted, default_save_path, home_folder, typed_prompt_ui};

/// What the teacher asked of the ended class this frame.
#[derive(Debug)]
pub enum EndedAsk {
    /// Nothing.
    Nothing,
    /// Start this Practice quiz of the questions the class missed.
    Practise(Quiz),
    /// Put the summary away.
    Close,
}

/// The ended class's summary in a band at the top of `ui`, if a class has
/// ended and the teacher has not put it away; acts on what was asked.
pub fn ended_band_ui(ui: &mut egui::Ui, runtime: &mut QuizRuntime) {
    let Some(ended) = &mut runtime.live.ended else {
        return;
    };
    let mut ask = EndedAsk::Nothing;
    egui::Panel::top("live_ended").show(ui, |ui| {
        ask = ended_ui(ui, ended);
    });
    match ask {
        EndedAsk::Nothing => {}
        EndedAsk::Close => runtime.live.ended = None,
        EndedAsk::Practise(quiz) => {
            runtime.start(quiz, crate::quiz::session::Mode::Practice);
        }
    }
}

/// The ended class's line and buttons, then the place asked for and what
/// the last save did.
pub fn ended_ui(ui: &mut egui::Ui, ended: &mut EndedClass) -> EndedAsk {
    if let Some(path) = ended.dialog.poll() {
        save_to(ended, &path);
    }
    let mut ask = EndedAsk::Nothing;
    let answered: usize = ended.rows.iter().map(|r| r.answered).sum();
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(trf(
                "live.ended",
                &[("questions", &ended.rows.len()), ("answers", &answered)],
            ))
            .strong(),
        );
        let asking = ended.dialog.asking();
        if ui
            .add_enabled(!asking, egui::Button::new(tr("live.save_summary")))
            .on_hover_text(tr("live.save_summary_hint"))
            .clicked()
        {
            ask_where(ui.ctx(), ended);
        }
        let missed = ended.missed_quiz();
        let practise = ui
            .add_enabled(
                missed.is_some(),
                egui::Button::new(tr("live.practise_missed")),
            )
            .on_disabled_hover_text(tr("live.none_missed"));
        if practise.clicked()
            && let Some(quiz) = missed
        {
            ask = EndedAsk::Practise(quiz);
        }
        if ui.button(tr("live.close_summary")).clicked() {
            ask = EndedAsk::Close;
        }
    });
    if ended.missed.is_empty() {
        ui.weak(tr("live.none_missed"));
    }
    if ended.dialog.choosing() {
        ui.weak(tr("quiz.export_choosing"));
    }
    let prompted = typed_prompt_ui(
        ui,
        &mut ended.dialog,
        tr("live.save_to"),
        tr("quiz.export_save"),
        tr("quiz.export_cancel"),
    );
    if let Prompted::Save(path) = prompted {
        save_to(ended, &path);
    }
    if let Some(message) = &ended.message {
        ui.label(message);
    }
    ask
}

/// Asks where the CSV goes: `live-class-<date>.csv` in Documents at first.
fn ask_where(ctx: &egui::Context, ended: &mut EndedClass) {
    let stem = format!("live-class-{}", chrono::Local::now().format("%Y-%m-%d"));
    let default = default_save_path(home_folder().as_deref(), &stem, "live-class", "csv");
    ended.message = None;
    ended.dialog.ask(
        Some(ctx),
        default,
        tr("live.save_title"),
        (tr("live.csv_filter"), &["csv"]),
    );
}

/// The two files the summary is saved as: the CSV chosen (`.csv` added if
/// it has another ending) and the Markdown beside it.
pub fn summary_paths(chosen: &Path) -> (PathBuf, PathBuf) {
    let csv = if chosen
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    {
        chosen.to_path_buf()
    } else {
        let mut name = chosen.as_os_str().to_owned();
        name.push(".csv");
        PathBuf::from(name)
    };
    let markdown = csv.with_extension("md");
    (csv, markdown)
}

/// Writes the summary as CSV at `chosen` and as Markdown beside it, and
/// says what happened.
fn save_to(ended: &mut EndedClass, chosen: &Path) {
    let (csv_path, md_path) = summary_paths(chosen);
    let title = trf(
        "live.summary_title",
        &[("date", &chrono::Local::now().format("%Y-%m-%d"))],
    );
    let columns = [
        tr("live.column_number"),
        tr("live.column_question"),
        tr("live.column_answered"),
        tr("live.column_right"),
    ];
    let markdown = summary_markdown(&title, columns, &ended.rows);
    let written = summary_csv(&ended.rows)
        .map_err(|e| e.to_string())
        .and_then(|csv| {
            crate::storage::write_atomically(&csv_path, csv.as_bytes()).map_err(|e| e.to_string())
        })
        .and_then(|()| {
            crate::storage::write_atomically(&md_path, markdown.as_bytes())
                .map_err(|e| e.to_string())
        });
    ended.message = Some(match written {
        Ok(()) => trf(
            "live.saved",
            &[("csv", &csv_path.display()), ("md", &md_path.display())],
        ),
        Err(error) => trf(
            "live.save_failed",
            &[("path", &csv_path.display()), ("error", &error)],
        ),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_goes_to_a_csv_and_a_markdown_file_beside_it() {
        assert_eq!(
            summary_paths(Path::new("/d/live-class-2026-12-06.csv")),
            (
                PathBuf::from("/d/live-class-2026-12-06.csv"),
                PathBuf::from("/d/live-class-2026-12-06.md")
            )
        );
        assert_eq!(
            summary_paths(Path::new("/d/class")),
            (PathBuf::from("/d/class.csv"), PathBuf::from("/d/class.md"))
        );
    }
}
