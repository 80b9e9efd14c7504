//! Ctrl+K: one box over the articles' text, events, organizations, people and
//! the glossary, results grouped and ranked with the matches highlighted;
//! Up/Down choose, Enter opens the hit at its place, Esc closes. And Ctrl+F:
//! find in the open article, Enter and Shift+Enter step through the matches.

use egui::text::{LayoutJob, TextFormat};
use egui::{Key, Modifiers, RichText};

use super::command::{Command, EventIx, OrgIx};
use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::search::{GroupKind, Hit, Match, SearchIndex, SearchResults, Target, find_in_article};

/// Hits shown per group.
const PER_GROUP: usize = 6;

/// Hits found for a group shown whole: more than any group holds.
const ALL_OF_A_GROUP: usize = 10_000;

/// The Ctrl+K box while it is open.
#[derive(Debug, Default)]
pub struct SearchBox {
    /// Whether it is open.
    pub open: bool,
    /// What was typed.
    pub query: String,
    /// The results of `searched`.
    results: SearchResults,
    /// The query the results are for.
    searched: String,
    /// The chosen hit, in the order shown.
    pub chosen: usize,
    /// The field should take the keyboard as soon as it is drawn.
    focus_pending: bool,
    /// The group shown whole ("Show all"), until the query changes.
    expanded: Option<GroupKind>,
    /// The results changed: show them from the top.
    scroll_to_top: bool,
}

impl SearchBox {
    /// The hits shown, in display order: every group's first few, and the
    /// whole of the group shown whole.
    fn shown(&self) -> impl Iterator<Item = &Hit> {
        self.results
            .groups
            .iter()
            .flat_map(|g| g.hits.iter().take(self.limit(g.kind)))
    }

    /// How many hits of `kind` are shown.
    fn limit(&self, kind: GroupKind) -> usize {
        if self.expanded == Some(kind) {
            usize::MAX
        } else {
            PER_GROUP
        }
    }
}

/// Ctrl+F in the open article.
#[derive(Debug, Default)]
pub struct FindBar {
    /// Whether it is open.
    pub open: bool,
    /// What was typed.
    pub query: String,
    /// Every match in the article, in reading order.
    pub matches: Vec<Match>,
    /// (article, query) the matches are for.
    found_for: (String, String),
    /// The match shown, an index into `matches`.
    pub current: usize,
}

/// The search box's text field, to give it the keyboard when it opens.
fn query_id() -> egui::Id {
    egui::Id::unique("search_query")
}

/// The find bar's text field.
fn find_id() -> egui::Id {
    egui::Id::unique("find_query")
}

/// Ctrl+K and Ctrl+F open their boxes (taking the keys from the text fields).
pub fn shortcuts(ctx: &egui::Context, search: &mut SearchBox, find: &mut FindBar) {
    let (k, f) = ctx.input_mut(|i| {
        (
            i.consume_key(Modifiers::COMMAND, Key::K),
            i.consume_key(Modifiers::COMMAND, Key::F),
        )
    });
    if k {
        search.open = true;
        // Asked again when the field is drawn: a window's first frame only
        // measures it, and egui drops a focus request for a widget not shown.
        search.focus_pending = true;
        ctx.memory_mut(|m| m.request_focus(query_id()));
    }
    if f {
        find.open = true;
        ctx.memory_mut(|m| m.request_focus(find_id()));
    }
    // Esc closes the find bar wherever the focus is (egui has already let
    // go of the field's focus for it), unless a window or menu above the
    // page is open: that Esc is theirs.
    let above = ctx.any_popup_open()
        || ctx.memory(|m| {
            m.areas()
                .visible_layer_ids()
                .iter()
                .any(|layer| layer.order == egui::Order::Middle)
        });
    if find.open && !search.open && !above && !k && !f {
        let escape = ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));
        if escape {
            find.open = false;
        }
    }
}

