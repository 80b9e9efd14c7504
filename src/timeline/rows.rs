//! How many rows each lane gets: the height is shared out by need, so a
//! crowded lane stacks as many rows as the others leave it, rather than every
//! lane the same few.

use super::layout::{Item, Layout, LayoutRequest, Timeline};
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
    let most = request.budget.clamp(1, request.max_rows.max(1));
    let mut rows = vec![0; request.lane_count];
    for &lane in request.shown {
        if let Some(r) = rows.get_mut(lane) {
            *r = most;
        }
    }
    let roomy = lay_out(&rows);
    let mut needs: Vec<(usize, usize)> = request
        .shown
        .iter()
        .map(|&lane| (lane_rows(lane, &roomy), lane))
        .collect();
    if needs.iter().map(|(need, _)| need).sum::<usize>() <= request.budget {
        return roomy;
    }
    needs.sort_unstable();
    let mut left = request.budget;
    for (i, &(need, lane)) in needs.iter().enumerate() {
        let share = left / (needs.len() - i);
        let (taken, event_rows) = if need <= share {
            (need, need - usize::from(roomy.has_clusters(lane)))
        } else {
            // Too many for its share: clusters take the last row.
            (share, share.saturating_sub(1))
        };
        if let Some(r) = rows.get_mut(lane) {
            *r = event_rows.clamp(1, most);
        }
        left = left.saturating_sub(taken);
    }
    lay_out(&rows)
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
                    label_chars: 10 + rng.below(30),
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
}
