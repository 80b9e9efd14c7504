//! Record types of the dataset, one per data file.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{CategoryKey, CustomKind, Date, Unstated, When};

/// A citation: paragraph `paragraph` (counted from 1 over every block of the body)
/// of the article with id `article`. Written `("article-id", 3)` in the data files.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(from = "(String, u32)")]
pub struct Source {
    /// Id of the cited article.
    pub article: String,
    /// Paragraph number, counted from 1.
    pub paragraph: u32,
}

impl From<(String, u32)> for Source {
    fn from((article, paragraph): (String, u32)) -> Self {
        Self { article, paragraph }
    }
}

fn when_from_text<'de, D: Deserializer<'de>>(d: D) -> Result<When, D::Error> {
    let text = String::deserialize(d)?;
    When::parse_shape(&text).map_err(serde::de::Error::custom)
}

fn optional_when_from_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<When>, D::Error> {
    Option::<String>::deserialize(d)?
        .map(|text| When::parse_shape(&text).map_err(serde::de::Error::custom))
        .transpose()
}

fn optional_date_from_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    Option::<String>::deserialize(d)?
        .map(|text| Date::parse_shape(&text).map_err(serde::de::Error::custom))
        .transpose()
}

fn date_from_text<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
    let text = String::deserialize(d)?;
    Date::parse_shape(&text).map_err(serde::de::Error::custom)
}

// Dates are written back as the text they are read from, so that what is
// serialized (the cache of a validated unit) reads back through the same
// functions as the data files.
fn when_as_text<S: Serializer>(when: &When, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&when.iso())
}

fn optional_when_as_text<S: Serializer>(when: &Option<When>, s: S) -> Result<S::Ok, S::Error> {
    when.map(|w| w.iso()).serialize(s)
}

fn date_as_text<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&date.iso())
}

fn optional_date_as_text<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    date.map(|d| d.iso()).serialize(s)
}

/// One source article, with web boilerplate removed.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// Stable kebab-case id.
    pub id: String,
    /// The article's title.
    pub title: String,
    /// Who published it, if the text says.
    #[serde(default)]
    pub publisher: Option<String>,
    /// When it was published, as precisely as the text gives.
    #[serde(
        default,
        deserialize_with = "optional_when_from_text",
        serialize_with = "optional_when_as_text"
    )]
    pub published: Option<When>,
    /// How the publication date was worked out, when the text does not print it.
    #[serde(default)]
    pub derived: Option<String>,
    /// The original address, where the text names one.
    #[serde(default)]
    pub url: Option<String>,
    /// Two sentences on what the article says.
    pub summary: String,
    /// An editor's note on the article as a whole.
    #[serde(default)]
    pub note: Option<String>,
    /// The text, block by block. Citations count these blocks from 1.
    pub body: Vec<Block>,
    /// The licence or attribution line the unit's manifest gives it.
    #[serde(skip)]
    pub licence: Option<String>,
}

impl Article {
    /// The block cited as paragraph `number` (counted from 1).
    pub fn paragraph(&self, number: u32) -> Option<&Block> {
        let index = usize::try_from(number).ok()?.checked_sub(1)?;
        self.body.get(index)
    }

    /// Publisher and date as one line: "Ministry of Foreign Affairs of Turkmenistan · 23 March 2025".
    pub fn source_line(&self) -> String {
        let publisher = self.publisher.as_deref().unwrap_or("Publisher not stated");
        match &self.published {
            Some(when) => format!("{publisher} · {}", when.human()),
            None => format!("{publisher} · date not stated"),
        }
    }
}

