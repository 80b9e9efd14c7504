//! What the projector shows of a live class: how to join (the address, the
//! join code and a QR code, large for the back of the room, or folded to a
//! line once the class has joined), how many joined and answered, and
//! after the reveal a bar per option with its count, the right one marked
//! in words as well as in colour. No names and no leaderboard.

use egui::{Color32, RichText};

use super::feedback::{RIGHT, right_colours};
use super::live::LiveClass;
use crate::i18n::{tr, trf};
use crate::live::room::LiveCounts;
use crate::quiz::Question;
use crate::quiz::worksheet::letter;

/// What the teacher asked of the live class this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LiveAsk {
    /// Nothing.
    Nothing,
    /// End the class.
    End,
}

/// The quiet zone around a QR code, in modules, as the standard asks.
const QUIET_ZONE: usize = 4;

/// The join panel at the side of the question, or its folded line above
/// it; `scale` is the Class mode's (grown on the stage).
pub fn live_panel_ui(ui: &mut egui::Ui, class: &mut LiveClass, scale: f32) -> LiveAsk {
    let mut ask = LiveAsk::Nothing;
    if class.folded {
        folded_ui(ui, class, scale, &mut ask);
        return ask;
    }
    let width = (ui.available_width() * 0.34).clamp(240.0, 560.0);
    egui::Panel::right("live_join")
        .exact_size(width)
        .resizable(false)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("live_join_scroll")
                .show(ui, |ui| join_ui(ui, class, scale, &mut ask));
        });
    ask
}

/// The unfolded panel: title, address, code, counts and buttons, then the
/// QR code as large as the room left below them.
fn join_ui(ui: &mut egui::Ui, class: &mut LiveClass, scale: f32, ask: &mut LiveAsk) {
    let width = ui.available_width();
    ui.add_space(6.0);
    ui.label(
        RichText::new(tr("live.join_title"))
            .size(13.0 * scale)
            .strong(),
    );
    let address = &class.link.join.address;
    // As large as the panel's width lets the address be, on one line.
    let fitted = width / (address.chars().count().max(1) as f32 * 0.64);
    ui.label(RichText::new(tr("live.open_address")).size(readable(9.0 * scale)));
    ui.add(
        egui::Label::new(
            RichText::new(address)
                .size(readable((14.0 * scale).min(fitted)))
                .strong()
                .monospace(),
        )
        .wrap(),
    );
    // "Code" and the code on one line, centred on each other.
    let text = ui.visuals().text_color();
    let strong = ui.visuals().strong_text_color();
    let mut job = egui::text::LayoutJob::default();
    let format = |size: f32, color: Color32, family: egui::FontFamily| egui::TextFormat {
        font_id: egui::FontId::new(size, family),
        color,
        valign: egui::Align::Center,
        ..Default::default()
    };
    let word = format!("{}  ", tr("live.code"));
    job.append(
        &word,
        0.0,
        format(11.0 * scale, text, egui::FontFamily::Proportional),
    );
    let code = &class.link.join.code;
    job.append(
        code,
        0.0,
        format(26.0 * scale, strong, egui::FontFamily::Monospace),
    );
    ui.label(job);
    let counts = class.counts().clone();
    counts_ui(ui, &counts, 13.0 * scale);
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        let fold = RichText::new(tr("live.fold")).size(readable(8.0 * scale));
        if ui
            .button(fold)
            .on_hover_text(tr("live.fold_hint"))
            .clicked()
        {
            class.folded = true;
        }
        nicknames_button(ui, class, scale);
        if end_button(ui, scale) {
            *ask = LiveAsk::End;
        }
    });
    ui.add_space(6.0);
    if let Some((modules, dark)) = &class.qr {
        let side = (width - 8.0).min(ui.available_height() - 8.0).max(120.0);
        qr_ui(ui, *modules, dark, side, &class.link.join.url);
    }
}

/// The folded line: the address and code, the counts, and the buttons.
fn folded_ui(ui: &mut egui::Ui, class: &mut LiveClass, scale: f32, ask: &mut LiveAsk) {
    let counts = class.counts().clone();
    let join = class.link.join.clone();
    ui.horizontal_wrapped(|ui| {
        let size = readable(9.0 * scale);
        ui.label(
            RichText::new(trf(
                "live.join_line",
                &[("address", &join.address), ("code", &join.code)],
            ))
            .size(size)
            .monospace(),
        );
        ui.label(RichText::new("·").size(size));
        counts_ui(ui, &counts, size);
        let unfold = RichText::new(tr("live.unfold")).size(readable(8.0 * scale));
        if ui.button(unfold).clicked() {
            class.folded = false;
        }
        if end_button(ui, scale) {
            *ask = LiveAsk::End;
        }
    });
}

/// "Nicknames (N)": the nicknames students gave, listed only while the
/// teacher holds the list open (the projector shows no name otherwise).
fn nicknames_button(ui: &mut egui::Ui, class: &LiveClass, scale: f32) {
    // Counted every frame; the names are copied only while the list is open.
    let count = class.room().nickname_count();
    let label = trf("live.nicknames", &[("n", &count.to_string())]);
    let size = readable(8.0 * scale);
    ui.menu_button(RichText::new(label).size(size), |ui| {
        let names = class.room().nicknames();
        ui.label(RichText::new(tr("live.nicknames_hint")).size(size).weak());
        if names.is_empty() {
            ui.label(RichText::new(tr("live.no_nicknames")).size(size));
        }
        for name in &names {
            // A label shows text as it is: a nickname cannot be markup.
            ui.label(RichText::new(name).size(size));
        }
    })
    .response
    .on_hover_text(tr("live.nicknames_why"));
}

