//! What a chart says about itself once it leaves the page: the dataset's title, what the view
//! shows, who published the numbers and when, and the dataset's note, in the reader's language.
//! Exports carry all of it (`export`); the widget shows the source line under its chart.

use crate::data::Dataset;
use crate::i18n::{format_date, last_updated, word, Lang, Word, OWN_SCALES, SHOWN_SHARES, SHOWN_VALUES, SOURCE};
use crate::text::escape;
use crate::view::{Mode, Stack, View, ViewState};

/// The words around an exported chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Credit {
    pub title: String,
    /// The view, what its numbers are, and the scale when it is logarithmic.
    pub shown: String,
    /// "Source: publisher" and "last updated 06.07.2022", in the order read; a line joins
    /// them with `SEPARATOR` where both fit. Empty for a dataset that names neither publisher
    /// nor URL; no date where the dataset gives none.
    pub source: Vec<String>,
    pub note: Option<String>,
}

impl Credit {
    pub fn new(data: &Dataset, state: &ViewState) -> Credit {
        let lang = state.lang;
        let note = data.source.note.get(lang).trim();
        Credit {
            title: data.title.get(lang).to_string(),
            shown: shown(state),
            source: publisher(data, lang)
                .map(|p| {
                    let date = updated(data).map(|d| last_updated(lang, &d));
                    std::iter::once(format!("{} {p}", SOURCE.get(lang))).chain(date).collect()
                })
                .unwrap_or_default(),
            note: (!note.is_empty()).then(|| note.to_string()),
        }
    }
}

/// Between the parts of a line of credit.
pub const SEPARATOR: &str = " · ";

/// "Compare · Index, first report = 100 · logarithmic scale".
pub fn shown(state: &ViewState) -> String {
    let lang = state.lang;
    let (view, what) = match state.view {
        View::Overview => (Word::Overview, OWN_SCALES.get(lang)),
        View::Compare => (Word::Compare, mode(state.mode, lang)),
        View::Breakdown if state.stack == Stack::Percent => (Word::Breakdown, SHOWN_SHARES.get(lang)),
        View::Breakdown => (Word::Breakdown, SHOWN_VALUES.get(lang)),
        View::Table => (Word::Table, SHOWN_VALUES.get(lang)),
    };
    let view = word(view, lang);
    // As Compare draws it: % change can be negative, so its axis stays linear.
    let log = state.view == View::Compare && state.log_applies();
    match (state.view, log) {
        (View::Overview, _) => format!("{view} · {} · {what}", SHOWN_VALUES.get(lang)),
        (_, true) => format!("{view} · {what} · {}", word(Word::LogScale, lang)),
        (_, false) => format!("{view} · {what}"),
    }
}

fn mode(mode: Mode, lang: Lang) -> &'static str {
    match mode {
        Mode::Absolute => SHOWN_VALUES.get(lang),
        Mode::Indexed => word(Word::Indexed, lang),
        Mode::Change => word(Word::ChangePct, lang),
    }
}

/// Who the source is: the publisher, or for a dataset that names none, its URL.
fn publisher(data: &Dataset, lang: Lang) -> Option<&str> {
    let name = data.source.publisher.get(lang).trim();
    let url = data.source.url.trim();
    [name, url].into_iter().find(|s| !s.is_empty())
}

fn updated(data: &Dataset) -> Option<String> {
    let date = data.source.last_updated.trim();
    (!date.is_empty()).then(|| format_date(date))
}

/// The widget's source line as HTML: "Source: <a>publisher</a> · 06.07.2022", the link to the
/// dataset's own page; empty for a dataset without a source.
pub fn source_html(data: &Dataset, lang: Lang) -> String {
    let Some(name) = publisher(data, lang) else { return String::new() };
    let source = SOURCE.get(lang);
    let name = match web_link(&data.source.url) {
        Some(url) => {
            format!("<a href=\"{}\" target=\"_blank\" rel=\"noopener\">{}</a>", escape(url), escape(name))
        }
        None => escape(name),
    };
    // The separator stays with the name, so a narrow widget breaks the line after it.
    match updated(data) {
        Some(date) => format!("{source} {name}&nbsp;· {}", escape(&date)),
        None => format!("{source} {name}"),
    }
}

