//! The HTML a host pastes to embed the current view: the custom element, or an iframe.

use crate::text::escape;
use crate::view::{View, ViewState};

/// The element snippet: the script tag and a `<migration-chart>` with this view's attributes.
/// `base` is where the project is served, ending in '/'.
pub fn element(state: &ViewState, base: &str) -> String {
    let attrs: String = state.changed().iter().map(|(k, v)| format!(" {k}=\"{}\"", escape(v))).collect();
    let base = escape(base);
    format!(
        "<script type=\"module\" src=\"{base}www/migration-chart.js\"></script>\n<migration-chart{attrs}></migration-chart>"
    )
}

/// The lines a host needs to size an embedded frame to the chart: `embed.html` posts its height.
const RESIZE_SCRIPT: &str = "<script>\n\
    addEventListener('message', (e) => {\n  \
      if (e.data?.type !== 'migration-chart:height') return;\n  \
      for (const f of document.querySelectorAll('iframe'))\n    \
        if (f.contentWindow === e.source) f.style.height = e.data.height + 'px';\n\
    });\n\
    </script>";

/// The height a frame starts at, before (or without) the host's script: enough for the view at
/// a column's width (Overview in two columns of panels), so a host that cannot run scripts does
/// not cut the chart at the browser's default 150 px.
fn starting_height(state: &ViewState) -> u32 {
    match state.view {
        View::Overview => 1100,
        View::Table => 560,
        View::Compare | View::Breakdown => 540,
    }
}

/// The iframe snippet, with the few lines a host needs to size the frame to the chart.
pub fn iframe(state: &ViewState, base: &str, title: &str) -> String {
    let (base, hash, title) = (escape(base), escape(&state.to_hash()), escape(title));
    let height = starting_height(state);
    format!(
        "<!-- The frame starts {height} px tall; the script below sizes it to the chart, as embed.html reports its height. -->\n\
         <iframe src=\"{base}www/embed.html#{hash}\" title=\"{title}\" style=\"width:100%;height:{height}px;border:0\"></iframe>\n{RESIZE_SCRIPT}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_carry_only_what_differs_from_the_defaults() {
        let state = ViewState::from_hash("view=compare&indicators=stay-registration,citizenship&lang=az");
        assert_eq!(
            element(&state, "https://example.org/mc/"),
            "<script type=\"module\" src=\"https://example.org/mc/www/migration-chart.js\"></script>\n\
             <migration-chart view=\"compare\" indicators=\"stay-registration,citizenship\" lang=\"az\"></migration-chart>"
        );
        let frame = iframe(&state, "https://example.org/mc/", "Chart");
        assert!(frame.starts_with("<!-- The frame starts 540 px tall;"), "{frame}");
        assert!(frame.contains(
            "<iframe src=\"https://example.org/mc/www/embed.html#view=compare&amp;indicators=stay-registration,citizenship&amp;lang=az\""
        ));
        assert!(
            frame.contains("style=\"width:100%;height:540px;border:0\""),
            "a frame without the script is not 150 px tall"
        );
        assert!(iframe(&ViewState::default(), "/", "Chart").contains("height:1100px"), "Overview starts taller");
        assert!(frame.contains("migration-chart:height"));
        assert!(frame.ends_with(
            "></iframe>\n<script>\naddEventListener('message', (e) => {\n  \
             if (e.data?.type !== 'migration-chart:height') return;\n  \
             for (const f of document.querySelectorAll('iframe'))\n    \
             if (f.contentWindow === e.source) f.style.height = e.data.height + 'px';\n});\n</script>"
        ));
        assert_eq!(
            element(&ViewState::default(), "/"),
            "<script type=\"module\" src=\"/www/migration-chart.js\"></script>\n<migration-chart></migration-chart>"
        );
    }
}
