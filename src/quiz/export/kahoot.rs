//! Kahoot's quiz spreadsheet (.xlsx), as its "Kahoot! Quiz Template" lays it
//! out: a title and four lines of instructions in column B (rows 2 to 6), the
//! column headings on row 8, and from row 9 one question a row: its number,
//! the question (at most 120 characters), answers 1 to 4 (at most 75 each;
//! two are enough), the time limit (5, 10, 20, 30, 60, 90, 120 or 240
//! seconds) and the correct answer's number.
//!
//! Our prompts are often longer than Kahoot takes, mostly by the article they
//! cite. [`shorten_question`] takes out, step by step, what a class playing
//! live can do without (the article's title, stock phrasings, the far ends of
//! a cloze sentence) and never cuts a word of what is asked; a question that
//! still does not fit, an answer over 75 characters that has no parenthetical
//! to drop, and an ordering question (Kahoot's puzzles are not in the
//! spreadsheet) are left out, each with a sentence saying why.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::super::{Question, Quiz};

/// The blank of a cloze question, as the cloze kind writes it.
const BLANK: &str = "_____";

/// The most characters Kahoot takes in a question.
pub const MAX_QUESTION: usize = 120;
/// The most characters Kahoot takes in an answer.
pub const MAX_ANSWER: usize = 75;
/// The time limits Kahoot offers, in seconds.
pub const TIME_LIMITS: [u32; 8] = [5, 10, 20, 30, 60, 90, 120, 240];
/// The template's column headings (row 8, from column B), word for word.
pub const HEADINGS: [&str; 7] = [
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
];
/// The template's title and instructions, in column B of rows 2 to 6.
pub const INSTRUCTIONS: [&str; 5] = [
    "Quiz template",
    "Add questions, at least two answer alternatives, time limit and choose correct answers (at least one). Have fun creating your awesome quiz!",
    "Remember: questions have a limit of 120 characters and answers can have 75 characters max. Text will turn red in Excel or Google Docs if you exceed this limit. If several answers are correct, separate them with a comma.",
    "See an example question below (don't forget to overwrite this with your first question!)",
    "And remember,  if you're not using Excel you need to export to .xlsx format before you upload to Kahoot!",
];
/// The 0-based row of the headings (row 8 in Excel); questions follow it.
pub const HEADING_ROW: u32 = 7;

/// One question as Kahoot takes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KahootQuestion {
    /// The question, at most [`MAX_QUESTION`] characters.
    pub question: String,
    /// Two to four answers, each at most [`MAX_ANSWER`] characters.
    pub answers: Vec<String>,
    /// Seconds, one of [`TIME_LIMITS`].
    pub time_limit: u32,
    /// The correct answer's number, 1 to 4.
    pub correct: usize,
}

fn chars(text: &str) -> usize {
    text.chars().count()
}

/// The start of `text` up to `n` characters, with "…" when cut, for a note.
fn glimpse(text: &str, n: usize) -> String {
    if chars(text) <= n {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(n).collect();
        format!("{}…", cut.trim_end())
    }
}

/// "According to “Title” (Publisher, dated 1 October 2022)" becomes "As of
/// 1 October 2022" (the date the figure rests on stays), and with an undated
/// article "According to the articles"; other text is returned unchanged.
fn drop_cited_title(prompt: &str) -> String {
    let Some(rest) = prompt.strip_prefix("According to “") else {
        return prompt.to_owned();
    };
    let Some((_title, after)) = rest.split_once('”') else {
        return prompt.to_owned();
    };
    let (basis, tail) = match after.strip_prefix(" (").and_then(|a| a.split_once(')')) {
        Some((about, tail)) => match about.split_once("dated ") {
            Some((_, date)) if !about.contains("undated") => (format!("As of {date}"), tail),
            _ => ("According to the articles".to_owned(), tail),
        },
        None => ("According to the articles".to_owned(), after),
    };
    format!("{basis}{tail}")
}

