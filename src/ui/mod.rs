//! The window.

/// Opens the window; returns the process exit code.
pub fn run(_args: &crate::cli::Cli) -> i32 {
    0
}