/// Draws the Ctrl+K window; Enter or a click opens a hit as a command.
pub fn search_window(
    ctx: &egui::Context,
    dataset: &Dataset,
    index: Option<&SearchIndex>,
    search: &mut SearchBox,
    commands: &mut Vec<Command>,
) {
    if !search.open {
        return;
    }
    let ready = index;
    let (escape, down, up, enter) = ctx.input_mut(|i| {
        (
            i.consume_key(Modifiers::NONE, Key::Escape),
            i.consume_key(Modifiers::NONE, Key::ArrowDown),
            i.consume_key(Modifiers::NONE, Key::ArrowUp),
            i.consume_key(Modifiers::NONE, Key::Enter),
        )
    });
    if escape {
        search.open = false;
        return;
    }
    search_anew(dataset, ready, search);
    let count = search.shown().count();
    if down && count > 0 {
        search.chosen = (search.chosen + 1).min(count - 1);
    }
    if up {
        search.chosen = search.chosen.saturating_sub(1);
    }
    let mut opened = None;
    if enter {
        opened = search.shown().nth(search.chosen).map(|h| h.target);
    }
    let mut open = true;
    egui::Window::new(tr("search.title"))
        .id(egui::Id::unique("search_window"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(640.0)
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 60.0))
        .show(ctx, |ui| {
            query_field_ui(ui, search);
            ui.weak(tr("search.keys"));
            state_ui(ui, search, ready.is_some());
            let mut area = egui::ScrollArea::vertical()
                .id_salt("search_results")
                .max_height(520.0);
            if std::mem::take(&mut search.scroll_to_top) {
                area = area.vertical_scroll_offset(0.0);
            }
            let mut expand = None;
            area.show(ui, |ui| match results_ui(ui, search, down || up) {
                Some(Clicked::Hit(target)) => opened = Some(target),
                Some(Clicked::ShowAll(kind)) => expand = Some(kind),
                None => {}
            });
            if let Some(kind) = expand
                && let Some(index) = ready
            {
                search.results = index.search(dataset, &search.query, ALL_OF_A_GROUP);
                search.expanded = Some(kind);
            }
        });
    if !open {
        search.open = false;
    }
    if let Some(target) = opened {
        search.open = false;
        commands.extend(open_target(dataset, target));
    }
}

/// Searches for the query if it changed since it was last searched for and
/// the index is `ready`; while it is being prepared the query can be typed,
/// and it is searched for the frame it arrives.
fn search_anew(dataset: &Dataset, ready: Option<&SearchIndex>, search: &mut SearchBox) {
    if let Some(index) = ready
        && search.searched != search.query
    {
        search.expanded = None;
        search.results = index.search(dataset, &search.query, PER_GROUP);
        search.searched.clone_from(&search.query);
        search.chosen = 0;
        search.scroll_to_top = true;
    }
}

/// What the results cannot say: that the index is still being prepared, or
/// that nothing was found.
fn state_ui(ui: &mut egui::Ui, search: &SearchBox, ready: bool) {
    if !ready {
        ui.horizontal_wrapped(|ui| {
            crate::ui::widgets::busy_ui(ui);
            ui.label(tr("search.preparing"));
        });
    } else if !search.query.trim().is_empty() && search.results.is_empty() {
        ui.label(tr("search.nothing"));
    }
}