/// "Fill in the blank in this sentence about X from “Title” (dated D): “…”"
/// becomes "Fill in the blank about X (as of D): “…”": the article's title
/// goes, the date the sentence holds for stays.
fn drop_cloze_source(prompt: &str) -> String {
    let Some(rest) = prompt.strip_prefix("Fill in the blank in this sentence") else {
        return prompt.to_owned();
    };
    let Some((subject, after)) = rest.split_once(" from “") else {
        return prompt.to_owned();
    };
    let Some((_title, after)) = after.split_once('”') else {
        return prompt.to_owned();
    };
    let (holds, tail) = match after.strip_prefix(" (").and_then(|a| a.split_once(')')) {
        Some((about, tail)) => {
            let holds = if about.starts_with("undated") {
                String::new()
            } else if let Some(date) = about.strip_prefix("dated ") {
                format!(" (as of {date})")
            } else {
                format!(" ({about})")
            };
            (holds, tail)
        }
        None => (String::new(), after),
    };
    format!("Fill in the blank{subject}{holds}{tail}")
}

/// Stock phrasings of our prompts and shorter ones that ask the same.
const SHORTER: [(&str, &str); 8] = [
    (
        "Which term do the articles explain like this: ",
        "Which term means: ",
    ),
    (", as the articles use it?", "?"),
    (", as the articles state them?", "?"),
    (
        "Which resolution number goes with this decision of the UN General Assembly, taken ",
        "Which UN General Assembly resolution, adopted ",
    ),
    ("did this event take place: ", "did this happen: "),
    ("did this event begin: ", "did this begin: "),
    ("is this event planned: ", "is this planned: "),
    ("As the articles state it, what is ", "What is "),
];

fn stock_phrases(prompt: &str) -> String {
    let text = SHORTER
        .iter()
        .fold(prompt.to_owned(), |text, (long, short)| {
            text.replace(long, short)
        });
    // "Who held this role on 1 May 2020: “Minister”?" asks "Who was “Minister” on 1 May 2020?"
    let role = text
        .strip_prefix("Who held this role on ")
        .and_then(|rest| rest.split_once(": “"))
        .and_then(|(date, rest)| Some((date, rest.strip_suffix("”?")?)));
    match role {
        Some((date, role)) if !role.contains('”') => format!("Who was “{role}” on {date}?"),
        _ => text,
    }
}

/// The last quoted text “…” of `prompt` holding the blank, cut a word at a
/// time from its far end until the prompt fits in `max`, each cut end shown
/// by "…"; `None` when it cannot be cut to fit with a word either side.
fn trim_cloze_quote(prompt: &str, max: usize) -> Option<String> {
    let open = prompt.rfind('“')?;
    let close = open + prompt[open..].find('”')?;
    let (head, quote, tail) = (
        &prompt[..open + '“'.len_utf8()],
        &prompt[open + '“'.len_utf8()..close],
        &prompt[close..],
    );
    let words: Vec<&str> = quote.split(' ').collect();
    let blank = words.iter().position(|w| w.contains(BLANK))?;
    let (mut first, mut last) = (0, words.len() - 1);
    loop {
        let mut text = String::new();
        if first > 0 {
            text.push('…');
        }
        text.push_str(&words[first..=last].join(" "));
        if last + 1 < words.len() {
            text.push('…');
        }
        let candidate = format!("{head}{text}{tail}");
        if chars(&candidate) <= max {
            return Some(candidate);
        }
        // Cut from the side with more words left beyond the blank.
        if blank - first >= last - blank && blank - first > 1 {
            first += 1;
        } else if last - blank > 1 {
            last -= 1;
        } else {
            return None;
        }
    }
}

/// The prompt in at most [`MAX_QUESTION`] characters, shortened by the
/// rules above in turn, each only while still too long; or `None`.
pub fn shorten_question(prompt: &str) -> Option<String> {
    let steps: [fn(&str) -> String; 3] = [drop_cited_title, drop_cloze_source, stock_phrases];
    let mut text = prompt.trim().to_owned();
    for step in steps {
        if chars(&text) <= MAX_QUESTION {
            return Some(text);
        }
        text = step(&text);
    }
    if chars(&text) <= MAX_QUESTION {
        return Some(text);
    }
    trim_cloze_quote(&text, MAX_QUESTION)
}

