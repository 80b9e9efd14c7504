//! What a lane cannot label, as a density: how many of its unplaced events
//! start in each [`BUCKET_PX`]-wide column of the screen, gathered as the
//! events fall out of the rows (see [`Cluster::density`]). A cluster of more
//! than [`CHIP_MAX`] events is drawn as a band of these columns, not a chip,
//! so that a lane of thousands still shows where its events are; the band is
//! read and opened by parts of [`PART_BUCKETS`] columns.

use std::ops::Range;

use super::layout::{Cluster, Item, Layout, Timeline};
use super::time::TimeSpan;
use super::transform::Transform;

/// Width of one density column, in pixels: two, so that a column stays
/// visible on a high-density screen and a 1,280 px lane has 640 of them.
pub const BUCKET_PX: f64 = 2.0;
/// Columns in one part of a band: 16 columns, 32 px, are a target the
/// pointer hits without care, and 40 of them split a wide lane finely
/// enough that a click zooms in about fortyfold.
pub const PART_BUCKETS: usize = 16;
/// The most events a chip stands for. A chip's name lists up to a dozen
/// titles and its list a dozen lines fit without scrolling; more than that is
/// a crowd, whose shape (where in time it lies) says more than a count.
pub const CHIP_MAX: usize = 12;

/// The columns of the screen a layout counts in, from the plot's left edge.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Columns {
    /// Screen x where column 0 starts.
    pub left: f64,
    /// How many columns cover the plot (at least one).
    pub count: usize,
}

impl Default for Columns {
    fn default() -> Self {
        Self {
            left: 0.0,
            count: 1,
        }
    }
}

impl Columns {
    /// The columns over `transform`'s strip.
    pub fn of(transform: &Transform) -> Self {
        let count = (transform.width() / BUCKET_PX).ceil();
        // At most ten million columns: a strip is never that wide, and the
        // cast below must not saturate on a bogus width.
        let count = if count >= 1.0 {
            count.min(1e7) as usize
        } else {
            1
        };
        Self {
            left: transform.left(),
            count,
        }
    }

    /// The column that `x` falls in: one left of the plot counts in the
    /// first, one right of it in the last.
    pub fn at(&self, x: f64) -> usize {
        // A float-to-integer cast saturates: left of the plot (and NaN) is 0,
        // and it truncates, which is the floor for what is right of it. This
        // runs for every event that falls out of the rows.
        (((x - self.left) * (1.0 / BUCKET_PX)) as usize).min(self.count.saturating_sub(1))
    }

    /// Screen x where `column` starts and ends.
    pub fn x_range(&self, column: usize) -> (f64, f64) {
        let x0 = self.left + column as f64 * BUCKET_PX;
        (x0, x0 + BUCKET_PX)
    }

    /// The part `column` belongs to, as the range of its columns: parts are
    /// aligned to the plot, so every band's parts line up with the others'.
    pub fn part_of(&self, column: usize) -> Range<usize> {
        let start = column - column % PART_BUCKETS;
        start..(start + PART_BUCKETS).min(self.count.max(start + 1))
    }
}

/// A part of a band: the events that start in a run of its columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// Its columns (see [`Columns`]), within the band's.
    pub columns: Range<usize>,
    /// Its events, as a range of the cluster's [`Cluster::events`]: they are
    /// in order of start, as the columns are.
    pub events: Range<usize>,
}

impl Part {
    /// How many events start in it.
    pub fn count(&self) -> usize {
        self.events.len()
    }
}

/// What opening a part does.
#[derive(Clone, Debug, PartialEq)]
pub enum PartAction {
    /// Zoom to show this span: the part's events will part.
    Zoom(TimeSpan),
    /// Zooming cannot part them (one date, or as close as the view gets):
    /// list these events, in chronological order.
    List(Vec<usize>),
}

/// How a reader gets to an event from one layout.
#[derive(Clone, Debug, PartialEq)]
pub enum Way {
    /// It is drawn on its own.
    Drawn,
    /// Opening the chip or the band's part that holds it does this.
    Open(PartAction),
    /// It is neither drawn nor gathered: not in view, or left out.
    Nowhere,
}

