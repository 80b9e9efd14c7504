//! The items a view lets through, lane by lane, kept while its filters stay,
//! and a layout from them that costs little more than the events it draws.
//!
//! [`Timeline::layout_with`] asks the filters about every visible item and
//! searches a row for each, twice a frame ([`super::rows::lay_out_lanes`]
//! first counts what each lane needs). Zoomed out over 100,000 events that is
//! most of a frame. A [`Selection`] asks the filters once; then what each
//! lane needs is settled by its first item that finds every row taken (it
//! has all its rows and a cluster then), and only the final layout touches
//! each item, in a tight loop. The result is exactly
//! [`super::rows::lay_out_lanes`]'s (a property test holds them equal).

use std::ops::Range;

use super::density::Columns;
use super::layout::{
    Cluster, Item, ItemShape, LABEL_GAP_PX, Layout, MARKER_PX, MAX_LABEL_PX, Placed, Timeline,
    give_label_room,
};
use super::time::TimeSpan;
use super::transform::Transform;

/// The items that `include` lets through, lane by lane, and which of them
/// are pinned: built once for a set of filters, used by every frame.
#[derive(Clone, Debug)]
pub struct Selection {
    /// The timeline's [`Timeline::id`].
    timeline: u64,
    /// For each lane below the lane count, its included items in
    /// chronological order, each in a few bytes: a lane's pass reads them
    /// one after the other, not every lane's items at every pass.
    lanes: Vec<Vec<Entry>>,
    /// Positions in [`Timeline::items`] of the included items that are
    /// pinned, ascending.
    pinned: Vec<u32>,
    /// Whether every position, event and label length fit in 32 bits (else
    /// the selection is not used).
    fits: bool,
}

/// An included item, as the layout needs it.
#[derive(Clone, Copy, Debug)]
struct Entry {
    /// When it happened.
    span: TimeSpan,
    /// Its position in [`Timeline::items`].
    position: u32,
    /// The caller's index of the event.
    event: u32,
    /// Length of its label in characters.
    label_chars: u32,
    /// How to draw it.
    shape: ItemShape,
}

impl Selection {
    /// The items of `timeline` in lanes `0..lane_count` that `include` lets
    /// through, and which of those `pinned` pins.
    pub fn new(
        timeline: &Timeline,
        lane_count: usize,
        include: &dyn Fn(&Item) -> bool,
        pinned: &dyn Fn(&Item) -> bool,
    ) -> Self {
        let mut lanes = vec![Vec::new(); lane_count];
        let mut pins = Vec::new();
        let mut fits = true;
        for (position, item) in timeline.items().iter().enumerate() {
            let Some(lane) = lanes.get_mut(item.lane) else {
                continue;
            };
            if !include(item) {
                continue;
            }
            let (Ok(position), Ok(event), Ok(label_chars)) = (
                u32::try_from(position),
                u32::try_from(item.event),
                u32::try_from(item.label_chars),
            ) else {
                fits = false;
                break;
            };
            lane.push(Entry {
                span: item.span,
                position,
                event,
                label_chars,
                shape: item.shape,
            });
            if pinned(item) {
                pins.push(position);
            }
        }
        Self {
            timeline: timeline.id(),
            lanes,
            pinned: pins,
            fits,
        }
    }

    /// Whether this selection was made from `timeline` with `lane_count`
    /// lanes, and every position, event and label length in it fit in 32 bits.
    pub fn is_of(&self, timeline: &Timeline, lane_count: usize) -> bool {
        self.fits && self.timeline == timeline.id() && self.lanes.len() == lane_count
    }

    /// Whether an item pinned is in `range`: then only the whole layout
    /// knows where it goes.
    pub fn pins_in(&self, timeline: &Timeline, range: TimeSpan) -> bool {
        let window = timeline.candidates(range);
        let from = self
            .pinned
            .partition_point(|&p| (p as usize) < window.start);
        self.pinned
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&p| (p as usize) < window.end)
            .any(|&p| {
                timeline
                    .items()
                    .get(p as usize)
                    .is_some_and(|i| i.span.intersects(&range))
            })
    }

    /// How many lanes it has.
    pub fn lane_count(&self) -> usize {
        self.lanes.len()
    }
}

