//! The events on the canvas: each laid-out event, the clusters (a chip, a
//! button that zooms to fit it or lists its events, or for a crowd a density
//! band), and the selection where it would hide in a cluster.
//! Each returns where it was drawn, for the hit-testing that follows.

use egui::{Rect, Sense};

use super::band::{Band, band_ui};
use super::chips::{ChipList, chip_label};
use super::config::{CanvasConfig, ROW_HEIGHT};
use super::paint::{Mark, paint_cluster, paint_event};
use super::state::CanvasState;
use crate::dataset::Dataset;
use crate::timeline::layout::MAX_LABEL_PX;
use crate::timeline::{Cluster, Item, Layout, Placed, Transform};
use crate::ui::timeline::colors::category_color;

/// What painting the laid-out events gives: each one's event and hit area,
/// the areas of the labels, and each one's event and label room.
pub type Painted = (Vec<(usize, Rect)>, Vec<Rect>, Vec<(usize, f32)>);

/// What drawing the events needs, laid out and mapped for this frame.
pub struct Scene<'a> {
    /// The plot's painter: events and clusters stay right of the lane labels.
    pub plot: &'a egui::Painter,
    /// The plot's area.
    pub plot_rect: Rect,
    /// (lane, top y, height) for each shown lane.
    pub lane_tops: &'a [(usize, f32, f32)],
    /// The visible events, laid out.
    pub layout: &'a Layout,
    /// The time <-> screen mapping of this frame.
    pub transform: Transform,
    /// What the canvas was told.
    pub config: &'a CanvasConfig<'a>,
    /// The events' records.
    pub dataset: &'a Dataset,
    /// Whether the theme is dark, for the category colours.
    pub dark: bool,
}

