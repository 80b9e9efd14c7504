//! The students' page: one HTML file with its CSS and JavaScript inline
//! (nothing loaded from elsewhere), its texts in the class's language put
//! in at serve time as JSON, and a fresh nonce for its one script and
//! style on every response.

use serde_json::{Map, Value};

use crate::i18n::{self, Language, tr};

/// The page as written, with `{{LANG}}`, `{{NONCE}}` and `{{CONFIG}}` to
/// fill.
const TEMPLATE: &str = include_str!("../../../assets/live/student.html");

/// The page in one language, ready to serve.
#[derive(Debug)]
pub struct Page {
    lang: &'static str,
    /// The texts as a JSON object, already safe inside a script block.
    texts: String,
}

impl Page {
    /// The page in the language `code` (`en`, `ru`, `tk`; English if
    /// unknown).
    pub fn new(code: &str) -> Self {
        let language = Language::from_code(code).unwrap_or(Language::English);
        // `tr` answers in the thread's language: this thread's for a moment.
        let before = i18n::language();
        i18n::set_language(language);
        let texts = texts();
        i18n::set_language(before);
        Self {
            lang: language.code(),
            texts: script_safe(&Value::Object(texts).to_string()),
        }
    }

    /// The page's HTML, with its script and style allowed by `nonce`;
    /// `wrong_code` when the address carried a code that is not the class's.
    pub fn html(&self, nonce: &str, wrong_code: bool) -> String {
        let config = format!("{{\"texts\":{},\"wrongCode\":{wrong_code}}}", self.texts);
        TEMPLATE
            .replace("{{LANG}}", self.lang)
            .replace("{{NONCE}}", nonce)
            .replace("{{CONFIG}}", &config)
    }

    /// The Content-Security-Policy for the page served with `nonce`: its
    /// own script and style only, requests to itself only.
    pub fn policy(nonce: &str) -> String {
        format!(
            "default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; \
             connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; \
             frame-ancestors 'none'"
        )
    }
}

/// JSON made safe inside `<script>…</script>`: no `<`, `>` or `&` (so no
/// `</script>` or `<!--` can end the block), nor the two line separators
/// old JavaScript took for line ends. Each is written as its `\u` escape,
/// which JSON reads back as the same character.
pub fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The page's texts, by the names its script uses, in the thread's language.
fn texts() -> Map<String, Value> {
    let pairs = [
        ("title", tr("live.page.title")),
        ("code_prompt", tr("live.page.code_prompt")),
        ("code_label", tr("live.page.code_label")),
        ("nickname_label", tr("live.page.nickname_label")),
        ("nickname_hint", tr("live.page.nickname_hint")),
        ("join", tr("live.page.join")),
        ("joining", tr("live.page.joining")),
        ("waiting", tr("live.page.waiting")),
        ("question_of", tr("live.page.question_of")),
        ("choose", tr("live.page.choose")),
        ("order_hint", tr("live.page.order_hint")),
        ("your_order", tr("live.page.your_order")),
        ("undo", tr("live.page.undo")),
        ("send", tr("live.page.send")),
        ("sent", tr("live.page.sent")),
        ("right", tr("live.page.right")),
        ("wrong", tr("live.page.wrong")),
        ("not_answered", tr("live.page.not_answered")),
        ("right_option", tr("live.page.right_option")),
        ("your_option", tr("live.page.your_option")),
        ("explanation", tr("live.page.explanation")),
        ("source", tr("live.page.source")),
        ("ended", tr("live.page.ended")),
        ("offline", tr("live.page.offline")),
        ("error_wrong_code", tr("live.page.error_wrong_code")),
        ("error_unknown_device", tr("live.page.error_unknown_device")),
        ("error_no_question", tr("live.page.error_no_question")),
        (
            "error_not_the_current_question",
            tr("live.page.error_not_the_current_question"),
        ),
        ("error_closed", tr("live.page.error_closed")),
        (
            "error_already_answered",
            tr("live.page.error_already_answered"),
        ),
        ("error_not_an_answer", tr("live.page.error_not_an_answer")),
        ("error_ended", tr("live.page.error_ended")),
        ("error_full", tr("live.page.error_full")),
        ("error_too_many", tr("live.page.error_too_many")),
        ("error_bad_request", tr("live.page.error_bad_request")),
    ];
    pairs
        .into_iter()
        .map(|(name, text)| (name.to_owned(), Value::String(text.to_owned())))
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    proptest::proptest! {
        #[test]
        fn any_text_stays_inside_the_script_block_and_reads_back(text in ".*", tail in "[<>&/!-]{0,12}") {
            let value = serde_json::json!({ "t": format!("{text}</script>{tail}<!--") });
            let safe = script_safe(&value.to_string());
            proptest::prop_assert!(!safe.contains('<') && !safe.contains('>'));
            let back: Value = serde_json::from_str(&safe).unwrap();
            proptest::prop_assert_eq!(back, value);
        }
    }

    #[test]
    fn nothing_in_the_json_can_close_the_script_block() {
        let hostile = serde_json::json!({"a": "</script><script>alert(1)</script>", "b": "<!--", "c": "a&b\u{2028}"});
        let safe = script_safe(&hostile.to_string());
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        assert!(!safe.contains('\u{2028}'));
        let back: Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, hostile);
    }

    /// The configuration a served page carries.
    fn config_of(html: &str) -> Value {
        let start = html.find("{\"texts\":").unwrap();
        let end = html[start..].find("</script>").unwrap();
        serde_json::from_str(&html[start..start + end]).unwrap()
    }

    #[test]
    fn the_page_is_in_the_class_language_with_its_nonce() {
        let ru = Page::new("ru").html("n0nce", false);
        let en = Page::new("en").html("n0nce", true);
        assert!(ru.contains("<html lang=\"ru\""));
        assert!(ru.contains("nonce=\"n0nce\""));
        assert!(!ru.contains("{{"));
        let (ru, en) = (config_of(&ru), config_of(&en));
        assert_ne!(ru["texts"]["join"], en["texts"]["join"]);
        assert!(ru["texts"]["join"].as_str().is_some_and(|t| !t.is_empty()));
        assert_eq!(ru["wrongCode"], Value::Bool(false));
        assert_eq!(en["wrongCode"], Value::Bool(true));
        assert!(
            Page::new("xx")
                .html("n", true)
                .contains("<html lang=\"en\"")
        );
    }

    #[test]
    fn the_page_sets_texts_only_as_text() {
        assert!(!TEMPLATE.contains("innerHTML"));
        assert!(!TEMPLATE.contains("outerHTML"));
        assert!(!TEMPLATE.contains("insertAdjacentHTML"));
        assert!(!TEMPLATE.contains("document.write"));
        assert!(!TEMPLATE.contains("http://") && !TEMPLATE.contains("https://"));
    }
}
