//! `neutrality-reader`: the window, or `check`, `new`, `import`, `pack`, `export` and `quiz` on
//! the command line.

#[cfg(not(target_arch = "wasm32"))]
use clap::Parser as _;

#[cfg(not(target_arch = "wasm32"))]
use neutrality_reader::cli::{self, Cli, Command};

/// In a web page: the window, with the options of the page's address.
#[cfg(target_arch = "wasm32")]
fn main() {
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let options = neutrality_reader::cli::page_options(&query).unwrap_or_else(|message| {
        web_sys::console::warn_1(&message.into());
        neutrality_reader::ui::StartOptions::default()
    });
    neutrality_reader::ui::start_in_page(options);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args = Cli::parse();
    let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
    let code = match &args.command {
        Some(Command::Check {
            dir,
            data,
            format,
            output,
        }) => cli::check(
            dir.as_deref().or(data.as_deref()).or(args.data.as_deref()),
            *format,
            output.as_deref(),
            &mut out,
            &mut err,
        ),
        Some(Command::New { dir }) => cli::new_dataset(dir, &mut out, &mut err),
        Some(Command::Import { source, dir, into }) => {
            cli::import(source, dir.as_deref(), into.as_deref(), &mut out, &mut err)
        }
        Some(Command::Pack { dir, file, force }) => {
            cli::pack(dir, file, *force, &mut out, &mut err)
        }
        Some(Command::Export {
            data,
            format,
            output,
        }) => {
            let data = data.data.as_deref().or(args.data.as_deref());
            cli::export(data, *format, output.as_deref(), &mut out, &mut err)
        }
        Some(Command::Quiz(quiz)) => {
            let data = quiz.data.data.as_deref().or(args.data.as_deref());
            cli::quiz(data, quiz, &mut out, &mut err)
        }
        None => neutrality_reader::ui::run(args.start_options()),
    };
    std::process::ExitCode::from(u8::try_from(code).unwrap_or(1))
}
