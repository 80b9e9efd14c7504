//! Relationships and kinds of organizations in words, in the interface's
//! language: shared by the table, the details, the chips and the chart, the
//! Study panel and the presentation.

use egui::RichText;

use crate::i18n::{tr, trf};
use crate::model::{Date, OrganizationKind, Relationship, RelationshipKind};
use crate::organizations::{self, StandingOn};

/// A relationship kind's name in the interface's language (the model's
/// [`RelationshipKind::label`] stays English for the command line).
pub fn relationship_label(kind: RelationshipKind) -> &'static str {
    match kind {
        RelationshipKind::Member => tr("org.rel_member"),
        RelationshipKind::Office => tr("org.rel_office"),
        RelationshipKind::GuestOfHonour => tr("org.rel_guest_of_honour"),
        RelationshipKind::Host => tr("org.rel_host"),
        RelationshipKind::Initiator => tr("org.rel_initiator"),
        RelationshipKind::Cooperation => tr("org.rel_cooperation"),
        RelationshipKind::National => tr("org.rel_national"),
        // A unit's own kind: its label as the manifest writes it.
        RelationshipKind::Custom(custom) => &custom.label,
    }
}

/// A relationship chip's or bar's name: the kind, or "Not stated" for `None`.
pub fn relationship_chip_label(kind: Option<RelationshipKind>) -> &'static str {
    kind.map_or_else(|| tr("org.rel_not_stated"), relationship_label)
}

/// An organization kind's name in the interface's language (the model's
/// [`OrganizationKind::label`] stays English for the command line).
pub fn kind_label(kind: OrganizationKind) -> &'static str {
    match kind {
        OrganizationKind::Global => tr("org.kind_global"),
        OrganizationKind::Regional => tr("org.kind_regional"),
        OrganizationKind::UnBody => tr("org.kind_un_body"),
        OrganizationKind::Specialized => tr("org.kind_specialized"),
        OrganizationKind::Informal => tr("org.kind_informal"),
        OrganizationKind::Institute => tr("org.kind_institute"),
        OrganizationKind::National => tr("org.kind_national"),
    }
}

/// A relationship as it stood on `date`, in a few words: "Member",
/// "Not yet (Member from 1992)", "Member — unknown on this date".
pub fn standing_text(relationship: &Relationship, date: Date) -> String {
    let kind = relationship_label(relationship.kind);
    let since = relationship
        .since
        .map(|since| crate::i18n::dates::since(&since));
    match (organizations::standing(relationship, date), since) {
        (StandingOn::Held(_), Some(since)) => trf(
            "org.standing_held_since",
            &[("kind", &kind), ("date", &since)],
        ),
        (StandingOn::Held(_), None) => kind.to_owned(),
        (StandingOn::NotYet(_), Some(since)) => trf(
            "org.standing_not_yet_from",
            &[("kind", &kind), ("date", &since)],
        ),
        (StandingOn::NotYet(_), None) => trf("org.standing_not_yet", &[("kind", &kind)]),
        (StandingOn::Unknown(_), Some(since)) => trf(
            "org.standing_unknown_from",
            &[("kind", &kind), ("date", &since)],
        ),
        (StandingOn::Unknown(_), None) => trf("org.standing_unknown_since", &[("kind", &kind)]),
        (StandingOn::NotStated, _) => tr("org.standing_not_stated").to_owned(),
    }
}

/// A relationship without a date to stand on: "Office holder since June 2022:
/// vice-chair of the 77th session".
pub fn undated_text(relationship: &Relationship) -> String {
    let kind = relationship_label(relationship.kind);
    let mut text = match relationship.since {
        Some(since) => trf(
            "org.undated_since",
            &[
                ("kind", &kind),
                ("date", &crate::i18n::dates::since(&since)),
            ],
        ),
        None => kind.to_owned(),
    };
    if let Some(detail) = &relationship.detail {
        text.push_str(&format!(": {detail}"));
    }
    text
}

/// How a standing is drawn: held plain, not yet faint, unknown in italics.
pub fn standing_rich(relationship: &Relationship, date: Date) -> RichText {
    let text = RichText::new(standing_text(relationship, date));
    match organizations::standing(relationship, date) {
        StandingOn::Held(_) => text,
        StandingOn::NotYet(_) => text.weak(),
        StandingOn::Unknown(_) | StandingOn::NotStated => text.italics(),
    }
}
