//! Languages, interface words and number formatting.
//!
//! Numbers are formatted here rather than by the browser: Chromium's `Intl` has no Azerbaijani
//! data, and the canvas, tooltip, table and summary must all agree.

pub mod page;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Az,
    Ru,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Az, Lang::Ru];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Az => "az",
            Lang::Ru => "ru",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        // The codes in the order of `ALL`, searched by the same routine as the view keywords.
        Lang::ALL.get(crate::view::position(&["en", "az", "ru"], s)?).copied()
    }

    /// CLDR group and decimal separators (en `1,234.5`, az `1.234,5`, ru `1 234,5` with U+00A0).
    fn separators(self) -> (&'static str, &'static str) {
        match self {
            Lang::En => (",", "."),
            Lang::Az => (".", ","),
            Lang::Ru => ("\u{a0}", ","),
        }
    }
}

/// Formats `value` with `decimals` fraction digits and the language's separators.
/// Non-finite values are reported as an em dash so a gap never reads as a number.
pub fn format_number(value: f64, decimals: usize, lang: Lang) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let (group, decimal) = lang.separators();
    let text = crate::decimal::fixed(value.abs(), decimals);
    let (int_part, frac_part) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let mut out = String::with_capacity(text.len() + 4);
    let rounds_to_zero = text.bytes().all(|b| b == b'0' || b == b'.');
    if value < 0.0 && !rounds_to_zero {
        out.push('-');
    }
    let digits = int_part.len();
    for (i, ch) in int_part.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push_str(group);
        }
        out.push(ch);
    }
    if !frac_part.is_empty() {
        out.push_str(decimal);
        out.push_str(frac_part);
    }
    out
}

/// A count: whole numbers, grouped.
pub fn format_count(value: f64, lang: Lang) -> String {
    format_number(value, 0, lang)
}

/// A percentage with one decimal, in CLDR's pattern (en/az `12.5%`, ru `12,5 %`).
pub fn format_percent(value: f64, lang: Lang) -> String {
    let mut number = format_number(value, 1, lang);
    number.push_str(if lang == Lang::Ru { "\u{a0}%" } else { "%" });
    number
}

/// A signed percentage change: `+12.5%`, `-3.0%`.
pub fn format_change(value: f64, lang: Lang) -> String {
    let mut text = format_percent(value, lang);
    if value.is_finite() && value > 0.0 && !text.starts_with('0') {
        text.insert(0, '+');
    }
    text
}

/// Words of the interface, one entry per language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    Overview,
    Compare,
    Breakdown,
    Table,
    ChangeVsPrevious,
    ShareOfTotal,
    NoPrevious,
    Indexed,
    ChangePct,
    Indicator,
    Report,
    Value,
    NoData,
    NothingSelected,
    LogNeedsPositive,
    TableCaption,
    NoRelation,
    IndexShort,
    Legend,
    LogScale,
}

