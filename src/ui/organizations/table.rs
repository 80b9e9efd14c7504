//! The table: one row per organization shown, sortable by any column; only the
//! rows on screen are built. Narrower than its columns (the details open, a
//! small window), it scrolls sideways; a cell too narrow for its text ends it
//! in "…" and shows the whole of it on hover.

use std::collections::BTreeSet;

use egui::{Align, Label, Layout, RichText, Sense};
use egui_extras::{Column, TableBuilder};

use super::labels::{kind_label, relationship_label, standing_text, undated_text};
use super::runtime::OrganizationsRuntime;
use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::model::{Date, Organization};
use crate::organizations::{OrgRow, SortColumn, SortOrder, StandingOn, standing};
use crate::ui::command::{Command, OrgIx};

/// The columns, in order.
const COLUMNS: [SortColumn; 6] = [
    SortColumn::Acronym,
    SortColumn::Name,
    SortColumn::Kind,
    SortColumn::Relationship,
    SortColumn::Since,
    SortColumn::Mentions,
];

/// A column's header title.
fn column_title(column: SortColumn) -> &'static str {
    match column {
        SortColumn::Acronym => tr("org.col_acronym"),
        SortColumn::Name => tr("org.col_name"),
        SortColumn::Kind => tr("org.col_kind"),
        SortColumn::Relationship => tr("org.col_relationship"),
        SortColumn::Since => tr("org.col_since"),
        SortColumn::Mentions => tr("org.col_mentions"),
    }
}

/// What sorting by a column means, as its header's hover text.
fn column_hint(column: SortColumn) -> &'static str {
    match column {
        SortColumn::Acronym => tr("org.sort_hint_acronym"),
        SortColumn::Name => tr("org.sort_hint_name"),
        SortColumn::Kind => tr("org.sort_hint_kind"),
        SortColumn::Relationship => tr("org.sort_hint_relationship"),
        SortColumn::Since => tr("org.sort_hint_since"),
        SortColumn::Mentions => tr("org.sort_hint_mentions"),
    }
}

/// The columns' starting widths: the usual ones, or wider where a header
/// (with its sort arrow) or a kind needs more room, as in Russian or Turkmen.
fn initial_widths(ui: &egui::Ui, rows: &[OrgRow]) -> [f32; 6] {
    let width_of = |text: RichText, style: egui::TextStyle| {
        egui::WidgetText::from(text)
            .into_galley(ui, Some(egui::TextWrapMode::Extend), f32::INFINITY, style)
            .size()
            .x
    };
    let usual: [f32; 6] = [100.0, 160.0, 110.0, 190.0, 110.0, 80.0];
    let mut widths = usual;
    for ((width, usual), column) in widths.iter_mut().zip(usual).zip(COLUMNS) {
        let title = RichText::new(column_title(column)).strong();
        // The arrow, the spacing either side and the cell's margins.
        *width = usual.max(width_of(title, egui::TextStyle::Button) + 32.0);
    }
    let widest_kind = rows
        .iter()
        .map(|row| row.kind)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(|kind| width_of(RichText::new(kind_label(kind)), egui::TextStyle::Body) + 16.0)
        .fold(0.0, f32::max);
    widths[2] = widths[2].max(widest_kind);
    widths
}

/// Draws the count line and the table; a click on a row selects it and opens
/// its details, a click on a header sorts by that column.
pub fn table_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    runtime: &mut OrganizationsRuntime,
    selected: Option<usize>,
    commands: &mut Vec<Command>,
) {
    let as_of = runtime.as_of.date;
    let scroll = std::mem::take(&mut runtime.scroll_to_selected);
    let sorted = (runtime.column, runtime.direction);
    let sideways_to = runtime.sideways_to.take();
    let mut next_sideways = None;
    let sort_by = {
        let (rows, shown) = runtime.rows_and_shown(dataset);
        count_line_ui(ui, rows.len(), shown.len());
        if shown.is_empty() {
            ui.add_space(8.0);
            // An empty dataset never gets here (the view says so instead).
            ui.label(tr("org.no_match"));
            return;
        }
        let table = TableInput {
            dataset,
            rows,
            shown,
            selected,
            scroll,
            sorted,
            as_of,
        };
        // The columns keep their widths and the table scrolls sideways, so
        // that Relationship, Since and Mentions are never cut off.
        let mut sideways = egui::ScrollArea::horizontal()
            .id_salt("organizations_table_sideways")
            .auto_shrink([false, false]);
        if let Some(offset) = sideways_to {
            sideways = sideways.horizontal_scroll_offset(offset);
        }
        let mut focused = None;
        let output = sideways.show(ui, |ui| {
            let origin = ui.max_rect().left();
            let sort_by = rows_ui(ui, &table, commands, &mut focused);
            let focused =
                focused.map(|x: egui::Rangef| egui::Rangef::new(x.min - origin, x.max - origin));
            (sort_by, focused, origin)
        });
        let (sort_by, focused, origin) = output.inner;
        // The control Tab just focused, in the table's own coordinates: out
        // of the part seen, the table scrolls to show it from its start.
        let (offset, seen) = (output.inner_rect.left() - origin, output.inner_rect.width());
        if let Some(x) = focused
            && (x.min < offset || x.max > offset + seen)
        {
            next_sideways = Some((x.min - 8.0).max(0.0));
            ui.ctx().request_repaint();
        }
        sort_by
    };
    runtime.sideways_to = next_sideways;
    if let Some(sort_column) = sort_by {
        runtime.sort_by(sort_column);
    }
}

