//! Fitting labels into the room they have, by the width the drawing backend measures.

/// `text` cut to at most `max` pixels wide, with an ellipsis where it was cut.
pub fn fit(text: &str, max: f64, width: &dyn Fn(&str) -> f64) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let ends: Vec<usize> = text.char_indices().map(|(i, _)| i).skip(1).collect();
    let cut = |end: usize| format!("{}…", text.get(..end).unwrap_or_default().trim_end());
    // The longest prefix that fits with its ellipsis: widths only grow with length.
    let kept = ends.partition_point(|&end| width(&cut(end)) <= max);
    match kept.checked_sub(1).and_then(|i| ends.get(i)) {
        Some(&end) => cut(end),
        None => "…".to_string(),
    }
}

/// `text` broken into at most `lines` lines of at most `max` pixels; the last one is cut with
/// an ellipsis when the text does not fit. Words break at spaces, and after a slash
/// ("temporary/permanent").
pub fn wrap(text: &str, max: f64, lines: usize, width: &dyn Fn(&str) -> f64) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        for (n, piece) in word.split_inclusive('/').enumerate() {
            let joiner = if n == 0 && !current.is_empty() { " " } else { "" };
            let candidate = format!("{current}{joiner}{piece}");
            // Once on the last line, every word goes onto it, for `fit` to cut.
            let on_last_line = out.len() + 1 >= lines;
            if current.is_empty() || on_last_line || width(&candidate) <= max {
                current = candidate;
            } else {
                out.push(std::mem::replace(&mut current, piece.to_string()));
            }
        }
    }
    if !current.is_empty() {
        out.push(fit(&current, max, width));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::{Estimate, TextMeasure};

    fn at12(text: &str) -> f64 {
        Estimate.width(text, 12.0, false)
    }

    #[test]
    fn fitting_and_wrapping() {
        assert_eq!(fit("Expelled", 200.0, &at12), "Expelled");
        let cut = fit("Applications for registration upon place of stay", 100.0, &at12);
        assert!(cut.ends_with('…') && at12(&cut) <= 100.0, "{cut}");
        assert!(at12(&fit(&format!("{cut}x"), 100.0, &at12)) <= 100.0);
        let lines = wrap("Applications for registration upon place of stay", 150.0, 2, &at12);
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| at12(l) <= 150.0), "{lines:?}");
        assert!(lines[1].ends_with('…'));
        assert_eq!(wrap("Expelled", 150.0, 2, &at12), vec!["Expelled".to_string()]);
        let slash = wrap("Applications for temporary/permanent residence permits", 170.0, 3, &at12);
        assert_eq!(slash, vec!["Applications for temporary/", "permanent residence", "permits"]);
        assert_eq!(fit("Ж", 1.0, &at12), "…");
    }
}