/// One block of an article's body.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub enum Block {
    /// A heading inside the article.
    Heading {
        text: String,
        #[serde(default)]
        note: Option<String>,
    },
    /// An ordinary paragraph.
    Paragraph {
        text: String,
        #[serde(default)]
        note: Option<String>,
    },
    /// A quotation set apart.
    Quote {
        text: String,
        #[serde(default)]
        note: Option<String>,
    },
    /// A bulleted list.
    List {
        items: Vec<String>,
        #[serde(default)]
        note: Option<String>,
    },
    /// A preambular paragraph of a resolution ("Recalling…", "Noting…").
    Preamble {
        text: String,
        #[serde(default)]
        note: Option<String>,
    },
    /// An operative paragraph of a resolution ("Reiterates…", "Decides…").
    Operative {
        text: String,
        #[serde(default)]
        note: Option<String>,
    },
    /// An image from the dataset's `assets/` folder.
    Image {
        path: String,
        alt: String,
        #[serde(default)]
        note: Option<String>,
    },
}

impl Block {
    /// The block's text; a list's items joined by newlines; an image's description.
    pub fn text(&self) -> String {
        match self {
            Block::Heading { text, .. }
            | Block::Paragraph { text, .. }
            | Block::Quote { text, .. }
            | Block::Preamble { text, .. }
            | Block::Operative { text, .. } => text.clone(),
            Block::List { items, .. } => items.join("\n"),
            Block::Image { alt, .. } => alt.clone(),
        }
    }

    /// The editor's note on this block, if any.
    pub fn note(&self) -> Option<&str> {
        match self {
            Block::Heading { note, .. }
            | Block::Paragraph { note, .. }
            | Block::Quote { note, .. }
            | Block::List { note, .. }
            | Block::Preamble { note, .. }
            | Block::Operative { note, .. }
            | Block::Image { note, .. } => note.as_deref(),
        }
    }

    /// The kind of block as a word: "heading", "paragraph", ….
    pub fn kind_name(&self) -> &'static str {
        match self {
            Block::Heading { .. } => "heading",
            Block::Paragraph { .. } => "paragraph",
            Block::Quote { .. } => "quote",
            Block::List { .. } => "list",
            Block::Preamble { .. } => "preamble",
            Block::Operative { .. } => "operative",
            Block::Image { .. } => "image",
        }
    }
}

/// What kind of event an [`Event`] is; the timeline colours and lanes by this.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum EventCategory {
    /// A resolution of the UN General Assembly.
    UnResolution,
    /// A summit of heads of state.
    Summit,
    /// An international conference or forum.
    Conference,
    /// A meeting or briefing.
    Meeting,
    /// Peace talks hosted or supported.
    Talks,
    /// An agreement signed.
    Agreement,
    /// An institution or group set up.
    Establishment,
    /// Joining an organization, or an election to an office in one.
    Membership,
    /// A national milestone such as independence.
    Milestone,
    /// An anniversary marked.
    Anniversary,
    /// A diplomatic initiative or proposal.
    Initiative,
    /// An international year or other period proclaimed.
    InternationalYear,
    /// A national programme over a span of years.
    Programme,
}

