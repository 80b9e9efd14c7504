//! The library: every article with its publisher, date and reading progress.

use egui::RichText;

use super::labels::source_line;
use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::ui::command::Command;
use crate::ui::state::Settings;

/// Lists the articles; clicking one opens it.
pub fn library_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    settings: &Settings,
    current: Option<&str>,
    commands: &mut Vec<Command>,
) {
    ui.add_space(6.0);
    ui.heading(tr("study.library_heading"));
    let count = dataset.articles.len();
    let text = if count == 1 {
        tr("study.library_count_one").to_owned()
    } else {
        trf("study.library_count", &[("n", &count)])
    };
    ui.label(RichText::new(text).weak());
    ui.add_space(4.0);
    egui::ScrollArea::vertical()
        .id_salt("library_scroll")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for article in &dataset.articles {
                let selected = current == Some(article.id.as_str());
                ui.separator();
                let width = ui.available_width();
                let title =
                    egui::Button::selectable(selected, RichText::new(&article.title).strong())
                        .wrap()
                        .min_size(egui::vec2(width, 0.0));
                let response = ui.add(title).on_hover_text(&article.summary);
                if response.clicked() {
                    commands.push(Command::OpenArticle {
                        article: article.id.clone(),
                        paragraph: None,
                    });
                }
                ui.label(RichText::new(source_line(article)).small().weak());
                let progress = settings.progress.get(&article.id).copied().unwrap_or(0.0);
                let percent = format!("{:.0}", progress * 100.0);
                ui.add(
                    egui::ProgressBar::new(progress)
                        .desired_height(6.0)
                        .desired_width(width),
                )
                .on_hover_text(trf("study.read_percent", &[("percent", &percent)]));
            }
        });
}
