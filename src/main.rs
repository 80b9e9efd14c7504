//! `neutrality-reader`: the window, or `check`, `new`, `import`, `pack`, `export` and `quiz` on
//! the command line.

#[cfg(not(target_arch = "wasm32"))]
use clap::Parser as _;

/// jemalloc on Linux: after a large unit is read, what its threads freed is
/// reused and given back rather than kept (see Cargo.toml).
#[cfg(target_os = "linux")]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

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
        None => {
            if args.screenshot.is_none() {
                leave_console();
            }
            neutrality_reader::ui::run(args.start_options())
        }
    };
    std::process::ExitCode::from(u8::try_from(code).unwrap_or(1))
}

/// On Windows, lets go of the console before the window opens.
///
/// The program stays a console program, so that `check`, `quiz` and the
/// other commands typed in cmd or PowerShell print there, are waited for
/// and give their exit code to scripts, as on Linux and macOS. (A
/// windows-subsystem program that attaches to its parent's console would
/// print after the prompt has come back, and cmd would not wait for it nor
/// see its exit code.) Started from Explorer or the Start menu, Windows gives
/// a console program a console window of its own: the window the reader
/// reads in is the only one wanted, so that console is let go here, and,
/// being left by its only process, it closes at once. Started from cmd, the
/// console is cmd's, which keeps it. A `--screenshot` run keeps its console,
/// a command-line run.
#[cfg(windows)]
fn leave_console() {
    // Fails only when there is no console to leave: nothing to do then.
    let _ = winsafe::FreeConsole();
}

/// Elsewhere a program started from the desktop has no terminal to leave.
#[cfg(not(any(windows, target_arch = "wasm32")))]
fn leave_console() {}
