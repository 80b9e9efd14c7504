//! Events on the time axis: culling to the view, packing into rows within
//! lanes, gathering what does not fit into clusters, and keyboard order.
//!
//! Everything here is by index into the caller's own event list, so the
//! timeline holds no titles or records and works for any kind of dated thing.

use super::density::{Columns, count_into};
use super::time::TimeSpan;
use super::transform::Transform;
use crate::model::{Precision, When};

/// Width reserved for an item's marker when its span is narrower, in pixels.
pub const MARKER_PX: f64 = 10.0;
/// Room between one item's label and the next item in its row, in pixels.
pub const LABEL_GAP_PX: f64 = 8.0;
/// The most room a label may claim, in pixels; longer titles are cut when drawn.
pub const MAX_LABEL_PX: f64 = 240.0;

/// How an event is drawn, honest to the precision of its date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemShape {
    /// A point on a day known exactly.
    Day,
    /// A band over a month, the day unknown.
    Month,
    /// A band over a year, month and day unknown (never a made-up 1 January).
    Year,
    /// A bar from one date to another.
    Span,
}

/// The shape for an event dated `when`: a span that starts and ends on the
/// same date is drawn as that date.
pub fn shape_of(when: &When) -> ItemShape {
    let date = match when {
        When::Span(start, end) if start != end => return ItemShape::Span,
        When::On(date) | When::Span(date, _) => date,
    };
    match date.precision() {
        Precision::Day => ItemShape::Day,
        Precision::Month => ItemShape::Month,
        Precision::Year => ItemShape::Year,
    }
}

/// One thing on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// The caller's index of the event in its own list.
    pub event: usize,
    /// When it happened.
    pub span: TimeSpan,
    /// How to draw it.
    pub shape: ItemShape,
    /// The caller's lane (a category, say), from 0: a unit has at most 40
    /// categories, and 16 bits keep an item at 32 bytes (100,000 events:
    /// 1.6 MB less per timeline).
    pub lane: u16,
    /// Length of its label in characters, to reserve room for it (16 bits:
    /// a label's room stops at [`MAX_LABEL_PX`] long before that).
    pub label_chars: u16,
}

impl Item {
    /// Its lane, as an index.
    pub fn lane(&self) -> usize {
        usize::from(self.lane)
    }
}

/// An item given a place on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// The caller's index of the event.
    pub event: usize,
    /// Its lane.
    pub lane: usize,
    /// Its row within the lane, from 0.
    pub row: usize,
    /// Screen x where it starts.
    pub x0: f64,
    /// Screen x where the item itself ends (at least `x0`; the label's room is not included).
    pub x1: f64,
    /// How to draw it.
    pub shape: ItemShape,
    /// Room for its label in pixels: up to the next item of its row (less
    /// [`LABEL_GAP_PX`]), at most [`MAX_LABEL_PX`]. A label longer is cut.
    pub label_px: f64,
}

/// Items of one lane that found no free row, drawn as one mark with a count.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// The lane.
    pub lane: usize,
    /// Screen x where its first item starts.
    pub x0: f64,
    /// Screen x where its items end, as [`Placed::x1`] (no label room).
    pub x1: f64,
    /// How many items it holds.
    pub count: usize,
    /// The union of its items' spans.
    pub span: TimeSpan,
    /// The caller's indices of its events, in chronological order.
    pub events: Vec<usize>,
    /// Whether all its items share one span: no zoom can ever part them.
    pub same_span: bool,
    /// How many of its items start in each column of [`Layout::columns`],
    /// from [`Self::first_column`]: the density a band draws.
    pub density: Vec<u32>,
    /// The column of its first item.
    pub first_column: usize,
}

impl Cluster {
    /// Whether zooming to fit the cluster shows it markedly closer than the
    /// `visible` range does now. When it does not (its items share one span,
    /// or the view is already as close as it gets), only a list of its
    /// events can show them.
    pub fn can_zoom(&self, visible: TimeSpan) -> bool {
        let fitted = Transform::fit(self.span, 0.0, 1.0).visible().len();
        !self.same_span && fitted < visible.len() * 0.8
    }
}

/// Where everything goes in one frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// Items with a row, in chronological order.
    pub placed: Vec<Placed>,
    /// Items without one, gathered per lane, in chronological order within a lane.
    pub clusters: Vec<Cluster>,
    /// The screen's columns the clusters' densities count in.
    pub columns: Columns,
}

impl Layout {
    /// Rows that placed items use in `lane` (clusters not counted): one more
    /// than the highest row, or 0 if nothing in the lane was placed.
    pub fn rows_used(&self, lane: usize) -> usize {
        self.placed
            .iter()
            .filter(|p| p.lane == lane)
            .map(|p| p.row + 1)
            .max()
            .unwrap_or(0)
    }

    /// Whether `lane` has a cluster.
    pub fn has_clusters(&self, lane: usize) -> bool {
        self.clusters.iter().any(|c| c.lane == lane)
    }
}

