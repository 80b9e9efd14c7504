//! The anonymous summary of a live class, as the teacher saves it: per
//! question, how many answered and how many were right, as CSV (for a
//! spreadsheet) and as Markdown (for notes). No device, nickname or
//! individual answer is in it.

use super::room::SummaryRow;

/// The summary as CSV with a header row: number, question, answered, right,
/// and the question's id.
pub fn summary_csv(rows: &[SummaryRow]) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(["number", "question", "answered", "right", "id"])?;
    for row in rows {
        writer.write_record([
            row.number.to_string(),
            row.prompt.clone(),
            row.answered.to_string(),
            row.right.to_string(),
            row.id.clone(),
        ])?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The summary as a Markdown document: a title, then a table with a row
/// per question. `title` and the column names come from the caller, in the
/// interface's language.
pub fn summary_markdown(title: &str, columns: [&str; 4], rows: &[SummaryRow]) -> String {
    let mut text = format!("# {}\n\n", one_line(title));
    let [number, question, answered, right] = columns.map(cell);
    text.push_str(&format!(
        "| {number} | {question} | {answered} | {right} |\n|---:|---|---:|---:|\n"
    ));
    for row in rows {
        text.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            row.number,
            cell(&row.prompt),
            row.answered,
            row.right
        ));
    }
    text
}

/// Text on one line, for a heading.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text safe in a table cell: one line, pipes and backslashes escaped.
fn cell(text: &str) -> String {
    one_line(text).replace('\\', "\\\\").replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(number: usize, prompt: &str, answered: usize, right: usize) -> SummaryRow {
        SummaryRow {
            number,
            id: format!("q-{number}"),
            prompt: prompt.to_string(),
            answered,
            right,
        }
    }

    #[test]
    fn csv_reads_back_with_every_field() {
        let rows = [
            row(1, "When did \"neutrality\", as such, begin?", 40, 31),
            row(2, "A line\nbroken, with a comma", 3, 0),
        ];
        let text = summary_csv(&rows).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let back: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect();
        assert_eq!(back.len(), 2);
        assert_eq!(back[0], ["1", rows[0].prompt.as_str(), "40", "31", "q-1"]);
        assert_eq!(back[1][1], rows[1].prompt);
    }

    #[test]
    fn markdown_keeps_the_table_whole_whatever_the_text() {
        let rows = [row(1, "A | B\nand \\ C", 2, 1)];
        let text = summary_markdown(
            "Live | class",
            ["#", "Question", "Answered", "Right"],
            &rows,
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "# Live | class");
        assert_eq!(lines[4], "| 1 | A \\| B and \\\\ C | 2 | 1 |");
        // Every table line has its four cells: unescaped pipes are 5.
        for line in &lines[2..] {
            let bars = line
                .replace("\\\\", "")
                .replace("\\|", "")
                .matches('|')
                .count();
            assert_eq!(bars, 5, "{line}");
        }
    }
}
