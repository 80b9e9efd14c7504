//! Wrong options: near years, months, days, numbers and ordinals, and the
//! assembly of four options from an answer and candidate distractors.
//!
//! Each generator returns candidates in order of preference; the caller has
//! already ruled out every value that could also be true (a year the title
//! names, a day inside a span, another figure of the same measure), and
//! [`shuffled_options`] or [`sorted_options`] then keep the first three that
//! differ from the answer and from each other once folded. Numeric options are
//! shown in ascending order, so the generators pick how many distractors lie
//! below the answer at random: the right answer is not always the middle one.

use crate::model::{days_in_month, month_name};
use crate::quiz::Rng;

use super::options::Difficulty;
use super::random::shuffle;
use super::text::{fold_case_and_punctuation, ordinal};

/// Options besides the answer.
pub(crate) const DISTRACTORS: usize = 3;

/// Takes the first [`DISTRACTORS`] candidates that differ (folded) from the
/// answer and each other, puts them with the answer in a random order and
/// returns the options with the answer's index; `None` if there are too few.
pub(crate) fn shuffled_options(
    answer: String,
    candidates: impl IntoIterator<Item = String>,
    rng: &mut Rng,
) -> Option<(Vec<String>, usize)> {
    let mut options = distinct(answer, candidates.into_iter().map(|c| (0, c)))?;
    let mut order: Vec<usize> = (0..options.len()).collect();
    shuffle(&mut order, rng);
    let answer_at = order.iter().position(|&i| i == 0)?;
    let shuffled = order
        .iter()
        .map(|&i| std::mem::take(&mut options[i].1))
        .collect();
    Some((shuffled, answer_at))
}

/// Like [`shuffled_options`], but the options are shown in ascending order
/// of their keys (years, dates, numbers).
pub(crate) fn sorted_options(
    answer: (i64, String),
    candidates: impl IntoIterator<Item = (i64, String)>,
) -> Option<(Vec<String>, usize)> {
    let (key, text) = answer;
    let mut options = distinct(text.clone(), candidates)?;
    if let Some(first) = options.first_mut() {
        first.0 = key;
    }
    options.sort_by_key(|(k, _)| *k);
    let answer_at = options.iter().position(|(k, t)| *k == key && *t == text)?;
    Some((options.into_iter().map(|(_, t)| t).collect(), answer_at))
}

/// The answer (first, key 0) and the first distinct candidates.
fn distinct(
    answer: String,
    candidates: impl IntoIterator<Item = (i64, String)>,
) -> Option<Vec<(i64, String)>> {
    let mut folded = vec![fold_case_and_punctuation(&answer)];
    if folded[0].is_empty() {
        return None;
    }
    let mut options = vec![(0, answer)];
    for (key, text) in candidates {
        if options.len() > DISTRACTORS {
            break;
        }
        let f = fold_case_and_punctuation(&text);
        if f.is_empty() || folded.contains(&f) {
            continue;
        }
        folded.push(f);
        options.push((key, text));
    }
    (options.len() == DISTRACTORS + 1).then_some(options)
}

/// Picks the distractors from candidates below and above the answer, each
/// side as (preference rank, value) in order of preference. Among the best
/// ranks that give three in all, it takes `r` (random, 0 to 3) from below and
/// the rest from above, more from the other side when one runs short; then
/// every other candidate follows, best rank first, in case the caller must
/// drop some.
pub(crate) fn spread<T: Copy>(below: &[(u8, T)], above: &[(u8, T)], rng: &mut Rng) -> Vec<T> {
    let wanted_below = rng.below(DISTRACTORS + 1);
    let worst = below
        .iter()
        .chain(above)
        .map(|(rank, _)| *rank)
        .max()
        .unwrap_or(0);
    let level = (0..=worst)
        .find(|&level| {
            let within = |side: &[(u8, T)]| side.iter().filter(|(r, _)| *r <= level).count();
            within(below) + within(above) >= DISTRACTORS
        })
        .unwrap_or(worst);
    let pool = |side: &[(u8, T)]| -> Vec<usize> {
        (0..side.len()).filter(|&i| side[i].0 <= level).collect()
    };
    let (pool_below, pool_above) = (pool(below), pool(above));
    let from_below = wanted_below
        .min(pool_below.len())
        .max(DISTRACTORS.saturating_sub(pool_above.len()))
        .min(pool_below.len());
    let from_above = DISTRACTORS.saturating_sub(from_below).min(pool_above.len());
    let mut taken_below = vec![false; below.len()];
    let mut taken_above = vec![false; above.len()];
    let mut out = Vec::with_capacity(below.len() + above.len());
    for &i in pool_below.iter().take(from_below) {
        taken_below[i] = true;
        out.push(below[i].1);
    }
    for &i in pool_above.iter().take(from_above) {
        taken_above[i] = true;
        out.push(above[i].1);
    }
    let mut rest: Vec<(u8, T)> = below
        .iter()
        .zip(&taken_below)
        .chain(above.iter().zip(&taken_above))
        .filter(|(_, taken)| !**taken)
        .map(|(item, _)| *item)
        .collect();
    rest.sort_by_key(|(rank, _)| *rank);
    out.extend(rest.into_iter().map(|(_, value)| value));
    out
}

