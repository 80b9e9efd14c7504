//! The shape of the code, checked as a whole so that it stays the way
//! ARCHITECTURE.md says: no import circle between the files of `src/ui/`,
//! views never import the app, pure logic never imports egui, and no file or
//! function in `src/ui/` grows past what a newcomer can read in one go.
//!
//! The Rust is read as text, roughly: comments, strings and characters are
//! blanked first, then `use` trees and paths (`super::…`, `crate::ui::…`, a
//! child module's name) are resolved to the file they name.

// A missing or unreadable source file is a failed check, said by its panic.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// No file in `src/ui/` is longer than this, in lines.
const MAX_FILE_LINES: usize = 600;
/// No function in `src/ui/` is longer than this, in lines (signature to closing brace).
const MAX_FN_LINES: usize = 80;

/// The files of `src/ui/` besides the app's own that may import it: the
/// window's start (the first state it builds, and the page's wrapper of it).
const OPENS_THE_APP: [&str; 3] = ["ui::start", "ui::start::first", "ui::start::web"];

/// The folders of pure logic: they never draw.
const PURE: [&str; 13] = [
    "live",
    "model",
    "background.rs",
    "dataset",
    "timeline",
    "quiz",
    "search",
    "links",
    "organizations",
    "i18n",
    "notes.rs",
    "fonts",
    "browser.rs",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        if dir.is_file() {
            files.push(dir);
            continue;
        }
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The text with comments, string and character literals blanked out (kept
/// the same length line by line, so that line numbers still hold).
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && is_raw_string(&chars, i) {
            // r"…" or r#"…"#.
            let mut hashes = 0;
            let mut j = i + 1;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            out.push('"');
            for _ in i + 1..=j {
                out.push(' ');
            }
            i = j + 1;
            while i < chars.len() {
                if chars[i] == '"' && (0..hashes).all(|h| chars.get(i + 1 + h) == Some(&'#')) {
                    out.push('"');
                    for _ in 0..hashes {
                        out.push(' ');
                    }
                    i += 1 + hashes;
                    break;
                }
                out.push(blank(chars[i]));
                i += 1;
            }
        } else if c == '"' {
            out.push('"');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if let Some(&c) = chars.get(i) {
                    out.push(blank(c));
                }
                i += 1;
            }
            out.push('"');
            i += 1;
        } else if c == '\'' && is_char_literal(&chars, i) {
            let mut j = i + 1;
            if chars.get(j) == Some(&'\\') {
                j += 1;
            }
            j += 1;
            while chars.get(j).is_some_and(|&c| c != '\'') {
                j += 1;
            }
            for _ in i..=j {
                out.push(' ');
            }
            i = j + 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_raw_string(chars: &[char], at: usize) -> bool {
    let before_ok = at == 0 || !(chars[at - 1].is_alphanumeric() || chars[at - 1] == '_');
    let mut j = at + 1;
    while chars.get(j) == Some(&'#') {
        j += 1;
    }
    before_ok && chars.get(j) == Some(&'"')
}

/// A `'` that opens a character literal rather than a lifetime or label.
fn is_char_literal(chars: &[char], at: usize) -> bool {
    matches!(
        (chars.get(at + 1), chars.get(at + 2)),
        (Some('\\'), _) | (Some(_), Some('\''))
    )
}

/// A file's module path under `src/`: `src/ui/quiz/mod.rs` is `ui::quiz`.
fn module_of(file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(root().join("src")).unwrap();
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// Paths a file names, each as segments: the `use` trees expanded, and
/// every `super::…`, `crate::…` or `child::…` path in the code.
fn named_paths(code: &str, children: &BTreeSet<String>) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let tokens = tokens(code);
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i] == "use" {
            let end = tokens[i..]
                .iter()
                .position(|t| t == ";")
                .map_or(tokens.len(), |e| i + e);
            expand_use(&tokens[i + 1..end], &mut Vec::new(), &mut paths);
            i = end;
            continue;
        }
        let starts = tokens[i] == "super" || tokens[i] == "crate" || children.contains(&tokens[i]);
        let after_path = i > 0 && tokens[i - 1] == "::";
        if starts && !after_path && tokens.get(i + 1).is_some_and(|t| t == "::") {
            let mut path = vec![tokens[i].clone()];
            let mut j = i + 1;
            while tokens.get(j).is_some_and(|t| t == "::")
                && tokens.get(j + 1).is_some_and(|t| is_ident(t))
            {
                path.push(tokens[j + 1].clone());
                j += 2;
            }
            paths.push(path);
            i = j;
            continue;
        }
        i += 1;
    }
    paths
}