pub fn word(w: Word, lang: Lang) -> &'static str {
    use Lang::*;
    use Word::*;
    match (w, lang) {
        (Overview, En) => "Overview",
        (Overview, Az) => "İcmal",
        (Overview, Ru) => "Обзор",
        (Compare, En) => "Compare",
        (Compare, Az) => "Müqayisə",
        (Compare, Ru) => "Сравнение",
        (Breakdown, En) => "Breakdown",
        (Breakdown, Az) => "Bölgü",
        (Breakdown, Ru) => "Структура",
        (Table, En) => "Table",
        (Table, Az) => "Cədvəl",
        (Table, Ru) => "Таблица",
        (ChangeVsPrevious, En) => "vs previous report",
        (ChangeVsPrevious, Az) => "əvvəlki hesabata görə",
        (ChangeVsPrevious, Ru) => "к предыдущему отчёту",
        (ShareOfTotal, En) => "of",
        (ShareOfTotal, Az) => "payı:",
        (ShareOfTotal, Ru) => "от",
        (NoPrevious, En) => "first report: no change to show",
        (NoPrevious, Az) => "ilk hesabat: dəyişiklik yoxdur",
        (NoPrevious, Ru) => "первый отчёт: изменения нет",
        (Indexed, En) => "Index, first report = 100",
        (Indexed, Az) => "İndeks, ilk hesabat = 100",
        (Indexed, Ru) => "Индекс, первый отчёт = 100",
        (ChangePct, En) => "% change vs previous report",
        (ChangePct, Az) => "Əvvəlki hesabata görə dəyişmə, %",
        (ChangePct, Ru) => "Изменение к предыдущему отчёту, %",
        (Indicator, En) => "Indicator",
        (Indicator, Az) => "Göstərici",
        (Indicator, Ru) => "Показатель",
        (Report, En) => "Report",
        (Report, Az) => "Hesabat",
        (Report, Ru) => "Отчёт",
        (Value, En) => "Value",
        (Value, Az) => "Dəyər",
        (Value, Ru) => "Значение",
        (NoData, En) => "no data",
        (NoData, Az) => "məlumat yoxdur",
        (NoData, Ru) => "нет данных",
        (NothingSelected, En) => "No indicator is selected. Choose one or more to compare.",
        (NothingSelected, Az) => "Heç bir göstərici seçilməyib. Müqayisə üçün birini və ya bir neçəsini seçin.",
        (NothingSelected, Ru) => "Не выбран ни один показатель. Выберите один или несколько для сравнения.",
        (LogNeedsPositive, En) => "Log scale: values of zero or below are left out",
        (LogNeedsPositive, Az) => "Loqarifmik şkala: sıfır və ya mənfi dəyərlər göstərilmir",
        (LogNeedsPositive, Ru) => "Логарифмическая шкала: нулевые и отрицательные значения не показаны",
        (TableCaption, En) => "Migration statistics by indicator and report",
        (TableCaption, Az) => "Göstəricilər və hesabatlar üzrə miqrasiya statistikası",
        (TableCaption, Ru) => "Миграционная статистика по показателям и отчётам",
        (LogScale, En) => "logarithmic scale",
        (LogScale, Az) => "loqarifmik şkala",
        (LogScale, Ru) => "логарифмическая шкала",
        (Legend, En) => "Series: press to show or hide",
        (Legend, Az) => "Sıralar: göstərmək və ya gizlətmək üçün basın",
        (Legend, Ru) => "Ряды: нажмите, чтобы показать или скрыть",
        (IndexShort, En) => "index",
        (IndexShort, Az) => "indeks",
        (IndexShort, Ru) => "индекс",
        (NoRelation, En) => "This dataset declares no total with parts, so there is no breakdown to draw.",
        (NoRelation, Az) => "Bu məlumat toplusunda hissələrə bölünən cəm yoxdur, ona görə bölgü göstərilmir.",
        (NoRelation, Ru) => "В этом наборе данных нет итога с составными частями, поэтому структуру показать нельзя.",
    }
}

