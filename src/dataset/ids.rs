//! Finding a record by its id: the records' places sorted by id, searched
//! by halves. Four bytes a record, where a map from a copy of every id took
//! some eighty (8 MB for 100,000 events; BENCHMARKS.md, issue 20, memory).

/// The places of a list's records in the order of their ids.
#[derive(Clone, Debug, Default)]
pub(super) struct IdOrder(Vec<u32>);

impl IdOrder {
    /// The order of `items` by `id`; records of the same id (which a
    /// checked unit never has) stay in list order.
    pub(super) fn new<T>(items: &[T], id: impl Fn(&T) -> &str) -> Self {
        // A unit is at most 128 MiB, far from 4 billion records.
        let mut order: Vec<u32> = (0..items.len())
            .filter_map(|i| u32::try_from(i).ok())
            .collect();
        order.sort_by(|&a, &b| id(&items[a as usize]).cmp(id(&items[b as usize])));
        Self(order)
    }

    /// The place in `items` (the list this order was made of) of the first
    /// record whose id is `wanted`.
    pub(super) fn find<T>(
        &self,
        items: &[T],
        id: impl Fn(&T) -> &str,
        wanted: &str,
    ) -> Option<usize> {
        let id_at = |place: u32| items.get(place as usize).map(&id);
        let at = self
            .0
            .partition_point(|&place| id_at(place).is_some_and(|i| i < wanted));
        let place = *self.0.get(at)?;
        (id_at(place)? == wanted).then_some(place as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Every id is found at the first place it has, and an id that is
        /// not there is not found, as a scan of the list would say.
        #[test]
        fn finds_what_a_scan_finds(
            ids in proptest::collection::vec("[a-c]{0,3}", 0..40),
            asked in "[a-c]{0,3}",
        ) {
            let order = IdOrder::new(&ids, |s| s.as_str());
            for wanted in ids.iter().map(String::as_str).chain([asked.as_str()]) {
                let scan = ids.iter().position(|i| i == wanted);
                prop_assert_eq!(order.find(&ids, |s| s.as_str(), wanted), scan);
            }
        }
    }
}