/// Orders `items` randomly within each preference group (lower rank first).
fn by_preference<T>(items: &mut [(u8, T)], rng: &mut Rng) {
    shuffle(items, rng);
    items.sort_by_key(|(rank, _)| *rank);
}

/// Years near `answer` for a year question, none of them `excluded` nor
/// after `latest`. See [`Difficulty`] for the distances.
pub(crate) fn years(
    answer: i32,
    excluded: &[i32],
    latest: i32,
    difficulty: Difficulty,
    rng: &mut Rng,
) -> Vec<(i64, String)> {
    let (near, far) = match difficulty {
        Difficulty::Easy => (3, 12),
        Difficulty::Normal => (1, 7),
        Difficulty::Hard => (1, 3),
    };
    let ok = |y: i32| y > 0 && y <= latest && y != answer && !excluded.contains(&y);
    // Beyond the window only if the window is too crowded: a wider spread is
    // still a good question, none is not.
    // The rank says whether a year is inside the window; within a side,
    // Normal then takes years of the answer's decade first. The decade is
    // not a rank, so that it does not decide which side the options fall on.
    let side = |sign: i32, rng: &mut Rng| -> Vec<(u8, i32)> {
        let mut ranked: Vec<(u8, i32)> = (near..=far + 12)
            .map(|gap| answer + sign * gap)
            .filter(|&y| ok(y))
            .map(|y| (u8::from((y - answer).abs() > far), y))
            .collect();
        by_preference(&mut ranked, rng);
        if difficulty == Difficulty::Normal {
            ranked.sort_by_key(|&(rank, y)| (rank, y.div_euclid(10) != answer.div_euclid(10)));
        }
        ranked
    };
    let below = side(-1, rng);
    let above = side(1, rng);
    spread(&below, &above, rng)
        .into_iter()
        .map(|y| (i64::from(y), y.to_string()))
        .collect()
}

/// Other months (1–12) for a month question, none `excluded`; Hard prefers
/// neighbours, Easy months three or more away.
pub(crate) fn months(
    answer: u8,
    excluded: &[u8],
    difficulty: Difficulty,
    rng: &mut Rng,
) -> Vec<(i64, String)> {
    let rank = |m: u8| {
        let gap = m.abs_diff(answer);
        match difficulty {
            Difficulty::Hard => u8::from(gap > 2),
            Difficulty::Normal => 0,
            Difficulty::Easy => u8::from(gap < 3),
        }
    };
    let side = |range: Vec<u8>, rng: &mut Rng| -> Vec<(u8, u8)> {
        let mut ranked: Vec<(u8, u8)> = range
            .into_iter()
            .filter(|m| !excluded.contains(m))
            .map(|m| (rank(m), m))
            .collect();
        by_preference(&mut ranked, rng);
        ranked
    };
    let below = side((1..answer).collect(), rng);
    let above = side((answer + 1..=12).collect(), rng);
    spread(&below, &above, rng)
        .into_iter()
        .map(|m| (i64::from(m), month_name(m).to_owned()))
        .collect()
}

