//! The web page's address as the window's options: `?view=quiz&lang=ru`
//! is read as `--view quiz --lang ru` would be on the command line, by the
//! same parser, so a link a teacher shares opens the page where the window
//! would open and refuses what the window refuses, with the same words.

use clap::Parser as _;

use super::Cli;
use crate::ui::StartOptions;

/// The options a page's address may give: those of the window that make
/// sense in a browser (no folder, screenshot or window size).
pub const PAGE_OPTIONS: [&str; 10] = [
    "view",
    "article",
    "paragraph",
    "event",
    "organization",
    "quiz",
    "quiz-mode",
    "theme",
    "lang",
    "present",
];

/// The window's options from the page address's query (`?` and all, or
/// without it), or a sentence saying what in it cannot be used.
pub fn page_options(query: &str) -> Result<StartOptions, String> {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut args = vec!["neutrality-reader".to_owned()];
    for (name, value) in form_urlencoded::parse(query.as_bytes()) {
        if !PAGE_OPTIONS.contains(&name.as_ref()) {
            return Err(format!(
                "“{}” is not an option of the page; it takes {}",
                crate::terminal::cut(&name),
                PAGE_OPTIONS.join(", ")
            ));
        }
        args.push(format!("--{name}"));
        // `present` is a switch: `?present` or `?present=1` alike.
        if name != "present" {
            args.push(value.into_owned());
        }
    }
    match Cli::try_parse_from(&args) {
        Ok(cli) if cli.command.is_none() => Ok(cli.start_options()),
        Ok(_) => Err("the page's address names no command".to_owned()),
        Err(error) => Err(error.render().to_string().trim().to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::command::View;

    #[test]
    fn the_address_reads_as_the_command_line_does() {
        let options = page_options("?view=quiz&lang=ru&theme=high-contrast").unwrap_or_default();
        assert_eq!(options.view, Some(View::Quiz));
        assert_eq!(options.language, Some(crate::i18n::Language::Russian));
        assert!(options.theme.is_some());
        let article =
            page_options("article=un-recognition&paragraph=3&present").unwrap_or_default();
        assert_eq!(article.article.as_deref(), Some("un-recognition"));
        assert_eq!(article.paragraph, Some(3));
        assert!(article.present);
        assert_eq!(page_options(""), Ok(StartOptions::default()));
        // Percent-escapes and `+` are read as a browser writes them.
        let escaped = page_options("event=a%2Db+c").unwrap_or_default();
        assert_eq!(escaped.event.as_deref(), Some("a-b c"));
    }

    #[test]
    fn what_a_page_cannot_do_is_refused_with_a_sentence() {
        for query in [
            "data=/etc",
            "screenshot=x.png",
            "size=9x9",
            "x=1",
            "view=nowhere",
        ] {
            let error = page_options(query).expect_err(query);
            assert!(!error.is_empty(), "{query}");
        }
        assert!(
            page_options("data=/etc")
                .unwrap_err()
                .contains("not an option of the page")
        );
    }
}
