//! The keyboard shortcuts: one table that both the handler of the keys that
//! work everywhere and the help window (F1 or ?) are made from, so that the
//! two cannot disagree. Keys that belong to one view (the reader's paging,
//! the timeline's arrows, the quiz's options, the stage's) are listed with the
//! view that handles them, and `tests/integration/shortcuts.rs` presses every one.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::tr;
use crate::ui::command::{Command, View, ZoomStep};

/// The parts of the help window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// Keys that work in every view.
    Everywhere,
    /// The reader, in Study.
    Reading,
    /// The timeline's canvas, once clicked.
    Timeline,
    /// The organizations table.
    Organizations,
    /// A quiz being taken.
    Quiz,
    /// Presentation mode.
    Presentation,
}

impl Section {
    /// Every section, in the help window's order.
    pub const ALL: [Section; 6] = [
        Section::Everywhere,
        Section::Reading,
        Section::Timeline,
        Section::Organizations,
        Section::Quiz,
        Section::Presentation,
    ];

    /// Its heading, in the current language.
    pub fn title(self) -> &'static str {
        match self {
            Section::Everywhere => tr("app.keys.everywhere"),
            Section::Reading => tr("app.keys.reading"),
            Section::Timeline => tr("app.keys.timeline"),
            Section::Organizations => tr("app.keys.organizations"),
            Section::Quiz => tr("app.keys.quiz"),
            Section::Presentation => tr("app.keys.presentation"),
        }
    }
}

/// A press of keys: a key with modifiers, or a character typed (`?`, which
/// keyboards reach with different keys).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Press {
    /// A key with these modifiers.
    Key(Modifiers, Key),
    /// A character typed, outside text fields.
    Typed(&'static str),
}

/// Who answers a press.
#[derive(Clone, Debug, PartialEq)]
pub enum Does {
    /// This command, from [`commands`], wherever the keyboard is.
    Command(Command),
    /// The search box (Ctrl+K) or the find bar (Ctrl+F), outside presentation.
    Search,
    /// egui's own focus keys.
    Focus,
    /// The view that is shown (the stage, for [`Section::Presentation`]).
    InView,
}

/// A row of the help window and the presses behind it.
#[derive(Clone, Debug)]
pub struct Shortcut {
    /// Where it is listed.
    pub section: Section,
    /// The keys as shown, in the current language.
    pub keys: &'static str,
    /// What it does, in the current language.
    pub help: &'static str,
    /// Every press it stands for, and who answers it.
    pub presses: Vec<(Press, Does)>,
}

/// The view a section's keys work in, if one.
pub fn view_of(section: Section) -> Option<View> {
    match section {
        Section::Reading => Some(View::Study),
        Section::Timeline => Some(View::Timeline),
        Section::Organizations => Some(View::Organizations),
        Section::Quiz => Some(View::Quiz),
        Section::Everywhere | Section::Presentation => None,
    }
}

const NONE: Modifiers = Modifiers::NONE;
const CTRL: Modifiers = Modifiers::COMMAND;

fn row(
    section: Section,
    keys: &'static str,
    help: &'static str,
    presses: &[(Press, Does)],
) -> Shortcut {
    Shortcut {
        section,
        keys,
        help,
        presses: presses.to_vec(),
    }
}

fn key(key: Key) -> Press {
    Press::Key(NONE, key)
}

fn in_view(keys: &[Key]) -> Vec<(Press, Does)> {
    keys.iter().map(|&k| (key(k), Does::InView)).collect()
}

/// Every shortcut, in the help window's order and the current language.
pub fn table() -> Vec<Shortcut> {
    let mut table = everywhere();
    table.extend(in_views());
    table.extend(on_stage());
    table
}

fn command(press: Press, command: Command) -> (Press, Does) {
    (press, Does::Command(command))
}