/// The answer in at most [`MAX_ANSWER`] characters: as it is, or without a
/// closing parenthetical ("On the role of neutrality (7 December 2020)");
/// `None` when neither fits.
pub fn shorten_answer(answer: &str) -> Option<String> {
    let answer = answer.trim();
    if chars(answer) <= MAX_ANSWER {
        return Some(answer.to_owned());
    }
    let open = answer.strip_suffix(')')?.rfind(" (")?;
    let short = answer[..open].trim_end();
    (chars(short) <= MAX_ANSWER && !short.is_empty()).then(|| short.to_owned())
}

/// The time to answer: 20 seconds, 30 for much to read, 60 for a lot.
fn time_limit(question: &str, answers: &[String]) -> u32 {
    let reading = chars(question) + answers.iter().map(|a| chars(a)).sum::<usize>();
    match reading {
        0..=150 => 20,
        151..=260 => 30,
        _ => 60,
    }
}

/// The question as Kahoot takes it, or why it cannot.
pub fn kahoot_question(question: &Question) -> Result<KahootQuestion, String> {
    if question.kind.is_ordering() {
        return Err(format!(
            "it asks to put {} items in order, and Kahoot's spreadsheet takes only quiz questions (make it a puzzle in Kahoot itself)",
            question.options.len()
        ));
    }
    if !(2..=4).contains(&question.options.len()) {
        return Err(format!(
            "it has {} options, and Kahoot takes 2 to 4",
            question.options.len()
        ));
    }
    let [right] = question.answer.as_slice() else {
        return Err("it has more than one right answer".to_owned());
    };
    let text = shorten_question(&question.prompt).ok_or_else(|| {
        format!(
            "its question “{}” is {} characters, and shortened still over Kahoot's {MAX_QUESTION}",
            glimpse(&question.prompt, 50),
            chars(&question.prompt)
        )
    })?;
    let mut answers = Vec::with_capacity(question.options.len());
    for option in &question.options {
        let short = shorten_answer(option).ok_or_else(|| {
            format!(
                "its answer “{}” is {} characters, Kahoot takes {MAX_ANSWER}",
                glimpse(option, 40),
                chars(option)
            )
        })?;
        if answers.contains(&short) {
            return Err(format!(
                "two of its answers read “{}” once shortened to Kahoot's {MAX_ANSWER} characters",
                glimpse(&short, 40)
            ));
        }
        answers.push(short);
    }
    Ok(KahootQuestion {
        time_limit: time_limit(&text, &answers),
        question: text,
        answers,
        correct: right + 1,
    })
}

/// The questions Kahoot takes, and a sentence for each left out (numbered
/// as in the quiz) and for those shortened.
pub fn kahoot_questions(quiz: &Quiz) -> (Vec<KahootQuestion>, Vec<String>) {
    let mut taken = Vec::new();
    let mut notes = Vec::new();
    let mut shortened = 0;
    for (number, question) in quiz.questions.iter().enumerate() {
        match kahoot_question(question) {
            Ok(made) => {
                if made.question != question.prompt.trim()
                    || made
                        .answers
                        .iter()
                        .zip(&question.options)
                        .any(|(a, o)| a != o.trim())
                {
                    shortened += 1;
                }
                taken.push(made);
            }
            Err(why) => notes.push(format!("question {} left out: {why}", number + 1)),
        }
    }
    if shortened > 0 {
        notes.push(format!(
            "{shortened} of the {} questions in the Kahoot file were shortened to its limits: the article cited, stock phrasings or the far ends of a sentence taken out",
            taken.len()
        ));
    }
    (taken, notes)
}

fn write_sheet(rows: &[KahootQuestion]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Sheet1")?;
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(16);
    for (i, line) in INSTRUCTIONS.iter().enumerate() {
        let row = u32::try_from(i).unwrap_or_default() + 1;
        let format = if i == 0 { &title } else { &Format::new() };
        sheet.write_string_with_format(row, 1, *line, format)?;
    }
    for (i, heading) in HEADINGS.iter().enumerate() {
        let col = u16::try_from(i).unwrap_or_default() + 1;
        sheet.write_string_with_format(HEADING_ROW, col, *heading, &bold)?;
    }
    sheet.set_column_width(0, 4)?;
    sheet.set_column_width(1, 60)?;
    for col in 2..=5 {
        sheet.set_column_width(col, 30)?;
    }
    sheet.set_column_width(6, 14)?;
    sheet.set_column_width(7, 14)?;
    for (i, made) in rows.iter().enumerate() {
        let row = HEADING_ROW + 1 + u32::try_from(i).unwrap_or(u32::MAX - HEADING_ROW - 1);
        sheet.write_number(row, 0, f64::from(u32::try_from(i + 1).unwrap_or_default()))?;
        sheet.write_string(row, 1, &made.question)?;
        for (a, answer) in made.answers.iter().enumerate() {
            sheet.write_string(row, 2 + u16::try_from(a).unwrap_or_default(), answer)?;
        }
        sheet.write_number(row, 6, f64::from(made.time_limit))?;
        sheet.write_number(row, 7, f64::from(u32::try_from(made.correct).unwrap_or(1)))?;
    }
    workbook.save_to_buffer()
}