/// Other days of `year` for a day question, as (month, day) shown "12
/// December"; `excluded` rules out days that would also be true or that the
/// prompt names. Hard takes days of the same month near the answer, Normal
/// any day of that month or the neighbouring ones, Easy days of months two
/// or more away; the same day of other months comes last, for a month the
/// exclusions empty.
pub(crate) fn days(
    year: i32,
    (month, day): (u8, u8),
    excluded: impl Fn(u8, u8) -> bool,
    difficulty: Difficulty,
    rng: &mut Rng,
) -> Vec<(i64, String)> {
    let key = |m: u8, d: u8| i64::from(m) * 100 + i64::from(d);
    let answer_key = key(month, day);
    let mut candidates: Vec<(u8, (u8, u8))> = Vec::with_capacity(64);
    let mut add = |rank: u8, m: u8, d: u8| {
        if (1..=12).contains(&m)
            && (1..=days_in_month(year, m)).contains(&d)
            && (m, d) != (month, day)
            && !excluded(m, d)
            && !candidates.iter().any(|&(_, md)| md == (m, d))
        {
            candidates.push((rank, (m, d)));
        }
    };
    let this_month = days_in_month(year, month);
    for m in 1..=12u8 {
        let gap = m.abs_diff(month);
        match difficulty {
            Difficulty::Hard if gap == 0 => {
                for d in 1..=this_month {
                    add(u8::from(d.abs_diff(day) > 6), m, d);
                }
            }
            Difficulty::Normal if gap == 0 => (1..=this_month).for_each(|d| add(0, m, d)),
            Difficulty::Normal if gap == 1 => {
                add(1, m, day);
                let other = 1 + rng.below(usize::from(days_in_month(year, m))) as u8;
                add(1, m, other);
            }
            Difficulty::Easy if gap >= 2 => {
                add(0, m, day);
                let other = 1 + rng.below(usize::from(days_in_month(year, m))) as u8;
                add(0, m, other);
            }
            _ => {}
        }
        add(2, m, day);
    }
    // Fallback: any day of the answer's month.
    (1..=this_month).for_each(|d| add(3, month, d));
    by_preference(&mut candidates, rng);
    let (below, above): (Vec<_>, Vec<_>) = candidates
        .into_iter()
        .partition(|&(_, (m, d))| key(m, d) < answer_key);
    spread(&below, &above, rng)
        .into_iter()
        .map(|(m, d)| (key(m, d), format!("{d} {}", month_name(m))))
        .collect()
}

/// Numbers near `value` written with `decimals` decimals, for a figure or a
/// count. None is within the smallest gap of an `excluded` value (another
/// true figure of the same measure); an `approximate` value ("about 50") gets
/// distractors at least 30 % away, since "about 45" would not be wrong.
pub(crate) fn numbers(
    value: f64,
    decimals: u32,
    approximate: bool,
    excluded: &[f64],
    difficulty: Difficulty,
    rng: &mut Rng,
) -> Vec<(i64, f64)> {
    let scale = 10f64.powi(decimals as i32);
    let units = (value * scale).round() as i64;
    if units <= 0 {
        return Vec::new();
    }
    let fraction = match difficulty {
        Difficulty::Easy => 0.30,
        Difficulty::Normal => 0.15,
        Difficulty::Hard => 0.07,
    };
    let least = if approximate {
        ((units as f64) * 0.3).ceil() as i64
    } else {
        1
    };
    let step = (((units as f64) * fraction).round() as i64)
        .max(1)
        .max(least);
    let excluded: Vec<i64> = excluded
        .iter()
        .map(|e| (e * scale).round() as i64)
        .collect();
    // The same magnitude: from half the answer to twice it (a little more
    // for small numbers, which have few neighbours).
    let (low, high) = ((units + 1) / 2, (units * 2).max(units + 4));
    let ok = |c: i64| {
        c > 0
            && (low..=high).contains(&c)
            && (c - units).abs() >= least
            && excluded.iter().all(|&e| (c - e).abs() >= least)
    };
    let side = |sign: i64, rng: &mut Rng| -> Vec<(u8, i64)> {
        let mut out: Vec<(u8, i64)> = Vec::new();
        for k in 1..=6 {
            // A little jitter away from the answer, so that the options are
            // not evenly spaced around it and give it away.
            let jitter = if step >= 3 {
                rng.below((step / 3 + 1) as usize) as i64
            } else {
                0
            };
            let c = units + sign * (k * step + jitter);
            if ok(c) && !out.iter().any(|&(_, o)| o == c) {
                out.push((0, c));
            }
        }
        out
    };
    let below = side(-1, rng);
    let above = side(1, rng);
    spread(&below, &above, rng)
        .into_iter()
        .map(|c| (c, c as f64 / scale))
        .collect()
}

/// A number written with `decimals` decimals: "155", "3.4".
pub(crate) fn number_text(value: f64, decimals: u32) -> String {
    format!("{value:.*}", decimals as usize)
}