impl EventCategory {
    /// Every category, in legend order.
    pub const ALL: [EventCategory; 13] = [
        EventCategory::UnResolution,
        EventCategory::Summit,
        EventCategory::Conference,
        EventCategory::Meeting,
        EventCategory::Talks,
        EventCategory::Agreement,
        EventCategory::Establishment,
        EventCategory::Membership,
        EventCategory::Milestone,
        EventCategory::Anniversary,
        EventCategory::Initiative,
        EventCategory::InternationalYear,
        EventCategory::Programme,
    ];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            EventCategory::UnResolution => "UN resolution",
            EventCategory::Summit => "Summit",
            EventCategory::Conference => "Conference",
            EventCategory::Meeting => "Meeting",
            EventCategory::Talks => "Peace talks",
            EventCategory::Agreement => "Agreement",
            EventCategory::Establishment => "Establishment",
            EventCategory::Membership => "Membership",
            EventCategory::Milestone => "Milestone",
            EventCategory::Anniversary => "Anniversary",
            EventCategory::Initiative => "Initiative",
            EventCategory::InternationalYear => "International year",
            EventCategory::Programme => "Programme",
        }
    }

    /// The name the data files write, without quotes: "UnResolution".
    pub fn name(self) -> &'static str {
        match self {
            EventCategory::UnResolution => "UnResolution",
            EventCategory::Summit => "Summit",
            EventCategory::Conference => "Conference",
            EventCategory::Meeting => "Meeting",
            EventCategory::Talks => "Talks",
            EventCategory::Agreement => "Agreement",
            EventCategory::Establishment => "Establishment",
            EventCategory::Membership => "Membership",
            EventCategory::Milestone => "Milestone",
            EventCategory::Anniversary => "Anniversary",
            EventCategory::Initiative => "Initiative",
            EventCategory::InternationalYear => "InternationalYear",
            EventCategory::Programme => "Programme",
        }
    }

    /// Its colour on a light page (a palette distinct in both themes; the
    /// timeline lifts it for a dark one).
    pub fn rgb(self) -> [u8; 3] {
        match self {
            EventCategory::UnResolution => [0x1F, 0x77, 0xB4],
            EventCategory::Summit => [0xD6, 0x27, 0x28],
            EventCategory::Conference => [0x2C, 0xA0, 0x2C],
            EventCategory::Meeting => [0x17, 0xBE, 0xCF],
            EventCategory::Talks => [0x94, 0x67, 0xBD],
            EventCategory::Agreement => [0x8C, 0x56, 0x4B],
            EventCategory::Establishment => [0xE3, 0x77, 0xC2],
            EventCategory::Membership => [0xFF, 0x7F, 0x0E],
            EventCategory::Milestone => [0x7F, 0x7F, 0x7F],
            EventCategory::Anniversary => [0xBC, 0xBD, 0x22],
            EventCategory::Initiative => [0x00, 0x80, 0x80],
            EventCategory::InternationalYear => [0xB8, 0x86, 0x0B],
            EventCategory::Programme => [0x55, 0x6B, 0x2F],
        }
    }

    /// A stable kebab-case name, used in exports.
    pub fn key(self) -> &'static str {
        match self {
            EventCategory::UnResolution => "un-resolution",
            EventCategory::Summit => "summit",
            EventCategory::Conference => "conference",
            EventCategory::Meeting => "meeting",
            EventCategory::Talks => "talks",
            EventCategory::Agreement => "agreement",
            EventCategory::Establishment => "establishment",
            EventCategory::Membership => "membership",
            EventCategory::Milestone => "milestone",
            EventCategory::Anniversary => "anniversary",
            EventCategory::Initiative => "initiative",
            EventCategory::InternationalYear => "international-year",
            EventCategory::Programme => "programme",
        }
    }
}

/// A dated event the articles mention. A large unit holds 100,000 of them
/// (BENCHMARKS.md, "Issue 20: memory"), so it is kept small: its texts and
/// lists boxed (`Box<str>`, `Box<[T]>`: no spare capacity, 8 bytes less
/// each than a `String` or `Vec`), and the fields most events leave out
/// (place, resolution, organizations, people, derived, unstated, note) in
/// one box of their own ([`EventMore`]), read through methods of the same
/// names. It reads and writes as the files write it (`EventFile`).
#[derive(Clone, Debug, Deserialize)]
#[serde(from = "EventFile")]
pub struct Event {
    /// Stable kebab-case id.
    pub id: Box<str>,
    /// When, with honest precision.
    pub date: When,
    /// A short title.
    pub title: Box<str>,
    /// One paragraph on what happened.
    pub description: Box<str>,
    /// What kind of event: one of the unit's categories.
    pub category: CategoryKey,
    /// The paragraphs that state it.
    pub sources: Box<[Source]>,
    /// True when the article speaks of it as still to come.
    pub planned: bool,
    /// The fields most events leave out; `None` when all are.
    more: Option<Box<EventMore>>,
}