/// The quiz as Kahoot's spreadsheet, with a note for each question left out
/// and one for those shortened.
pub fn to_xlsx(quiz: &Quiz) -> Result<(Vec<u8>, Vec<String>), String> {
    let (rows, notes) = kahoot_questions(quiz);
    if rows.is_empty() {
        return Err(format!(
            "none of the {} questions fits Kahoot's spreadsheet: {}",
            quiz.questions.len(),
            notes.join("; ")
        ));
    }
    let bytes = write_sheet(&rows).map_err(|e| format!("could not write the Kahoot file: {e}"))?;
    Ok((bytes, notes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cited_title_gives_way_to_the_date_it_rests_on() {
        assert_eq!(
            drop_cited_title(
                "According to “Foreign Policy” (MFA, dated 1 October 2022), what is the number of x?"
            ),
            "As of 1 October 2022, what is the number of x?"
        );
        assert_eq!(
            drop_cited_title("According to “A long title” (undated), what is the number of x?"),
            "According to the articles, what is the number of x?"
        );
        assert_eq!(drop_cited_title("Which of these?"), "Which of these?");
    }

    #[test]
    fn a_cloze_keeps_its_subject_and_date_and_loses_its_title() {
        assert_eq!(
            drop_cloze_source(
                "Fill in the blank in this sentence about the UN from “Title” (dated 1 October 2022): “a _____ b”"
            ),
            "Fill in the blank about the UN (as of 1 October 2022): “a _____ b”"
        );
        assert_eq!(
            drop_cloze_source("Fill in the blank in this sentence from “T” (undated): “a _____ b”"),
            "Fill in the blank: “a _____ b”"
        );
    }

    #[test]
    fn a_long_cloze_sentence_is_cut_around_its_blank() {
        let words = "word ".repeat(40);
        let prompt = format!("Fill in the blank: “{words}_____ {words}end”");
        let short = shorten_question(&prompt).unwrap();
        assert!(chars(&short) <= MAX_QUESTION, "{short}");
        assert!(short.contains("word _____ word"), "{short}");
        assert!(short.ends_with("word…”"), "{short}");
        // The words kept either side differ by at most one.
        let (before, after) = short.split_once("_____").unwrap();
        let count = |s: &str| s.matches("word").count() as i64;
        assert!((count(before) - count(after)).abs() <= 1, "{short}");
        assert!(short.starts_with("Fill in the blank: “…"));
    }

    #[test]
    fn stock_phrasings_say_the_same_in_fewer_words() {
        assert_eq!(
            stock_phrases("Who held this role on 1 May 2020: “Minister of Foreign Affairs”?"),
            "Who was “Minister of Foreign Affairs” on 1 May 2020?"
        );
        assert_eq!(
            stock_phrases("What does “X” mean, as the articles use it?"),
            "What does “X” mean?"
        );
    }

    #[test]
    fn answers_lose_only_a_closing_parenthetical() {
        let long = format!("{} (2 February 2017)", "x".repeat(70));
        assert_eq!(shorten_answer(&long), Some("x".repeat(70)));
        assert_eq!(shorten_answer(&"y".repeat(80)), None);
        assert_eq!(shorten_answer(" short "), Some("short".to_owned()));
    }

    #[test]
    fn time_limits_are_kahoots() {
        for n in [0, 100, 200, 1000] {
            assert!(TIME_LIMITS.contains(&time_limit(&"q".repeat(n), &[])));
        }
    }
}