/// What to lay out and how much room there is, for [`Timeline::layout_with`].
pub struct LayoutRequest<'a> {
    /// Lanes `0..lanes`; items in a lane beyond are skipped.
    pub lanes: usize,
    /// The most rows each lane may stack (a lane past the end gets none).
    pub rows: &'a [usize],
    /// Width of one label character, to reserve room for labels.
    pub char_width_px: f64,
    /// Which items to lay out.
    pub include: &'a dyn Fn(&Item) -> bool,
    /// Items that must be placed, never gathered into a cluster: laid out
    /// first, and where no row is free, put in the row that frees up first.
    /// A lane with more of them in view than its rows could hold as bare
    /// markers (see [`pinned_crowd`]) is a crowd even so: those that find no
    /// free row are gathered with the others.
    pub pinned: &'a dyn Fn(&Item) -> bool,
}

/// Items sorted by time, ready to cull and lay out each frame.
#[derive(Clone, Debug)]
pub struct Timeline {
    /// Sorted by (start, end, event).
    items: Vec<Item>,
    /// The longest item in days: how far before a range an item may start and
    /// still reach into it.
    max_len: f64,
    /// The union of all spans.
    bounds: Option<TimeSpan>,
    /// (event, index into `items`), sorted by event: finds an event's item in
    /// O(log n) rather than by a scan every frame or key press.
    /// Numbers as `u32` (8 bytes an item rather than 16: 100,000 events
    /// are 0.8 MB less per timeline); no unit within the size limits
    /// holds 4 billion events, and one past that is not found.
    by_event: Vec<(u32, u32)>,
    /// Distinct for every timeline built: see [`Self::id`].
    id: u64,
}

