//! The top bar: the File menu, the view tabs, the dataset folder on screen,
//! the Reading menu and, in Study, the article's text size and the panels'
//! toggles.

use super::file_menu::{self, FileMenu};
use crate::i18n::{tr, trf};
use crate::ui::command::{Command, TextSizeStep, View, ZoomStep};
use crate::ui::state::{LINE_WIDTH_MAX, LINE_WIDTH_MIN, Settings};
use crate::ui::theme::Theme;

/// What the top bar shows.
pub struct TopBar<'a> {
    /// The reader's choices: view, text size, panels, theme, language.
    pub settings: &'a Settings,
    /// What the File menu needs.
    pub file_menu: FileMenu<'a>,
    /// The dataset folder on screen: its name and its whole path.
    pub folder: Option<(String, String)>,
    /// When that folder was last reloaded after a change.
    pub reloaded_at: Option<&'a str>,
    /// The unit's search index and links are still being built.
    pub preparing: bool,
}

/// Draws the top bar: one row where it fits, else the reading controls on a
/// second row, so that nothing is drawn over the view tabs in a narrow window
/// or a longer language.
pub fn top_bar_ui(ui: &mut egui::Ui, bar: &TopBar<'_>, commands: &mut Vec<Command>) {
    egui::Panel::top("top_bar").show(ui, |ui| {
        // The reading controls' width, measured when last drawn.
        let width_id = egui::Id::unique("top_bar_reading_width");
        let needed: f32 = ui.data(|d| d.get_temp(width_id)).unwrap_or(0.0);
        let mut drawn = None;
        ui.horizontal(|ui| {
            left_ui(ui, bar, commands);
            if ui.available_width() >= needed {
                drawn = Some(right_ui(ui, bar.settings, commands));
            }
        });
        let width = match drawn {
            Some(width) => width,
            None => {
                let mut width = 0.0;
                ui.horizontal(|ui| width = right_ui(ui, bar.settings, commands));
                width
            }
        };
        ui.data_mut(|d| d.insert_temp(width_id, width));
    });
}

/// The File menu, the name, the view tabs and the dataset folder on screen.
fn left_ui(ui: &mut egui::Ui, bar: &TopBar<'_>, commands: &mut Vec<Command>) {
    file_menu::file_menu_ui(ui, &bar.file_menu, commands);
    ui.separator();
    ui.heading("Neutrality Reader");
    ui.separator();
    for view in View::ALL {
        if ui
            .selectable_label(bar.settings.view == view, view.label())
            .clicked()
        {
            commands.push(Command::ShowView(view));
        }
    }
    if let Some((name, path)) = &bar.folder {
        ui.separator();
        // Cut to the room left (the tabs are wider in some languages), so
        // that the bar never runs past the window.
        let label = egui::RichText::new(trf("app.dataset_folder", &[("folder", name)])).weak();
        ui.add(egui::Label::new(label).truncate())
            .on_hover_text(path);
        if let Some(time) = bar.reloaded_at {
            ui.weak(trf("open.reloaded_at", &[("time", &time)]));
        }
    }
    if bar.preparing {
        ui.separator();
        crate::ui::widgets::busy_ui(ui);
        ui.weak(tr("app.preparing_indexes"))
            .on_hover_text(tr("app.preparing_indexes_why"));
    }
}

/// The Reading menu, the article's text size and, in Study, its panels'
/// toggles, from the right; returns the width they took.
fn right_ui(ui: &mut egui::Ui, settings: &Settings, commands: &mut Vec<Command>) -> f32 {
    let inner = ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        let start = ui.cursor().right();
        reading_menu_ui(ui, settings, commands);
        // The article's text and its panels belong to Study.
        if settings.view == View::Study {
            ui.separator();
            text_size_ui(ui, settings, commands);
            ui.separator();
            panel_toggles_ui(ui, settings, commands);
        }
        start - ui.cursor().right()
    });
    // A little room between the two groups.
    inner.inner + 16.0
}