impl PartialEq for Event {
    /// Field by field: no box of rarer fields is the same as an empty one.
    fn eq(&self, other: &Self) -> bool {
        fn more<'a>(event: &'a Event, empty: &'a EventMore) -> &'a EventMore {
            event.more.as_deref().unwrap_or(empty)
        }
        let empty = EventMore::default();
        self.id == other.id
            && self.date == other.date
            && self.title == other.title
            && self.description == other.description
            && self.category == other.category
            && self.sources == other.sources
            && self.planned == other.planned
            && more(self, &empty) == more(other, &empty)
    }
}

/// The fields of an [`Event`] that most events leave out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventMore {
    /// Where, if the articles say.
    pub place: Option<Box<str>>,
    /// The UN document number of a resolution, e.g. "50/80 A".
    pub resolution: Option<Box<str>>,
    /// Ids of the organizations involved.
    pub organizations: Box<[Box<str>]>,
    /// Ids of the people involved.
    pub people: Box<[Box<str>]>,
    /// How the date was worked out, when the text implies rather than states it.
    pub derived: Option<Box<str>>,
    /// Parts of the record that rest on the editor, not on the articles'
    /// words; the quiz never asks them.
    pub unstated: Box<[Unstated]>,
    /// An editor's note where the articles are garbled or disagree.
    pub note: Option<Box<str>>,
}

impl EventMore {
    /// Whether every field is left out.
    fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// An event as the data files (and the cache) write it, field by field.
#[derive(Deserialize)]
#[serde(rename = "Event", deny_unknown_fields)]
struct EventFile {
    id: Box<str>,
    #[serde(deserialize_with = "when_from_text")]
    date: When,
    title: Box<str>,
    description: Box<str>,
    category: CategoryKey,
    #[serde(default)]
    place: Option<Box<str>>,
    #[serde(default)]
    resolution: Option<Box<str>>,
    #[serde(default)]
    planned: bool,
    #[serde(default)]
    organizations: Box<[Box<str>]>,
    #[serde(default)]
    people: Box<[Box<str>]>,
    sources: Box<[Source]>,
    #[serde(default)]
    derived: Option<Box<str>>,
    #[serde(default)]
    unstated: Box<[Unstated]>,
    #[serde(default)]
    note: Option<Box<str>>,
}

impl From<EventFile> for Event {
    fn from(file: EventFile) -> Self {
        let more = EventMore {
            place: file.place,
            resolution: file.resolution,
            organizations: file.organizations,
            people: file.people,
            derived: file.derived,
            unstated: file.unstated,
            note: file.note,
        };
        Self {
            id: file.id,
            date: file.date,
            title: file.title,
            description: file.description,
            category: file.category,
            sources: file.sources,
            planned: file.planned,
            more: (!more.is_empty()).then(|| Box::new(more)),
        }
    }
}

/// An event written as the files write it ([`EventFile`]'s fields in its
/// order), borrowed: the cache writes 100,000 without copying one.
#[derive(Serialize)]
#[serde(rename = "Event")]
struct EventRef<'a> {
    id: &'a str,
    #[serde(serialize_with = "when_as_text")]
    date: When,
    title: &'a str,
    description: &'a str,
    category: &'a CategoryKey,
    place: Option<&'a str>,
    resolution: Option<&'a str>,
    planned: bool,
    organizations: &'a [Box<str>],
    people: &'a [Box<str>],
    sources: &'a [Source],
    derived: Option<&'a str>,
    unstated: &'a [Unstated],
    note: Option<&'a str>,
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        EventRef {
            id: &self.id,
            date: self.date,
            title: &self.title,
            description: &self.description,
            category: &self.category,
            place: self.place(),
            resolution: self.resolution(),
            planned: self.planned,
            organizations: self.organizations(),
            people: self.people(),
            sources: &self.sources,
            derived: self.derived(),
            unstated: self.unstated(),
            note: self.note(),
        }
        .serialize(serializer)
    }
}