/// The query's text field, which takes the keyboard when the window opens.
fn query_field_ui(ui: &mut egui::Ui, search: &mut SearchBox) {
    let label = ui.label(tr("search.label"));
    let field = ui
        .add(
            egui::TextEdit::singleline(&mut search.query)
                .id(query_id())
                .hint_text(tr("search.hint"))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if search.focus_pending {
        if field.has_focus() && !ui.is_sizing_pass() {
            search.focus_pending = false;
        } else {
            field.request_focus();
        }
    }
}

/// What was clicked in the results.
enum Clicked {
    /// A hit, to open.
    Hit(Target),
    /// A group's "Show all".
    ShowAll(GroupKind),
}

/// The hits, grouped, the chosen one marked (and scrolled to when the arrows
/// `moved` the choice); a group cut short ends with "Show all". Paragraphs
/// are listed under their article's title, each as "¶ n" and its snippet.
fn results_ui(ui: &mut egui::Ui, search: &SearchBox, moved: bool) -> Option<Clicked> {
    let mut clicked = None;
    let mut position = 0;
    for group in &search.results.groups {
        if group.hits.is_empty() {
            continue;
        }
        ui.add_space(6.0);
        let shown = group.hits.len().min(search.limit(group.kind));
        let more = if group.total > shown {
            trf(
                "search.shown_of",
                &[("shown", &shown), ("total", &group.total)],
            )
        } else {
            String::new()
        };
        ui.label(RichText::new(format!("{}{more}", group_label(group.kind))).strong());
        let mut article = None;
        for hit in group.hits.iter().take(shown) {
            if let Target::Paragraph { article: index, .. } = hit.target
                && article.replace(index) != Some(index)
            {
                let job = hit_job(ui, &hit.title, &hit.title_highlights, "", &[]);
                ui.add(egui::Label::new(job).wrap());
            }
            let response = hit_ui(ui, hit, position == search.chosen);
            if position == search.chosen && moved {
                response.scroll_to_me(None);
            }
            if response.clicked() {
                clicked = Some(Clicked::Hit(hit.target));
            }
            position += 1;
        }
        if group.total > shown {
            let text = trf("search.show_all", &[("total", &group.total)]);
            if ui.small_button(text).clicked() {
                clicked = Some(Clicked::ShowAll(group.kind));
            }
        }
    }
    clicked
}

/// One hit as a button: its title and snippet, or for a paragraph its
/// number and snippet (the title stands above).
fn hit_ui(ui: &mut egui::Ui, hit: &Hit, chosen: bool) -> egui::Response {
    let job = match hit.target {
        Target::Paragraph { paragraph, .. } => {
            let number = format!("¶ {paragraph}");
            hit_job(ui, &number, &[], &hit.snippet, &hit.highlights)
        }
        _ => hit_job(
            ui,
            &hit.title,
            &hit.title_highlights,
            &hit.snippet,
            &hit.highlights,
        ),
    };
    ui.add(egui::Button::selectable(chosen, job).wrap())
}

/// The title, then the snippet, with the matched parts marked.
fn hit_job(
    ui: &egui::Ui,
    title: &str,
    title_marks: &[std::ops::Range<usize>],
    snippet: &str,
    marks: &[std::ops::Range<usize>],
) -> LayoutJob {
    let visuals = ui.visuals();
    let plain = TextFormat {
        font_id: egui::FontId::proportional(15.0),
        color: visuals.strong_text_color(),
        ..TextFormat::default()
    };
    let marked = TextFormat {
        background: visuals.selection.bg_fill,
        ..plain.clone()
    };
    let mut job = LayoutJob::default();
    append_marked(&mut job, title, title_marks, &plain, &marked);
    if !snippet.is_empty() {
        job.append("\n", 0.0, plain.clone());
        let small = TextFormat {
            font_id: egui::FontId::proportional(13.0),
            color: visuals.text_color(),
            ..TextFormat::default()
        };
        let small_marked = TextFormat {
            background: visuals.selection.bg_fill,
            ..small.clone()
        };
        append_marked(&mut job, snippet, marks, &small, &small_marked);
    }
    job
}

/// Appends `text` with the byte ranges `marks` in the `marked` format; a
/// range that is not on character boundaries is drawn plain.
fn append_marked(
    job: &mut LayoutJob,
    text: &str,
    marks: &[std::ops::Range<usize>],
    plain: &TextFormat,
    marked: &TextFormat,
) {
    let mut at = 0;
    for range in marks {
        let (Some(before), Some(inside)) = (text.get(at..range.start), text.get(range.clone()))
        else {
            continue;
        };
        job.append(before, 0.0, plain.clone());
        job.append(inside, 0.0, marked.clone());
        at = range.end;
    }
    job.append(text.get(at..).unwrap_or_default(), 0.0, plain.clone());
}

/// What opening a hit does: an organization in its view, an event on the
/// timeline, anything else at the paragraph that states it.
pub fn open_target(dataset: &Dataset, target: Target) -> Vec<Command> {
    let at = |sources: &[crate::model::Source]| {
        sources
            .first()
            .map(|s| Command::OpenArticle {
                article: s.article.clone(),
                paragraph: Some(s.paragraph),
            })
            .into_iter()
            .collect()
    };
    match target {
        Target::Organization(index) => vec![Command::SelectOrganization {
            organization: Some(OrgIx(index)),
            details: true,
            show: true,
        }],
        Target::Event(index) => vec![Command::FocusEvent(EventIx(index))],
        Target::Person(index) => dataset.people.get(index).map_or(vec![], |p| at(&p.sources)),
        Target::Glossary(index) => dataset
            .glossary
            .get(index)
            .map_or(vec![], |g| at(&g.sources)),
        Target::Paragraph { article, paragraph } => dataset
            .articles
            .get(article)
            .map(|a| Command::OpenArticle {
                article: a.id.clone(),
                paragraph: Some(paragraph),
            })
            .into_iter()
            .collect(),
    }
}

/// The find bar above the reader: the matches in the open article, the one
/// shown highlighted in its paragraph; Enter goes to the next, Shift+Enter to
/// the previous, Esc closes.
pub fn find_bar_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    article: Option<&str>,
    find: &mut FindBar,
    commands: &mut Vec<Command>,
) {
    if !find.open {
        return;
    }
    let Some(article_id) = article else { return };
    let Some(article) = dataset.article(article_id) else {
        return;
    };
    let key = (article_id.to_owned(), find.query.clone());
    let changed = find.found_for != key;
    if changed {
        find.matches = find_in_article(article, &find.query);
        find.found_for = key;
        find.current = 0;
    }
    let focused = ui.ctx().memory(|m| m.has_focus(find_id()));
    let (next, previous) = ui.input(|i| {
        let enter = focused && i.key_pressed(Key::Enter);
        (enter && !i.modifiers.shift, enter && i.modifiers.shift)
    });
    let go = find_row_ui(ui, find, next, previous) || (changed && !find.matches.is_empty());
    if go && let Some(found) = find.matches.get(find.current) {
        commands.push(Command::OpenArticle {
            article: article_id.to_owned(),
            paragraph: Some(found.paragraph),
        });
    }
}