impl Cluster {
    /// What a click on the cluster's chip does: zoom to fit it, or, where
    /// that shows its events no closer, list them.
    pub fn chip_action(&self, visible: TimeSpan) -> PartAction {
        if self.can_zoom(visible) {
            PartAction::Zoom(self.span)
        } else {
            PartAction::List(self.events.clone())
        }
    }

    /// Whether the cluster is drawn as a density band rather than a chip: it
    /// holds more than [`CHIP_MAX`] events and some zoom can part them.
    pub fn is_band(&self) -> bool {
        self.count > CHIP_MAX && !self.same_span
    }

    /// The columns its density covers.
    pub fn columns(&self) -> Range<usize> {
        self.first_column..self.first_column + self.density.len()
    }

    /// The parts of the band that hold events, left to right.
    pub fn parts(&self, columns: &Columns) -> Vec<Part> {
        let mut parts = Vec::new();
        let mut at = self.first_column;
        let mut offset = 0;
        let end = self.columns().end;
        while at < end {
            let part = columns.part_of(at);
            let run = at..part.end.min(end);
            let count = self.count_in(run.clone());
            if count > 0 {
                parts.push(Part {
                    columns: run.clone(),
                    events: offset..offset + count,
                });
            }
            offset += count;
            at = run.end.max(at + 1);
        }
        parts
    }

    /// The part whose columns hold screen `x`, if it has events.
    pub fn part_at(&self, columns: &Columns, x: f64) -> Option<Part> {
        let column = columns.at(x);
        self.parts(columns)
            .into_iter()
            .find(|p| p.columns.contains(&column))
    }

    /// The part with the most events (the first of equals).
    pub fn densest_part(&self, columns: &Columns) -> Option<Part> {
        self.parts(columns)
            .into_iter()
            .rev()
            .max_by_key(Part::count)
    }

    /// The part that holds `event`, if the cluster does.
    pub fn part_of_event(&self, columns: &Columns, event: usize) -> Option<Part> {
        let at = self.events.iter().position(|&e| e == event)?;
        self.parts(columns)
            .into_iter()
            .find(|p| p.events.contains(&at))
    }

    /// Events that start in `columns` (clipped to the cluster's).
    fn count_in(&self, columns: Range<usize>) -> usize {
        let from = columns.start.saturating_sub(self.first_column);
        let to = columns.end.saturating_sub(self.first_column);
        self.density
            .get(from..to.min(self.density.len()))
            .unwrap_or_default()
            .iter()
            .map(|&c| c as usize)
            .sum()
    }

    /// What opening `part` does while `visible` is on screen: zoom to the
    /// time its events start in (within the view), or, if that shows them
    /// no closer, list them.
    pub fn part_action(&self, timeline: &Timeline, part: &Part, visible: TimeSpan) -> PartAction {
        let events = self.events.get(part.events.clone()).unwrap_or_default();
        let items: Vec<&Item> = events.iter().filter_map(|&e| timeline.item_of(e)).collect();
        let list = || PartAction::List(events.to_vec());
        let (Some(first), Some(last)) = (items.first(), items.last()) else {
            return list();
        };
        // They start in order; one starting before the view is seen from its edge.
        let starts = TimeSpan::new(
            first.span.start.max(visible.start),
            last.span.start.min(visible.end),
        );
        let target = if starts.len() >= 1.0 {
            starts
        } else {
            // One day or less apart: what parts them is where they end.
            items
                .iter()
                .map(|i| i.span)
                .reduce(|a, b| a.union(&b))
                .unwrap_or(starts)
        };
        let same_span = items.iter().all(|i| i.span == first.span);
        let fitted = Transform::fit(target, 0.0, 1.0).visible().len();
        if same_span || fitted >= visible.len() * 0.8 {
            list()
        } else {
            PartAction::Zoom(target)
        }
    }
}

