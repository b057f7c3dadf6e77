//! The HTML a host pastes to embed the current view: the custom element, or an iframe.

use crate::text::escape;
use crate::view::ViewState;

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

/// The iframe snippet, with the few lines a host needs to size the frame to the chart.
pub fn iframe(state: &ViewState, base: &str, title: &str) -> String {
    let (base, hash, title) = (escape(base), escape(&state.to_hash()), escape(title));
    format!(
        "<iframe src=\"{base}www/embed.html#{hash}\" title=\"{title}\" style=\"width:100%;border:0\"></iframe>\n{RESIZE_SCRIPT}"
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
        assert!(frame.starts_with(
            "<iframe src=\"https://example.org/mc/www/embed.html#view=compare&amp;indicators=stay-registration,citizenship&amp;lang=az\""
        ));
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