fn is_ident(token: &str) -> bool {
    token
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
}

fn tokens(code: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            tokens.push(chars[start..i].iter().collect());
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            tokens.push("::".to_owned());
            i += 2;
        } else if !c.is_whitespace() {
            tokens.push(c.to_string());
            i += 1;
        } else {
            i += 1;
        }
    }
    tokens
}

/// Expands a `use` tree (`a::{b, c::{d, e}}`) into its paths.
fn expand_use(tree: &[String], prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    let mut i = 0;
    let depth_before = prefix.len();
    while i < tree.len() {
        let token = &tree[i];
        if token == "{" {
            // Split the group at its top-level commas.
            let mut depth = 0;
            let mut start = i + 1;
            let mut j = i;
            while j < tree.len() {
                match tree[j].as_str() {
                    "{" => depth += 1,
                    "}" => {
                        depth -= 1;
                        if depth == 0 {
                            expand_use(&tree[start..j], prefix, out);
                            break;
                        }
                    }
                    "," if depth == 1 => {
                        expand_use(&tree[start..j], prefix, out);
                        start = j + 1;
                    }
                    _ => {}
                }
                j += 1;
            }
            prefix.truncate(depth_before);
            return;
        } else if token == "as" {
            break;
        } else if is_ident(token) {
            prefix.push(token.clone());
        }
        i += 1;
    }
    if prefix.len() > depth_before || !prefix.is_empty() {
        out.push(prefix.clone());
    }
    prefix.truncate(depth_before);
}

/// The code without its `#[cfg(test)] mod … { … }` blocks, whose `super` is
/// the file itself, not its parent.
fn without_test_modules(code: &str) -> String {
    let mut out = code.to_owned();
    let mut from = 0;
    while let Some(found) = out[from..].find("#[cfg(test)]") {
        let start = from + found;
        let rest = &out[start..];
        let Some(brace) = rest.find('{') else { break };
        let is_module = tokens(&rest[..brace]).iter().any(|t| t == "mod");
        if !is_module {
            from = start + 1;
            continue;
        }
        let mut depth = 0;
        let mut end = out.len();
        for (offset, c) in out[start + brace..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = start + brace + offset + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        // Same length in bytes, so that the places after it still hold.
        let blanked: String = out[start..end]
            .chars()
            .map(|c| {
                if c == '\n' {
                    "\n".to_owned()
                } else {
                    " ".repeat(c.len_utf8())
                }
            })
            .collect();
        out.replace_range(start..end, &blanked);
        from = end;
    }
    out
}

/// The file module a path names from `module`, if it is one of `modules`.
fn resolve(
    module: &[String],
    path: &[String],
    modules: &BTreeSet<Vec<String>>,
) -> Option<Vec<String>> {
    let mut at: Vec<String>;
    let mut rest = path;
    match path.first().map(String::as_str) {
        Some("crate") => {
            at = Vec::new();
            rest = &path[1..];
        }
        Some("super") => {
            at = module.to_vec();
            while rest.first().is_some_and(|s| s == "super") {
                at.pop()?;
                rest = &rest[1..];
            }
        }
        Some("self") => {
            at = module.to_vec();
            rest = &path[1..];
        }
        Some(_) => at = module.to_vec(),
        None => return None,
    }
    for segment in rest {
        let mut deeper = at.clone();
        deeper.push(segment.clone());
        if modules.contains(&deeper) {
            at = deeper;
        } else {
            break;
        }
    }
    modules.contains(&at).then_some(at)
}

struct SourceFile {
    path: PathBuf,
    module: Vec<String>,
    text: String,
    code: String,
}

fn read_sources() -> Vec<SourceFile> {
    rust_files(&root().join("src"))
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let code = code_only(&text);
            SourceFile {
                module: module_of(&path),
                path,
                text,
                code,
            }
        })
        .collect()
}