/// One lane's visible items: a run of its selection, the first ones of
/// which (starting before the view) may end before it.
pub(crate) struct LaneView<'a> {
    /// The lane.
    lane: usize,
    /// The lane's selected items.
    entries: &'a [Entry],
    /// The run of `entries` that may be visible.
    window: Range<usize>,
    /// From here on in the window every item is visible.
    all_visible_from: usize,
    /// The visible range.
    range: TimeSpan,
}

impl<'a> LaneView<'a> {
    fn new(lane: usize, timeline: &Timeline, entries: &'a [Entry], range: TimeSpan) -> Self {
        let candidates = timeline.candidates(range);
        let start = entries.partition_point(|e| (e.position as usize) < candidates.start);
        let end = entries.partition_point(|e| (e.position as usize) < candidates.end);
        let end = end.max(start);
        // Items starting in the view are in it (see `TimeSpan::intersects`).
        let all_visible_from = start
            + entries
                .get(start..end)
                .unwrap_or_default()
                .partition_point(|e| e.span.start < range.start);
        Self {
            lane,
            entries,
            window: start..end,
            all_visible_from,
            range,
        }
    }

    /// The visible items, in order: those that start before the range if
    /// they reach into it, then all the rest of the window.
    fn visible(&self) -> impl Iterator<Item = &'a Entry> {
        let range = self.range;
        let before = self
            .entries
            .get(self.window.start..self.all_visible_from)
            .unwrap_or_default();
        let rest = self
            .entries
            .get(self.all_visible_from..self.window.end)
            .unwrap_or_default();
        before
            .iter()
            .filter(move |e| e.span.intersects(&range))
            .chain(rest)
    }
}

/// Where an item starts, where it ends, and where the room it takes in its
/// row ends: as the whole layout reckons it, to the bit.
fn entry_extent(entry: &Entry, transform: &Transform, char_width: f64) -> (f64, f64, f64) {
    let x0 = transform.x_from_t(entry.span.start);
    let x1 = transform.x_from_t(entry.span.end).max(x0);
    let label_px = (f64::from(entry.label_chars) * char_width).min(MAX_LABEL_PX);
    (x0, x1, x1.max(x0 + MARKER_PX) + label_px + LABEL_GAP_PX)
}

/// What a lane needs with `rows` rows: the rows its items take and whether
/// some find none. The first item that finds every row taken settles it:
/// every row holds an item then, and it joins a cluster, so the answer is
/// all the rows and a cluster, whatever follows.
fn lane_needs(
    view: &LaneView<'_>,
    transform: &Transform,
    rows: usize,
    char_width: f64,
) -> (usize, bool) {
    let mut ends = vec![f64::NEG_INFINITY; rows];
    let mut used = 0;
    for entry in view.visible() {
        let (x0, _, end) = entry_extent(entry, transform, char_width);
        let Some((row, e)) = ends.iter_mut().enumerate().find(|(_, e)| **e <= x0) else {
            return (rows, true);
        };
        *e = end;
        used = used.max(row + 1);
    }
    (used, false)
}

/// Placed items and clusters, each with the position of its (first) item.
type Laid = (Vec<(u32, Placed)>, Vec<(u32, Cluster)>);

