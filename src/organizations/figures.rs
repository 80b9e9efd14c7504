//! Headline figures over time, and the figures about one organization.

use std::collections::HashMap;

use crate::dataset::Dataset;
use crate::model::{Fact, Qualifier};

/// Headline figures: the facts that measure one thing, sorted by as-of date, so
/// that "149 (2022) → 155 (2025)" shows how a figure changed.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureSeries {
    /// What is counted, exactly as the facts write it.
    pub measure: String,
    /// The unit every point of the series is in.
    pub unit: String,
    /// Indices into `dataset.facts`, oldest first; facts of the same date in file order.
    pub points: Vec<usize>,
}

/// Turkmenistan's own figures as series, one per measure, in file order of
/// each series' first fact.
///
/// Only facts that list no organization count: a fact about a specific
/// organization (the SCO's area) is not a headline figure of Turkmenistan's;
/// see [`facts_about`]. Facts are grouped by exact measure and unit, so that a
/// measure given in two units makes two series and numbers in different units
/// are never drawn as one line.
pub fn figure_series(dataset: &Dataset) -> Vec<FigureSeries> {
    let mut series: Vec<FigureSeries> = Vec::new();
    let mut positions: HashMap<(&str, &str), usize> = HashMap::new();
    for (i, fact) in dataset.facts.iter().enumerate() {
        if !fact.organizations.is_empty() {
            continue;
        }
        let key = (fact.measure.as_str(), fact.unit.as_str());
        let found = positions.get(&key).and_then(|&at| series.get_mut(at));
        match found {
            Some(existing) => existing.points.push(i),
            None => {
                positions.insert(key, series.len());
                series.push(FigureSeries {
                    measure: fact.measure.clone(),
                    unit: fact.unit.clone(),
                    points: vec![i],
                });
            }
        }
    }
    for one in &mut series {
        // Stable, so facts of the same date keep their file order.
        one.points
            .sort_by_key(|&i| dataset.facts.get(i).map(|fact| fact.as_of));
    }
    series
}

/// Indices into `dataset.facts` of the facts about the organization at
/// `org_index` (those that list it), in file order. Empty for an index out of range.
pub fn facts_about(dataset: &Dataset, org_index: usize) -> Vec<usize> {
    let Some(organization) = dataset.organizations.get(org_index) else {
        return Vec::new();
    };
    dataset
        .facts
        .iter()
        .enumerate()
        .filter(|(_, fact)| fact.organizations.contains(&organization.id))
        .map(|(i, _)| i)
        .collect()
}

/// "+6 from 2022 to 2025" between the first and last values, when both are
/// exact figures of different dates; nothing for one value or a rough one.
pub fn change_text(facts: &[&Fact]) -> Option<String> {
    let (first, last) = (facts.first()?, facts.last()?);
    let exact = |f: &Fact| f.qualifier == Qualifier::Exactly;
    if facts.len() < 2 || first.as_of == last.as_of || !exact(first) || !exact(last) {
        return None;
    }
    let difference = last.value - first.value;
    let sign = if difference > 0.0 { "+" } else { "" };
    let amount = if difference.fract() == 0.0 {
        format!("{}", difference as i64)
    } else {
        format!("{difference}")
    };
    Some(format!(
        "({sign}{amount} from {} to {})",
        first.as_of.human(),
        last.as_of.human()
    ))
}