/// The wording for `lang` from "English|Azerbaijani|Russian". One string per wording rather
/// than three keeps the code that chooses a message small.
pub fn pick(lang: Lang, words: &'static str) -> &'static str {
    let n = match lang {
        Lang::En => 0,
        Lang::Az => 1,
        Lang::Ru => 2,
    };
    words.split('|').nth(n).unwrap_or_default()
}

/// Appends `template` with `{0}`, `{1}`… replaced by `args`; numbered, so that a language can
/// put them in its own order. Other braces are kept (the iframe snippet's script has some), and
/// only the template is scanned, so arguments (ids, file names, the JSON reader's message) may
/// contain braces. Arguments are text (numbers are written by `crate::decimal` first): one
/// routine for every message, with none of `format!`'s code at each call, keeps the wasm small.
pub fn fill(out: &mut String, template: &str, args: &[&str]) {
    // Split at a char, not at a str: a str pattern would bring in core's two-way searcher.
    let mut pieces = template.split('{');
    out.push_str(pieces.next().unwrap_or_default());
    for piece in pieces {
        // A placeholder is a brace, one digit and a brace; any other brace is text.
        let arg = match piece.as_bytes() {
            [d @ b'0'..=b'9', b'}', ..] => args.get(usize::from(d - b'0')),
            _ => None,
        };
        match arg {
            Some(arg) => {
                out.push_str(arg);
                out.push_str(piece.get(2..).unwrap_or_default());
            }
            None => {
                out.push('{');
                out.push_str(piece);
            }
        }
    }
}

/// `fill` into a new string.
pub fn filled(template: &str, args: &[&str]) -> String {
    let mut out = String::new();
    fill(&mut out, template, args);
    out
}

/// Why a `src` dataset could not be loaded, in the reader's language.
pub fn load_failure(lang: Lang, src: &str, kind: &str, detail: &str) -> String {
    let reason = match kind {
        "status" => "the server answered {0}|server {0} cavabını verdi|сервер ответил {0}",
        "type" => "it was served as {0}, not as JSON|fayl JSON kimi deyil, {0} kimi göndərildi|файл отдан как {0}, а не как JSON",
        "timeout" => "no answer within 10 seconds|10 saniyə ərzində cavab gəlmədi|нет ответа в течение 10 секунд",
        _ => "the network failed ({0})|şəbəkə xətası ({0})|ошибка сети ({0})",
    };
    let template = "The data file \u{201c}{0}\u{201d} could not be loaded: {1}.\
        |\u{201c}{0}\u{201d} məlumat faylı yüklənmədi: {1}.\
        |Файл данных \u{ab}{0}\u{bb} не загружен: {1}.";
    filled(pick(lang, template), &[src, &filled(pick(lang, reason), &[detail])])
}

/// A dataset that was fetched but is not valid; `detail` is the parser's specific message.
pub fn read_failure(lang: Lang, detail: &str) -> String {
    let template =
        "The data could not be read: {0}.|Məlumatı oxumaq mümkün olmadı: {0}.|Не удалось прочитать данные: {0}.";
    filled(pick(lang, template), &[detail])
}

/// The warning for parts that do not add up to their total, listing each report.
pub fn mismatch_warning(data: &crate::data::Dataset, lang: Lang) -> Option<String> {
    // Azerbaijani names the total before the parts.
    let line = pick(
        lang,
        "{0}, {1}: the parts add up to {2}, not {3}|{0}, {1}: hissələrin cəmi {3} deyil, {2}|«{0}», {1}: сумма частей {2}, а не {3}",
    );
    let mut lines = String::new();
    for m in &data.warnings {
        let total = data.indicators.get(m.total).map_or("", |i| i.short.get(lang));
        let report = data.reports.get(m.report).map_or("", |r| r.label.get(lang));
        if !lines.is_empty() {
            lines.push_str("; ");
        }
        fill(&mut lines, line, &[total, report, &format_count(m.parts, lang), &format_count(m.value, lang)]);
    }
    if lines.is_empty() {
        return None;
    }
    let lead = "Some parts do not add up to their total; the chart shows the numbers as given\
        |Bəzi hissələrin cəmi ümumi göstəriciyə bərabər deyil; diaqram rəqəmləri olduğu kimi göstərir\
        |Сумма некоторых частей не равна итогу; диаграмма показывает числа как есть";
    Some(filled("{0}: {1}.", &[pick(lang, lead), &lines]))
}

/// The browser refused to draw (no 2D canvas, or a canvas error).
pub fn draw_failure(lang: Lang, detail: &str) -> String {
    let template =
        "The chart could not be drawn: {0}.|Diaqramı çəkmək mümkün olmadı: {0}.|Не удалось нарисовать диаграмму: {0}.";
    filled(pick(lang, template), &[detail])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_numbered_values_in_the_template_order_and_keeps_other_braces() {
        assert_eq!(filled("{1} before {0}", &["a", "b"]), "b before a");
        assert_eq!(filled("f() { {0} }", &["7"]), "f() { 7 }");
        assert_eq!(filled("{0}{9}{", &["{1}"]), "{1}{9}{");
        assert_eq!(pick(Lang::Ru, "one|bir|один"), "один");
    }

    #[test]
    fn counts_follow_cldr_grouping() {
        assert_eq!(format_count(96732.0, Lang::En), "96,732");
        assert_eq!(format_count(96732.0, Lang::Az), "96.732");
        assert_eq!(format_count(96732.0, Lang::Ru), "96\u{a0}732");
        assert_eq!(format_count(13.0, Lang::En), "13");
        assert_eq!(format_count(1_234_567.0, Lang::En), "1,234,567");
        assert_eq!(format_count(100.0, Lang::Ru), "100");
    }

    #[test]
    fn decimals_and_negatives() {
        assert_eq!(format_number(-1234.56, 1, Lang::En), "-1,234.6");
        assert_eq!(format_number(-1234.56, 1, Lang::Az), "-1.234,6");
        assert_eq!(format_number(-1234.56, 1, Lang::Ru), "-1\u{a0}234,6");
        assert_eq!(format_number(-0.01, 1, Lang::En), "0.0");
        assert_eq!(format_number(f64::NAN, 0, Lang::En), "—");
    }

    #[test]
    fn percentages_and_changes() {
        assert_eq!(format_percent(12.34, Lang::En), "12.3%");
        assert_eq!(format_percent(12.34, Lang::Az), "12,3%");
        assert_eq!(format_percent(12.34, Lang::Ru), "12,3\u{a0}%");
        assert_eq!(format_change(-27.44, Lang::En), "-27.4%");
        assert_eq!(format_change(10.0, Lang::Ru), "+10,0\u{a0}%");
        assert_eq!(format_change(0.0, Lang::En), "0.0%");
    }
}