impl Layout {
    /// How a reader gets to `event` with `visible` on screen: a chip's
    /// click, or a click on the part of a band that holds it.
    pub fn way_to(&self, timeline: &Timeline, visible: TimeSpan, event: usize) -> Way {
        if self.placed.iter().any(|p| p.event == event) {
            return Way::Drawn;
        }
        let Some(cluster) = self.clusters.iter().find(|c| c.events.contains(&event)) else {
            return Way::Nowhere;
        };
        if !cluster.is_band() {
            return Way::Open(cluster.chip_action(visible));
        }
        match cluster.part_of_event(&self.columns, event) {
            Some(part) => Way::Open(cluster.part_action(timeline, &part, visible)),
            None => Way::Nowhere,
        }
    }

    /// How many of `lane`'s unplaced events each column holds: the sum of
    /// its clusters' densities, one count per column of `columns`.
    pub fn lane_density(&self, lane: usize) -> Vec<u32> {
        let mut counts = vec![0; self.columns.count];
        for cluster in self.clusters.iter().filter(|c| c.lane == lane) {
            for (column, n) in cluster.columns().zip(&cluster.density) {
                if let Some(c) = counts.get_mut(column) {
                    *c += n;
                }
            }
        }
        counts
    }

    /// The most events any band's column holds: the scale bands are drawn to,
    /// so that lanes can be compared.
    pub fn densest_column(&self) -> u32 {
        self.clusters
            .iter()
            .filter(|c| c.is_band())
            .flat_map(|c| c.density.iter().copied())
            .max()
            .unwrap_or(0)
    }
}