/// Lays out one lane's visible items in `rows` rows, as
/// [`Timeline::layout_with`] does with nothing pinned: each takes the first
/// row free where it starts, or joins the lane's open cluster, or opens one.
/// Placed items and clusters come with the position of their (first) item.
fn lay_out_lane(
    view: &LaneView<'_>,
    transform: &Transform,
    rows: usize,
    char_width: f64,
    columns: &Columns,
    out: &mut Laid,
) {
    let mut ends = vec![f64::NEG_INFINITY; rows];
    let mut open: Option<OpenCluster> = None;
    let room = Room::new(transform, char_width);
    for entry in view.visible() {
        let x0 = transform.x_from_t(entry.span.start);
        if let Some((row, e)) = ends.iter_mut().enumerate().find(|(_, e)| **e <= x0) {
            let (x0, x1, end) = entry_extent(entry, transform, char_width);
            *e = end;
            let placed = Placed {
                event: entry.event as usize,
                lane: view.lane,
                row,
                x0,
                x1,
                shape: entry.shape,
                label_px: MAX_LABEL_PX,
            };
            out.0.push((entry.position, placed));
            continue;
        }
        let end = room.end(entry, x0);
        match &mut open {
            Some(cluster) if x0 <= cluster.room_end => cluster.add(entry, x0, end, columns),
            _ => {
                let opened = OpenCluster::new(entry, x0, end, columns);
                if let Some(closed) = open.replace(opened) {
                    out.1.push(closed.finish(view.lane, transform));
                }
            }
        }
    }
    if let Some(closed) = open {
        out.1.push(closed.finish(view.lane, transform));
    }
}

/// A cluster while items join it: what each item changes, kept at hand
/// (its density counted by runs of one column) until it is finished.
struct OpenCluster {
    /// The position of its first item.
    position: u32,
    /// Screen x where its first item starts.
    x0: f64,
    /// Where the room its items take ends: an item starting later opens
    /// another cluster.
    room_end: f64,
    /// How many items it holds.
    count: usize,
    /// The union of their spans.
    span: TimeSpan,
    /// Whether they all share one span.
    same_span: bool,
    /// Their events.
    events: Vec<usize>,
    /// The counts of the columns before `column`, from `first_column`.
    density: Vec<u32>,
    /// The column of its first item.
    first_column: usize,
    /// The column the last items started in, and how many did.
    column: (usize, u32),
}

impl OpenCluster {
    fn new(entry: &Entry, x0: f64, end: f64, columns: &Columns) -> Self {
        let column = columns.at(x0);
        Self {
            position: entry.position,
            x0,
            room_end: end,
            count: 1,
            span: entry.span,
            same_span: true,
            events: vec![entry.event as usize],
            density: Vec::new(),
            first_column: column,
            column: (column, 1),
        }
    }

    fn add(&mut self, entry: &Entry, x0: f64, end: f64, columns: &Columns) {
        self.count += 1;
        self.same_span &= self.span == entry.span;
        self.span = self.span.union(&entry.span);
        self.events.push(entry.event as usize);
        self.room_end = self.room_end.max(end);
        // Items come in order of start: the columns only grow to the right.
        let column = columns.at(x0);
        if column == self.column.0 {
            self.column.1 += 1;
        } else {
            self.close_column();
            self.column = (column, 1);
        }
    }

    /// Writes the current column's count into the density.
    fn close_column(&mut self) {
        let (column, n) = self.column;
        self.density
            .resize(column.saturating_sub(self.first_column), 0);
        self.density.push(n);
    }

    /// The cluster, with the position of its first item.
    fn finish(mut self, lane: usize, transform: &Transform) -> (u32, Cluster) {
        self.close_column();
        // Its items end on screen where the last of them ends (screen x
        // grows with time): worked out once, not for every item.
        let x1 = transform.x_from_t(self.span.end).max(self.x0);
        let cluster = Cluster {
            lane,
            x0: self.x0,
            x1,
            count: self.count,
            span: self.span,
            events: self.events,
            same_span: self.same_span,
            density: self.density,
            first_column: self.first_column,
        };
        (self.position, cluster)
    }
}

/// Where the room an item takes in its row ends, given where it starts: as
/// [`entry_extent`] says, without working out where a short item ends on
/// screen when that is surely within its marker.
struct Room {
    /// Days an item may last and surely end within its marker: 9 of the
    /// marker's 10 px, the last one a margin far wider than rounding.
    short_days: f64,
    /// Width of one label character.
    char_width: f64,
    /// The view.
    transform: Transform,
}

