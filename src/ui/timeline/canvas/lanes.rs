//! The lanes: which are shown, how many rows each gets, where each sits
//! and how wide their labels are.

use std::sync::Arc;

use egui::{Color32, FontId};

use super::config::{
    AXIS_HEIGHT, CHAR_WIDTH, CanvasConfig, LANE_LABEL_SIZE, LANE_LABEL_WIDTH, ROW_HEIGHT,
};
use super::state::{CanvasState, LayoutKey, SelectionKey};
use crate::timeline::{
    Item, Layout, RowsRequest, Selection, Transform, lane_rows, lay_out_selection,
};

/// The layout of this frame: the one kept in `state` if it was made from
/// the same inputs, else a fresh one (kept, with what the filters let
/// through, for the next frames when the caller named its filters: see
/// [`CanvasState::set_filters_key`]).
pub fn layout_of(
    state: &mut CanvasState,
    config: &CanvasConfig<'_>,
    transform: &Transform,
    height: f32,
    include: &dyn Fn(&Item) -> bool,
) -> Arc<Layout> {
    let pinned = |item: &Item| (config.pinned)(item.event);
    let Some(filters) = state.filters_key.take() else {
        state.layout = None;
        state.selection = None;
        let selection = Selection::new(config.timeline, config.lane_count, include, &pinned);
        return Arc::new(lay_out(config, transform, height, include, &selection));
    };
    let selection_key = SelectionKey {
        timeline: config.timeline.id(),
        filters,
        lanes: config.lanes.to_vec(),
        lane_count: config.lane_count,
    };
    let key = LayoutKey {
        selection: selection_key.clone(),
        transform: *transform,
        budget: row_budget(config, height),
        max_rows: config.max_rows,
    };
    if let Some((kept, layout)) = &state.layout
        && *kept == key
    {
        return Arc::clone(layout);
    }
    let selection = match state.selection.take() {
        Some((kept, selection)) if kept == selection_key => selection,
        _ => Selection::new(config.timeline, config.lane_count, include, &pinned),
    };
    let layout = Arc::new(lay_out(config, transform, height, include, &selection));
    state.selection = Some((selection_key, selection));
    state.layout = Some((key, Arc::clone(&layout)));
    layout
}

/// Rows that fit in `height` for all shown lanes together.
fn row_budget(config: &CanvasConfig<'_>, height: f32) -> usize {
    let lanes_height = height - AXIS_HEIGHT - 4.0 - 2.0 * config.lanes.len() as f32;
    (lanes_height / ROW_HEIGHT).floor().max(0.0) as usize
}

/// Whether an item is in a shown lane and let through by the filters.
pub fn in_shown_lanes<'a>(config: &'a CanvasConfig<'a>) -> impl Fn(&Item) -> bool + 'a {
    // A table, not a search: this runs once per visible event.
    let mut lane_shown = vec![false; config.lane_count];
    for &lane in config.lanes {
        if let Some(shown) = lane_shown.get_mut(lane) {
            *shown = true;
        }
    }
    move |item: &Item| {
        lane_shown.get(item.lane()).copied().unwrap_or(false) && (config.include)(item)
    }
}

/// Lays out the visible events with the height shared out among the lanes
/// by need (see [`crate::timeline::lay_out_lanes`]), from `selection` (what
/// `include` and the config's `pinned` let through and pin).
pub fn lay_out(
    config: &CanvasConfig<'_>,
    transform: &Transform,
    height: f32,
    include: &dyn Fn(&Item) -> bool,
    selection: &Selection,
) -> Layout {
    let budget = row_budget(config, height);
    let pinned = |item: &Item| (config.pinned)(item.event);
    lay_out_selection(
        config.timeline,
        transform,
        selection,
        &RowsRequest {
            shown: config.lanes,
            lane_count: config.lane_count,
            budget,
            max_rows: config.max_rows,
            char_width_px: CHAR_WIDTH,
            include,
            pinned: &pinned,
        },
    )
}

