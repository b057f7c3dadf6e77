//! What the reader is looking at, and its round trip through the URL hash
//! (`view=compare&indicators=a,b&mode=indexed&lang=en`).

use crate::data::Dataset;
use crate::i18n::Lang;

macro_rules! keyword_enum {
    ($name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
        pub enum $name { #[default] $($variant),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

keyword_enum!(View { Overview = "overview", Compare = "compare", Breakdown = "breakdown", Table = "table" });
keyword_enum!(Mode { Absolute = "absolute", Indexed = "indexed", Change = "change" });
keyword_enum!(Scale { Linear = "linear", Log = "log" });
keyword_enum!(Mark { Bars = "bars", Lines = "lines" });
keyword_enum!(Stack { Absolute = "absolute", Percent = "percent" });
keyword_enum!(Theme { Auto = "auto", Light = "light", Dark = "dark" });

/// The whole view state. Indicator lists hold ids, so a state survives a dataset swap as long
/// as the ids exist; unknown ids are dropped when the state is applied to a dataset.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ViewState {
    pub view: View,
    /// Indicators shown in Compare, in the reader's order; `None` is the default choice (the
    /// first group), `Some(empty)` a reader who unticked them all (written `none`).
    pub indicators: Option<Vec<String>>,
    /// Series switched off in the legend.
    pub hidden: Vec<String>,
    pub mode: Mode,
    pub scale: Scale,
    pub mark: Mark,
    pub stack: Stack,
    pub lang: Lang,
    pub theme: Theme,
}

/// The keys the state understands, in the order the hash writes them. They are also the
/// element's attribute names, so none is a global HTML attribute unless it means the same
/// (`lang` does): `hidden` would hide the whole element, so series switched off are
/// `hidden-series`.
pub const KEYS: [&str; 9] = ["view", "indicators", "hidden-series", "mode", "scale", "mark", "stack", "lang", "theme"];

impl ViewState {
    /// Sets one key from text. Returns false, leaving the state unchanged, for an unknown key
    /// or value, so callers can report it once without failing.
    pub fn set(&mut self, key: &str, value: &str) -> bool {
        fn put<T>(slot: &mut T, v: Option<T>) -> bool {
            v.map(|v| *slot = v).is_some()
        }
        let list = |v: &str| -> Vec<String> {
            v.split(',').map(str::trim).filter(|id| !id.is_empty()).map(String::from).collect()
        };
        match key {
            "view" => put(&mut self.view, View::parse(value)),
            "mode" => put(&mut self.mode, Mode::parse(value)),
            "scale" => put(&mut self.scale, Scale::parse(value)),
            "mark" => put(&mut self.mark, Mark::parse(value)),
            "stack" => put(&mut self.stack, Stack::parse(value)),
            "lang" => put(&mut self.lang, Lang::parse(value)),
            "theme" => put(&mut self.theme, Theme::parse(value)),
            "indicators" => {
                self.indicators = match value.trim() {
                    "" => None,
                    "none" => Some(Vec::new()),
                    v => Some(list(v)),
                };
                true
            }
            // `hidden`: what links made before the rename call it; read, never written.
            "hidden-series" | "hidden" => {
                self.hidden = list(value);
                true
            }
            _ => false,
        }
    }

    /// The value of one key as text, the inverse of [`ViewState::set`].
    pub fn get(&self, key: &str) -> Option<String> {
        Some(match key {
            "view" => self.view.as_str().into(),
            "mode" => self.mode.as_str().into(),
            "scale" => self.scale.as_str().into(),
            "mark" => self.mark.as_str().into(),
            "stack" => self.stack.as_str().into(),
            "lang" => self.lang.code().into(),
            "theme" => self.theme.as_str().into(),
            "indicators" => match &self.indicators {
                None => String::new(),
                Some(v) if v.is_empty() => "none".into(),
                Some(v) => v.join(","),
            },
            "hidden-series" => self.hidden.join(","),
            _ => return None,
        })
    }

    /// Reads a URL hash. Unknown keys and bad values are skipped: a shared link that is
    /// partly wrong still opens, on defaults where it is wrong.
    pub fn from_hash(hash: &str) -> ViewState {
        let mut state = ViewState::default();
        for pair in hash.trim_start_matches('#').split('&') {
            if let Some((k, v)) = pair.split_once('=') {
                state.set(k, &percent_decode(v));
            }
        }
        state
    }

    /// The keys whose value differs from the default, with that value, in the order of
    /// [`KEYS`]: what a link or an embed snippet has to carry.
    pub fn changed(&self) -> Vec<(&'static str, String)> {
        let default = ViewState::default();
        KEYS.iter()
            .filter_map(|&k| self.get(k).filter(|v| default.get(k).as_ref() != Some(v)).map(|v| (k, v)))
            .collect()
    }

    /// Writes the hash, leaving out what equals the default so links stay short.
    pub fn to_hash(&self) -> String {
        self.changed().iter().map(|(k, v)| format!("{k}={}", percent_encode(v))).collect::<Vec<_>>().join("&")
    }

    /// Indices of the indicators Compare shows: the chosen ids that exist in `data`, or the
    /// first group's indicators when none is chosen.
    pub fn compare_indices(&self, data: &Dataset) -> Vec<usize> {
        let Some(chosen) = &self.indicators else {
            return members(data, 0);
        };
        let mut out: Vec<usize> = Vec::new();
        for i in chosen.iter().filter_map(|id| data.indicator_index(id)) {
            if !out.contains(&i) {
                out.push(i);
            }
        }
        out
    }

    /// Whether Compare draws on a log axis: asked for, and not % change, which can be negative.
    pub fn log_applies(&self) -> bool {
        self.scale == Scale::Log && self.mode != Mode::Change
    }

    /// Whether a log scale was asked for but the mode (% change) cannot use it, which the chart
    /// and the summary then say.
    pub fn log_ignored(&self) -> bool {
        self.scale == Scale::Log && self.mode == Mode::Change
    }

    pub fn is_hidden(&self, data: &Dataset, indicator: usize) -> bool {
        data.indicators.get(indicator).is_some_and(|i| self.hidden.contains(&i.id))
    }

    /// Shows or hides one series (a legend click).
    pub fn toggle_hidden(&mut self, id: &str) {
        if let Some(pos) = self.hidden.iter().position(|h| h == id) {
            self.hidden.remove(pos);
        } else {
            self.hidden.push(id.to_string());
        }
    }
}

/// The indicators of group `group`, in dataset order.
pub(crate) fn members(data: &Dataset, group: usize) -> Vec<usize> {
    data.indicators.iter().enumerate().filter(|(_, x)| x.group == group).map(|(i, _)| i).collect()
}

/// `s` with every byte but letters, digits and `-_.,~` written `%XX`.
fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.,~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The value of one hex digit.
fn hex_digit(b: u8) -> Option<u8> {
    char::from(b).to_digit(16).and_then(|d| u8::try_from(d).ok())
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let escaped = match bytes.get(i + 1..i + 3) {
            Some(&[hi, lo]) if b == b'%' => hex_digit(hi).zip(hex_digit(lo)),
            _ => None,
        };
        if let Some((hi, lo)) = escaped {
            out.push(hi << 4 | lo);
            i += 3;
        } else {
            out.push(if b == b'+' { b' ' } else { b });
            i += 1;
        }
    }
    // Bytes that are not UTF-8 name no indicator or value: an empty value falls back like any
    // unknown one.
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The element observes these attributes before the wasm loads, so it lists them itself.
    #[test]
    fn the_element_observes_every_state_key() {
        let js = include_str!("../widget/migration-chart.js");
        let list = KEYS.iter().map(|k| format!("'{k}'")).collect::<Vec<_>>().join(", ");
        assert!(
            js.contains(&format!("const STATE_KEYS = [{list}];")),
            "STATE_KEYS in widget/migration-chart.js differ from view::KEYS"
        );
    }

    #[test]
    fn hash_round_trip() {
        let mut s = ViewState::default();
        s.set("view", "compare");
        s.set("indicators", "stay-registration,citizenship");
        s.set("mode", "indexed");
        s.set("lang", "az");
        let hash = s.to_hash();
        assert_eq!(hash, "view=compare&indicators=stay-registration,citizenship&mode=indexed&lang=az");
        assert_eq!(ViewState::from_hash(&format!("#{hash}")), s);
    }

    #[test]
    fn bad_hash_values_fall_back_to_defaults() {
        let s = ViewState::from_hash("#view=pie&mode=indexed&lang=xx&%%%=&&=&scale");
        assert_eq!(s.view, View::Overview);
        assert_eq!(s.mode, Mode::Indexed);
        assert_eq!(s.lang, Lang::En);
        assert_eq!(ViewState::default().to_hash(), "");
    }

    #[test]
    fn series_switched_off_are_hidden_series_and_old_links_still_open() {
        let old = ViewState::from_hash("#view=compare&hidden=stay-registration,citizenship");
        assert_eq!(old.hidden, ["stay-registration", "citizenship"]);
        assert_eq!(old.to_hash(), "view=compare&hidden-series=stay-registration,citizenship");
        assert_eq!(ViewState::from_hash(&old.to_hash()), old);
        // `hidden` is not a key of its own: it has no value to read, so no attribute of that name.
        assert_eq!(old.get("hidden"), None);
        assert_eq!(old.get("hidden-series").as_deref(), Some("stay-registration,citizenship"));
    }

    /// No key is one of HTML's global attributes (which keep their HTML meaning on a custom
    /// element) except `lang`, which means the same.
    #[test]
    fn no_key_is_a_global_html_attribute() {
        const GLOBAL: &str = "accesskey autocapitalize autocorrect autofocus class contenteditable dir draggable \
            enterkeyhint hidden id inert inputmode is itemid itemprop itemref itemscope itemtype nonce popover \
            slot spellcheck style tabindex title translate writingsuggestions";
        for key in KEYS {
            let global = GLOBAL.split_whitespace().any(|g| g == key);
            assert!(!global && !key.starts_with("on"), "{key} is a global HTML attribute");
        }
    }

    #[test]
    fn no_indicators_is_not_the_default_choice() {
        let mut s = ViewState::default();
        s.set("indicators", "none");
        assert_eq!(s.indicators, Some(vec![]));
        assert_eq!(s.to_hash(), "indicators=none");
        s.set("indicators", "");
        assert_eq!(s.indicators, None);
    }

    #[test]
    fn percent_decoding_survives_truncated_escapes() {
        assert_eq!(percent_decode("a%2Cb%2"), "a,b%2");
        assert_eq!(percent_decode("%E2%80%94"), "—");
        // Bytes that are not UTF-8 (here a lone continuation byte, an overlong form and a
        // surrogate) decode to nothing, so the value falls back to the default.
        assert_eq!(percent_decode("a%80"), "");
        assert_eq!(percent_decode("%C0%AF"), "");
        assert_eq!(percent_decode("%ED%A0%80"), "");
    }
}
