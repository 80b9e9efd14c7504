//! On a Windows build only: the program's icon (assets/icons/neutrality-reader.ico,
//! the window icon's drawing, kept equal by a test in src/ui/icon.rs) and its
//! version information (name, description, version from Cargo.toml), as
//! Explorer and the task bar show them, compiled by winresource with the
//! resource compiler of the target's toolchain (MinGW-w64's windres when
//! cross-compiling from Linux). Other targets need nothing here.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed=assets/icons/neutrality-reader.ico");
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return Ok(());
    }
    let mut resource = winresource::WindowsResource::new();
    // Cross-compiling from Linux: MinGW-w64's tools, by their prefixed names.
    if std::env::var("CARGO_CFG_TARGET_ENV").as_deref() == Ok("gnu") && !cfg!(windows) {
        resource
            .set_windres_path("x86_64-w64-mingw32-windres")
            .set_ar_path("x86_64-w64-mingw32-ar");
    }
    resource
        .set_icon("assets/icons/neutrality-reader.ico")
        .set("ProductName", "Neutrality Reader")
        .set("FileDescription", "Neutrality Reader")
        .set("CompanyName", "Neutrality Reader developers")
        .set("OriginalFilename", "neutrality-reader.exe");
    resource.compile()?;
    Ok(())
}
