//! Records in a few words, shared by the Study panels and the timeline's
//! event card: an organization's relationship, an article's source line.

use crate::i18n::{tr, trf};
use crate::model::{Article, Organization, RelationshipKind};

/// The relationship of Turkmenistan to `organization` in a few words, in the
/// current language (the date stays as the data gives it).
pub fn relationship_summary(organization: &Organization) -> String {
    let Some(first) = organization.relationships.first() else {
        return tr("study.relationship_not_stated").to_owned();
    };
    let kind = relationship_kind_label(first.kind);
    match first.since {
        Some(since) => {
            let date = crate::i18n::dates::since(&since);
            trf("study.kind_since", &[("kind", &kind), ("date", &date)])
        }
        None => kind.to_owned(),
    }
}

/// [`RelationshipKind::label`] in the current language.
fn relationship_kind_label(kind: RelationshipKind) -> &'static str {
    match kind {
        RelationshipKind::Member => tr("study.kind_member"),
        RelationshipKind::Office => tr("study.kind_office"),
        RelationshipKind::GuestOfHonour => tr("study.kind_guest_of_honour"),
        RelationshipKind::Host => tr("study.kind_host"),
        RelationshipKind::Initiator => tr("study.kind_initiator"),
        RelationshipKind::Cooperation => tr("study.kind_cooperation"),
        RelationshipKind::National => tr("study.kind_national"),
        RelationshipKind::Custom(custom) => &custom.label,
    }
}

/// Publisher and date as one line, in the current language where the data
/// does not say: "Ministry of Foreign Affairs of Turkmenistan · 23 March 2025".
pub fn source_line(article: &Article) -> String {
    let publisher = article
        .publisher
        .as_deref()
        .unwrap_or_else(|| tr("study.publisher_not_stated"));
    match &article.published {
        Some(when) => format!("{publisher} · {}", crate::i18n::dates::human(&when)),
        None => format!("{publisher} · {}", tr("study.date_not_stated")),
    }
}
