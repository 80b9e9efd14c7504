//! The Linux desktop's entry (assets/neutrality-reader.desktop) and icons,
//! as the .deb installs them: the entry starts the program the package
//! installs, names the icon the package installs at every size, and matches
//! the window's app id so that the task bar groups the window under it;
//! `desktop-file-validate` accepts it where it is installed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn entry(key: &str) -> String {
    let text = std::fs::read_to_string(root().join("assets/neutrality-reader.desktop")).unwrap();
    text.lines()
        .find_map(|line| line.strip_prefix(&format!("{key}=")))
        .unwrap_or_else(|| panic!("no {key}="))
        .to_owned()
}

#[test]
fn the_entry_starts_the_program_with_its_icon_and_app_id() {
    assert_eq!(entry("Exec"), env!("CARGO_PKG_NAME"));
    assert_eq!(entry("Icon"), "neutrality-reader");
    assert_eq!(entry("Name"), "Neutrality Reader");
    let start = std::fs::read_to_string(root().join("src/ui/start/native.rs")).unwrap();
    assert!(
        start.contains(&format!(".with_app_id(\"{}\")", entry("StartupWMClass"))),
        "StartupWMClass is the window's app id"
    );
}

#[test]
fn the_package_installs_the_entry_and_every_icon() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    assert!(
        manifest.contains("[\"assets/neutrality-reader.desktop\", \"usr/share/applications/\"")
    );
    for side in neutrality_reader::ui::icon::DESKTOP_SIZES {
        let file = format!("assets/icons/hicolor/{side}x{side}/apps/neutrality-reader.png");
        assert!(root().join(&file).is_file(), "{file}");
        assert!(
            manifest.contains(&format!(
                "[\"{file}\", \"usr/share/icons/hicolor/{side}x{side}/apps/\""
            )),
            "{file}"
        );
    }
}

#[test]
fn desktop_file_validate_accepts_the_entry() {
    let Ok(output) = std::process::Command::new("desktop-file-validate")
        .arg(root().join("assets/neutrality-reader.desktop"))
        .output()
    else {
        eprintln!("SKIPPED: desktop-file-validate is not installed (Debian: desktop-file-utils)");
        return;
    };
    assert!(
        output.status.success() && output.stdout.is_empty(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
