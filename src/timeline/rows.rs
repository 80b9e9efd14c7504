//! How many rows each lane gets: the height is shared out by need, so a
//! crowded lane stacks as many rows as the others leave it, rather than every
//! lane the same few.

use super::layout::{Item, Layout, LayoutRequest, Timeline, extent};
use super::selection::{self, Selection};
use super::transform::Transform;

/// What to share out among the lanes shown.
pub struct RowsRequest<'a> {
    /// The lanes shown, top to bottom.
    pub shown: &'a [usize],
    /// Total lane count of the timeline.
    pub lane_count: usize,
    /// Rows that fit in the height, for all shown lanes together (a lane's
    /// cluster chips take a row of it).
    pub budget: usize,
    /// The most event rows any one lane may stack.
    pub max_rows: usize,
    /// Width of one label character.
    pub char_width_px: f64,
    /// Which items to lay out.
    pub include: &'a dyn Fn(&Item) -> bool,
    /// Items never gathered into a cluster.
    pub pinned: &'a dyn Fn(&Item) -> bool,
}

/// Rows a lane takes on screen: its events' rows (at least one) and one more
/// for its cluster chips if it has any.
pub fn lane_rows(lane: usize, layout: &Layout) -> usize {
    layout.rows_used(lane).max(1) + usize::from(layout.has_clusters(lane))
}

/// Lays out the visible items with the rows shared out among the lanes.
///
/// First every lane may take all the rows there are, which says what each
/// needs; lanes that need no more than an even share of what is left get it
/// all, least needy first, and the rest split what remains (keeping a row
/// for their chips). A lane always gets at least one row.
pub fn lay_out_lanes(
    timeline: &Timeline,
    transform: &Transform,
    request: &RowsRequest<'_>,
) -> Layout {
    let lay_out = |rows: &[usize]| {
        timeline.layout_with(
            transform,
            &LayoutRequest {
                lanes: request.lane_count,
                rows,
                char_width_px: request.char_width_px,
                include: request.include,
                pinned: request.pinned,
            },
        )
    };
    let rows = most_rows(request);
    // What each lane needs at its most rows: counted without laying out
    // (no clusters, no label room) when nothing in view is pinned, as in
    // the Timeline view; else from a whole layout, kept if it fits.
    let (lane_needs, roomy) = match row_needs(timeline, transform, request, &rows) {
        Some(counted) => (counted, None),
        None => {
            let roomy = lay_out(&rows);
            let needs = (0..request.lane_count)
                .map(|lane| (roomy.rows_used(lane), roomy.has_clusters(lane)))
                .collect();
            (needs, Some(roomy))
        }
    };
    match shared_rows(request, &lane_needs, rows) {
        Ok(rows) => roomy.unwrap_or_else(|| lay_out(&rows)),
        Err(rows) => lay_out(&rows),
    }
}

/// Lays out as [`lay_out_lanes`] does (the same layout), from `selection`:
/// what the request's `include` and `pinned` let through and pin, made for
/// its lane count. Unless something pinned is in view, the filters are not
/// asked again, and what each lane needs is counted without a look at the
/// items that find every row taken (see [`super::selection`]).
pub fn lay_out_selection(
    timeline: &Timeline,
    transform: &Transform,
    selection: &Selection,
    request: &RowsRequest<'_>,
) -> Layout {
    if !selection.is_of(timeline, request.lane_count)
        || selection.pins_in(timeline, transform.visible())
    {
        return lay_out_lanes(timeline, transform, request);
    }
    let char_width = request.char_width_px.max(0.0);
    let views = selection::lane_views(timeline, selection, transform);
    let rows = most_rows(request);
    let lane_needs = selection::needs(&views, transform, &rows, char_width);
    let rows = shared_rows(request, &lane_needs, rows).unwrap_or_else(|rows| rows);
    selection::lay_out(&views, transform, &rows, char_width)
}