impl Scene<'_> {
    /// The marker colour of `event`'s category.
    fn color_of(&self, event: &crate::model::Event) -> egui::Color32 {
        self.dataset
            .category_of(event)
            .map_or(egui::Color32::GRAY, |c| category_color(c, self.dark))
    }

    /// The middle of a row of a lane, if the lane is shown.
    fn row_y(&self, lane: usize, row: usize) -> Option<f32> {
        self.lane_tops
            .iter()
            .find(|(l, _, _)| *l == lane)
            .map(|(_, top, _)| top + ROW_HEIGHT * (row as f32 + 0.5))
    }

    /// Paints the laid-out events; returns each one's event and hit area,
    /// the areas of the labels drawn, and each one's event and label room.
    pub fn paint_placed(&self, ui: &egui::Ui) -> Painted {
        let mut hits = Vec::new();
        let mut labels = Vec::new();
        let mut rooms = Vec::new();
        for placed in &self.layout.placed {
            let Some(y) = self.row_y(placed.lane, placed.row) else {
                continue;
            };
            let Some(event) = self.dataset.events.get(placed.event) else {
                continue;
            };
            let mark = Mark {
                placed,
                y,
                title: &event.title,
                color: self.color_of(event),
                emphasised: (self.config.emphasised)(placed.event),
                selected: self.config.selected == Some(placed.event),
            };
            let (hit, label, room) = paint_event(self.plot, ui, &mark, self.plot_rect);
            hits.push((placed.event, hit.intersect(self.plot_rect)));
            labels.push(label);
            rooms.push((placed.event, room));
        }
        (hits, labels, rooms)
    }

    /// Paints the clusters: a chip for a handful of events, a density band
    /// for more (see [`crate::timeline::CHIP_MAX`]). Returns whether a band has the keyboard
    /// focus.
    pub fn clusters_ui(
        &self,
        ui: &egui::Ui,
        state: &mut CanvasState,
        canvas: &egui::Response,
    ) -> bool {
        let (layout, config, transform) = (self.layout, self.config, self.transform);
        // Where the selection would hide in a cluster, if it does.
        let selected_overflow = config
            .selected
            .filter(|s| !layout.placed.iter().any(|p| p.event == *s))
            .and_then(|s| config.timeline.item_of(s))
            .map(|item| (item.lane(), transform.x_from_t(item.span.start)));
        let scale = layout.densest_column();
        // Each lane's bands, in order: their ids, stable while the view zooms.
        let mut bands: Vec<Vec<egui::Id>> = vec![Vec::new(); config.lane_count];
        let mut band_focused = false;
        for cluster in &layout.clusters {
            let only_the_selection = cluster.count == 1
                && selected_overflow.is_some_and(|(lane, x)| {
                    lane == cluster.lane && x >= cluster.x0 - 1.0 && x <= cluster.x1 + 1.0
                });
            if only_the_selection {
                continue;
            }
            // Clusters have a row of their own under the lane's events.
            let Some(y) = self.row_y(cluster.lane, layout.rows_used(cluster.lane)) else {
                continue;
            };
            let Some(lane_bands) = bands.get_mut(cluster.lane).filter(|_| cluster.is_band()) else {
                self.chip_ui(ui, state, cluster, y);
                continue;
            };
            let id = config.id.with(("band", cluster.lane, lane_bands.len()));
            lane_bands.push(id);
            let band = Band {
                cluster,
                columns: layout.columns,
                id,
                y,
                scale,
                color: self.band_color(ui, cluster),
                plot: self.plot_rect,
                transform,
                timeline: config.timeline,
            };
            band_focused |= band_ui(ui, self.plot, &band, state);
        }
        // After a band was opened from the keyboard, the focus stays in its lane.
        if let Some((lane, pass)) = state.band_refocus
            && ui.ctx().cumulative_pass_nr() > pass
        {
            state.band_refocus = None;
            match bands.get(lane).and_then(|ids| ids.first()) {
                _ if band_focused => {}
                Some(&id) => ui.memory_mut(|m| m.request_focus(id)),
                None => canvas.request_focus(),
            }
        }
        band_focused
    }

    /// The colour of a band: its category's where its lane is one category's
    /// (a lane with a label), else the text's (the strip's one lane mixes them).
    fn band_color(&self, ui: &egui::Ui, cluster: &Cluster) -> egui::Color32 {
        (self.config.lane_label)(cluster.lane)
            .and(cluster.events.first())
            .and_then(|&e| self.dataset.events.get(e))
            .map_or(ui.visuals().text_color(), |event| self.color_of(event))
    }

    /// A chip: a click zooms to fit it, or, where zooming cannot part its
    /// events, opens the list of them.
    fn chip_ui(&self, ui: &egui::Ui, state: &mut CanvasState, cluster: &Cluster, y: f32) {
        let hit =
            paint_cluster(self.plot, ui, cluster, y, self.plot_rect).intersect(self.plot_rect);
        let id = self
            .config
            .id
            .with(("cluster", cluster.lane, cluster.x0.to_bits()));
        let response = ui.interact(hit, id, Sense::click());
        let zooms = cluster.can_zoom(self.transform.visible());
        let label = chip_label(self.dataset, cluster, zooms);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        let response = response.on_hover_text(&label);
        if !response.clicked() {
            return;
        }
        if zooms {
            let plot_left = f64::from(self.plot_rect.left());
            let plot_width = f64::from(self.plot_rect.width());
            if let Some(t) = &mut state.transform {
                *t = Transform::fit(cluster.span, plot_left, plot_width);
            }
        } else {
            state.chip_list = Some(ChipList::new(ui, cluster, hit.left_bottom()));
        }
        ui.ctx().request_repaint();
    }

    /// The selected event is always drawn, even when its neighbours crowd it
    /// into a cluster: on top, in the cluster row. Returns its hit area.
    pub fn paint_hidden_selection(
        &self,
        ui: &egui::Ui,
        include: &dyn Fn(&Item) -> bool,
    ) -> Option<(usize, Rect)> {
        let (layout, transform) = (self.layout, self.transform);
        let selected = self.config.selected?;
        if layout.placed.iter().any(|p| p.event == selected) {
            return None;
        }
        let item = self.config.timeline.item_of(selected)?;
        if !include(item) || !item.span.intersects(&transform.visible()) {
            return None;
        }
        let y = self.row_y(item.lane(), layout.rows_used(item.lane()))?;
        let event = self.dataset.events.get(selected)?;
        let x0 = transform.x_from_t(item.span.start);
        let placed = Placed {
            event: selected,
            lane: item.lane(),
            row: layout.rows_used(item.lane()),
            x0,
            x1: transform.x_from_t(item.span.end).max(x0),
            shape: item.shape,
            label_px: MAX_LABEL_PX,
        };
        let mark = Mark {
            placed: &placed,
            y,
            title: &event.title,
            color: self.color_of(event),
            emphasised: true,
            selected: true,
        };
        let (hit, _, _) = paint_event(self.plot, ui, &mark, self.plot_rect);
        Some((selected, hit.intersect(self.plot_rect)))
    }
}
