//! What a frame painted, read back from its shapes: every text with its
//! colour and the fill behind it, and the WCAG contrast between them. Shared
//! by the tests that check the views can be read (`contrast.rs`) and that the
//! presentation stage fits and shows (`presentation.rs`, `stage_fit.rs`).
#![allow(dead_code)]

use egui::epaint::{ClippedShape, Shape, TextShape};
use egui::{Color32, Rect};

/// WCAG 2 relative luminance of an opaque sRGB colour (0 black … 1 white).
pub fn luminance(color: Color32) -> f64 {
    fn channel(value: u8) -> f64 {
        let c = f64::from(value) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }
    0.2126 * channel(color.r()) + 0.7152 * channel(color.g()) + 0.0722 * channel(color.b())
}

/// WCAG 2 contrast ratio of two opaque colours, 1 … 21, whichever is lighter.
pub fn contrast(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (light, dark) = if la >= lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// `top` (egui's premultiplied colour, maybe translucent) painted over the
/// opaque `below`, as the renderer blends them.
pub fn over(top: Color32, below: Color32) -> Color32 {
    let keep = 1.0 - f32::from(top.a()) / 255.0;
    let mix = |t: u8, b: u8| {
        let value = f32::from(t) + f32::from(b) * keep;
        value.round().clamp(0.0, 255.0) as u8
    };
    Color32::from_rgb(
        mix(top.r(), below.r()),
        mix(top.g(), below.g()),
        mix(top.b(), below.b()),
    )
}

/// The contrast WCAG asks of text of `size` (egui points): 3:1 for large
/// text (18 pt, 24 px, and more), 4.5:1 for the rest.
pub fn required(size: f32) -> f64 {
    if size >= 24.0 { 3.0 } else { 4.5 }
}

/// One run of text (one section of a galley) as it was painted.
#[derive(Clone, Debug)]
pub struct PaintedText {
    /// The run's characters.
    pub text: String,
    /// Its font size in points.
    pub size: f32,
    /// Its colour as seen, blended over what is behind it.
    pub color: Color32,
    /// What is behind it: the fill under the centre of the text.
    pub background: Color32,
    /// Where the text shape is seen: its bounds within its clip and the screen.
    pub rect: Rect,
    /// The whole text shape's bounds, clipped or not.
    pub full_rect: Rect,
}

impl PaintedText {
    /// Its contrast against what is behind it.
    pub fn ratio(&self) -> f64 {
        contrast(self.color, self.background)
    }

    /// Whether it has the contrast its size asks for.
    pub fn passes(&self) -> bool {
        self.ratio() >= required(self.size)
    }
}

/// A filled area seen so far, in paint order.
struct Fill {
    clip: Rect,
    rect: Rect,
    color: Color32,
}

/// Every shape, with its clip, nested `Shape::Vec`s flattened, in paint order.
fn flat(shapes: &[ClippedShape]) -> Vec<(Rect, &Shape)> {
    fn push<'a>(out: &mut Vec<(Rect, &'a Shape)>, clip: Rect, shape: &'a Shape) {
        match shape {
            Shape::Vec(children) => {
                for child in children {
                    push(out, clip, child);
                }
            }
            other => out.push((clip, other)),
        }
    }
    let mut out = Vec::new();
    for clipped in shapes {
        push(&mut out, clipped.clip_rect, &clipped.shape);
    }
    out
}

/// The area a shape fills with one colour, if it fills one.
fn fill_of(clip: Rect, shape: &Shape) -> Option<Fill> {
    match shape {
        Shape::Rect(rect) if rect.fill.a() > 0 && rect.brush.is_none() => Some(Fill {
            clip,
            rect: rect.rect,
            color: rect.fill,
        }),
        // The square inside the circle, so that its corners are not counted.
        Shape::Circle(circle) if circle.fill.a() > 0 => Some(Fill {
            clip,
            rect: Rect::from_center_size(
                circle.center,
                egui::Vec2::splat(circle.radius * std::f32::consts::SQRT_2),
            ),
            color: circle.fill,
        }),
        _ => None,
    }
}

/// Every text painted over more than one row with its rows justified, in
/// short. egui justifies a wrapped label inside a justified layout (as
/// `ui.columns` gives), stretching the gaps between its words.
pub fn justified_texts(shapes: &[ClippedShape]) -> Vec<String> {
    flat(shapes)
        .into_iter()
        .filter_map(|(_, shape)| match shape {
            Shape::Text(text) if text.galley.job.justify && text.galley.rows.len() > 1 => {
                Some(shorten(&text.galley.job.text, 60))
            }
            _ => None,
        })
        .collect()
}

/// Every visible, non-blank run of text painted, each with the fill behind
/// it; `base` is what is behind everything (the theme's panel fill) and
/// `screen` the window.
pub fn painted_texts(shapes: &[ClippedShape], base: Color32, screen: Rect) -> Vec<PaintedText> {
    let mut fills: Vec<Fill> = Vec::new();
    let mut texts = Vec::new();
    for (clip, shape) in flat(shapes) {
        if let Some(fill) = fill_of(clip, shape) {
            fills.push(fill);
        } else if let Shape::Text(text) = shape {
            texts.extend(runs(text, clip, screen, base, &fills));
        }
    }
    texts
}

/// The fill under `point`: each fill painted there so far, over the last.
fn background_at(point: egui::Pos2, base: Color32, fills: &[Fill]) -> Color32 {
    fills
        .iter()
        .filter(|f| f.clip.contains(point) && f.rect.contains(point))
        .fold(base, |below, fill| over(fill.color, below))
}

/// The runs of one text shape that can be seen.
fn runs(
    text: &TextShape,
    clip: Rect,
    screen: Rect,
    base: Color32,
    fills: &[Fill],
) -> Vec<PaintedText> {
    let full_rect = text.visual_bounding_rect();
    let rect = full_rect.intersect(clip).intersect(screen);
    if !rect.is_positive() {
        return Vec::new();
    }
    let behind = background_at(rect.center(), base, fills);
    let job = &text.galley.job;
    job.sections
        .iter()
        .filter_map(|section| {
            let run = job
                .text
                .get(section.byte_range.start.0..section.byte_range.end.0)?;
            if run.trim().is_empty() {
                return None;
            }
            let mut color = text.override_text_color.unwrap_or(section.format.color);
            if color == Color32::PLACEHOLDER {
                color = text.fallback_color;
            }
            let color = color.gamma_multiply(text.opacity_factor);
            if color.a() == 0 {
                return None;
            }
            let mut background = behind;
            if section.format.background != Color32::TRANSPARENT {
                let own = section
                    .format
                    .background
                    .gamma_multiply(text.opacity_factor);
                background = over(own, background);
            }
            Some(PaintedText {
                text: run.to_owned(),
                size: section.format.font_id.size,
                color: over(color, background),
                background,
                rect,
                full_rect,
            })
        })
        .collect()
}

/// `#rrggbb`, for reports.
pub fn hex(color: Color32) -> String {
    format!("#{:02x}{:02x}{:02x}", color.r(), color.g(), color.b())
}

/// The first `limit` characters of `text` on one line, for reports.
pub fn shorten(text: &str, limit: usize) -> String {
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() > limit {
        let cut: String = line.chars().take(limit).collect();
        format!("{cut}…")
    } else {
        line
    }
}