/// Each lane's rows before the height is shared out: every shown lane may
/// take all the rows there are (up to the most a lane may stack), the
/// others none.
fn most_rows(request: &RowsRequest<'_>) -> Vec<usize> {
    let most = request.budget.clamp(1, request.max_rows.max(1));
    let mut rows = vec![0; request.lane_count];
    for &lane in request.shown {
        if let Some(r) = rows.get_mut(lane) {
            *r = most;
        }
    }
    rows
}

/// Shares the height out by `lane_needs` (each lane's rows used and whether
/// it has clusters, with `rows`): `Ok(rows)` unchanged when every lane's
/// need fits, else `Err` with the rows each lane gets.
fn shared_rows(
    request: &RowsRequest<'_>,
    lane_needs: &[(usize, bool)],
    mut rows: Vec<usize>,
) -> Result<Vec<usize>, Vec<usize>> {
    let most = request.budget.clamp(1, request.max_rows.max(1));
    let need_of = |lane: usize| {
        lane_needs
            .get(lane)
            .map_or(1, |&(used, clusters)| used.max(1) + usize::from(clusters))
    };
    let has_clusters = |lane: usize| lane_needs.get(lane).is_some_and(|&(_, c)| c);
    let mut needs: Vec<(usize, usize)> = request
        .shown
        .iter()
        .map(|&lane| (need_of(lane), lane))
        .collect();
    if needs.iter().map(|(need, _)| need).sum::<usize>() <= request.budget {
        return Ok(rows);
    }
    needs.sort_unstable();
    let mut left = request.budget;
    for (i, &(need, lane)) in needs.iter().enumerate() {
        let share = left / (needs.len() - i);
        let (taken, event_rows) = if need <= share {
            (need, need - usize::from(has_clusters(lane)))
        } else {
            // Too many for its share: clusters take the last row.
            (share, share.saturating_sub(1))
        };
        if let Some(r) = rows.get_mut(lane) {
            *r = event_rows.clamp(1, most);
        }
        left = left.saturating_sub(taken);
    }
    Err(rows)
}