/// Who imports whom between the files of `src/ui/` (a file module to the file modules it names).
fn ui_imports(sources: &[SourceFile]) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let modules: BTreeSet<Vec<String>> = sources.iter().map(|s| s.module.clone()).collect();
    let mut graph = BTreeMap::new();
    for source in sources
        .iter()
        .filter(|s| s.module.first().is_some_and(|m| m == "ui"))
    {
        let children: BTreeSet<String> = modules
            .iter()
            .filter(|m| m.len() == source.module.len() + 1 && m.starts_with(&source.module))
            .filter_map(|m| m.last().cloned())
            .collect();
        let mut targets = BTreeSet::new();
        for path in named_paths(&without_test_modules(&source.code), &children) {
            if let Some(target) = resolve(&source.module, &path, &modules)
                && target != source.module
                && target.first().is_some_and(|m| m == "ui")
                // A folder's own mod.rs only names its files to declare them.
                && !(path.len() == 1 && children.contains(&path[0]))
            {
                targets.insert(target);
            }
        }
        graph.insert(source.module.clone(), targets);
    }
    graph
}

/// One circle in the graph, if there is any.
fn find_cycle(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Option<Vec<Vec<String>>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut marks: BTreeMap<&Vec<String>, Mark> = graph.keys().map(|k| (k, Mark::New)).collect();
    for start in graph.keys() {
        if marks[start] != Mark::New {
            continue;
        }
        // Depth first, with the path kept to report the circle.
        let mut stack: Vec<(&Vec<String>, Vec<&Vec<String>>)> = Vec::new();
        let mut path: Vec<&Vec<String>> = vec![start];
        marks.insert(start, Mark::Open);
        stack.push((start, graph[start].iter().collect()));
        while let Some((node, pending)) = stack.last_mut() {
            let Some(next) = pending.pop() else {
                marks.insert(node, Mark::Done);
                stack.pop();
                path.pop();
                continue;
            };
            match marks.get(next).copied() {
                Some(Mark::Open) => {
                    let from = path.iter().position(|p| *p == next).unwrap_or(0);
                    let mut cycle: Vec<Vec<String>> =
                        path[from..].iter().map(|p| (*p).clone()).collect();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                Some(Mark::New) => {
                    marks.insert(next, Mark::Open);
                    path.push(next);
                    stack.push((next, graph[next].iter().collect()));
                }
                _ => {}
            }
        }
    }
    None
}

/// Whether `to` can be reached from `from`.
fn reaches(
    graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
    from: &Vec<String>,
    to: &Vec<String>,
) -> bool {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from];
    while let Some(node) = stack.pop() {
        if node == to {
            return true;
        }
        if seen.insert(node) {
            stack.extend(graph.get(node).into_iter().flatten());
        }
    }
    false
}

#[test]
fn no_import_circle_inside_ui() {
    let graph = ui_imports(&read_sources());
    assert!(
        graph.len() > 20,
        "the ui's files were found: {}",
        graph.len()
    );
    if let Some(cycle) = find_cycle(&graph) {
        let names: Vec<String> = cycle.iter().map(|m| m.join("::")).collect();
        // Every edge that closes a circle back to a file already imported on
        // the way, so that all of them can be mended in one go.
        let mut edges = Vec::new();
        for (from, targets) in &graph {
            for to in targets {
                if reaches(&graph, to, from) {
                    edges.push(format!("{} -> {}", from.join("::"), to.join("::")));
                }
            }
        }
        panic!(
            "an import circle in src/ui: {}\nimports that lie on a circle:\n{}",
            names.join(" -> "),
            edges.join("\n")
        );
    }
}

