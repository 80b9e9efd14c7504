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
            let Some(lane) = lanes.get_mut(item.lane()) else {
                continue;
            };
            if !include(item) {
                continue;
            }
            let (Ok(position), Ok(event)) = (u32::try_from(position), u32::try_from(item.event))
            else {
                fits = false;
                break;
            };
            lane.push(Entry {
                span: item.span,
                position,
                event,
                label_chars: u32::from(item.label_chars),
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
        self.before().chain(self.rest())
    }

    /// The items that start before the range and reach into it.
    fn before(&self) -> impl Iterator<Item = &'a Entry> {
        let range = self.range;
        self.entries
            .get(self.window.start..self.all_visible_from)
            .unwrap_or_default()
            .iter()
            .filter(move |e| e.span.intersects(&range))
    }

    /// The items that start in the range, in order.
    fn rest(&self) -> &'a [Entry] {
        self.entries
            .get(self.all_visible_from..self.window.end)
            .unwrap_or_default()
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
///
/// Row ends change only when an item is placed, so once an item finds every
/// row taken, so does every item after it that starts left of the first row
/// end: that run is found by a search that looks at a few of its items
/// (galloping: screen x grows with time) and gathered at once (see
/// [`LaneState::gather`]).
fn lay_out_lane(
    view: &LaneView<'_>,
    transform: &Transform,
    rows: usize,
    char_width: f64,
    columns: &Columns,
    out: &mut Laid,
) {
    let mut lane = LaneState {
        lane: view.lane,
        ends: vec![f64::NEG_INFINITY; rows],
        open: None,
        room: Room::new(transform, char_width),
        columns,
        out,
    };
    for entry in view.before() {
        let x0 = transform.x_from_t(entry.span.start);
        if !lane.place(entry, x0) {
            lane.gather_one(entry, x0);
        }
    }
    let rest = view.rest();
    let mut i = 0;
    while let Some(entry) = rest.get(i) {
        let x0 = transform.x_from_t(entry.span.start);
        i += 1;
        if lane.place(entry, x0) {
            continue;
        }
        let after = rest.get(i..).unwrap_or_default();
        let ends = &lane.ends;
        let taken = |e: &Entry| {
            let x0 = transform.x_from_t(e.span.start);
            !ends.iter().any(|end| *end <= x0)
        };
        let run_end = i + run_length(after, taken);
        lane.gather_one(entry, x0);
        lane.gather(rest.get(i..run_end).unwrap_or_default());
        i = run_end;
    }
    if let Some(closed) = lane.open.take() {
        lane.out.1.push(closed.finish(view.lane, transform));
    }
}

/// One lane while it is laid out: its rows' ends and its open cluster.
struct LaneState<'a, 'o> {
    /// The lane.
    lane: usize,
    /// Where each row's last item's room ends.
    ends: Vec<f64>,
    /// The cluster items join while they find no row.
    open: Option<OpenCluster<'a>>,
    /// Where an item's room ends.
    room: Room,
    /// The columns densities count in.
    columns: &'o Columns,
    /// The placed items and finished clusters.
    out: &'o mut Laid,
}

impl<'a> LaneState<'a, '_> {
    /// Places `entry`, starting at screen `x0`, in the first row free there:
    /// false if every row is taken.
    fn place(&mut self, entry: &Entry, x0: f64) -> bool {
        let Some((row, e)) = self.ends.iter_mut().enumerate().find(|(_, e)| **e <= x0) else {
            return false;
        };
        let (x0, x1, end) = entry_extent(entry, &self.room.transform, self.room.char_width);
        *e = end;
        let placed = Placed {
            event: entry.event as usize,
            lane: self.lane,
            row,
            x0,
            x1,
            shape: entry.shape,
            label_px: MAX_LABEL_PX,
        };
        self.out.0.push((entry.position, placed));
        true
    }

    /// Gathers `entry`, which found no row: into the open cluster if it
    /// starts within the room that cluster's items take, else into a new one.
    fn gather_one(&mut self, entry: &'a Entry, x0: f64) {
        let end = self.room.end(entry, x0);
        let room = &self.room;
        let joins = self
            .open
            .as_mut()
            .is_some_and(|cluster| cluster.reaches(x0, room));
        match &mut self.open {
            Some(cluster) if joins => cluster.add(entry, x0, end, self.columns),
            _ => {
                let opened = OpenCluster::new(entry, x0, end, self.columns);
                if let Some(closed) = self.open.replace(opened) {
                    let transform = self.room.transform;
                    self.out.1.push(closed.finish(self.lane, &transform));
                }
            }
        }
    }

    /// Gathers a run of items that all found no row, as [`Self::gather_one`]
    /// would one by one: those that start within the room the open cluster
    /// is known to take join it at once (found by galloping); the
    /// first one past it is gathered alone.
    fn gather(&mut self, run: &'a [Entry]) {
        let transform = self.room.transform;
        let x = |e: &Entry| transform.x_from_t(e.span.start);
        let mut i = 0;
        while let Some(entry) = run.get(i) {
            if let Some(cluster) = &mut self.open {
                let known = cluster.room_end;
                let rest = run.get(i..).unwrap_or_default();
                let joining = run_length(rest, |e| x(e) <= known);
                if joining > 0 {
                    cluster.join_all(
                        rest.get(..joining).unwrap_or_default(),
                        &transform,
                        self.columns,
                    );
                    i += joining;
                    continue;
                }
            }
            self.gather_one(entry, x(entry));
            i += 1;
        }
    }
}