impl Event {
    /// An event with these fields and none of the rarer ones.
    pub fn new(
        id: impl Into<Box<str>>,
        date: When,
        title: impl Into<Box<str>>,
        description: impl Into<Box<str>>,
        category: CategoryKey,
        sources: impl Into<Box<[Source]>>,
    ) -> Self {
        Self {
            id: id.into(),
            date,
            title: title.into(),
            description: description.into(),
            category,
            sources: sources.into(),
            planned: false,
            more: None,
        }
    }

    /// Where, if the articles say.
    pub fn place(&self) -> Option<&str> {
        self.more.as_ref()?.place.as_deref()
    }

    /// The UN document number of a resolution, e.g. "50/80 A".
    pub fn resolution(&self) -> Option<&str> {
        self.more.as_ref()?.resolution.as_deref()
    }

    /// Ids of the organizations involved.
    pub fn organizations(&self) -> &[Box<str>] {
        self.more.as_ref().map_or(&[], |more| &more.organizations)
    }

    /// Ids of the people involved.
    pub fn people(&self) -> &[Box<str>] {
        self.more.as_ref().map_or(&[], |more| &more.people)
    }

    /// How the date was worked out, when the text implies rather than states it.
    pub fn derived(&self) -> Option<&str> {
        self.more.as_ref()?.derived.as_deref()
    }

    /// Parts of the record that rest on the editor, not on the articles'
    /// words; the quiz never asks them.
    pub fn unstated(&self) -> &[Unstated] {
        self.more.as_ref().map_or(&[], |more| &more.unstated)
    }

    /// An editor's note where the articles are garbled or disagree.
    pub fn note(&self) -> Option<&str> {
        self.more.as_ref()?.note.as_deref()
    }

    /// The rarer fields, to be changed (made when there were none).
    pub fn more_mut(&mut self) -> &mut EventMore {
        self.more.get_or_insert_default()
    }
}

/// What kind of body an organization is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum OrganizationKind {
    /// Open to states from all over the world.
    Global,
    /// States of one region.
    Regional,
    /// An organ, office or centre of the United Nations.
    UnBody,
    /// A global organization for one field (health, tourism).
    Specialized,
    /// An informal group of states.
    Informal,
    /// An institute or other non-governmental body.
    Institute,
    /// A body of one state.
    National,
}

impl OrganizationKind {
    /// Every kind, in declaration order.
    pub const ALL: [OrganizationKind; 7] = [
        OrganizationKind::Global,
        OrganizationKind::Regional,
        OrganizationKind::UnBody,
        OrganizationKind::Specialized,
        OrganizationKind::Informal,
        OrganizationKind::Institute,
        OrganizationKind::National,
    ];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            OrganizationKind::Global => "Global",
            OrganizationKind::Regional => "Regional",
            OrganizationKind::UnBody => "UN body",
            OrganizationKind::Specialized => "Specialized",
            OrganizationKind::Informal => "Informal group",
            OrganizationKind::Institute => "Institute",
            OrganizationKind::National => "National",
        }
    }

    /// A stable kebab-case name, used in exports.
    pub fn key(self) -> &'static str {
        match self {
            OrganizationKind::Global => "global",
            OrganizationKind::Regional => "regional",
            OrganizationKind::UnBody => "un-body",
            OrganizationKind::Specialized => "specialized",
            OrganizationKind::Informal => "informal",
            OrganizationKind::Institute => "institute",
            OrganizationKind::National => "national",
        }
    }
}

/// How the unit's subject stands to an organization, as the articles state it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RelationshipKind {
    /// A full member.
    Member,
    /// Holds an office in it, such as vice-chair of a session.
    Office,
    /// Its President is invited as a guest of honour.
    GuestOfHonour,
    /// Hosts it or its headquarters.
    Host,
    /// It was set up on Turkmenistan's initiative.
    Initiator,
    /// Cooperates with it, without membership being stated.
    Cooperation,
    /// It is Turkmenistan's own body.
    National,
    /// One of the unit's own kinds, defined in its manifest.
    Custom(&'static CustomKind),
}