impl Room {
    fn new(transform: &Transform, char_width: f64) -> Self {
        // Far from the plot, rounding grows with x: there, always work it out.
        let near = transform.left().abs() < 1e9;
        Self {
            short_days: if near {
                (MARKER_PX - 1.0) * transform.days_per_px()
            } else {
                f64::NEG_INFINITY
            },
            char_width,
            transform: *transform,
        }
    }

    /// Where the room of `entry`, starting at screen `x0`, ends.
    fn end(&self, entry: &Entry, x0: f64) -> f64 {
        let label_px = (f64::from(entry.label_chars) * self.char_width).min(MAX_LABEL_PX);
        let marker_end = x0 + MARKER_PX;
        let short = entry.span.end - entry.span.start <= self.short_days && x0.abs() < 1e9;
        let item_end = if short {
            marker_end
        } else {
            let x1 = self.transform.x_from_t(entry.span.end).max(x0);
            x1.max(marker_end)
        };
        item_end + label_px + LABEL_GAP_PX
    }
}

/// The lanes' views of `selection` over `transform`'s visible range.
pub(crate) fn lane_views<'a>(
    timeline: &'a Timeline,
    selection: &'a Selection,
    transform: &Transform,
) -> Vec<LaneView<'a>> {
    let range = transform.visible();
    selection
        .lanes
        .iter()
        .enumerate()
        .map(|(lane, entries)| LaneView::new(lane, timeline, entries, range))
        .collect()
}

