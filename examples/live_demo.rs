//! A live class from the bundled unit's quiz, without the window: for the
//! headless browser check (tools/live/check.sh) and for trying the
//! students' page by hand.
//!
//! `cargo run --example live_demo -- [--lang en|ru|tk] [--bind 127.0.0.1] [--port 0]`
//! prints `URL <address with code>` and then takes the teacher's commands
//! on standard input, one a line: `show N` (question N of the quiz, from
//! 1; `show order` an ordering question, shown as the last), `reveal`, `counts`, `end`,
//! `quit`. Each is answered by one line starting `OK` (with the counts as
//! JSON) or `ERR`.

use std::io::{BufRead, Write};
use std::net::IpAddr;
use std::path::Path;
use std::sync::Arc;

use neutrality_reader::dataset::Dataset;
use neutrality_reader::live::link::LiveConfig;
use neutrality_reader::live::room::{LiveQuestion, LiveReveal};
use neutrality_reader::live::server::start;
use neutrality_reader::quiz::{MAX_COUNT, Question, QuizOptions, Topic, generate};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut lang = "en".to_owned();
    let mut bind: IpAddr = "127.0.0.1".parse()?;
    let mut port = 0u16;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().ok_or(format!("{arg} needs a value"))?;
        match arg.as_str() {
            "--lang" => lang = value,
            "--bind" => bind = value.parse()?,
            "--port" => port = value.parse()?,
            _ => return Err(format!("unknown argument {arg}").into()),
        }
    }
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let dataset = Dataset::load_dir(&data)?;
    // The quiz as the window makes it (ten questions), and an ordering
    // question from the events' quizzes (`show order`).
    let quiz = generate(&dataset, &QuizOptions::default());
    let long: Vec<Question> = (0..50)
        .flat_map(|seed| {
            let options = QuizOptions {
                seed,
                count: MAX_COUNT,
                topics: [Topic::Events].into(),
                ..QuizOptions::default()
            };
            generate(&dataset, &options).questions
        })
        .filter(|q| q.kind.is_ordering())
        .take(1)
        .collect();
    let total = quiz.questions.len();
    let link = start(LiveConfig {
        bind,
        port,
        lang,
        wake: Arc::new(|| {}),
    })?;
    println!("URL {}", link.join.url);
    println!("CODE {}", link.join.code);
    std::io::stdout().flush()?;
    let mut shown: Option<&Question> = None;
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let mut words = line.split_whitespace();
        let reply = match (words.next(), words.next()) {
            (Some("show"), Some(which)) => {
                let found = if which == "order" {
                    long.first().map(|q| (total - 1, q))
                } else {
                    which
                        .parse::<usize>()
                        .ok()
                        .and_then(|n| n.checked_sub(1))
                        .and_then(|i| quiz.questions.get(i).map(|q| (i, q)))
                };
                match found {
                    Some((i, question)) => {
                        link.room
                            .lock()
                            .map_err(|_| "poisoned")?
                            .show(LiveQuestion {
                                number: i + 1,
                                total,
                                id: question.id.clone(),
                                prompt: question.prompt.clone(),
                                options: question.options.clone(),
                                ordering: question.kind.is_ordering(),
                            });
                        shown = Some(question);
                        format!("OK {}", i + 1)
                    }
                    None => "ERR no such question".to_owned(),
                }
            }
            (Some("reveal"), None) => match shown {
                Some(question) => {
                    let source = question
                        .sources
                        .first()
                        .map(|s| {
                            let title = dataset
                                .article(&s.article)
                                .map_or(s.article.as_str(), |a| a.title.as_str());
                            format!("{title}, paragraph {}", s.paragraph)
                        })
                        .unwrap_or_default();
                    link.room
                        .lock()
                        .map_err(|_| "poisoned")?
                        .reveal(LiveReveal {
                            answer: question.answer.clone(),
                            explanation: question.explanation.clone(),
                            source,
                        });
                    "OK".to_owned()
                }
                None => "ERR nothing shown".to_owned(),
            },
            (Some("counts"), None) => {
                let counts = link.room.lock().map_err(|_| "poisoned")?.counts();
                format!("OK {}", serde_json::to_string(&counts)?)
            }
            (Some("end"), None) => {
                link.room.lock().map_err(|_| "poisoned")?.end();
                "OK".to_owned()
            }
            (Some("quit"), None) => break,
            _ => "ERR unknown command".to_owned(),
        };
        println!("{reply}");
        std::io::stdout().flush()?;
    }
    Ok(())
}