/// The find bar's row: the field, where the match shown is among them, and
/// Previous, Next and Close; Enter (`next`) and Shift+Enter (`previous`)
/// step too. Returns whether the match shown changed.
fn find_row_ui(ui: &mut egui::Ui, find: &mut FindBar, next: bool, previous: bool) -> bool {
    let count = find.matches.len();
    let mut go = false;
    ui.horizontal(|ui| {
        let label = ui.label(tr("search.find_label"));
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut find.query)
                    .id(find_id())
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
        if (next || previous) && count > 0 {
            find.current = if next {
                (find.current + 1) % count
            } else {
                (find.current + count - 1) % count
            };
            go = true;
            // Enter takes the focus away from a single-line field: keep it.
            response.request_focus();
        }
        let status = if find.query.trim().is_empty() {
            String::new()
        } else if count == 0 {
            tr("search.no_match").to_owned()
        } else {
            trf(
                "search.match_of",
                &[("number", &(find.current + 1)), ("count", &count)],
            )
        };
        ui.label(status);
        if ui
            .add_enabled(count > 0, egui::Button::new(tr("search.previous")))
            .clicked()
        {
            find.current = (find.current + count - 1) % count.max(1);
            go = true;
        }
        if ui
            .add_enabled(count > 0, egui::Button::new(tr("search.next")))
            .clicked()
        {
            find.current = (find.current + 1) % count.max(1);
            go = true;
        }
        if ui.button(tr("search.close")).clicked() {
            find.open = false;
        }
    });
    go
}

/// A group's heading in the current language.
fn group_label(kind: GroupKind) -> &'static str {
    match kind {
        GroupKind::Organizations => tr("search.group.organizations"),
        GroupKind::People => tr("search.group.people"),
        GroupKind::Events => tr("search.group.events"),
        GroupKind::Glossary => tr("search.group.glossary"),
        GroupKind::Articles => tr("search.group.articles"),
    }
}
