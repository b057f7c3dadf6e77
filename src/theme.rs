//! Colours. The scene names roles (text, grid, series n); a theme turns roles into colours.

/// A colour role in a scene.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paint {
    Background,
    Text,
    Muted,
    Grid,
    Axis,
    Highlight,
    Series(usize),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub background: (u8, u8, u8),
    pub text: (u8, u8, u8),
    pub muted: (u8, u8, u8),
    pub grid: (u8, u8, u8),
    pub axis: (u8, u8, u8),
    pub series: [(u8, u8, u8); 8],
}

/// Okabe & Ito's colour-blind-safe hues, darkened where needed to reach 3:1 against white.
pub const LIGHT: Palette = Palette {
    background: (0xff, 0xff, 0xff),
    text: (0x1b, 0x1f, 0x24),
    muted: (0x57, 0x60, 0x6a),
    grid: (0xe1, 0xe4, 0xe8),
    axis: (0x8c, 0x95, 0x9f),
    series: [
        (0x00, 0x72, 0xb2),
        (0xc8, 0x52, 0x00),
        (0x00, 0x85, 0x62),
        (0xb5, 0x4f, 0x8c),
        (0x8a, 0x6d, 0x00),
        (0x3d, 0x8a, 0xc4),
        (0x6b, 0x6b, 0x6b),
        (0x9e, 0x3d, 0x00),
    ],
};

/// The same hues, lightened to reach 3:1 against the dark background.
pub const DARK: Palette = Palette {
    background: (0x16, 0x18, 0x1d),
    text: (0xe6, 0xed, 0xf3),
    muted: (0xa0, 0xa9, 0xb4),
    grid: (0x2e, 0x33, 0x3a),
    axis: (0x6e, 0x76, 0x81),
    series: [
        (0x56, 0xb4, 0xe9),
        (0xe6, 0x9f, 0x00),
        (0x2e, 0xc4, 0x9a),
        (0xe0, 0x8f, 0xc0),
        (0xf0, 0xe4, 0x42),
        (0x9a, 0xc8, 0xf0),
        (0xb0, 0xb0, 0xb0),
        (0xf4, 0x8a, 0x50),
    ],
};

impl Palette {
    pub fn for_dark(dark: bool) -> &'static Palette {
        if dark {
            &DARK
        } else {
            &LIGHT
        }
    }

    pub fn rgb(&self, paint: Paint) -> (u8, u8, u8) {
        match paint {
            Paint::Background => self.background,
            Paint::Text | Paint::Highlight => self.text,
            Paint::Muted => self.muted,
            Paint::Grid => self.grid,
            Paint::Axis => self.axis,
            Paint::Series(i) => self.series.get(i % self.series.len()).copied().unwrap_or(self.text),
        }
    }
}

/// The colour slot of an indicator, the same in every view: its place in the dataset.
pub fn colour_of(indicator: usize) -> usize {
    indicator % LIGHT.series.len()
}

/// WCAG 2.1 contrast ratio of two colours.
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    fn lum((r, g, b): (u8, u8, u8)) -> f64 {
        let c = |v: u8| {
            let s = f64::from(v) / 255.0;
            if s <= 0.03928 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b)
    }
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_series_meet_wcag_aa() {
        for p in [&LIGHT, &DARK] {
            assert!(contrast(p.text, p.background) >= 7.0);
            assert!(contrast(p.muted, p.background) >= 4.5, "muted {:?}", p.muted);
            for s in p.series {
                let c = contrast(s, p.background);
                assert!(c >= 3.0, "series {s:?} has contrast {c:.2}");
            }
        }
    }
}