/// A− size A+, right to left.
fn text_size_ui(ui: &mut egui::Ui, settings: &Settings, commands: &mut Vec<Command>) {
    if ui
        .button("A+")
        .on_hover_text(tr("app.larger_text"))
        .clicked()
    {
        commands.push(Command::TextSize(TextSizeStep::Larger));
    }
    ui.label(trf(
        "app.text_size_pt",
        &[("size", &format!("{:.0}", settings.text_size))],
    ));
    if ui
        .button("A−")
        .on_hover_text(tr("app.smaller_text"))
        .clicked()
    {
        commands.push(Command::TextSize(TextSizeStep::Smaller));
    }
}

/// The Study panels shown or hidden: library, "in this article", timeline strip.
fn panel_toggles_ui(ui: &mut egui::Ui, settings: &Settings, commands: &mut Vec<Command>) {
    let toggles = [
        (
            settings.show_strip,
            tr("app.toggle_strip"),
            tr("app.toggle_strip_hint"),
            Command::ToggleStrip,
        ),
        (
            settings.show_context,
            tr("app.toggle_context"),
            tr("app.toggle_context_hint"),
            Command::ToggleContext,
        ),
        (
            settings.show_library,
            tr("app.toggle_library"),
            tr("app.toggle_library_hint"),
            Command::ToggleLibrary,
        ),
    ];
    for (on, label, hint, command) in toggles {
        if ui.selectable_label(on, label).on_hover_text(hint).clicked() {
            commands.push(command);
        }
    }
}

/// The whole interface's size: − 100% +, back to 100%, the projector preset.
fn zoom_ui(ui: &mut egui::Ui, settings: &Settings, commands: &mut Vec<Command>) {
    ui.label(egui::RichText::new(tr("app.interface_size")).strong());
    ui.horizontal(|ui| {
        let percent = format!("{:.0}", settings.zoom * 100.0);
        let steps = [
            ("−", tr("app.zoom_out"), ZoomStep::Out),
            ("+", tr("app.zoom_in"), ZoomStep::In),
        ];
        for (index, (symbol, hint, step)) in steps.into_iter().enumerate() {
            if index == 1 {
                ui.label(trf("app.zoom_percent", &[("percent", &percent)]));
            }
            if ui.button(symbol).on_hover_text(hint).clicked() {
                commands.push(Command::Zoom(step));
            }
        }
    });
    let presets = [
        (tr("app.zoom_reset"), ZoomStep::Reset),
        (tr("app.projector"), ZoomStep::Projector),
    ];
    for (label, step) in presets {
        if ui.button(label).clicked() {
            commands.push(Command::Zoom(step));
        }
    }
}

/// "Reading": the theme, the language, the line width, the keyboard
/// shortcuts, saving the view as a picture, and presenting.
fn reading_menu_ui(ui: &mut egui::Ui, settings: &Settings, commands: &mut Vec<Command>) {
    ui.menu_button(tr("app.menu_reading"), |ui| {
        ui.label(egui::RichText::new(tr("app.theme")).strong());
        for theme in Theme::ALL {
            if ui.radio(settings.theme == theme, theme.label()).clicked() {
                commands.push(Command::SetTheme(theme));
            }
        }
        ui.separator();
        ui.label(egui::RichText::new(tr("app.language")).strong());
        for language in crate::i18n::Language::ALL {
            if ui
                .radio(settings.language == language, language.native_name())
                .clicked()
            {
                commands.push(Command::SetLanguage(language));
            }
        }
        ui.separator();
        zoom_ui(ui, settings, commands);
        ui.separator();
        let mut width = settings.line_width;
        let label = ui.label(egui::RichText::new(tr("app.line_width")).strong());
        let slider = ui
            .add(
                egui::Slider::new(&mut width, LINE_WIDTH_MIN..=LINE_WIDTH_MAX)
                    .suffix(tr("app.line_width_suffix")),
            )
            .labelled_by(label.id);
        if slider.changed() {
            commands.push(Command::LineWidth(width));
        }
        ui.separator();
        let actions = [
            (tr("app.menu_shortcuts"), Command::ToggleShortcuts),
            (tr("app.menu_save_png"), Command::SaveViewPng),
            (tr("app.menu_present"), Command::Present),
        ];
        for (label, command) in actions {
            if ui.button(label).clicked() {
                commands.push(command);
                ui.close();
            }
        }
    });
}