/// A cluster while items join it: what each item changes, kept at hand
/// (its density counted by runs of one column) until it is finished.
struct OpenCluster<'a> {
    /// The position of its first item.
    position: u32,
    /// Screen x where its first item starts.
    x0: f64,
    /// Where the room its items take ends, as far as known: an item
    /// starting later opens another cluster (once `pending` is counted).
    room_end: f64,
    /// Runs of items that joined whose room is not yet in `room_end`: only
    /// an item starting past `room_end` needs it.
    pending: Vec<&'a [Entry]>,
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

impl<'a> OpenCluster<'a> {
    fn new(entry: &Entry, x0: f64, end: f64, columns: &Columns) -> Self {
        let column = columns.at(x0);
        Self {
            position: entry.position,
            x0,
            room_end: end,
            pending: Vec::new(),
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
        self.count_column(columns.at(x0), 1);
    }

    /// Whether an item starting at screen `x0` is within the room its items
    /// take (the room of those pending is worked out only if that decides).
    fn reaches(&mut self, x0: f64, room: &Room) -> bool {
        if x0 <= self.room_end {
            return true;
        }
        for run in self.pending.drain(..) {
            for entry in run {
                let x0 = room.transform.x_from_t(entry.span.start);
                // A maximum: the order items are counted in changes nothing.
                self.room_end = self.room_end.max(room.end(entry, x0));
            }
        }
        x0 <= self.room_end
    }

    /// Adds a run of items, as [`Self::add`] one by one, but their room
    /// left for later and their columns counted by runs of one column.
    fn join_all(&mut self, run: &'a [Entry], transform: &Transform, columns: &Columns) {
        let Some(first) = run.first() else {
            return;
        };
        self.count += run.len();
        // One by one, an item keeps the span the same only if it is the
        // same span, and once one is not nothing can make it so again.
        self.same_span = self.same_span && run.iter().all(|e| e.span == self.span);
        // The items come in order of start, so the first starts earliest;
        // the latest end is a maximum, taken four at a time (in any order:
        // the same maximum), not through one long chain.
        let mut ends = [self.span.end; 4];
        let mut chunks = run.chunks_exact(4);
        for chunk in &mut chunks {
            for (end, entry) in ends.iter_mut().zip(chunk) {
                *end = end.max(entry.span.end);
            }
        }
        for entry in chunks.remainder() {
            ends[0] = ends[0].max(entry.span.end);
        }
        let end = ends.into_iter().fold(f64::NEG_INFINITY, f64::max);
        self.span = TimeSpan {
            start: self.span.start.min(first.span.start),
            end,
        };
        self.events.extend(run.iter().map(|e| e.event as usize));
        self.pending.push(run);
        let column_of = |e: &Entry| columns.at(transform.x_from_t(e.span.start));
        let mut column = column_of(first);
        let last_column = run.last().map_or(column, column_of);
        // A few items a column: placing each costs less than a search.
        if run.len() < 6 * (last_column.saturating_sub(column) + 1) {
            self.count_each(run, column, last_column, column_of);
            return;
        }
        let mut i = 0;
        while i < run.len() {
            let rest = run.get(i..).unwrap_or_default();
            let (n, next) = in_column(rest, column, transform, columns);
            self.count_column(column, u32::try_from(n).unwrap_or(u32::MAX));
            i += n.max(1);
            column = next.unwrap_or(column);
        }
    }

    /// Counts each item of `run` in its column, as [`Self::count_column`]
    /// one by one would: the first starts in `first`, the last in `last`.
    /// The density is made long enough for them all at once and each item
    /// counted straight into it: with about one item a column, asking one
    /// by one whether it starts a new column was a guess the processor got
    /// wrong every other item.
    fn count_each(
        &mut self,
        run: &[Entry],
        first: usize,
        last: usize,
        column_of: impl Fn(&Entry) -> usize,
    ) {
        self.count_column(first, 1);
        self.close_column();
        let base = self.first_column;
        self.density.resize(last.saturating_sub(base) + 1, 0);
        for entry in run.get(1..).unwrap_or_default() {
            // Items come in order of start: from `first` to `last`, within the density.
            if let Some(n) = self.density.get_mut(column_of(entry).saturating_sub(base)) {
                *n += 1;
            }
        }
        // The last column stays open: later items may start in it too.
        let n = self.density.pop().unwrap_or(0);
        self.column = (last.max(first), n);
    }

    /// Counts `n` more items starting in `column` (never left of the last).
    fn count_column(&mut self, column: usize, n: u32) {
        // Items come in order of start: the columns only grow to the right.
        if column == self.column.0 {
            self.column.1 += n;
        } else {
            self.close_column();
            self.column = (column, n);
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

/// How many of `run`'s first items start in `column` (the first does),
/// and the column the next one starts in.
///
/// Where the column ends in time is worked out once, and the items before
/// it are found by comparing their start with it (a gallop, no division);
/// the last item found and the next are then placed exactly, and only if
/// rounding put one on the wrong side are the items counted exactly.
fn in_column(
    run: &[Entry],
    column: usize,
    transform: &Transform,
    columns: &Columns,
) -> (usize, Option<usize>) {
    let column_of = |e: &Entry| columns.at(transform.x_from_t(e.span.start));
    let exact = |e: &Entry| column_of(e) <= column;
    let mut n = if column + 1 >= columns.count {
        // The last column holds every item right of it too.
        run.len()
    } else {
        let (_, column_end) = columns.x_range(column);
        let end_t = transform.t_from_x(column_end);
        let rest = run.get(1..).unwrap_or_default();
        let n = 1 + run_length(rest, |e| e.span.start < end_t);
        match run.get(n - 1) {
            Some(last) if n > 1 && !exact(last) => {
                1 + run_length(run.get(1..n).unwrap_or_default(), exact)
            }
            _ => n,
        }
    };
    // Every item before `n` is in the column: the next one may be too.
    while let Some(next) = run.get(n) {
        let next_column = column_of(next);
        if next_column > column {
            return (n, Some(next_column));
        }
        n += 1 + run_length(run.get(n + 1..).unwrap_or_default(), exact);
    }
    (n, None)
}

/// How many of `run`'s first items `same` holds for (it holds for a first
/// part of the run and for none after): looked at one by one for a few, then
/// by galloping, so a column of thousands costs a few dozen looks.
fn run_length(run: &[Entry], same: impl Fn(&Entry) -> bool) -> usize {
    const LINEAR: usize = 8;
    let mut n = 0;
    while n < LINEAR {
        match run.get(n) {
            Some(e) if same(e) => n += 1,
            _ => return n,
        }
    }
    // Every item before `n` holds; gallop to one that does not.
    let mut step = LINEAR;
    let end = loop {
        let probe = n + step;
        match run.get(probe) {
            Some(e) if same(e) => {
                n = probe + 1;
                step *= 2;
            }
            Some(_) => break probe,
            None => break run.len(),
        }
    };
    n + run.get(n..end).unwrap_or_default().partition_point(same)
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
                    lane: rng.below(lanes) as u16,
                    label_chars: rng.below(60) as u16,
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

    /// Crowds of hundreds to thousands of events on a day or a few weeks,
    /// in lanes of their own or shared, over a sparse background: rows
    /// fill, and runs of items fall out of them together.
    fn crowded_items(rng: &mut Rng, n: usize, lanes: usize) -> Vec<Item> {
        let crowds: Vec<(f64, f64, usize)> = (0..1 + rng.below(4))
            .map(|_| {
                let spread = [0.0, 1.0, 7.0, 60.0, 2_000.0][rng.below(5)];
                (rng.float(0.0, 20_000.0).floor(), spread, rng.below(lanes))
            })
            .collect();
        (0..n)
            .map(|event| {
                let crowd = crowds.get(rng.below(crowds.len() + 1));
                let (start, lane) = match crowd {
                    Some(&(day, spread, lane)) => {
                        let lane = if rng.below(4) == 0 {
                            rng.below(lanes)
                        } else {
                            lane
                        };
                        ((day + rng.float(0.0, spread)).floor(), lane)
                    }
                    None => (rng.float(0.0, 20_000.0).floor(), rng.below(lanes)),
                };
                let (len, shape) = match rng.below(12) {
                    0..=5 => (1.0, ItemShape::Day),
                    6 => (0.0, ItemShape::Day),
                    7 => (30.0, ItemShape::Month),
                    8 => (365.0, ItemShape::Year),
                    _ => (rng.float(2.0, 8_000.0).floor(), ItemShape::Span),
                };
                Item {
                    event,
                    span: TimeSpan::new(start, start + len),
                    shape,
                    lane: lane as u16,
                    label_chars: rng.below(90) as u16,
                }
            })
            .collect()
    }

    /// A view of `timeline`: from as close as a view gets to four
    /// centuries, on a strip from under a pixel (one column) to a wide one.
    fn any_view(rng: &mut Rng, timeline: &Timeline) -> Transform {
        let len = match rng.below(6) {
            0 => Transform::MIN_VISIBLE_DAYS,
            1 => rng.float(14.0, 90.0),
            2 => rng.float(90.0, 5_000.0),
            3 => Transform::MAX_VISIBLE_DAYS,
            _ => rng.float(5_000.0, 40_000.0),
        };
        let center = match (
            rng.below(3),
            timeline.items().get(rng.below(timeline.items().len())),
        ) {
            (0, Some(item)) => item.span.start + rng.float(-10.0, 10.0),
            _ => rng.float(-2_000.0, 22_000.0),
        };
        let width = match rng.below(5) {
            0 => rng.float(0.0, 2.0),
            1 => rng.float(2.0, 60.0),
            _ => rng.float(100.0, 2_000.0),
        };
        let left = [0.0, 120.0, -300.5, 2e9][rng.below(4)];
        Transform::new(
            TimeSpan::new(center - len / 2.0, center + len / 2.0),
            left,
            width,
        )
    }

    /// Where rows fill and crowds fall out of them in runs, at any zoom and
    /// width, with spans, pins and any rows: the layout from a selection is
    /// still exactly the whole layout's.
    #[test]
    fn the_selection_s_layout_is_the_whole_layout_s_in_crowds() {
        let mut rng = Rng::new(0xC20_4D5, 0);
        let mut clusters = 0;
        for round in 0..300 {
            let lane_count = 1 + rng.below(4);
            let n = 200 + rng.below(4_000);
            let timeline = Timeline::new(crowded_items(&mut rng, n, lane_count + 1));
            let shown: Vec<usize> = (0..lane_count + 1).filter(|_| rng.below(5) != 0).collect();
            let skip = rng.below(4);
            let include = move |item: &Item| skip == 0 || item.event % 7 != skip;
            let pin = rng.below(5) == 0;
            let pinned_event = rng.below(n);
            let pinned = move |item: &Item| pin && item.event % 211 == pinned_event % 211;
            let char_width = [0.0, 3.0, 6.4, 9.0][rng.below(4)];
            let request = RowsRequest {
                shown: &shown,
                lane_count,
                budget: rng.below(40),
                max_rows: 1 + rng.below(6),
                char_width_px: char_width,
                include: &include,
                pinned: &pinned,
            };
            let selection = Selection::new(&timeline, lane_count, &include, &pinned);
            let tr = any_view(&mut rng, &timeline);
            let whole = lay_out_lanes(&timeline, &tr, &request);
            let fast = lay_out_selection(&timeline, &tr, &selection, &request);
            assert_eq!(fast, whole, "round {round}");
            clusters += whole.clusters.iter().filter(|c| c.count > 100).count();
        }
        assert!(clusters > 100, "crowds were gathered: {clusters}");
    }

    /// A crowd of thousands on one day and one of thousands over a few
    /// weeks, each in one lane of one row, narrow labels: the bands'
    /// densities are counted by runs and still exactly the whole layout's.
    #[test]
    fn a_crowd_of_thousands_is_counted_exactly() {
        let mut rng = Rng::new(0xDE_2517, 0);
        let items: Vec<Item> = (0..20_000)
            .map(|event| {
                let (start, lane) = if event % 2 == 0 {
                    (9_000.0, 0)
                } else {
                    (rng.float(12_000.0, 12_030.0).floor(), 1)
                };
                Item {
                    event,
                    span: TimeSpan::new(start, start + 1.0),
                    shape: ItemShape::Day,
                    lane: lane as u16,
                    label_chars: (1 + rng.below(3)) as u16,
                }
            })
            .collect();
        let timeline = Timeline::new(items);
        let include = |_: &Item| true;
        let pinned = |_: &Item| false;
        let request = RowsRequest {
            shown: &[0, 1],
            lane_count: 2,
            budget: 4,
            max_rows: 1,
            char_width_px: 0.5,
            include: &include,
            pinned: &pinned,
        };
        let selection = Selection::new(&timeline, 2, &include, &pinned);
        for (start, end) in [
            (8_000.0, 13_000.0),
            (11_990.0, 12_040.0),
            (8_999.0, 9_013.0),
        ] {
            let tr = Transform::new(TimeSpan::new(start, end), 10.0, 1_200.0);
            let whole = lay_out_lanes(&timeline, &tr, &request);
            let fast = lay_out_selection(&timeline, &tr, &selection, &request);
            assert_eq!(fast, whole, "{start}..{end}");
            let gathered: usize = fast.clusters.iter().map(|c| c.count).sum();
            assert!(gathered > 5_000, "{start}..{end}: {gathered} gathered");
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