/// The id the next timeline built gets.
static NEXT_TIMELINE_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Timeline {
    /// A timeline of `items`, sorted by (start, end, event).
    ///
    /// An item whose span is not finite is left out: it has no place on the
    /// axis. A span that ends before it starts is taken as an instant.
    pub fn new(items: Vec<Item>) -> Self {
        let mut items: Vec<Item> = items
            .into_iter()
            .filter(|item| item.span.start.is_finite() && item.span.end.is_finite())
            .map(|mut item| {
                item.span = TimeSpan::new(item.span.start, item.span.end);
                item
            })
            .collect();
        items.sort_by(|a, b| {
            a.span
                .start
                .total_cmp(&b.span.start)
                .then(a.span.end.total_cmp(&b.span.end))
                .then(a.event.cmp(&b.event))
        });
        let max_len = items.iter().map(|i| i.span.len()).fold(0.0, f64::max);
        let bounds = items.iter().map(|i| i.span).reduce(|a, b| a.union(&b));
        let mut by_event: Vec<(u32, u32)> = items
            .iter()
            .enumerate()
            .filter_map(|(position, item)| {
                Some((
                    u32::try_from(item.event).ok()?,
                    u32::try_from(position).ok()?,
                ))
            })
            .collect();
        by_event.sort_unstable();
        Self {
            items,
            max_len,
            bounds,
            by_event,
            id: NEXT_TIMELINE_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// The same items all in lane 0 (the Study strip's timeline): its
    /// order and look-ups are this one's, since neither depends on the
    /// lane, so nothing is sorted again (for 100,000 events a copy of
    /// about 2 ms rather than a build of 20).
    pub fn in_one_lane(&self) -> Self {
        Self {
            items: self
                .items
                .iter()
                .map(|item| Item {
                    lane: 0,
                    ..item.clone()
                })
                .collect(),
            max_len: self.max_len,
            bounds: self.bounds,
            by_event: self.by_event.clone(),
            id: NEXT_TIMELINE_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// Which timeline this is: every one built gets its own (a clone, with
    /// the same items, shares it), so that a layout kept for one is never
    /// taken for another's built at the same address after a reload.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// All items, in chronological order.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// The time all items cover, if there are any.
    pub fn bounds(&self) -> Option<TimeSpan> {
        self.bounds
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True if there are no items.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Exactly the items whose span intersects `range` (see
    /// [`TimeSpan::intersects`]), in chronological order.
    ///
    /// Two binary searches bound the candidates: none starts after the range,
    /// and none starts more than the longest item's length before it. Only
    /// those few are then tested, so this costs O(log n + k) unless a few very
    /// long items stretch the window.
    pub fn visible(&self, range: TimeSpan) -> impl Iterator<Item = &Item> {
        self.items
            .get(self.candidates(range))
            .unwrap_or_default()
            .iter()
            .filter(move |i| i.span.intersects(&range))
    }

    /// The positions in [`Self::items`] of the items that may intersect
    /// `range`: all that do, and a few before it that end too soon.
    pub(crate) fn candidates(&self, range: TimeSpan) -> std::ops::Range<usize> {
        // A little slack so rounding in `start + len` can never drop an item;
        // the exact test (`TimeSpan::intersects`) removes any extra.
        let reach = self.max_len * (1.0 + 1e-9) + 1e-9;
        let earliest = range.start - reach;
        let lower = self.items.partition_point(|i| i.span.start < earliest);
        // An instant at the start of an empty range still intersects it.
        let upper = self
            .items
            .partition_point(|i| i.span.start < range.end || i.span.start <= range.start);
        lower..upper.max(lower)
    }

    /// Lays out the visible items that pass `include`, lane by lane, with at
    /// most `max_rows` rows in every lane and nothing pinned.
    pub fn layout(
        &self,
        transform: &Transform,
        lanes: usize,
        max_rows: usize,
        char_width_px: f64,
        include: &dyn Fn(&Item) -> bool,
    ) -> Layout {
        let rows = vec![max_rows; lanes];
        self.layout_with(
            transform,
            &LayoutRequest {
                lanes,
                rows: &rows,
                char_width_px,
                include,
                pinned: &|_| false,
            },
        )
    }

    /// Lays out the visible items that `request` includes, lane by lane.
    ///
    /// An item occupies its drawn extent (at least [`MARKER_PX`]) plus room for
    /// its label (`label_chars × char_width_px`, at most [`MAX_LABEL_PX`]) and
    /// [`LABEL_GAP_PX`]. Pinned items go first, each in the first of its lane's
    /// rows free where it starts (or, if none is, the one that frees up
    /// first, unless the lane has a crowd of them, see [`pinned_crowd`]: then
    /// it waits with the others). Then in chronological order every other item takes the first
    /// row free over its whole extent; if none is, it joins a cluster of that
    /// lane, and clusters whose occupied room overlaps or touches merge. A
    /// cluster counts its items by the column they start in, as they join.
    pub fn layout_with(&self, transform: &Transform, request: &LayoutRequest<'_>) -> Layout {
        let mut layout = Layout {
            columns: Columns::of(transform),
            ..Layout::default()
        };
        if request.lanes == 0 {
            return layout;
        }
        let char_width = if request.char_width_px > 0.0 {
            request.char_width_px
        } else {
            0.0
        };
        let cap = |lane: usize| request.rows.get(lane).copied().unwrap_or(0);
        let visible: Vec<(usize, &Item)> = self
            .visible(transform.visible())
            .filter(|item| item.lane() < request.lanes && (request.include)(item))
            .enumerate()
            .collect();
        // Where each row is taken, lane by lane: pinned items anywhere, and
        // the others only ever after the row's last end, as they come in order.
        let mut rows: Vec<Vec<Row>> = (0..request.lanes)
            .map(|lane| vec![Row::default(); cap(lane)])
            .collect();
        let mut placed: Vec<(usize, Placed)> = Vec::new();
        let extent = |item: &Item| extent(item, transform, char_width);
        let pinned: Vec<(usize, &Item)> = visible
            .iter()
            .filter(|(_, i)| (request.pinned)(i))
            .copied()
            .collect();
        let mut pinned_in_lane = vec![0usize; request.lanes];
        for (_, item) in &pinned {
            if let Some(n) = pinned_in_lane.get_mut(item.lane()) {
                *n += 1;
            }
        }
        // Pinned items of a crowded lane that found no free row, in order.
        let mut waiting: Vec<usize> = Vec::new();
        for &(order, item) in &pinned {
            let (x0, x1, end) = extent(item);
            let Some(lane_rows) = rows.get_mut(item.lane()) else {
                continue;
            };
            if lane_rows.is_empty() {
                lane_rows.push(Row::default());
            }
            let free = lane_rows.iter().position(|r| r.pinned_end <= x0);
            let crowded = pinned_in_lane
                .get(item.lane())
                .is_some_and(|&n| n > pinned_crowd(cap(item.lane()), transform.width()));
            if free.is_none() && crowded {
                waiting.push(order);
                continue;
            }
            let earliest = lane_rows
                .iter()
                .enumerate()
                .min_by(|a, b| a.1.pinned_end.total_cmp(&b.1.pinned_end))
                .map_or(0, |(row, _)| row);
            let row = free.unwrap_or(earliest);
            if let Some(r) = lane_rows.get_mut(row) {
                r.pinned_end = r.pinned_end.max(end);
                r.pinned.push((x0, end));
            }
            placed.push((order, placed_item(item, row, x0, x1)));
        }
        let mut waiting = waiting.into_iter().peekable();
        let mut open_clusters: Vec<Option<(usize, f64)>> = vec![None; request.lanes];
        for &(order, item) in &visible {
            let waited = waiting.next_if_eq(&order).is_some();
            if !waited && (request.pinned)(item) {
                continue;
            }
            let (x0, x1, end) = extent(item);
            let free_row = rows.get_mut(item.lane()).and_then(|lane_rows| {
                lane_rows
                    .iter_mut()
                    .enumerate()
                    .find(|(_, r)| r.free(x0, end))
            });
            if let Some((row, r)) = free_row {
                r.end = end;
                placed.push((order, placed_item(item, row, x0, x1)));
                continue;
            }
            let Some(open) = open_clusters.get_mut(item.lane()) else {
                continue;
            };
            let merged = match open {
                Some((index, open_end)) if x0 <= *open_end => {
                    match layout.clusters.get_mut(*index) {
                        Some(cluster) => {
                            cluster.count += 1;
                            cluster.x1 = cluster.x1.max(x1);
                            cluster.same_span &= cluster.span == item.span;
                            cluster.span = cluster.span.union(&item.span);
                            cluster.events.push(item.event);
                            count_into(cluster, &layout.columns, x0);
                            *open_end = open_end.max(end);
                            true
                        }
                        None => false,
                    }
                }
                _ => false,
            };
            if !merged {
                *open = Some((layout.clusters.len(), end));
                let mut cluster = Cluster {
                    lane: item.lane(),
                    x0,
                    x1,
                    count: 1,
                    span: item.span,
                    events: vec![item.event],
                    same_span: true,
                    density: Vec::new(),
                    first_column: 0,
                };
                count_into(&mut cluster, &layout.columns, x0);
                layout.clusters.push(cluster);
            }
        }
        placed.sort_by_key(|(order, _)| *order);
        layout.placed = placed.into_iter().map(|(_, p)| p).collect();
        give_label_room(&mut layout.placed);
        layout
    }

    /// The first included item in chronological order.
    pub fn first(&self, include: &dyn Fn(&Item) -> bool) -> Option<&Item> {
        self.items.iter().find(|i| include(i))
    }

    /// The last included item in chronological order.
    pub fn last(&self, include: &dyn Fn(&Item) -> bool) -> Option<&Item> {
        self.items.iter().rev().find(|i| include(i))
    }

    /// The included item after `event`'s, or the first included one if
    /// `event` is not on the timeline or is excluded; `None` after the last.
    pub fn next_after(&self, event: usize, include: &dyn Fn(&Item) -> bool) -> Option<&Item> {
        match self.position(event, include) {
            Some(at) => self
                .items
                .get(at + 1..)
                .unwrap_or_default()
                .iter()
                .find(|i| include(i)),
            None => self.first(include),
        }
    }

    /// The included item before `event`'s, or the last included one if
    /// `event` is not on the timeline or is excluded; `None` before the first.
    pub fn previous_before(&self, event: usize, include: &dyn Fn(&Item) -> bool) -> Option<&Item> {
        match self.position(event, include) {
            Some(at) => self
                .items
                .get(..at)
                .unwrap_or_default()
                .iter()
                .rev()
                .find(|i| include(i)),
            None => self.last(include),
        }
    }

    /// The (first) item of `event`, if the timeline has one.
    pub fn item_of(&self, event: usize) -> Option<&Item> {
        let event = u32::try_from(event).ok()?;
        let at = self.by_event.partition_point(|(e, _)| *e < event);
        self.by_event
            .get(at)
            .filter(|(e, _)| *e == event)
            .and_then(|(_, position)| self.items.get(*position as usize))
    }

    /// Index in sorted order of the first included item for `event`.
    fn position(&self, event: usize, include: &dyn Fn(&Item) -> bool) -> Option<usize> {
        let event = u32::try_from(event).ok()?;
        let start = self.by_event.partition_point(|(e, _)| *e < event);
        self.by_event
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(|(e, _)| *e == event)
            .map(|(_, position)| *position as usize)
            .filter(|&position| self.items.get(position).is_some_and(include))
            .min()
    }
}

/// How many pinned items a lane of `rows` rows, `width` pixels wide, takes
/// on top of one another where no row is free: as many as its rows could
/// hold as bare markers. Beyond that, overlapping markers would show nothing
/// (an article of thousands of events on the Study strip), and the ones
/// without a free row are gathered into the lane's clusters as others are.
pub fn pinned_crowd(rows: usize, width: f64) -> usize {
    let per_row = (width / (MARKER_PX + LABEL_GAP_PX)).max(1.0);
    (rows.max(1) as f64 * per_row).min(1e9) as usize
}

/// One row of a lane while laying out.
#[derive(Clone, Debug)]
struct Row {
    /// Where the last unpinned item's room ends.
    end: f64,
    /// Where the last pinned item's room ends.
    pinned_end: f64,
    /// The room of the pinned items in it, (start, end).
    pinned: Vec<(f64, f64)>,
}

impl Default for Row {
    fn default() -> Self {
        Self {
            end: f64::NEG_INFINITY,
            pinned_end: f64::NEG_INFINITY,
            pinned: Vec::new(),
        }
    }
}

impl Row {
    /// Whether an item taking `x0..end` fits: after the row's last unpinned
    /// item and clear of every pinned one.
    fn free(&self, x0: f64, end: f64) -> bool {
        self.end <= x0 && !self.pinned.iter().any(|&(s, e)| s < end && e > x0)
    }
}

/// Where an item starts, where it ends, and where the room it takes in its
/// row ends (its marker and its label's room, and the gap after).
pub(crate) fn extent(item: &Item, transform: &Transform, char_width: f64) -> (f64, f64, f64) {
    let x0 = transform.x_from_t(item.span.start);
    let x1 = transform.x_from_t(item.span.end).max(x0);
    let label_px = (item.label_chars as f64 * char_width).min(MAX_LABEL_PX);
    (x0, x1, x1.max(x0 + MARKER_PX) + label_px + LABEL_GAP_PX)
}

/// An item placed in `row`, its label room decided later.
fn placed_item(item: &Item, row: usize, x0: f64, x1: f64) -> Placed {
    Placed {
        event: item.event,
        lane: item.lane(),
        row,
        x0,
        x1,
        shape: item.shape,
        label_px: MAX_LABEL_PX,
    }
}

/// Gives each placed item the room up to the next item of its row.
pub(crate) fn give_label_room(placed: &mut [Placed]) {
    let mut by_row: Vec<usize> = (0..placed.len()).collect();
    by_row.sort_by(|&a, &b| match (placed.get(a), placed.get(b)) {
        (Some(p), Some(q)) => (p.lane, p.row)
            .cmp(&(q.lane, q.row))
            .then(p.x0.total_cmp(&q.x0)),
        _ => std::cmp::Ordering::Equal,
    });
    for pair in by_row.windows(2) {
        let [a, b] = pair else { continue };
        let Some(next) = placed.get(*b).map(|q| (q.lane, q.row, q.x0)) else {
            continue;
        };
        if let Some(p) = placed.get_mut(*a)
            && (p.lane, p.row) == (next.0, next.1)
        {
            let marker_end = p.x1.max(p.x0 + MARKER_PX);
            p.label_px = (next.2 - marker_end - LABEL_GAP_PX).clamp(0.0, MAX_LABEL_PX);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;
    use crate::timeline::time::day_number;

    use crate::quiz::Rng;

    /// `n` items over 1900–2030: days, months, years, some spans, some instants.
    fn random_items(rng: &mut Rng, n: usize, lanes: usize) -> Vec<Item> {
        let first = day_number(1900, 1, 1) as f64;
        let last = day_number(2030, 1, 1) as f64;
        (0..n)
            .map(|event| {
                let start = rng.float(first, last).floor();
                let (len, shape) = match rng.below(10) {
                    0..=3 => (1.0, ItemShape::Day),
                    4..=5 => (30.0, ItemShape::Month),
                    6..=7 => (365.0, ItemShape::Year),
                    8 => (rng.float(2.0, 5.0 * 365.0).floor(), ItemShape::Span),
                    _ => (0.0, ItemShape::Day),
                };
                Item {
                    event,
                    span: TimeSpan::new(start, start + len),
                    shape,
                    lane: rng.below(lanes) as u16,
                    label_chars: (5 + rng.below(50)) as u16,
                }
            })
            .collect()
    }

    /// An item stays at 32 bytes: a timeline of 100,000 events holds one
    /// each, and the Study strip's copy one more.
    #[test]
    fn an_item_is_32_bytes() {
        assert!(size_of::<Item>() <= 32, "{}", size_of::<Item>());
    }

    /// The Study strip's timeline, copied from the lanes' one, is the one
    /// built from the same items all put in lane 0: the same order, the
    /// same look-ups, bounds and longest item; only its id differs.
    #[test]
    fn one_lane_copied_is_one_lane_built() {
        for seed in 0..200 {
            let mut rng = Rng::new(seed, 0);
            let n = rng.below(60);
            let lane_count = 1 + rng.below(5);
            let mut items = random_items(&mut rng, n, lane_count);
            // Repeated events and a few spans that are not finite.
            if n > 3 {
                items[1].event = items[2].event;
                items[3].span = TimeSpan::new(f64::NAN, 1.0);
            }
            let lanes = Timeline::new(items.clone());
            let copied = lanes.in_one_lane();
            let built = Timeline::new(
                items
                    .into_iter()
                    .map(|item| Item { lane: 0, ..item })
                    .collect(),
            );
            assert_eq!(copied.items(), built.items(), "seed {seed}");
            assert_eq!(copied.bounds(), built.bounds(), "seed {seed}");
            assert_eq!(
                copied.max_len.to_bits(),
                built.max_len.to_bits(),
                "seed {seed}"
            );
            assert_eq!(copied.by_event, built.by_event, "seed {seed}");
            assert_ne!(copied.id(), lanes.id());
            for event in 0..n + 2 {
                assert_eq!(copied.item_of(event), built.item_of(event), "seed {seed}");
            }
        }
    }

    fn view(center: f64, len: f64, width: f64) -> Transform {
        Transform::new(
            TimeSpan::new(center - len / 2.0, center + len / 2.0),
            50.0,
            width,
        )
    }

    fn everything(_: &Item) -> bool {
        true
    }

    #[test]
    fn culling_returns_exactly_the_intersecting_items() {
        let mut rng = Rng::new(0x9E37_79B9_7F4A_7C15, 0);
        let timeline = Timeline::new(random_items(&mut rng, 3_000, 5));
        let bounds = timeline.bounds().unwrap();
        for round in 0..500 {
            let start = rng.float(bounds.start - 500.0, bounds.end + 500.0);
            // Some ranges are instants, some start exactly on an item's start.
            let start = if round % 7 == 0 {
                timeline.items().get(rng.below(3_000)).unwrap().span.start
            } else {
                start
            };
            let len = match round % 5 {
                0 => 0.0,
                1 => rng.float(0.0, 3.0),
                _ => rng.float(0.0, 20_000.0),
            };
            let range = TimeSpan::new(start, start + len);
            let fast: Vec<usize> = timeline.visible(range).map(|i| i.event).collect();
            let slow: Vec<usize> = timeline
                .items()
                .iter()
                .filter(|i| i.span.intersects(&range))
                .map(|i| i.event)
                .collect();
            assert_eq!(fast, slow, "range {range:?}");
        }
    }

    #[test]
    fn items_are_sorted_and_bounded() {
        let mut rng = Rng::new(42, 0);
        let timeline = Timeline::new(random_items(&mut rng, 1_000, 3));
        assert_eq!(timeline.len(), 1_000);
        for pair in timeline.items().windows(2) {
            let [a, b] = pair else { unreachable!() };
            assert!((a.span.start, a.span.end, a.event) <= (b.span.start, b.span.end, b.event));
        }
        let bounds = timeline.bounds().unwrap();
        assert!(
            timeline
                .items()
                .iter()
                .all(|i| bounds.union(&i.span) == bounds)
        );

        let empty = Timeline::new(Vec::new());
        assert!(empty.is_empty());
        assert_eq!(empty.bounds(), None);
        assert_eq!(empty.visible(TimeSpan::new(0.0, 1e9)).count(), 0);
        let bad = Item {
            event: 0,
            span: TimeSpan {
                start: f64::NAN,
                end: 1.0,
            },
            shape: ItemShape::Day,
            lane: 0,
            label_chars: 1,
        };
        assert!(Timeline::new(vec![bad]).is_empty(), "no place for a NaN");
    }

    /// Checks the layout invariants for one view; returns how many were placed.
    fn check_layout(
        timeline: &Timeline,
        transform: &Transform,
        lanes: usize,
        max_rows: usize,
        include: &dyn Fn(&Item) -> bool,
    ) -> usize {
        let char_width = 7.0;
        let layout = timeline.layout(transform, lanes, max_rows, char_width, include);
        let expected = timeline
            .visible(transform.visible())
            .filter(|i| i.lane() < lanes && include(i))
            .count();
        let clustered: usize = layout.clusters.iter().map(|c| c.count).sum();
        assert_eq!(layout.placed.len() + clustered, expected, "every item once");

        // Occupied room of each placed item, to check rows do not overlap.
        let by_event = |event: usize| timeline.items().iter().find(|i| i.event == event).unwrap();
        for lane in 0..lanes {
            assert!(layout.rows_used(lane) <= max_rows);
            for row in 0..max_rows {
                let mut previous_end = f64::NEG_INFINITY;
                for placed in layout
                    .placed
                    .iter()
                    .filter(|p| p.lane == lane && p.row == row)
                {
                    let item = by_event(placed.event);
                    assert!(include(item) && item.lane() == lane);
                    assert!(placed.x1 >= placed.x0);
                    assert!(
                        placed.x0 >= previous_end,
                        "overlap in lane {lane} row {row}"
                    );
                    let label = (item.label_chars as f64 * char_width).min(MAX_LABEL_PX);
                    previous_end = placed.x1.max(placed.x0 + MARKER_PX) + label + LABEL_GAP_PX;
                }
            }
            let clusters: Vec<&Cluster> =
                layout.clusters.iter().filter(|c| c.lane == lane).collect();
            for cluster in &clusters {
                assert!(cluster.count >= 1 && cluster.x1 >= cluster.x0);
            }
            for pair in clusters.windows(2) {
                let [a, b] = pair else { unreachable!() };
                assert!(b.x0 > a.x1, "clusters overlap in lane {lane}");
                assert!(b.span.start >= a.span.start);
            }
        }
        layout.placed.len()
    }

    #[test]
    fn layout_places_or_clusters_every_item_without_overlap() {
        let mut rng = Rng::new(7, 0);
        let timeline = Timeline::new(random_items(&mut rng, 5_000, 6));
        let bounds = timeline.bounds().unwrap();
        let some = |i: &Item| !i.event.is_multiple_of(3);
        let mut placed_somewhere = 0;
        for len in [20.0, 400.0, 3_650.0, 40_000.0, Transform::MAX_VISIBLE_DAYS] {
            for _ in 0..4 {
                let center = rng.float(bounds.start, bounds.end);
                for width in [300.0, 1200.0] {
                    let tr = view(center, len, width);
                    for (lanes, max_rows) in [(6, 4), (4, 1), (6, 0), (1, 3), (0, 2)] {
                        placed_somewhere +=
                            check_layout(&timeline, &tr, lanes, max_rows, &everything);
                        placed_somewhere += check_layout(&timeline, &tr, lanes, max_rows, &some);
                    }
                }
            }
        }
        assert!(placed_somewhere > 0);
    }

    #[test]
    fn sparse_items_get_rows_and_crowded_ones_cluster() {
        let item = |event: usize, day: f64| Item {
            event,
            span: TimeSpan::new(day, day + 1.0),
            shape: ItemShape::Day,
            lane: 0,
            label_chars: 10,
        };
        // Ten events on consecutive days in a 20-day view: 10 px per day on 200 px
        // is too close for labels of 70 px, so two rows then a cluster.
        let timeline = Timeline::new((0..10).map(|e| item(e, e as f64)).collect());
        let tr = Transform::new(TimeSpan::new(0.0, 20.0), 0.0, 200.0);
        let layout = timeline.layout(&tr, 1, 2, 7.0, &everything);
        assert_eq!(layout.rows_used(0), 2);
        assert_eq!(layout.clusters.len(), 1);
        let cluster = layout.clusters.first().unwrap();
        // Each claims 10 + 70 + 8 = 88 px: days 0 and 1 take the rows, days 2
        // to 8 cluster, and day 9 (x = 90) finds row 0 free again.
        assert_eq!(cluster.count, 7);
        assert_eq!(cluster.span, TimeSpan::new(2.0, 9.0));
        let rows: Vec<(usize, usize)> = layout.placed.iter().map(|p| (p.event, p.row)).collect();
        assert_eq!(rows, vec![(0, 0), (1, 1), (9, 0)]);
        // Far apart, every one fits in the first row.
        let spread = Timeline::new((0..10).map(|e| item(e, e as f64 * 100.0)).collect());
        let tr = Transform::new(TimeSpan::new(0.0, 1_000.0), 0.0, 2_000.0);
        let layout = spread.layout(&tr, 1, 2, 7.0, &everything);
        assert_eq!(layout.placed.len(), 10);
        assert!(layout.placed.iter().all(|p| p.row == 0));
        assert!(layout.clusters.is_empty());
    }

    #[test]
    fn pinned_items_are_placed_unless_a_crowd_and_others_keep_clear_of_them() {
        let mut rng = Rng::new(11, 0);
        let timeline = Timeline::new(random_items(&mut rng, 2_000, 3));
        let bounds = timeline.bounds().unwrap();
        let mut crowded_lanes = 0;
        // A few pinned, and a crowd of them (every other item).
        for (every, len) in [23, 2]
            .into_iter()
            .flat_map(|every| [30.0, 800.0, 9_000.0, 47_000.0].map(|len| (every, len)))
        {
            let pinned = |i: &Item| i.event.is_multiple_of(every);
            for _ in 0..6 {
                let tr = view(rng.float(bounds.start, bounds.end), len, 900.0);
                for rows in [[1, 2, 3], [0, 4, 1]] {
                    let layout = timeline.layout_with(
                        &tr,
                        &LayoutRequest {
                            lanes: 3,
                            rows: &rows,
                            char_width_px: 7.0,
                            include: &everything,
                            pinned: &pinned,
                        },
                    );
                    let visible: Vec<&Item> = timeline.visible(tr.visible()).collect();
                    let clustered: usize = layout.clusters.iter().map(|c| c.count).sum();
                    assert_eq!(layout.placed.len() + clustered, visible.len());
                    let crowd = |lane: usize| {
                        let rows = rows.get(lane).copied().unwrap_or(0);
                        visible
                            .iter()
                            .filter(|i| i.lane() == lane && pinned(i))
                            .count()
                            > pinned_crowd(rows, tr.width())
                    };
                    crowded_lanes += (0..3).filter(|&l| crowd(l)).count();
                    // In a lane of a handful pinned, each is placed; in a crowd
                    // those without a free row wait with the others.
                    for item in visible.iter().filter(|i| pinned(i) && !crowd(i.lane())) {
                        assert!(layout.placed.iter().any(|p| p.event == item.event));
                        assert!(
                            !layout
                                .clusters
                                .iter()
                                .any(|c| c.events.contains(&item.event))
                        );
                    }
                    for cluster in &layout.clusters {
                        assert_eq!(cluster.events.len(), cluster.count);
                    }
                    // An unpinned item, or any in a crowded lane, never
                    // overlaps another item's room.
                    let room = |p: &Placed| {
                        let item = timeline.item_of(p.event).unwrap();
                        let label = (item.label_chars as f64 * 7.0).min(MAX_LABEL_PX);
                        (p.x0, p.x1.max(p.x0 + MARKER_PX) + label + LABEL_GAP_PX)
                    };
                    for a in layout
                        .placed
                        .iter()
                        .filter(|p| !pinned(timeline.item_of(p.event).unwrap()) || crowd(p.lane))
                    {
                        for b in layout.placed.iter().filter(|b| b.event != a.event) {
                            if (a.lane, a.row) == (b.lane, b.row) {
                                let (a0, a1) = room(a);
                                let (b0, b1) = room(b);
                                assert!(a1 <= b0 || b1 <= a0, "{a:?} overlaps {b:?}");
                            }
                        }
                    }
                }
            }
        }
        assert!(crowded_lanes > 0, "some views have a crowd of pinned items");
    }

    #[test]
    fn a_label_gets_the_room_up_to_the_next_item_of_its_row() {
        let mut rng = Rng::new(3, 0);
        let timeline = Timeline::new(random_items(&mut rng, 1_000, 2));
        let bounds = timeline.bounds().unwrap();
        for _ in 0..20 {
            let tr = view(rng.float(bounds.start, bounds.end), 5_000.0, 800.0);
            let layout = timeline.layout(&tr, 2, 3, 7.0, &everything);
            for p in &layout.placed {
                assert!((0.0..=MAX_LABEL_PX).contains(&p.label_px));
                let label_end = p.x1.max(p.x0 + MARKER_PX) + p.label_px;
                for q in layout
                    .placed
                    .iter()
                    .filter(|q| (q.lane, q.row) == (p.lane, p.row))
                {
                    assert!(q.x0 <= p.x0 || q.x0 >= label_end + LABEL_GAP_PX - 1e-9);
                }
            }
        }
    }

    #[test]
    fn every_item_is_reached_through_its_chips() {
        use crate::timeline::density::{PartAction, Way};
        let mut rng = Rng::new(17, 0);
        let mut items = random_items(&mut rng, 400, 3);
        // Some share one year exactly: only a list can part them.
        for item in items.iter_mut().take(40) {
            item.span = TimeSpan::new(day_number(2022, 1, 1) as f64, day_number(2023, 1, 1) as f64);
            item.shape = ItemShape::Year;
        }
        let timeline = Timeline::new(items);
        let bounds = timeline.bounds().unwrap();
        let mut bands = 0;
        for event in 0..400 {
            let mut tr = Transform::fit(bounds, 0.0, 700.0);
            let mut reached = false;
            for _ in 0..60 {
                let layout = timeline.layout(&tr, 3, 2, 7.0, &everything);
                bands += layout.clusters.iter().filter(|c| c.is_band()).count();
                // A chip's click, or a click on the part of a band that holds it.
                match layout.way_to(&timeline, tr.visible(), event) {
                    Way::Drawn => reached = true,
                    Way::Open(PartAction::List(events)) => reached = events.contains(&event),
                    Way::Open(PartAction::Zoom(span)) => {
                        tr = Transform::fit(span, 0.0, 700.0);
                        continue;
                    }
                    Way::Nowhere => {}
                }
                break;
            }
            assert!(reached, "event {event}");
        }
        assert!(bands > 0, "some of the way through bands");
    }

    #[test]
    fn item_of_finds_every_event_and_nothing_else() {
        let mut rng = Rng::new(5, 0);
        let timeline = Timeline::new(random_items(&mut rng, 500, 3));
        for item in timeline.items() {
            assert_eq!(timeline.item_of(item.event), Some(item));
        }
        assert_eq!(timeline.item_of(500), None);
        assert_eq!(timeline.item_of(usize::MAX), None);
    }

    #[test]
    fn next_and_previous_walk_the_whole_timeline() {
        let mut rng = Rng::new(99, 0);
        let timeline = Timeline::new(random_items(&mut rng, 400, 4));
        for include in [&everything as &dyn Fn(&Item) -> bool, &|i: &Item| {
            i.lane() != 2
        }] {
            let expected: Vec<usize> = timeline
                .items()
                .iter()
                .filter(|i| include(i))
                .map(|i| i.event)
                .collect();
            let mut forward = Vec::new();
            let mut at = timeline.first(include);
            while let Some(item) = at {
                forward.push(item.event);
                at = timeline.next_after(item.event, include);
            }
            assert_eq!(forward, expected);
            let mut backward = Vec::new();
            let mut at = timeline.last(include);
            while let Some(item) = at {
                backward.push(item.event);
                at = timeline.previous_before(item.event, include);
            }
            backward.reverse();
            assert_eq!(backward, expected);
        }
        // Unknown or excluded: start from the ends.
        let first = timeline.first(&everything).unwrap().event;
        let last = timeline.last(&everything).unwrap().event;
        assert_eq!(
            timeline.next_after(usize::MAX, &everything).unwrap().event,
            first
        );
        assert_eq!(
            timeline
                .previous_before(usize::MAX, &everything)
                .unwrap()
                .event,
            last
        );
        let not_first = |i: &Item| i.event != first;
        assert_eq!(
            timeline.next_after(first, &not_first).map(|i| i.event),
            timeline.first(&not_first).map(|i| i.event)
        );
        assert!(timeline.first(&|_| false).is_none());
    }

    #[test]
    fn shape_follows_precision() {
        let on = |date| shape_of(&When::On(date));
        assert_eq!(on(Date::day(1995, 12, 12)), ItemShape::Day);
        assert_eq!(on(Date::month(2007, 12)), ItemShape::Month);
        assert_eq!(on(Date::year(1997)), ItemShape::Year);
        let year = Date::year(2025);
        assert_eq!(shape_of(&When::Span(year, year)), ItemShape::Year);
        let month = Date::month(2007, 12);
        assert_eq!(shape_of(&When::Span(month, month)), ItemShape::Month);
        let day = Date::day(1995, 12, 12);
        assert_eq!(shape_of(&When::Span(day, day)), ItemShape::Day);
        assert_eq!(
            shape_of(&When::Span(
                Date::day(1995, 10, 18),
                Date::day(1995, 10, 20)
            )),
            ItemShape::Span
        );
        assert_eq!(
            shape_of(&When::Span(Date::year(2025), Date::month(2025, 3))),
            ItemShape::Span
        );
    }
}