/// Counts an event starting at screen `x` into `cluster`'s density. Events
/// come in order of start, so the columns only ever grow to the right.
#[inline]
pub(super) fn count_into(cluster: &mut Cluster, columns: &Columns, x: f64) {
    let column = columns.at(x);
    if cluster.density.is_empty() {
        cluster.first_column = column;
    }
    let at = column.saturating_sub(cluster.first_column);
    match cluster.density.get_mut(at) {
        Some(count) => *count += 1,
        None => {
            cluster.density.resize(at, 0);
            cluster.density.push(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::Rng;
    use crate::timeline::layout::{ItemShape, LayoutRequest};
    use crate::timeline::time::day_number;

    /// `n` items over 1900–2030 in `lanes` lanes: a third in a few bursts of
    /// a year or two, some crowds on one day, the rest spread out; days,
    /// years and spans.
    fn bursty_items(rng: &mut Rng, n: usize, lanes: usize) -> Vec<Item> {
        let first = day_number(1900, 1, 1) as f64;
        let last = day_number(2030, 1, 1) as f64;
        let bursts: Vec<f64> = (0..4).map(|_| rng.float(first, last)).collect();
        let crowd = rng.float(first, last).floor();
        (0..n)
            .map(|event| {
                let start = match rng.below(6) {
                    0 | 1 => {
                        let at = bursts
                            .get(rng.below(bursts.len()))
                            .copied()
                            .unwrap_or(first);
                        at + rng.float(0.0, 600.0)
                    }
                    2 if rng.below(4) == 0 => crowd,
                    _ => rng.float(first, last),
                }
                .floor();
                let (len, shape) = match rng.below(8) {
                    0..=4 => (1.0, ItemShape::Day),
                    5 => (365.0, ItemShape::Year),
                    6 => (rng.float(2.0, 4.0 * 365.0).floor(), ItemShape::Span),
                    _ => (0.0, ItemShape::Day),
                };
                Item {
                    event,
                    span: TimeSpan::new(start, start + len),
                    shape,
                    lane: rng.below(lanes) as u16,
                    label_chars: (5 + rng.below(40)) as u16,
                }
            })
            .collect()
    }

    fn lay_out(timeline: &Timeline, tr: &Transform, lanes: usize, rows: usize) -> Layout {
        timeline.layout(tr, lanes, rows, 6.4, &|i: &Item| !i.event.is_multiple_of(7))
    }

    /// Random views: zoomed out, to a decade, to a year, to a month; wide
    /// and narrow; some starting or ending off the data.
    fn views(rng: &mut Rng, bounds: TimeSpan) -> Vec<Transform> {
        let mut views = vec![Transform::fit(bounds, 120.0, 1160.0)];
        for len in [200_000.0, 40_000.0, 3_650.0, 365.0, 30.0] {
            for width in [250.0, 901.0, 1450.0] {
                let center = rng.float(bounds.start - 2_000.0, bounds.end + 2_000.0);
                let range = TimeSpan::new(center - len / 2.0, center + len / 2.0);
                views.push(Transform::new(range, rng.float(0.0, 300.0), width));
            }
        }
        views
    }

    #[test]
    fn density_counts_sum_to_the_unplaced_items_of_each_lane() {
        let mut rng = Rng::new(2026, 0);
        for n in [50, 3_000, 20_000] {
            let timeline = Timeline::new(bursty_items(&mut rng, n, 4));
            let Some(bounds) = timeline.bounds() else {
                panic!("no bounds")
            };
            for tr in views(&mut rng, bounds) {
                for rows in [0, 1, 3] {
                    let layout = lay_out(&timeline, &tr, 4, rows);
                    assert_eq!(layout.columns, Columns::of(&tr));
                    for lane in 0..4 {
                        let in_view = timeline
                            .visible(tr.visible())
                            .filter(|i| i.lane() == lane && !i.event.is_multiple_of(7))
                            .count();
                        let placed = layout.placed.iter().filter(|p| p.lane == lane).count();
                        let counted: u32 = layout.lane_density(lane).iter().sum();
                        assert_eq!(counted as usize, in_view - placed, "lane {lane} of {n}");
                    }
                    for cluster in &layout.clusters {
                        let sum: u32 = cluster.density.iter().sum();
                        assert_eq!(sum as usize, cluster.count);
                        assert!(cluster.columns().end <= layout.columns.count);
                        assert_eq!(cluster.first_column, layout.columns.at(cluster.x0));
                        // Every item counts in the column it starts in.
                        let mut expected = vec![0u32; layout.columns.count];
                        for &event in &cluster.events {
                            let Some(item) = timeline.item_of(event) else {
                                panic!("event {event} has no item")
                            };
                            let column = layout.columns.at(tr.x_from_t(item.span.start));
                            if let Some(c) = expected.get_mut(column) {
                                *c += 1;
                            }
                        }
                        let from = cluster.columns();
                        assert_eq!(expected.get(from).unwrap_or_default(), cluster.density);
                    }
                }
            }
        }
    }

    #[test]
    fn a_band_s_parts_hold_its_events_in_order_and_the_pointer_finds_them() {
        let mut rng = Rng::new(7, 1);
        let timeline = Timeline::new(bursty_items(&mut rng, 20_000, 3));
        let Some(bounds) = timeline.bounds() else {
            panic!("no bounds")
        };
        let mut bands = 0;
        for tr in views(&mut rng, bounds) {
            let layout = lay_out(&timeline, &tr, 3, 2);
            let columns = layout.columns;
            for cluster in layout.clusters.iter().filter(|c| c.is_band()) {
                bands += 1;
                let parts = cluster.parts(&columns);
                let mut next = 0;
                for part in &parts {
                    assert!(part.count() > 0);
                    assert_eq!(part.events.start, next, "no event skipped or twice");
                    next = part.events.end;
                    assert!(part.columns.len() <= PART_BUCKETS);
                    assert!(part.columns.start >= cluster.first_column);
                    assert!(part.columns.end <= cluster.columns().end);
                    // Each of its events starts in its columns.
                    for &event in cluster.events.get(part.events.clone()).unwrap_or_default() {
                        let Some(item) = timeline.item_of(event) else {
                            panic!("event {event} has no item")
                        };
                        let column = columns.at(tr.x_from_t(item.span.start));
                        assert!(part.columns.contains(&column));
                        assert_eq!(cluster.part_of_event(&columns, event).as_ref(), Some(part));
                    }
                    // The pointer anywhere over its columns finds it.
                    for column in part.columns.clone() {
                        let (x0, x1) = columns.x_range(column);
                        let found = cluster.part_at(&columns, (x0 + x1) / 2.0);
                        assert_eq!(found.as_ref(), Some(part));
                    }
                }
                assert_eq!(next, cluster.count);
                let densest = cluster.densest_part(&columns).map(|p| p.count());
                assert_eq!(densest, parts.iter().map(Part::count).max());
            }
        }
        assert!(bands > 20, "{bands} bands");
    }

    #[test]
    fn opening_a_part_zooms_toward_its_events_or_lists_them() {
        let mut rng = Rng::new(99, 3);
        let timeline = Timeline::new(bursty_items(&mut rng, 10_000, 2));
        let Some(bounds) = timeline.bounds() else {
            panic!("no bounds")
        };
        let (mut zooms, mut lists) = (0, 0);
        for tr in views(&mut rng, bounds) {
            let visible = tr.visible();
            let layout = lay_out(&timeline, &tr, 2, 1);
            for cluster in layout.clusters.iter().filter(|c| c.is_band()) {
                for part in cluster.parts(&layout.columns) {
                    let events = cluster.events.get(part.events.clone()).unwrap_or_default();
                    match cluster.part_action(&timeline, &part, visible) {
                        PartAction::Zoom(target) => {
                            zooms += 1;
                            let fitted = Transform::fit(target, 0.0, 1.0).visible();
                            assert!(fitted.len() < visible.len() * 0.8, "closer");
                            // Each of the part's events is still in view after.
                            for &event in events {
                                let Some(item) = timeline.item_of(event) else {
                                    panic!("event {event} has no item")
                                };
                                assert!(item.span.intersects(&fitted), "{item:?} {fitted:?}");
                            }
                        }
                        PartAction::List(listed) => {
                            lists += 1;
                            assert_eq!(listed, events);
                        }
                    }
                }
            }
        }
        assert!(zooms > 50 && lists > 0, "{zooms} zooms, {lists} lists");
    }

    #[test]
    fn every_item_is_reached_through_its_chips_and_bands() {
        let mut rng = Rng::new(31, 0);
        let timeline = Timeline::new(bursty_items(&mut rng, 6_000, 3));
        let Some(bounds) = timeline.bounds() else {
            panic!("no bounds")
        };
        let mut listed = 0;
        for event in (0..6_000).step_by(7) {
            let mut tr = Transform::fit(bounds, 0.0, 900.0);
            let mut reached = false;
            for _ in 0..40 {
                let layout = timeline.layout(&tr, 3, 2, 6.4, &|_| true);
                match layout.way_to(&timeline, tr.visible(), event) {
                    Way::Drawn => reached = true,
                    Way::Open(PartAction::List(events)) => {
                        listed += 1;
                        reached = events.contains(&event);
                    }
                    Way::Open(PartAction::Zoom(span)) => {
                        tr = Transform::fit(span, 0.0, 900.0);
                        continue;
                    }
                    Way::Nowhere => {}
                }
                break;
            }
            assert!(reached, "event {event}");
        }
        assert!(listed > 0, "some share a day");
    }

    #[test]
    fn columns_clamp_to_the_plot_and_parts_align_to_it() {
        let tr = Transform::new(TimeSpan::new(0.0, 100.0), 50.0, 101.0);
        let columns = Columns::of(&tr);
        assert_eq!(columns.count, 51);
        assert_eq!(columns.at(-1e9), 0);
        assert_eq!(columns.at(f64::NAN), 0);
        assert_eq!(columns.at(51.9), 0);
        assert_eq!(columns.at(52.0), 1);
        assert_eq!(columns.at(1e9), 50);
        assert_eq!(columns.part_of(3), 0..16);
        assert_eq!(columns.part_of(16), 16..32);
        assert_eq!(columns.part_of(50), 48..51);
        assert_eq!(columns.x_range(2), (54.0, 56.0));
        let request = LayoutRequest {
            lanes: 0,
            rows: &[],
            char_width_px: 6.4,
            include: &|_| true,
            pinned: &|_| false,
        };
        let empty = Timeline::new(Vec::new()).layout_with(&tr, &request);
        assert_eq!(empty.columns, columns);
        assert_eq!(empty.densest_column(), 0);
    }
}