/// The keys that work in every view.
fn everywhere() -> Vec<Shortcut> {
    use Section::Everywhere;
    let zoom = Command::Zoom;
    let help = [
        command(key(Key::F1), Command::ToggleShortcuts),
        command(Press::Typed("?"), Command::ToggleShortcuts),
    ];
    let zoom_keys = [
        command(Press::Key(CTRL, Key::Plus), zoom(ZoomStep::In)),
        // The same key unshifted, where Plus is Shift + Equals.
        command(Press::Key(CTRL, Key::Equals), zoom(ZoomStep::In)),
        command(Press::Key(CTRL, Key::Minus), zoom(ZoomStep::Out)),
        command(Press::Key(CTRL, Key::Num0), zoom(ZoomStep::Reset)),
    ];
    let tab = [
        (key(Key::Tab), Does::Focus),
        (Press::Key(Modifiers::SHIFT, Key::Tab), Does::Focus),
    ];
    vec![
        row(
            Everywhere,
            tr("app.keys.help_keys"),
            tr("app.keys.help"),
            &help,
        ),
        row(
            Everywhere,
            "F5",
            tr("app.keys.present"),
            &[command(key(Key::F5), Command::Present)],
        ),
        row(
            Everywhere,
            tr("app.keys.zoom_keys"),
            tr("app.keys.zoom_all"),
            &zoom_keys,
        ),
        row(
            Everywhere,
            tr("app.keys.tab_keys"),
            tr("app.keys.tab"),
            &tab,
        ),
        row(
            Everywhere,
            "Ctrl + K",
            tr("app.keys.search"),
            &[(Press::Key(CTRL, Key::K), Does::Search)],
        ),
        row(
            Everywhere,
            "Ctrl + F",
            tr("app.keys.find"),
            &[(Press::Key(CTRL, Key::F), Does::Search)],
        ),
        row(
            Everywhere,
            "Ctrl + Q",
            tr("app.keys.quit"),
            &[command(Press::Key(CTRL, Key::Q), Command::Quit)],
        ),
    ]
}

/// The keys each view handles while it is shown.
fn in_views() -> Vec<Shortcut> {
    let mut keys = reading_and_timeline();
    keys.extend(organizations_and_quiz());
    keys
}

fn reading_and_timeline() -> Vec<Shortcut> {
    use Section::{Reading, Timeline};
    let mut paging = in_view(&[Key::PageDown, Key::PageUp, Key::Space]);
    paging.push((Press::Key(Modifiers::SHIFT, Key::Space), Does::InView));
    let end_home = in_view(&[Key::End, Key::Home]);
    let home_end = tr("app.keys.home_end");
    vec![
        row(
            Reading,
            tr("app.keys.page_keys"),
            tr("app.keys.page"),
            &paging,
        ),
        row(
            Reading,
            tr("app.keys.down_up"),
            tr("app.keys.lines"),
            &in_view(&[Key::ArrowDown, Key::ArrowUp]),
        ),
        row(Reading, home_end, tr("app.keys.top_end"), &end_home),
        row(
            Timeline,
            tr("app.keys.left_right"),
            tr("app.keys.prev_next_event"),
            &in_view(&[Key::ArrowRight, Key::ArrowLeft]),
        ),
        row(
            Timeline,
            home_end,
            tr("app.keys.first_last_event"),
            &end_home,
        ),
        row(
            Timeline,
            "+ / −",
            tr("app.keys.zoom"),
            &in_view(&[Key::Plus, Key::Minus]),
        ),
        row(
            Timeline,
            "Enter / Esc",
            tr("app.keys.open_close_details"),
            &in_view(&[Key::Enter, Key::Escape]),
        ),
    ]
}

fn organizations_and_quiz() -> Vec<Shortcut> {
    use Section::{Organizations, Quiz};
    let options = in_view(&[
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::A,
        Key::B,
        Key::C,
        Key::D,
    ]);
    vec![
        row(
            Organizations,
            tr("app.keys.down_up"),
            tr("app.keys.rows"),
            &in_view(&[Key::ArrowDown, Key::ArrowUp]),
        ),
        row(
            Organizations,
            "Enter / Esc",
            tr("app.keys.open_close_details"),
            &in_view(&[Key::Enter, Key::Escape]),
        ),
        row(
            Quiz,
            tr("app.keys.options_keys"),
            tr("app.keys.options"),
            &options,
        ),
        row(
            Quiz,
            tr("app.keys.rate_keys"),
            tr("app.keys.rate"),
            &in_view(&[Key::Num1, Key::Num2, Key::Num3, Key::Num4]),
        ),
        row(
            Quiz,
            "Enter",
            tr("app.keys.confirm"),
            &in_view(&[Key::Enter]),
        ),
        row(
            Quiz,
            tr("app.keys.right_left"),
            tr("app.keys.next_prev_question"),
            &in_view(&[Key::ArrowRight, Key::ArrowLeft]),
        ),
        row(
            Quiz,
            tr("app.keys.space"),
            tr("app.keys.reveal"),
            &in_view(&[Key::Space]),
        ),
        row(
            Quiz,
            "Esc",
            tr("app.keys.end_quiz"),
            &in_view(&[Key::Escape]),
        ),
    ]
}

