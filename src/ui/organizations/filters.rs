//! The filter box and the relationship and kind chips above the table.

use std::collections::BTreeSet;
use std::hash::Hash;

use super::labels::{kind_label, relationship_chip_label};
use crate::dataset::Dataset;
use crate::i18n::tr;
use crate::organizations::{self, Filter, KindTally, RelationshipTally};

/// The chips and how many organizations each would show, counted once per
/// dataset (see [`organizations::tally`]); the chart draws the same counts.
#[derive(Clone, Debug, Default)]
pub struct Chips {
    /// Relationship chips (`None`: "not stated").
    pub relationships: RelationshipTally,
    /// Kind chips.
    pub kinds: KindTally,
}

impl Chips {
    /// The chips for the kinds and relationships that occur in `dataset`.
    pub fn new(dataset: &Dataset) -> Self {
        let (relationships, kinds) = organizations::tally(dataset);
        Self {
            relationships,
            kinds,
        }
    }
}

/// The filter box's id, so that the view's arrow keys can work while typing in it.
pub fn filter_box_id() -> egui::Id {
    egui::Id::unique("organizations_filter_box")
}

/// The filter box and the chips.
pub fn filters_ui(ui: &mut egui::Ui, filter: &mut Filter, chips: &Chips) {
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let label = ui.label(tr("org.filter"));
        ui.add(
            egui::TextEdit::singleline(&mut filter.text)
                .id(filter_box_id())
                .hint_text(tr("org.filter_hint"))
                .desired_width(280.0),
        )
        .labelled_by(label.id)
        .on_hover_text(tr("org.filter_hover"));
        if !filter.text.is_empty()
            && ui
                .small_button(tr("org.clear"))
                .on_hover_text(tr("org.clear_filter_hint"))
                .clicked()
        {
            filter.text.clear();
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(tr("org.chips_relationship"));
        for &(kind, count) in &chips.relationships {
            let label = relationship_chip_label(kind);
            chip(ui, &mut filter.relationships, kind, label, count);
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(tr("org.chips_kind"));
        for &(kind, count) in &chips.kinds {
            chip(ui, &mut filter.kinds, kind, kind_label(kind), count);
        }
        let any = !filter.kinds.is_empty() || !filter.relationships.is_empty();
        if any && ui.small_button(tr("org.chips_all_off")).clicked() {
            filter.kinds.clear();
            filter.relationships.clear();
        }
    });
}

/// A chip that adds `value` to `chosen`, or takes it out again.
fn chip<T: Ord + Copy + Hash>(
    ui: &mut egui::Ui,
    chosen: &mut BTreeSet<T>,
    value: T,
    label: &str,
    count: usize,
) {
    let on = chosen.contains(&value);
    let hint = if on {
        tr("org.chip_stop_hint")
    } else {
        tr("org.chip_show_hint")
    };
    if ui
        .selectable_label(on, format!("{label} ({count})"))
        .on_hover_text(hint)
        .clicked()
    {
        if on {
            chosen.remove(&value);
        } else {
            chosen.insert(value);
        }
    }
}
