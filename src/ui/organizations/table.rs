//! The table: one row per organization shown, sortable by any column; only the
//! rows on screen are built.

use egui::{Align, Layout, RichText, Sense};
use egui_extras::{Column, TableBuilder};

use super::{OrganizationsRuntime, standing_text};
use crate::dataset::Dataset;
use crate::model::{Date, Organization};
use crate::organizations::{SortColumn, SortOrder, StandingOn, standing};
use crate::ui::app::Command;

/// The columns, in order, with their header titles and what sorting them means.
const COLUMNS: [(SortColumn, &str, &str); 6] = [
    (
        SortColumn::Acronym,
        "Acronym",
        "the acronym, or the name where there is none",
    ),
    (SortColumn::Name, "Name", "the full name"),
    (SortColumn::Kind, "Kind", "the kind of body"),
    (
        SortColumn::Relationship,
        "Relationship",
        "Turkmenistan’s relationship",
    ),
    (
        SortColumn::Since,
        "Since",
        "since when; unknown dates go last",
    ),
    (
        SortColumn::Mentions,
        "Mentions",
        "how many paragraphs mention it",
    ),
];

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
    let (column, direction) = (runtime.column, runtime.direction);
    let mut sort_by = None;
    {
        let (rows, shown) = runtime.rows_and_shown(dataset);
        let summary = if shown.len() == rows.len() {
            format!("{} organizations", rows.len())
        } else {
            format!("{} of {} organizations", shown.len(), rows.len())
        };
        ui.label(RichText::new(summary).small().weak());
        if shown.is_empty() {
            ui.add_space(8.0);
            ui.label(
                "No organization matches the filter. Clear the text or the chips to see them all.",
            );
            return;
        }
        let row_height = ui.spacing().interact_size.y + 4.0;
        let mut table = TableBuilder::new(ui)
            .id_salt("organizations_table")
            .striped(true)
            .resizable(true)
            .sense(Sense::click())
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::initial(100.0).at_least(60.0).clip(true))
            .column(Column::remainder().at_least(160.0).clip(true))
            .column(Column::initial(110.0).at_least(70.0).clip(true))
            .column(Column::initial(190.0).at_least(90.0).clip(true))
            .column(Column::initial(110.0).at_least(60.0).clip(true))
            .column(Column::initial(80.0).at_least(60.0));
        if scroll && let Some(position) = selected.and_then(|s| shown.iter().position(|&i| i == s))
        {
            table = table.scroll_to_row(position, Some(Align::Center));
        }
        table
            .header(row_height, |mut header| {
                for (sort_column, title, meaning) in COLUMNS {
                    header.col(|ui| {
                        let sorted = (sort_column == column).then_some(direction);
                        let response = ui
                            .add(egui::Button::new(RichText::new(title).strong()).frame(false))
                            .on_hover_text(format!("Sort by {meaning}; click again to reverse"));
                        // egui's bundled fonts have no arrow glyphs: draw the
                        // direction, and say it to screen readers.
                        if let Some(direction) = sorted {
                            sort_arrow(ui, direction);
                            let name = match direction {
                                SortOrder::Ascending => format!("{title}, sorted ascending"),
                                SortOrder::Descending => format!("{title}, sorted descending"),
                            };
                            response.widget_info(|| {
                                egui::WidgetInfo::labeled(egui::Role::Button, true, &name)
                            });
                        }
                        if response.clicked() {
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
                    row.set_selected(is_selected);
                    let mut clicked = false;
                    row.col(|ui| match &line.acronym {
                        Some(acronym) => {
                            ui.label(acronym);
                        }
                        None => {
                            ui.weak("—").on_hover_text("No acronym in the articles");
                        }
                    });
                    // The name is the row's button: every organization has one,
                    // and a screen reader hears the whole of it.
                    row.col(|ui| {
                        clicked |= ui
                            .add(
                                egui::Button::selectable(is_selected, &line.name)
                                    .frame_when_inactive(false)
                                    .truncate(),
                            )
                            .on_hover_text(&line.name)
                            .clicked();
                    });
                    row.col(|ui| {
                        ui.label(line.kind.label());
                    });
                    row.col(|ui| relationship_cell(ui, organization, as_of));
                    row.col(|ui| match line.since {
                        Some(since) => {
                            ui.label(since.human());
                        }
                        None => {
                            ui.weak("—").on_hover_text("Not stated in the articles");
                        }
                    });
                    row.col(|ui| {
                        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                            ui.add_space(8.0);
                            ui.label(line.mentions.to_string());
                        });
                    });
                    if clicked || row.response().clicked() {
                        commands.push(Command::SelectOrganization {
                            organization: Some(index),
                            details: true,
                            show: false,
                        });
                    }
                });
            });
    }
    if let Some(sort_column) = sort_by {
        runtime.sort_by(sort_column);
    }
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
        ui.label(RichText::new("not stated").italics().weak());
        return;
    };
    let more = if others.is_empty() {
        String::new()
    } else {
        format!(" +{}", others.len())
    };
    let kind = first.kind.label();
    let response = match as_of {
        None => ui.label(format!("{kind}{more}")),
        Some(date) => match standing(first, date) {
            StandingOn::Held(_) => ui.label(format!("{kind}{more}")),
            StandingOn::NotYet(_) => {
                ui.label(RichText::new(format!("{kind} — not yet{more}")).weak())
            }
            StandingOn::Unknown(_) | StandingOn::NotStated => {
                ui.label(RichText::new(format!("{kind} — unknown{more}")).italics())
            }
        },
    };
    response.on_hover_ui(|ui| {
        for relationship in &organization.relationships {
            let text = match as_of {
                Some(date) => standing_text(relationship, date),
                None => super::undated_text(relationship),
            };
            ui.label(text);
        }
    });
}