/// `url` when it is a web address: a dataset from elsewhere must not make the widget's link
/// run script (`javascript:`) or open anything but a page.
fn web_link(url: &str) -> Option<&str> {
    let url = url.trim();
    let scheme = url.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
    matches!(scheme.as_deref(), Some("http" | "https")).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(hash: &str) -> ViewState {
        ViewState::from_hash(hash)
    }

    #[test]
    fn the_shown_line_names_view_mode_and_a_log_scale_where_it_applies() {
        assert_eq!(shown(&state("view=compare")), "Compare · values as published");
        assert_eq!(
            shown(&state("view=compare&mode=indexed&scale=log")),
            "Compare · Index, first report = 100 · logarithmic scale"
        );
        assert_eq!(shown(&state("view=compare&mode=change&scale=log")), "Compare · % change vs previous report");
        assert_eq!(shown(&state("view=breakdown&stack=percent&lang=ru")), "Структура · доли в итоге, %");
        assert_eq!(shown(&state("lang=az")), "İcmal · dərc edilmiş dəyərlər · hər panel öz şkalasında");
    }

    #[test]
    fn the_embedded_source_names_publisher_date_and_note_in_each_language() {
        let data = Dataset::for_tests();
        let en = Credit::new(&data, &state(""));
        assert_eq!(en.title, "Migration statistics of the Republic of Azerbaijan");
        assert_eq!(
            en.source,
            ["Source: State Migration Service of the Republic of Azerbaijan", "last updated 06.07.2022"]
        );
        assert!(en.note.as_deref().is_some_and(|n| n.contains("without their month headings")), "{en:?}");
        let az = Credit::new(&data, &state("lang=az"));
        assert_eq!(
            az.source,
            ["Mənbə: Azərbaycan Respublikasının Dövlət Miqrasiya Xidməti", "son yenilənmə 06.07.2022"]
        );
        let ru = Credit::new(&data, &state("lang=ru"));
        assert_eq!(
            ru.source,
            ["Источник: Государственная миграционная служба Азербайджанской Республики", "обновлено 06.07.2022"]
        );
        assert!(ru.note.as_deref().is_some_and(|n| n.contains("без названий месяцев")), "{ru:?}");
    }

    #[test]
    fn a_dataset_without_date_or_note_says_only_what_it_has() {
        let mut data = Dataset::for_tests();
        data.source.last_updated.clear();
        data.source.note = Default::default();
        let credit = Credit::new(&data, &state(""));
        assert_eq!(credit.source, ["Source: State Migration Service of the Republic of Azerbaijan"]);
        assert_eq!(credit.note, None);
        data.source.publisher = Default::default();
        data.source.url = "https://example.org/data".into();
        assert_eq!(Credit::new(&data, &state("")).source, ["Source: https://example.org/data"]);
        data.source.url.clear();
        assert!(Credit::new(&data, &state("")).source.is_empty());
        assert_eq!(source_html(&data, Lang::En), "");
    }

    #[test]
    fn the_widget_links_its_source_only_to_a_web_page() {
        let data = Dataset::for_tests();
        assert_eq!(
            source_html(&data, Lang::En),
            "Source: <a href=\"https://migration.gov.az/en/statistics?page=9\" target=\"_blank\" rel=\"noopener\">\
             State Migration Service of the Republic of Azerbaijan</a>&nbsp;· 06.07.2022"
        );
        let mut hostile = data.clone();
        hostile.source.url = " JavaScript:alert(1)".into();
        hostile.source.publisher = crate::data::Text { en: "<b>Me</b>".into(), ..Default::default() };
        assert_eq!(source_html(&hostile, Lang::En), "Source: &lt;b&gt;Me&lt;/b&gt;&nbsp;· 06.07.2022");
    }

    #[test]
    fn dates_are_written_day_month_year_and_anything_else_as_given() {
        assert_eq!(format_date("2022-07-06"), "06.07.2022");
        assert_eq!(format_date("July 2022"), "July 2022");
        assert_eq!(format_date("2022-7-6"), "2022-7-6");
    }
}
