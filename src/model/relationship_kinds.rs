//! A unit's own relationship kinds ("Signatory", "Occupying power"), defined
//! in its manifest with a label and whether the kind makes the subject a
//! member. Each is held once for the program's life, so that a kind stays a
//! small `Copy` value like the built-in ones.

use std::collections::HashSet;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use super::CategoryKey;

/// A relationship kind the manifest defines.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RelationshipKindDef {
    /// The name relationships write, without quotes: `Signatory`.
    pub key: CategoryKey,
    /// The name people read: "Signatory".
    pub label: String,
    /// Whether the kind makes the subject a member of the organization.
    #[serde(default)]
    pub membership: bool,
}

/// One of a unit's own relationship kinds, as
/// [`super::RelationshipKind::Custom`] holds it. Ordered by its place in the
/// manifest first, so that lists of kinds keep the manifest's order.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CustomKind {
    /// Its place in the manifest's list.
    pub order: u16,
    /// The name relationships write.
    pub key: String,
    /// The name people read.
    pub label: String,
    /// Whether it makes the subject a member.
    pub membership: bool,
}

/// Every kind made so far, each once: reloading a unit as its author saves
/// finds its kinds here rather than making them again.
static KINDS: Mutex<Option<HashSet<&'static CustomKind>>> = Mutex::new(None);

impl CustomKind {
    /// The one `CustomKind` with these parts, made the first time it is
    /// asked for. Only the kinds of the units opened are ever made (a unit
    /// defines a few dozen at most: check refuses more).
    pub fn intern(key: &str, label: &str, membership: bool, order: u16) -> &'static CustomKind {
        let kind = CustomKind {
            order,
            key: key.to_owned(),
            label: label.to_owned(),
            membership,
        };
        // A panic elsewhere while the lock was held leaves the set whole.
        let mut kinds = KINDS
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let kinds = kinds.get_or_insert_with(HashSet::new);
        if let Some(&found) = kinds.get(&kind) {
            return found;
        }
        let made: &'static CustomKind = Box::leak(Box::new(kind));
        kinds.insert(made);
        made
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_is_made_once() {
        let a = CustomKind::intern("Signatory", "Signatory", false, 0);
        let b = CustomKind::intern("Signatory", "Signatory", false, 0);
        assert!(std::ptr::eq(a, b));
        let c = CustomKind::intern("Signatory", "Signatory state", false, 0);
        assert!(!std::ptr::eq(a, c));
    }

    #[test]
    fn kinds_sort_in_the_manifests_order() {
        let first = CustomKind::intern("Zeta", "Z", false, 0);
        let second = CustomKind::intern("Alpha", "A", true, 1);
        assert!(first < second);
    }
}