#[test]
fn the_circle_check_finds_a_circle() {
    // The checker itself, on a made-up pair of files that name each other.
    let a = vec!["ui".to_owned(), "a".to_owned()];
    let b = vec!["ui".to_owned(), "b".to_owned()];
    let modules: BTreeSet<Vec<String>> = [vec!["ui".to_owned()], a.clone(), b.clone()].into();
    let children = BTreeSet::new();
    let code_a = code_only("use super::b::Thing; // use super::c;\nfn f() {}");
    let code_b = code_only("fn g() { let s = \"super::a\"; crate::ui::a::f(); }");
    let to = |module: &[String], code: &str| -> BTreeSet<Vec<String>> {
        named_paths(code, &children)
            .iter()
            .filter_map(|p| resolve(module, p, &modules))
            .filter(|t| t.as_slice() != module)
            .collect()
    };
    let graph: BTreeMap<_, _> = [(a.clone(), to(&a, &code_a)), (b.clone(), to(&b, &code_b))].into();
    assert_eq!(graph[&a], [b.clone()].into());
    assert_eq!(graph[&b], [a.clone()].into());
    assert!(find_cycle(&graph).is_some());
    let acyclic: BTreeMap<_, _> = [(a.clone(), [b.clone()].into()), (b, BTreeSet::new())].into();
    assert!(find_cycle(&acyclic).is_none());
}

#[test]
fn views_never_import_the_app() {
    let sources = read_sources();
    let graph = ui_imports(&sources);
    let app = vec!["ui".to_owned(), "app".to_owned()];
    let importers: Vec<String> = graph
        .iter()
        .filter(|(module, targets)| {
            !module.starts_with(&app)
                && module.len() > 1
                && !OPENS_THE_APP.contains(&module.join("::").as_str())
                && targets.iter().any(|t| t.starts_with(&app))
        })
        .map(|(module, _)| module.join("::"))
        .collect();
    assert!(importers.is_empty(), "these import the app: {importers:?}");
}

#[test]
fn pure_logic_never_imports_egui() {
    let sources = read_sources();
    let drawing: Vec<String> = sources
        .iter()
        .filter(|s| {
            s.module
                .first()
                .is_some_and(|m| PURE.iter().any(|p| p.trim_end_matches(".rs") == m))
        })
        .filter(|s| tokens(&s.code).iter().any(|t| t == "egui" || t == "eframe"))
        .map(|s| s.path.display().to_string())
        .collect();
    assert!(
        drawing.is_empty(),
        "pure logic that names egui: {drawing:?}"
    );
}

#[test]
fn no_file_in_ui_is_over_the_limit() {
    let long: Vec<String> = read_sources()
        .iter()
        .filter(|s| s.module.first().is_some_and(|m| m == "ui"))
        .filter(|s| s.text.lines().count() > MAX_FILE_LINES)
        .map(|s| format!("{} ({} lines)", s.path.display(), s.text.lines().count()))
        .collect();
    assert!(
        long.is_empty(),
        "files over {MAX_FILE_LINES} lines: {long:#?}"
    );
}

/// Every function's (name, first line, length in lines) in `code`.
fn functions(code: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = code.lines().collect();
    let mut found = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        let words = tokens(line);
        let Some(at) = words.iter().position(|w| w == "fn") else {
            continue;
        };
        let Some(name) = words.get(at + 1).filter(|n| is_ident(n)) else {
            continue;
        };
        let mut depth = 0i32;
        let mut opened = false;
        for (offset, line) in lines[start..].iter().enumerate() {
            if !opened && line.contains(';') && !line.contains('{') {
                break;
            }
            for c in line.chars() {
                match c {
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
            if opened && depth <= 0 {
                found.push((name.clone(), start + 1, offset + 1));
                break;
            }
        }
    }
    found
}

#[test]
fn no_function_in_ui_is_over_the_limit() {
    let mut long = Vec::new();
    for source in read_sources()
        .iter()
        .filter(|s| s.module.first().is_some_and(|m| m == "ui"))
    {
        for (name, line, length) in functions(&source.code) {
            if length > MAX_FN_LINES {
                long.push(format!(
                    "{}:{line} {name} ({length} lines)",
                    source.path.display()
                ));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over {MAX_FN_LINES} lines: {long:#?}"
    );
}

#[test]
fn the_function_measure_counts_lines() {
    let code = code_only("fn short() {\n    let s = \"}\";\n}\n\nfn three() -> u8 {\n    3\n}\n");
    assert_eq!(
        functions(&code),
        vec![("short".to_owned(), 1, 3), ("three".to_owned(), 5, 3)]
    );
}