/// For each lane, the rows its items take and whether some find none, with
/// `rows` rows per lane: exactly [`Layout::rows_used`] and
/// [`Layout::has_clusters`] of the layout with those rows, counted in one
/// light pass. `None` when an item in view is pinned (pinned items take
/// their rows first; only the whole layout knows where).
fn row_needs(
    timeline: &Timeline,
    transform: &Transform,
    request: &RowsRequest<'_>,
    rows: &[usize],
) -> Option<Vec<(usize, bool)>> {
    let mut needs = vec![(0usize, false); request.lane_count];
    let char_width = request.char_width_px.max(0.0);
    // Where the last item of each row ends, lane by lane.
    let mut ends: Vec<Vec<f64>> = (0..request.lane_count)
        .map(|lane| vec![f64::NEG_INFINITY; rows.get(lane).copied().unwrap_or(0)])
        .collect();
    for item in timeline
        .visible(transform.visible())
        .filter(|item| item.lane() < request.lane_count && (request.include)(item))
    {
        if (request.pinned)(item) {
            return None;
        }
        let (x0, _, end) = extent(item, transform, char_width);
        let (Some(lane_ends), Some(need)) = (ends.get_mut(item.lane()), needs.get_mut(item.lane()))
        else {
            continue;
        };
        match lane_ends.iter().position(|&e| e <= x0) {
            Some(row) => {
                if let Some(e) = lane_ends.get_mut(row) {
                    *e = end;
                }
                need.0 = need.0.max(row + 1);
            }
            None => need.1 = true,
        }
    }
    Some(needs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::Rng;
    use crate::timeline::layout::ItemShape;
    use crate::timeline::time::TimeSpan;

    /// Crowded lanes and sparse ones: lane 0 dense, lane 3 nearly empty.
    fn items(rng: &mut Rng) -> Vec<Item> {
        (0..600)
            .map(|event| {
                let lane = [0, 0, 0, 0, 1, 1, 2, 3]
                    .get(rng.below(8))
                    .copied()
                    .unwrap_or(0);
                let start = rng.float(0.0, 20_000.0).floor();
                Item {
                    event,
                    span: TimeSpan::new(start, start + 1.0),
                    shape: ItemShape::Day,
                    lane,
                    label_chars: (10 + rng.below(30)) as u16,
                }
            })
            .collect()
    }

    #[test]
    fn lanes_with_chips_take_the_height_the_others_leave() {
        let mut rng = Rng::new(23, 0);
        let timeline = Timeline::new(items(&mut rng));
        let shown = [0, 1, 2, 3];
        for budget in [8, 12, 20, 40] {
            for len in [300.0, 3_000.0, 20_000.0] {
                let center = rng.float(0.0, 20_000.0);
                let tr = Transform::new(
                    TimeSpan::new(center - len / 2.0, center + len / 2.0),
                    0.0,
                    900.0,
                );
                let layout = lay_out_lanes(
                    &timeline,
                    &tr,
                    &RowsRequest {
                        shown: &shown,
                        lane_count: 4,
                        budget,
                        max_rows: 100,
                        char_width_px: 7.0,
                        include: &|_| true,
                        pinned: &|_| false,
                    },
                );
                let used: usize = shown.iter().map(|&lane| lane_rows(lane, &layout)).sum();
                assert!(used <= budget, "{used} rows for {budget}");
                if !layout.clusters.is_empty() {
                    // No more than a row per lane is left over (integer shares).
                    assert!(
                        used + shown.len() >= budget,
                        "{used} rows of {budget} with chips"
                    );
                }
            }
        }
    }

    /// The light count of what each lane needs is exactly what the whole
    /// layout says, for any rows, view, filter and label width; and it
    /// gives way to the whole layout when something in view is pinned.
    #[test]
    fn the_light_count_of_needs_is_the_whole_layout_s() {
        let mut rng = Rng::new(41, 0);
        for round in 0..300 {
            let mut all = items(&mut rng);
            // Some spans, some long labels, some items off the lanes asked.
            for item in all.iter_mut() {
                if rng.below(5) == 0 {
                    let start = item.span.start;
                    item.span = TimeSpan::new(start, start + rng.float(0.0, 900.0));
                    item.label_chars = (rng.below(80)) as u16;
                }
            }
            let timeline = Timeline::new(all);
            let lane_count = 1 + rng.below(4);
            let rows: Vec<usize> = (0..lane_count).map(|_| rng.below(6)).collect();
            let len = rng.float(10.0, 25_000.0);
            let center = rng.float(0.0, 20_000.0);
            let tr = Transform::new(
                TimeSpan::new(center - len / 2.0, center + len / 2.0),
                rng.float(0.0, 200.0),
                rng.float(100.0, 1_800.0),
            );
            let skip = rng.below(7);
            let include = move |item: &Item| skip == 0 || item.event % 7 != skip;
            let pin = rng.below(3) == 0;
            let pinned_event = rng.below(600);
            let pinned = move |item: &Item| pin && item.event == pinned_event;
            let char_width = [0.0, 4.0, 7.0, -1.0][rng.below(4)];
            let request = RowsRequest {
                shown: &[0, 1, 2, 3],
                lane_count,
                budget: 100,
                max_rows: 100,
                char_width_px: char_width,
                include: &include,
                pinned: &pinned,
            };
            let whole = timeline.layout_with(
                &tr,
                &LayoutRequest {
                    lanes: lane_count,
                    rows: &rows,
                    char_width_px: char_width,
                    include: &include,
                    pinned: &pinned,
                },
            );
            let pinned_in_view = timeline
                .visible(tr.visible())
                .any(|i| i.lane() < lane_count && include(i) && pinned(i));
            match row_needs(&timeline, &tr, &request, &rows) {
                None => assert!(
                    pinned_in_view,
                    "round {round}: gave way with nothing pinned"
                ),
                Some(needs) => {
                    assert!(!pinned_in_view, "round {round}: counted past a pinned item");
                    assert_eq!(needs.len(), lane_count);
                    for (lane, need) in needs.iter().enumerate() {
                        assert_eq!(
                            *need,
                            (whole.rows_used(lane), whole.has_clusters(lane)),
                            "round {round}, lane {lane}"
                        );
                    }
                }
            }
        }
    }
}