/// What the table shows.
struct TableInput<'a> {
    dataset: &'a Dataset,
    rows: &'a [OrgRow],
    shown: &'a [usize],
    selected: Option<usize>,
    /// Bring the selected row into view this frame.
    scroll: bool,
    sorted: (SortColumn, SortOrder),
    as_of: Option<Date>,
}

/// The header and the rows on screen; returns the column a header click
/// asked to sort by.
fn rows_ui(
    ui: &mut egui::Ui,
    input: &TableInput<'_>,
    commands: &mut Vec<Command>,
    focused: &mut Option<egui::Rangef>,
) -> Option<SortColumn> {
    let TableInput {
        dataset,
        rows,
        shown,
        selected,
        ..
    } = *input;
    let row_height = ui.spacing().interact_size.y + 4.0;
    let [acronym, _, kind, relationship, since, mentions] = initial_widths(ui, rows);
    let mut table = TableBuilder::new(ui)
        .id_salt("organizations_table")
        .striped(true)
        // No resize handles: each would be a nameless Tab stop a keyboard
        // cannot use. A cut cell ends in "…", shows its whole text on hover,
        // and the table scrolls sideways instead.
        .resizable(false)
        // A click anywhere on a row selects it, but the row is no Tab stop
        // of its own: the name's button is (one stop a row, with a name).
        .sense(Sense::CLICK)
        .cell_layout(Layout::left_to_right(Align::Center))
        .column(Column::initial(acronym).at_least(60.0).clip(true))
        // The name takes the room left, so that it gives up room when the
        // details open and the other columns stay in view.
        .column(Column::remainder().at_least(160.0).clip(true))
        .column(Column::initial(kind).at_least(70.0).clip(true))
        .column(Column::initial(relationship).at_least(90.0).clip(true))
        .column(Column::initial(since).at_least(60.0).clip(true))
        .column(Column::initial(mentions).at_least(60.0).clip(true));
    if input.scroll
        && let Some(position) = selected.and_then(|s| shown.iter().position(|&i| i == s))
    {
        table = table.scroll_to_row(position, Some(Align::Center));
    }
    let mut sort_by = None;
    table
        .header(row_height, |mut header| {
            for sort_column in COLUMNS {
                header.col(|ui| {
                    if header_cell_ui(ui, sort_column, input.sorted, focused) {
                        sort_by = Some(sort_column);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(row_height, shown.len(), |mut row| {
                let Some(&index) = shown.get(row.index()) else {
                    return;
                };
                let (Some(line), Some(organization)) =
                    (rows.get(index), dataset.organizations.get(index))
                else {
                    return;
                };
                let is_selected = selected == Some(index);
                if row_ui(
                    &mut row,
                    line,
                    organization,
                    (is_selected, input.as_of),
                    focused,
                ) {
                    commands.push(Command::SelectOrganization {
                        organization: Some(OrgIx(index)),
                        details: true,
                        show: false,
                    });
                }
            });
        });
    sort_by
}

/// How many organizations there are, or how many of them are shown.
fn count_line_ui(ui: &mut egui::Ui, rows: usize, shown: usize) {
    let summary = if shown == rows {
        if rows == 1 {
            tr("org.count_one").to_owned()
        } else {
            trf("org.count_all", &[("n", &rows)])
        }
    } else {
        trf("org.count_shown", &[("shown", &shown), ("total", &rows)])
    };
    ui.label(RichText::new(summary).small().weak());
}

/// A column's header: its title, a button that sorts by it, with the
/// direction when sorted by it. Returns whether it was clicked.
fn header_cell_ui(
    ui: &mut egui::Ui,
    sort_column: SortColumn,
    (column, direction): (SortColumn, SortOrder),
    focused: &mut Option<egui::Rangef>,
) -> bool {
    let title = column_title(sort_column);
    let sorted = (sort_column == column).then_some(direction);
    // Room for the arrow, so that a narrowed column cuts the title, not the arrow.
    let arrow = if sorted.is_some() { 14.0 } else { 0.0 };
    let room = egui::vec2(
        (ui.available_width() - arrow).max(16.0),
        ui.available_height(),
    );
    let button = egui::Button::new(RichText::new(title).strong())
        .frame(false)
        .truncate();
    let response = ui
        .allocate_ui(room, |ui| ui.add(button))
        .inner
        // The whole title, in case it was cut, and what sorting by it means.
        .on_hover_ui(|ui| {
            ui.label(RichText::new(title).strong());
            ui.label(column_hint(sort_column));
        });
    // egui's bundled fonts have no arrow glyphs: draw the
    // direction, and say it to screen readers.
    if let Some(direction) = sorted {
        sort_arrow(ui, direction);
        let name = match direction {
            SortOrder::Ascending => trf("org.sorted_ascending", &[("column", &title)]),
            SortOrder::Descending => trf("org.sorted_descending", &[("column", &title)]),
        };
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    }
    if response.gained_focus() {
        *focused = Some(response.rect.x_range());
    }
    response.clicked()
}

/// One organization's cells; returns whether the row or its name was
/// clicked. Notes in `focused` where its name is when Tab just focused it.
fn row_ui(
    row: &mut egui_extras::TableRow<'_, '_>,
    line: &OrgRow,
    organization: &Organization,
    (is_selected, as_of): (bool, Option<Date>),
    focused: &mut Option<egui::Rangef>,
) -> bool {
    row.set_selected(is_selected);
    let mut clicked = false;
    // Each cell's text ends in "…" when its column is too narrow for it,
    // and egui shows the whole of it on hover.
    row.col(|ui| match &line.acronym {
        Some(acronym) => {
            ui.add(Label::new(acronym).truncate());
        }
        None => {
            ui.weak("—").on_hover_text(tr("org.no_acronym"));
        }
    });
    // The name is the row's button: every organization has one,
    // and a screen reader hears the whole of it.
    row.col(|ui| {
        let name = ui
            .add(
                egui::Button::selectable(is_selected, &line.name)
                    .frame_when_inactive(false)
                    .truncate(),
            )
            .on_hover_text(&line.name);
        if name.gained_focus() {
            *focused = Some(name.rect.x_range());
        }
        clicked |= name.clicked();
    });
    row.col(|ui| {
        ui.add(Label::new(kind_label(line.kind)).truncate());
    });
    row.col(|ui| relationship_cell(ui, organization, as_of));
    row.col(|ui| match line.since {
        Some(since) => {
            ui.add(Label::new(crate::i18n::dates::human(&since)).truncate());
        }
        None => {
            ui.weak("—").on_hover_text(tr("org.since_not_stated"));
        }
    });
    row.col(|ui| {
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            ui.add_space(8.0);
            ui.add(Label::new(line.mentions.to_string()).truncate());
        });
    });
    clicked || row.response().clicked()
}

/// A small triangle after a header: up for ascending, down for descending.
fn sort_arrow(ui: &mut egui::Ui, direction: SortOrder) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), Sense::hover());
    let color = ui.visuals().strong_text_color();
    let (top, bottom) = (rect.top() + 1.0, rect.bottom() - 1.0);
    let (left, right, middle) = (rect.left(), rect.right(), rect.center().x);
    let points = match direction {
        SortOrder::Ascending => vec![
            egui::pos2(middle, top),
            egui::pos2(right, bottom),
            egui::pos2(left, bottom),
        ],
        SortOrder::Descending => vec![
            egui::pos2(left, top),
            egui::pos2(right, top),
            egui::pos2(middle, bottom),
        ],
    };
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        color,
        egui::Stroke::NONE,
    ));
}