/// What each lane needs with `rows[lane]` rows (see [`lane_needs`]).
pub(crate) fn needs(
    views: &[LaneView<'_>],
    transform: &Transform,
    rows: &[usize],
    char_width: f64,
) -> Vec<(usize, bool)> {
    views
        .iter()
        .enumerate()
        .map(|(lane, view)| {
            let rows = rows.get(lane).copied().unwrap_or(0);
            lane_needs(view, transform, rows, char_width)
        })
        .collect()
}

/// The layout of the lanes' views with `rows[lane]` rows each: exactly
/// [`Timeline::layout_with`]'s with nothing pinned in view.
pub(crate) fn lay_out(
    views: &[LaneView<'_>],
    transform: &Transform,
    rows: &[usize],
    char_width: f64,
) -> Layout {
    let columns = Columns::of(transform);
    let mut out = (Vec::new(), Vec::new());
    for (lane, view) in views.iter().enumerate() {
        let rows = rows.get(lane).copied().unwrap_or(0);
        lay_out_lane(view, transform, rows, char_width, &columns, &mut out);
    }
    // In chronological order, as the whole layout makes them.
    let (mut placed, mut clusters) = out;
    placed.sort_unstable_by_key(|(position, _)| *position);
    clusters.sort_unstable_by_key(|(position, _)| *position);
    let mut layout = Layout {
        placed: placed.into_iter().map(|(_, p)| p).collect(),
        clusters: clusters.into_iter().map(|(_, c)| c).collect(),
        columns,
    };
    give_label_room(&mut layout.placed);
    layout
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::Rng;
    use crate::timeline::layout::LayoutRequest;
    use crate::timeline::rows::{RowsRequest, lay_out_lanes, lay_out_selection};

    /// Crowds and gaps in a few lanes: days, instants, months, long spans,
    /// some crowds on one day.
    fn items(rng: &mut Rng, n: usize, lanes: usize) -> Vec<Item> {
        let crowd = rng.float(0.0, 20_000.0).floor();
        (0..n)
            .map(|event| {
                let start = match rng.below(8) {
                    0 => crowd,
                    1 => rng.float(5_000.0, 5_400.0),
                    _ => rng.float(0.0, 20_000.0),
                }
                .floor();
                let (len, shape) = match rng.below(10) {
                    0..=4 => (1.0, ItemShape::Day),
                    5 => (0.0, ItemShape::Day),
                    6 => (30.0, ItemShape::Month),
                    7 => (365.0, ItemShape::Year),
                    _ => (rng.float(2.0, 3_000.0).floor(), ItemShape::Span),
                };
                Item {
                    event,
                    span: TimeSpan::new(start, start + len),
                    shape,
                    lane: rng.below(lanes),
                    label_chars: rng.below(60),
                }
            })
            .collect()
    }

    /// For any items, lanes shown, filter, pins, height, label width and
    /// view, the layout from a selection is exactly the whole layout's.
    #[test]
    fn the_selection_s_layout_is_the_whole_layout_s() {
        let mut rng = Rng::new(0x005E_1EC7, 0);
        for round in 0..400 {
            let lane_count = 1 + rng.below(5);
            let n = 50 + rng.below(1_500);
            let timeline = Timeline::new(items(&mut rng, n, lane_count + 1));
            let shown: Vec<usize> = (0..lane_count + 1).filter(|_| rng.below(4) != 0).collect();
            let skip = rng.below(5);
            let include = move |item: &Item| skip == 0 || item.event % 5 != skip;
            let pin = rng.below(4) == 0;
            let pinned_event = rng.below(1_500);
            let pinned = move |item: &Item| pin && item.event % 97 == pinned_event % 97;
            let char_width = [0.0, 4.0, 6.4, -1.0][rng.below(4)];
            let request = RowsRequest {
                shown: &shown,
                lane_count,
                budget: rng.below(30),
                max_rows: rng.below(6),
                char_width_px: char_width,
                include: &include,
                pinned: &pinned,
            };
            let selection = Selection::new(&timeline, lane_count, &include, &pinned);
            let len = match rng.below(4) {
                0 => rng.float(14.0, 200.0),
                1 => rng.float(200.0, 5_000.0),
                _ => rng.float(5_000.0, 40_000.0),
            };
            let center = rng.float(-2_000.0, 22_000.0);
            let tr = Transform::new(
                TimeSpan::new(center - len / 2.0, center + len / 2.0),
                rng.float(0.0, 200.0),
                rng.float(100.0, 1_800.0),
            );
            let whole = lay_out_lanes(&timeline, &tr, &request);
            let fast = lay_out_selection(&timeline, &tr, &selection, &request);
            assert_eq!(fast, whole, "round {round}");
            // What each lane needs, counted by jumps, with any rows.
            if selection.pins_in(&timeline, tr.visible()) {
                continue;
            }
            let rows: Vec<usize> = (0..lane_count).map(|_| rng.below(5)).collect();
            let with_rows = timeline.layout_with(
                &tr,
                &LayoutRequest {
                    lanes: lane_count,
                    rows: &rows,
                    char_width_px: char_width,
                    include: &include,
                    pinned: &pinned,
                },
            );
            let views = lane_views(&timeline, &selection, &tr);
            let counted = needs(&views, &tr, &rows, char_width.max(0.0));
            for (lane, need) in counted.iter().enumerate() {
                let expected = (with_rows.rows_used(lane), with_rows.has_clusters(lane));
                assert_eq!(*need, expected, "round {round}, lane {lane}");
            }
        }
    }

    /// A selection made for another timeline or lane count is not used.
    #[test]
    fn a_selection_knows_what_it_was_made_for() {
        let mut rng = Rng::new(5, 0);
        let timeline = Timeline::new(items(&mut rng, 200, 3));
        let other = Timeline::new(timeline.items().to_vec());
        let selection = Selection::new(&timeline, 3, &|_| true, &|_| false);
        assert!(selection.is_of(&timeline, 3));
        assert!(
            selection.is_of(&timeline.clone(), 3),
            "a clone has the same items"
        );
        assert!(!selection.is_of(&other, 3), "another timeline, rebuilt");
        assert!(!selection.is_of(&timeline, 2));
        assert_eq!(selection.lane_count(), 3);
    }
}