impl RelationshipKind {
    /// Every kind, in declaration order.
    pub const ALL: [RelationshipKind; 7] = [
        RelationshipKind::Member,
        RelationshipKind::Office,
        RelationshipKind::GuestOfHonour,
        RelationshipKind::Host,
        RelationshipKind::Initiator,
        RelationshipKind::Cooperation,
        RelationshipKind::National,
    ];

    /// The name the data files write, without quotes: "GuestOfHonour".
    pub fn name(self) -> &'static str {
        match self {
            RelationshipKind::Member => "Member",
            RelationshipKind::Office => "Office",
            RelationshipKind::GuestOfHonour => "GuestOfHonour",
            RelationshipKind::Host => "Host",
            RelationshipKind::Initiator => "Initiator",
            RelationshipKind::Cooperation => "Cooperation",
            RelationshipKind::National => "National",
            RelationshipKind::Custom(kind) => &kind.key,
        }
    }

    /// The built-in kind written `name`.
    pub fn builtin(name: &str) -> Option<RelationshipKind> {
        RelationshipKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Whether it makes the subject a member: a member and an office holder
    /// are; a unit's own kind says.
    pub fn implies_membership(self) -> bool {
        match self {
            RelationshipKind::Member | RelationshipKind::Office => true,
            RelationshipKind::Custom(kind) => kind.membership,
            _ => false,
        }
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            RelationshipKind::Custom(kind) => &kind.label,
            RelationshipKind::Member => "Member",
            RelationshipKind::Office => "Office holder",
            RelationshipKind::GuestOfHonour => "Guest of honour",
            RelationshipKind::Host => "Host country",
            RelationshipKind::Initiator => "Initiator",
            RelationshipKind::Cooperation => "Cooperation",
            RelationshipKind::National => "Own institution",
        }
    }

    /// A stable kebab-case name, used in exports (a unit's own kind: its
    /// name as written).
    pub fn key(self) -> &'static str {
        match self {
            RelationshipKind::Custom(kind) => &kind.key,
            RelationshipKind::Member => "member",
            RelationshipKind::Office => "office",
            RelationshipKind::GuestOfHonour => "guest-of-honour",
            RelationshipKind::Host => "host",
            RelationshipKind::Initiator => "initiator",
            RelationshipKind::Cooperation => "cooperation",
            RelationshipKind::National => "national",
        }
    }
}

impl Serialize for RelationshipKind {
    /// As the data files write it: its name, `Member` or the manifest's key.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for RelationshipKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = super::CategoryKey::deserialize(deserializer)?;
        // A name that is not built in stands for a kind of the manifest's,
        // whose label and meaning are put on it when the unit is checked.
        Ok(RelationshipKind::builtin(name.as_str()).unwrap_or_else(|| {
            RelationshipKind::Custom(CustomKind::intern(name.as_str(), "", false, 0))
        }))
    }
}

/// One relationship of Turkmenistan to an organization, with the sentence that states it.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Relationship {
    /// What kind of relationship.
    pub kind: RelationshipKind,
    /// A few words more, e.g. "vice-chair of the 77th session".
    #[serde(default)]
    pub detail: Option<String>,
    /// Since when, where the articles give or imply it.
    #[serde(
        default,
        deserialize_with = "optional_date_from_text",
        serialize_with = "optional_date_as_text"
    )]
    pub since: Option<Date>,
    /// The sentence of the article that states it, word for word.
    pub quote: String,
    /// The paragraph the quote comes from.
    pub source: Source,
    /// How `since` was worked out, when the text implies it.
    #[serde(default)]
    pub derived: Option<String>,
    /// Parts of the record that rest on the editor, not on the articles'
    /// words; the quiz never asks them.
    #[serde(default)]
    pub unstated: Vec<Unstated>,
}