/// Ordinals near `answer` ("30th"): 1 to 2 apart (Hard), 1 to 5 (Normal) or
/// 2 to 10 (Easy), none `excluded`.
pub(crate) fn ordinals(
    answer: i64,
    excluded: &[i64],
    difficulty: Difficulty,
    rng: &mut Rng,
) -> Vec<(i64, String)> {
    let (near, far) = match difficulty {
        Difficulty::Easy => (2, 10),
        Difficulty::Normal => (1, 5),
        Difficulty::Hard => (1, 2),
    };
    let side = |sign: i64, rng: &mut Rng| -> Vec<(u8, i64)> {
        let mut ranked: Vec<(u8, i64)> = (near..=far + 6)
            .map(|gap| answer + sign * gap)
            .filter(|&n| n > 0 && !excluded.contains(&n))
            .map(|n| (u8::from((n - answer).abs() > far), n))
            .collect();
        by_preference(&mut ranked, rng);
        ranked
    };
    let below = side(-1, rng);
    let above = side(1, rng);
    spread(&below, &above, rng)
        .into_iter()
        .map(|n| (n, ordinal(n)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_takes_three_when_it_can() {
        let mut rng = Rng::new(3, 3);
        for _ in 0..50 {
            let got = spread(
                &[(0, 1), (0, 2), (0, 3), (0, 4)],
                &[(0, 5), (0, 6), (0, 7)],
                &mut rng,
            );
            assert!(got.len() >= 3);
            let mut first: Vec<_> = got[..3].to_vec();
            first.sort_unstable();
            first.dedup();
            assert_eq!(first.len(), 3);
            assert_eq!(spread(&[(0, 1)], &[(0, 5)], &mut rng).len(), 2);
            assert_eq!(
                spread::<u8>(&[], &[(0, 5), (0, 6), (0, 7)], &mut rng)[..3],
                [5, 6, 7]
            );
            // The best ranks come first, whichever side they are on.
            let ranked = spread(&[(0, 1), (2, 2)], &[(0, 5), (0, 6), (1, 7)], &mut rng);
            let mut best: Vec<_> = ranked[..3].to_vec();
            best.sort_unstable();
            assert_eq!(best, [1, 5, 6]);
        }
    }

    #[test]
    fn the_answer_is_not_always_in_the_middle() {
        let mut rng = Rng::new(4, 4);
        let mut places = [0; 4];
        for _ in 0..400 {
            let candidates = years(2000, &[], 2030, Difficulty::Normal, &mut rng);
            let (_, at) = sorted_options((2000, "2000".into()), candidates).unwrap();
            places[at] += 1;
        }
        assert!(places.iter().all(|&n| n > 50), "{places:?}");
    }

    #[test]
    fn years_keep_their_distance_and_exclusions() {
        let mut rng = Rng::new(5, 5);
        for _ in 0..100 {
            let hard = years(1995, &[1996], 2025, Difficulty::Hard, &mut rng);
            assert!(
                hard[..3]
                    .iter()
                    .all(|(y, _)| (y - 1995).abs() <= 3 && *y != 1996)
            );
            let easy = years(1995, &[], 2025, Difficulty::Easy, &mut rng);
            assert!(easy[..3].iter().all(|(y, _)| (y - 1995).abs() >= 3));
            let late = years(2025, &[], 2025, Difficulty::Hard, &mut rng);
            assert!(late.iter().all(|(y, _)| *y < 2025));
        }
    }

    #[test]
    fn approximate_numbers_stay_far_enough() {
        let mut rng = Rng::new(6, 6);
        for difficulty in Difficulty::ALL {
            for _ in 0..50 {
                let got = numbers(50.0, 0, true, &[], difficulty, &mut rng);
                assert!(got.len() >= 3);
                assert!(got.iter().all(|(_, v)| (v - 50.0).abs() >= 15.0), "{got:?}");
                let exact = numbers(155.0, 0, false, &[149.0], difficulty, &mut rng);
                assert!(exact.iter().all(|(_, v)| *v != 149.0 && *v != 155.0));
                let tenths = numbers(3.4, 1, true, &[], difficulty, &mut rng);
                assert!(
                    tenths
                        .iter()
                        .all(|(_, v)| (v - 3.4).abs() >= 1.0 && *v > 0.0)
                );
            }
        }
    }

    #[test]
    fn numbers_avoid_every_excluded_value() {
        // Every value near 155 is another true figure: none may be offered.
        let excluded: Vec<f64> = (100..=200).filter(|&v| v != 155).map(f64::from).collect();
        let mut rng = Rng::new(8, 8);
        for difficulty in Difficulty::ALL {
            for _ in 0..30 {
                let got = numbers(155.0, 0, false, &excluded, difficulty, &mut rng);
                assert!(
                    got.iter().all(|(_, v)| !(100.0..=200.0).contains(v)),
                    "{got:?}"
                );
            }
        }
    }

    #[test]
    fn days_respect_exclusions() {
        let mut rng = Rng::new(7, 7);
        for _ in 0..50 {
            let got = days(
                1995,
                (10, 18),
                |m, d| m == 10 && (18..=20).contains(&d),
                Difficulty::Hard,
                &mut rng,
            );
            assert!(got.len() >= 3);
            assert!(got.iter().all(|(k, _)| !(1018..=1020).contains(k)));
        }
    }
}