/// The first relationship, or how it stood on the as-of date, with a count of
/// the others; the full wording on hover.
fn relationship_cell(ui: &mut egui::Ui, organization: &Organization, as_of: Option<Date>) {
    let Some((first, others)) = organization.relationships.split_first() else {
        ui.label(RichText::new(tr("org.cell_not_stated")).italics().weak());
        return;
    };
    let more = if others.is_empty() {
        String::new()
    } else {
        format!(" +{}", others.len())
    };
    let kind = relationship_label(first.kind);
    let text = match as_of {
        None => RichText::new(format!("{kind}{more}")),
        Some(date) => match standing(first, date) {
            StandingOn::Held(_) => RichText::new(format!("{kind}{more}")),
            StandingOn::NotYet(_) => {
                RichText::new(trf("org.cell_not_yet", &[("kind", &kind), ("more", &more)])).weak()
            }
            StandingOn::Unknown(_) | StandingOn::NotStated => {
                RichText::new(trf("org.cell_unknown", &[("kind", &kind), ("more", &more)]))
                    .italics()
            }
        },
    };
    // The hover lists every relationship in full, the cut cell's words with them.
    let response = ui.add(Label::new(text).truncate().show_tooltip_when_elided(false));
    response.on_hover_ui(|ui| {
        for relationship in &organization.relationships {
            let text = match as_of {
                Some(date) => standing_text(relationship, date),
                None => undated_text(relationship),
            };
            ui.label(text);
        }
    });
}