/// An organization the articles name.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// Stable kebab-case id.
    pub id: String,
    /// The usual acronym, if it has one.
    #[serde(default)]
    pub acronym: Option<String>,
    /// The full name.
    pub name: String,
    /// Other names the articles use for it.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What kind of body it is.
    pub kind: OrganizationKind,
    /// Turkmenistan's relationships to it; empty when the articles state none.
    #[serde(default)]
    pub relationships: Vec<Relationship>,
    /// What the articles say of it.
    pub summary: String,
    /// The paragraphs that mention it.
    pub sources: Vec<Source>,
    /// Parts of the record that rest on the editor, not on the articles'
    /// words; the quiz never asks them.
    #[serde(default)]
    pub unstated: Vec<Unstated>,
    /// An editor's note where the articles are garbled or disagree.
    #[serde(default)]
    pub note: Option<String>,
}

impl Organization {
    /// The acronym if there is one, otherwise the full name.
    pub fn short_name(&self) -> &str {
        self.acronym.as_deref().unwrap_or(&self.name)
    }
}

/// A person the articles name.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Stable kebab-case id.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Role as the article gives it.
    pub role: String,
    /// When the article gives that role.
    #[serde(deserialize_with = "date_from_text", serialize_with = "date_as_text")]
    pub as_of: Date,
    /// Ids of the organizations of the role.
    #[serde(default)]
    pub organizations: Vec<String>,
    /// The paragraphs that name the person.
    pub sources: Vec<Source>,
    /// An editor's note.
    #[serde(default)]
    pub note: Option<String>,
}

/// How exact a number is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
pub enum Qualifier {
    /// Exactly the value.
    #[default]
    Exactly,
    /// About the value.
    About,
    /// More than the value.
    MoreThan,
}

impl Qualifier {
    /// Words put before the number: "", "about ", "more than ".
    pub fn prefix(self) -> &'static str {
        match self {
            Qualifier::Exactly => "",
            Qualifier::About => "about ",
            Qualifier::MoreThan => "more than ",
        }
    }

    /// A stable kebab-case name, used in exports.
    pub fn key(self) -> &'static str {
        match self {
            Qualifier::Exactly => "exactly",
            Qualifier::About => "about",
            Qualifier::MoreThan => "more-than",
        }
    }
}

/// A number the articles state, with the date it holds for.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// Stable kebab-case id.
    pub id: String,
    /// What is counted, e.g. "countries with which Turkmenistan has diplomatic relations".
    pub measure: String,
    /// The number.
    pub value: f64,
    /// Exact, about, or more than.
    #[serde(default)]
    pub qualifier: Qualifier,
    /// The unit, e.g. "countries".
    pub unit: String,
    /// When the number held.
    #[serde(deserialize_with = "date_from_text", serialize_with = "date_as_text")]
    pub as_of: Date,
    /// Ids of the organizations it is about.
    #[serde(default)]
    pub organizations: Vec<String>,
    /// The sentence that states it, word for word.
    pub quote: String,
    /// The paragraphs that state it.
    pub sources: Vec<Source>,
    /// How `as_of` was worked out.
    #[serde(default)]
    pub derived: Option<String>,
    /// Parts of the record that rest on the editor, not on the articles'
    /// words; the quiz never asks them.
    #[serde(default)]
    pub unstated: Vec<Unstated>,
    /// An editor's note where the text is garbled.
    #[serde(default)]
    pub note: Option<String>,
}

impl Fact {
    /// The value as people write it: "155", "3.4", "34".
    pub fn value_text(&self) -> String {
        if self.value.fract() == 0.0 && self.value.abs() < 1e15 {
            format!("{}", self.value as i64)
        } else {
            format!("{}", self.value)
        }
    }

    /// "155 countries (2025)"-style text.
    pub fn headline(&self) -> String {
        format!(
            "{}{} {} ({})",
            self.qualifier.prefix(),
            self.value_text(),
            self.unit,
            self.as_of.human()
        )
    }
}