/// "End the live class".
fn end_button(ui: &mut egui::Ui, scale: f32) -> bool {
    ui.button(RichText::new(tr("live.end")).size(readable(8.0 * scale)))
        .on_hover_text(tr("live.end_hint"))
        .clicked()
}

/// How many joined and answered (of the question on show), at `size`.
fn counts_ui(ui: &mut egui::Ui, counts: &LiveCounts, size: f32) {
    ui.label(RichText::new(trf("live.joined", &[("n", &counts.joined)])).size(size));
    if counts.number.is_some() {
        ui.label(
            RichText::new(trf(
                "live.answered",
                &[("n", &counts.answered), ("joined", &counts.joined)],
            ))
            .size(size)
            .strong(),
        );
    }
}

/// The QR code of `url`, `side` points wide with its quiet zone: dark
/// modules on white whatever the theme, each a whole number of pixels so
/// that a phone's camera sees sharp edges.
fn qr_ui(ui: &mut egui::Ui, modules: usize, dark: &[bool], side: f32, url: &str) {
    let total = modules + 2 * QUIET_ZONE;
    let ppp = ui.ctx().pixels_per_point();
    let module = ((side * ppp / total as f32).floor().max(1.0)) / ppp;
    let drawn = module * total as f32;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(drawn, drawn), egui::Sense::hover());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            trf("live.qr_label", &[("url", &url)]),
        )
    });
    let painter = ui.painter_at(rect);
    let origin = egui::emath::GuiRounding::round_to_pixels(rect.min, ppp);
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    for (index, _) in dark.iter().enumerate().filter(|(_, d)| **d) {
        let (x, y) = (index % modules, index / modules);
        let min = origin
            + egui::vec2(
                (x + QUIET_ZONE) as f32 * module,
                (y + QUIET_ZONE) as f32 * module,
            );
        painter.rect_filled(
            egui::Rect::from_min_size(min, egui::vec2(module, module)),
            0.0,
            Color32::BLACK,
        );
    }
}

/// After the reveal: "N of M right", then on one line (wrapped if need
/// be) per option its letter and count and a bar as long as its share of
/// the answers, the right one on the right colour with "✔ right":
/// never colour alone. One line, so that the stage's question still fits.
/// For an ordering question a bar counts those who put that option in its
/// right place.
pub fn live_bars_ui(ui: &mut egui::Ui, question: &Question, counts: &LiveCounts, size: f32) {
    let size = readable(size);
    let ordering = question.kind.is_ordering();
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(trf(
                "live.right_of",
                &[("right", &counts.right), ("answered", &counts.answered)],
            ))
            .size(size)
            .strong(),
        );
        if ordering {
            ui.label(RichText::new(tr("live.order_note")).size(readable(size * 0.7)));
        }
    });
    let labels: Vec<String> = counts
        .per_option
        .iter()
        .enumerate()
        .map(|(index, count)| {
            trf(
                "live.option_count",
                &[("letter", &letter(index)), ("n", count)],
            )
        })
        .collect();
    let mark_size = readable(size * 0.8);
    // The bars share what the labels, the mark and the gaps leave.
    let font = egui::FontId::proportional(size);
    let width_of = |text: &str, font: &egui::FontId| {
        ui.painter()
            .layout_no_wrap(text.to_owned(), font.clone(), Color32::WHITE)
            .size()
            .x
    };
    let taken: f32 = labels.iter().map(|l| width_of(l, &font)).sum::<f32>()
        + width_of(
            tr("live.right_mark"),
            &egui::FontId::proportional(mark_size),
        )
        + labels.len() as f32 * (size * 0.6 + 3.0 * ui.spacing().item_spacing.x);
    let track = ((ui.available_width() - taken) / labels.len().max(1) as f32).clamp(24.0, 260.0);
    let most = counts.answered.max(1) as f32;
    let right = right_colours(ui.visuals());
    let visuals = ui.visuals();
    // Bars strong enough to see on the track in every theme.
    let (neutral, empty, stroke) = (
        visuals.weak_text_color(),
        visuals.extreme_bg_color,
        visuals.widgets.noninteractive.fg_stroke,
    );
    ui.horizontal_wrapped(|ui| {
        for (index, (count, label)) in counts.per_option.iter().zip(&labels).enumerate() {
            let is_right = !ordering && question.answer.first() == Some(&index);
            ui.label(RichText::new(label).size(size).strong());
            let (rect, _) =
                ui.allocate_exact_size(egui::vec2(track, size * 0.8), egui::Sense::hover());
            let painter = ui.painter();
            painter.rect_filled(rect, 2.0, empty);
            let mut bar = rect;
            bar.set_width(rect.width() * (*count as f32 / most));
            painter.rect_filled(bar, 2.0, if is_right { RIGHT } else { neutral });
            painter.rect_stroke(rect, 2.0, stroke, egui::StrokeKind::Inside);
            if is_right {
                ui.label(
                    RichText::new(tr("live.right_mark"))
                        .size(mark_size)
                        .color(right.text)
                        .background_color(right.fill)
                        .strong(),
                );
            }
            ui.add_space(size * 0.6);
        }
    });
}

/// The smallest a live text is set, in points: the back of the room reads it.
const READABLE: f32 = 14.0;

/// `size`, but never below [`READABLE`].
fn readable(size: f32) -> f32 {
    size.max(READABLE)
}