/// (lane, top y, height) for each shown lane, top to bottom.
pub fn lane_tops(lanes: &[usize], layout: &Layout, top: f32) -> Vec<(usize, f32, f32)> {
    let mut y = top + 4.0;
    lanes
        .iter()
        .map(|&lane| {
            let height = ROW_HEIGHT * lane_rows(lane, layout) as f32;
            let entry = (lane, y, height);
            y += height + 2.0;
            entry
        })
        .collect()
}

/// Width of the lane labels: the widest shown label and a margin, at least
/// [`LANE_LABEL_WIDTH`], at most a third of the canvas.
pub fn lane_label_width(ui: &egui::Ui, config: &CanvasConfig<'_>, width: f32) -> f32 {
    let widest = config
        .lanes
        .iter()
        .filter_map(|&lane| (config.lane_label)(lane))
        .map(|label| {
            ui.painter()
                .layout_no_wrap(
                    label,
                    FontId::proportional(LANE_LABEL_SIZE),
                    Color32::PLACEHOLDER,
                )
                .size()
                .x
        })
        .fold(0.0, f32::max);
    (widest + 14.0).clamp(LANE_LABEL_WIDTH, (width / 3.0).max(LANE_LABEL_WIDTH))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use std::collections::BTreeSet;

    use egui_kittest::Harness;

    use super::*;
    use crate::dataset::Dataset;
    use crate::timeline::{Timeline, lay_out_lanes};
    use crate::ui::timeline::TimelineIndex;
    use crate::ui::timeline::canvas::canvas_ui;

    /// Everything a canvas is drawn from, as a caller holds it.
    struct Inputs {
        dataset: Dataset,
        timeline: Timeline,
        state: CanvasState,
        lanes: Vec<usize>,
        /// Events the filter leaves out.
        hidden: BTreeSet<usize>,
        pinned: BTreeSet<usize>,
        selected: Option<usize>,
        height: f32,
        width: f32,
        max_rows: usize,
        /// Whether the caller names its filters (and so the layout is kept).
        keyed: bool,
    }

    fn harness() -> Harness<'static, Inputs> {
        let dataset = Dataset::embedded().unwrap();
        let timeline = TimelineIndex::new(&dataset).by_category;
        let lanes = (0..dataset.categories.len()).collect();
        let inputs = Inputs {
            dataset,
            timeline,
            state: CanvasState::default(),
            lanes,
            hidden: BTreeSet::new(),
            pinned: BTreeSet::new(),
            selected: None,
            height: 240.0,
            width: 700.0,
            max_rows: 1,
            keyed: true,
        };
        let mut harness = Harness::builder()
            .with_size([1200.0, 700.0])
            .build_ui_state(
                |ui, inputs: &mut Inputs| {
                    if inputs.keyed {
                        inputs
                            .state
                            .set_filters_key(&(&inputs.hidden, &inputs.pinned));
                    }
                    let config = CanvasConfig {
                        id: egui::Id::unique("cached canvas"),
                        timeline: &inputs.timeline,
                        lanes: &inputs.lanes,
                        lane_count: inputs.dataset.categories.len(),
                        lane_label: &|lane| Some(format!("lane {lane}")),
                        max_rows: inputs.max_rows,
                        include: &|item| !inputs.hidden.contains(&item.event),
                        emphasised: &|_| true,
                        pinned: &|event| inputs.pinned.contains(&event),
                        selected: inputs.selected,
                        height: inputs.height,
                    };
                    ui.allocate_ui(egui::vec2(inputs.width, inputs.height + 20.0), |ui| {
                        canvas_ui(ui, &mut inputs.state, &config, &inputs.dataset)
                    });
                },
                inputs,
            );
        harness.step();
        harness
    }

    /// The layout the last frame drew, and a fresh one made from the
    /// inputs the whole way (no selection, no cache).
    fn kept_and_fresh(inputs: &Inputs) -> (Arc<Layout>, Layout) {
        let (key, kept) = inputs.state.layout.clone().expect("a layout is kept");
        let shown: BTreeSet<usize> = inputs.lanes.iter().copied().collect();
        let include =
            |item: &Item| shown.contains(&item.lane()) && !inputs.hidden.contains(&item.event);
        let fresh = lay_out_lanes(
            &inputs.timeline,
            &key.transform,
            &RowsRequest {
                shown: &inputs.lanes,
                lane_count: inputs.dataset.categories.len(),
                budget: key.budget,
                max_rows: inputs.max_rows,
                char_width_px: CHAR_WIDTH,
                include: &include,
                pinned: &|item| inputs.pinned.contains(&item.event),
            },
        );
        let transform = inputs.state.transform.unwrap();
        assert_eq!(key.transform, transform, "kept for the view drawn");
        (kept, fresh)
    }

    /// Changing any input the layout is made from gives the fresh layout;
    /// what it is not made from (the selection) keeps it.
    #[test]
    fn a_kept_layout_is_never_stale() {
        let mut harness = harness();
        let (first, fresh) = kept_and_fresh(harness.state());
        assert_eq!(*first, fresh);
        assert!(!first.clusters.is_empty(), "crowded enough to cluster");
        harness.step();
        let (again, _) = kept_and_fresh(harness.state());
        assert!(Arc::ptr_eq(&first, &again), "an unchanged frame keeps it");

        let events = harness.state().timeline.len();
        type Change = Box<dyn Fn(&mut Inputs)>;
        let changes: Vec<(&str, Change)> = vec![
            (
                "filter",
                Box::new(move |i| i.hidden.extend((0..events).step_by(3))),
            ),
            ("filter back", Box::new(|i| i.hidden.clear())),
            (
                "pins",
                Box::new(move |i| i.pinned.extend((1..events).step_by(4))),
            ),
            ("pins gone", Box::new(|i| i.pinned.clear())),
            ("height", Box::new(|i| i.height = 120.0)),
            ("width", Box::new(|i| i.width = 500.0)),
            ("rows", Box::new(|i| i.max_rows = 2)),
            ("lanes", Box::new(|i| i.lanes.truncate(2))),
            (
                "all lanes",
                Box::new(|i| i.lanes = (0..i.dataset.categories.len()).collect()),
            ),
            (
                "zoom",
                Box::new(|i| i.state.transform.as_mut().unwrap().zoom_at(400.0, 1.7)),
            ),
            (
                "pan",
                Box::new(|i| i.state.transform.as_mut().unwrap().pan_px(37.0)),
            ),
            (
                "timeline",
                Box::new(|i| i.timeline = TimelineIndex::new(&i.dataset).by_category),
            ),
        ];
        for (what, change) in &changes {
            let (before, _) = kept_and_fresh(harness.state());
            change(harness.state_mut());
            harness.step();
            let (after, fresh) = kept_and_fresh(harness.state());
            assert_eq!(*after, fresh, "after a change of {what}");
            assert!(!Arc::ptr_eq(&before, &after), "{what}: laid out again");
        }
        // A timeline rebuilt from the same items is another timeline: laid
        // out again above, though equal.
        let (before, _) = kept_and_fresh(harness.state());
        let some_event = harness.state().timeline.items()[0].event;
        harness.state_mut().selected = Some(some_event);
        harness.step();
        let (after, fresh) = kept_and_fresh(harness.state());
        assert_eq!(*after, fresh);
        assert!(
            Arc::ptr_eq(&before, &after),
            "the selection is drawn over it"
        );
    }

    /// A caller that does not name its filters gets a fresh layout every
    /// frame, and nothing is kept.
    #[test]
    fn without_a_key_nothing_is_kept() {
        let mut harness = harness();
        harness.state_mut().keyed = false;
        harness.step();
        assert!(harness.state().state.layout.is_none());
        assert!(harness.state().state.selection.is_none());
    }
}