/// The stage's keys, in presentation mode.
fn on_stage() -> Vec<Shortcut> {
    use Section::Presentation;
    let next = in_view(&[Key::ArrowRight, Key::ArrowDown, Key::Space, Key::PageDown]);
    let back = in_view(&[Key::ArrowLeft, Key::ArrowUp, Key::PageUp]);
    vec![
        row(
            Presentation,
            tr("app.keys.next_keys"),
            tr("app.keys.next_slide"),
            &next,
        ),
        row(
            Presentation,
            tr("app.keys.back_keys"),
            tr("app.keys.back"),
            &back,
        ),
        row(Presentation, "B", tr("app.keys.blank"), &in_view(&[Key::B])),
        row(
            Presentation,
            "+ / −",
            tr("app.keys.stage_size"),
            &in_view(&[Key::Plus, Key::Minus]),
        ),
        row(
            Presentation,
            "Esc",
            tr("app.keys.leave"),
            &in_view(&[Key::Escape]),
        ),
    ]
}

/// The commands of the keys that work everywhere, as the table gives them,
/// taken from this frame's input. `?` is a character in a text field, not
/// the help.
pub fn commands(ctx: &egui::Context, commands: &mut Vec<Command>) {
    let typing = ctx.text_edit_focused();
    let table = table();
    ctx.input_mut(|input| {
        for shortcut in &table {
            for (press, does) in &shortcut.presses {
                let Does::Command(command) = does else {
                    continue;
                };
                let pressed = match *press {
                    Press::Key(modifiers, key) => {
                        input.consume_shortcut(&KeyboardShortcut::new(modifiers, key))
                    }
                    Press::Typed(text) => {
                        !typing
                            && input
                                .events
                                .iter()
                                .any(|e| matches!(e, egui::Event::Text(t) if t == text))
                    }
                };
                if pressed && !commands.contains(command) {
                    commands.push(command.clone());
                }
            }
        }
    });
}

/// The keyboard shortcuts window, made from [`table`]; Esc or its close
/// button closes it.
pub fn shortcuts_window_ui(ctx: &egui::Context, open: &mut bool) {
    if !*open {
        return;
    }
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
        *open = false;
        return;
    }
    let table = table();
    egui::Window::new(tr("app.shortcuts_title"))
        .id(egui::Id::unique("keyboard_shortcuts"))
        .open(open)
        .collapsible(false)
        .resizable(false)
        // Wide enough for the Russian and Turkmen descriptions on one line.
        .min_width(720.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(560.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for (number, section) in Section::ALL.into_iter().enumerate() {
                        ui.add_space(6.0);
                        ui.label(egui::RichText::new(section.title()).strong());
                        egui::Grid::new(("shortcuts", number))
                            .num_columns(2)
                            .spacing([24.0, 4.0])
                            .show(ui, |ui| {
                                for shortcut in table.iter().filter(|s| s.section == section) {
                                    ui.monospace(shortcut.keys);
                                    ui.add(egui::Label::new(shortcut.help).wrap());
                                    ui.end_row();
                                }
                            });
                    }
                });
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The commands one frame of `events` gives.
    fn commands_for(events: Vec<egui::Event>) -> Vec<Command> {
        let ctx = egui::Context::default();
        let input = egui::RawInput {
            events,
            ..Default::default()
        };
        let mut found = Vec::new();
        let mut output = ctx.run_ui(input, |ui| commands(ui.ctx(), &mut found));
        // No renderer here to take the font atlas.
        output.textures_delta.clear();
        found
    }

    fn key_events(press: Press) -> Vec<egui::Event> {
        match press {
            Press::Key(modifiers, key) => vec![egui::Event::Key {
                key,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers,
            }],
            Press::Typed(text) => vec![egui::Event::Text(text.to_owned())],
        }
    }

    #[test]
    fn every_press_of_a_command_in_the_table_gives_that_command_and_only_it() {
        let mut checked = 0;
        for shortcut in table() {
            for (press, does) in &shortcut.presses {
                if let Does::Command(command) = does {
                    assert_eq!(
                        commands_for(key_events(*press)),
                        vec![command.clone()],
                        "{} ({press:?})",
                        shortcut.keys
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked >= 8, "{checked}");
    }

    #[test]
    fn a_key_not_in_the_table_gives_nothing() {
        for key in [Key::F2, Key::Q, Key::K] {
            assert!(commands_for(key_events(Press::Key(NONE, key))).is_empty());
        }
    }

    #[test]
    fn every_row_has_keys_a_text_and_at_least_one_press() {
        for shortcut in table() {
            assert!(!shortcut.keys.is_empty() && !shortcut.keys.starts_with("app."));
            assert!(!shortcut.help.is_empty() && !shortcut.help.starts_with("app."));
            assert!(!shortcut.presses.is_empty(), "{}", shortcut.keys);
        }
        for section in Section::ALL {
            assert!(table().iter().any(|s| s.section == section), "{section:?}");
        }
    }
}