/// A term explained, such as "preventive diplomacy".
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryTerm {
    /// Stable kebab-case id.
    pub id: String,
    /// The term.
    pub term: String,
    /// Other spellings the articles use.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What it means, from the articles.
    pub definition: String,
    /// The paragraphs it comes from.
    pub sources: Vec<Source>,
    /// An editor's note.
    #[serde(default)]
    pub note: Option<String>,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    /// A large unit holds 100,000 events: a regression in their size is a
    /// regression in the memory the window needs (it was 304 bytes).
    #[test]
    fn an_event_stays_small() {
        assert!(size_of::<Event>() <= 112, "{} bytes", size_of::<Event>());
        assert!(size_of::<Option<Box<str>>>() == 16);
    }

    fn ron_options() -> ron::Options {
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
    }

    /// An event as it was before it was made smaller (`String`, `Vec`,
    /// every field in place): what the files and the cache wrote then.
    #[derive(Deserialize, Serialize)]
    #[serde(rename = "Event", deny_unknown_fields)]
    struct OldEvent {
        id: String,
        #[serde(deserialize_with = "when_from_text", serialize_with = "when_as_text")]
        date: When,
        title: String,
        description: String,
        category: CategoryKey,
        #[serde(default)]
        place: Option<String>,
        #[serde(default)]
        resolution: Option<String>,
        #[serde(default)]
        planned: bool,
        #[serde(default)]
        organizations: Vec<String>,
        #[serde(default)]
        people: Vec<String>,
        sources: Vec<Source>,
        #[serde(default)]
        derived: Option<String>,
        #[serde(default)]
        unstated: Vec<Unstated>,
        #[serde(default)]
        note: Option<String>,
    }

    /// The bundled events read as they were before and as they are now write the same RON
    /// and the same cache bytes, and the cache's bytes read back the same.
    #[test]
    fn events_read_and_write_as_they_did() {
        let bundled =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/events.ron"))
                .unwrap();
        {
            let events: Vec<Event> = ron_options().from_str(&bundled).unwrap();
            let old: Vec<OldEvent> = ron_options().from_str(&bundled).unwrap();
            assert!(events.len() > 30);
            assert!(events.iter().any(|e| !e.organizations().is_empty()));
            assert!(events.iter().any(|e| e.place().is_some()));
            assert!(events.iter().any(|e| e.derived().is_some()));
            assert!(events.iter().any(|e| e.more.is_none()));
            assert_eq!(
                ron_options().to_string(&events).unwrap(),
                ron_options().to_string(&old).unwrap()
            );
            let bytes = postcard::to_stdvec(&events).unwrap();
            assert_eq!(bytes, postcard::to_stdvec(&old).unwrap());
            assert_eq!(postcard::from_bytes::<Vec<Event>>(&bytes).unwrap(), events);
        }
    }

    /// An event whose rarer fields were all cleared is the one that never had any.
    #[test]
    fn no_rarer_fields_equal_empty_ones() {
        let plain = Event::new(
            "a",
            When::parse_shape("1991").unwrap(),
            "T",
            "D",
            CategoryKey::named("Summit"),
            [],
        );
        let mut cleared = plain.clone();
        cleared.more_mut().place = Some("Ashgabat".into());
        assert_ne!(cleared, plain);
        cleared.more_mut().place = None;
        assert_eq!(cleared, plain);
        assert_eq!(plain, cleared);
    }

    /// A field the files do not know is refused, as before.
    #[test]
    fn an_unknown_field_is_refused() {
        let text = r#"Event(id: "a", date: "1991", title: "T", description: "D", category: Summit, sources: [("x", 1)], colour: "red")"#;
        let error = ron_options()
            .from_str::<Event>(text)
            .unwrap_err()
            .to_string();
        assert!(error.contains("colour"), "{error}");
        let text = text.replace(r#", colour: "red""#, "");
        let event: Event = ron_options().from_str(&text).unwrap();
        assert_eq!(
            event,
            Event::new(
                "a",
                When::parse_shape("1991").unwrap(),
                "T",
                "D",
                CategoryKey::named("Summit"),
                [Source {
                    article: "x".into(),
                    paragraph: 1
                }]
            )
        );
    }
}
