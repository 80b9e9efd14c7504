//! The window icon, drawn in code so that nothing needs to be loaded: a green
//! tile with a ring (neutrality) above a line with three points (a timeline).

/// Side of the icon in pixels.
const SIZE: u32 = 64;

/// The icon as RGBA pixels.
pub fn icon() -> egui::IconData {
    let mut rgba = Vec::with_capacity((SIZE * SIZE * 4) as usize);
    let c = SIZE as f32 / 2.0;
    for y in 0..SIZE {
        for x in 0..SIZE {
            let (fx, fy) = (x as f32 + 0.5, y as f32 + 0.5);
            // Rounded square tile.
            let corner = 12.0;
            let qx = (fx - c).abs() - (c - corner);
            let qy = (fy - c).abs() - (c - corner);
            let outside = (qx.max(0.0).powi(2) + qy.max(0.0).powi(2)).sqrt() - corner;
            let ring_r = ((fx - c).powi(2) + (fy - 26.0).powi(2)).sqrt();
            let on_ring = (ring_r - 13.0).abs() < 3.0;
            let on_line = (fy - 48.0).abs() < 1.5 && (12.0..52.0).contains(&fx);
            let on_dot = [18.0, 32.0, 46.0]
                .iter()
                .any(|dx| ((fx - dx).powi(2) + (fy - 48.0).powi(2)).sqrt() < 4.0);
            let pixel = if outside > 0.0 {
                [0, 0, 0, 0]
            } else if on_ring || on_line || on_dot {
                [0xFA, 0xF7, 0xEE, 0xFF]
            } else {
                [0x1F, 0x5C, 0x45, 0xFF]
            };
            rgba.extend_from_slice(&pixel);
        }
    }
    egui::IconData {
        rgba,
        width: SIZE,
        height: SIZE,
    }
}
