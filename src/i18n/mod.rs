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
        Lang::ALL.into_iter().find(|l| l.code() == s)
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

/// The text for `lang` of three given in the order en, az, ru.
pub fn pick<T>(lang: Lang, [en, az, ru]: [T; 3]) -> T {
    match lang {
        Lang::En => en,
        Lang::Az => az,
        Lang::Ru => ru,
    }
}

/// `template` with each `{}` replaced by the next of `args` (one routine for every message
/// here, rather than the code of a `format!` each).
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + args.iter().map(|a| a.len()).sum::<usize>());
    let mut args = args.iter();
    // Split at a char, not at "{}": a str pattern would bring in core's two-way searcher.
    let mut pieces = template.split('{');
    out.push_str(pieces.next().unwrap_or_default());
    for piece in pieces {
        match piece.strip_prefix('}') {
            Some(rest) => {
                out.push_str(args.next().map_or("", |a| a));
                out.push_str(rest);
            }
            None => {
                out.push('{');
                out.push_str(piece);
            }
        }
    }
    out
}

/// Why a `src` dataset could not be loaded, in the reader's language.
pub fn load_failure(lang: Lang, src: &str, kind: &str, detail: &str) -> String {
    let reason = pick(
        lang,
        match kind {
            "status" => ["the server answered {}", "server {} cavabını verdi", "сервер ответил {}"],
            "type" => [
                "it was served as {}, not as JSON",
                "fayl JSON kimi deyil, {} kimi göndərildi",
                "файл отдан как {}, а не как JSON",
            ],
            "timeout" => {
                ["no answer within 10 seconds", "10 saniyə ərzində cavab gəlmədi", "нет ответа в течение 10 секунд"]
            }
            _ => ["the network failed ({})", "şəbəkə xətası ({})", "ошибка сети ({})"],
        },
    );
    let template = pick(
        lang,
        [
            "The data file \u{201c}{}\u{201d} could not be loaded: {}.",
            "\u{201c}{}\u{201d} məlumat faylı yüklənmədi: {}.",
            "Файл данных \u{ab}{}\u{bb} не загружен: {}.",
        ],
    );
    fill(template, &[src, &fill(reason, &[detail])])
}

/// A dataset that was fetched but is not valid; `detail` is the parser's specific message.
pub fn read_failure(lang: Lang, detail: &str) -> String {
    let template = pick(
        lang,
        ["The data could not be read: {}.", "Məlumatı oxumaq mümkün olmadı: {}.", "Не удалось прочитать данные: {}."],
    );
    fill(template, &[detail])
}

/// The warning for parts that do not add up to their total, listing each report.
pub fn mismatch_warning(data: &crate::data::Dataset, lang: Lang) -> Option<String> {
    let line = pick(
        lang,
        [
            "{}, {}: the parts add up to {}, not {}",
            "{}, {}: hissələrin cəmi {} deyil, {}",
            "«{}», {}: сумма частей {}, а не {}",
        ],
    );
    let mut lines = String::new();
    for m in &data.warnings {
        let total = data.indicators.get(m.total).map_or("", |i| i.short.get(lang));
        let report = data.reports.get(m.report).map_or("", |r| r.label.get(lang));
        let (parts, value) = (format_count(m.parts, lang), format_count(m.value, lang));
        // Azerbaijani names the total before the parts.
        let (first, second) = if lang == Lang::Az { (&value, &parts) } else { (&parts, &value) };
        if !lines.is_empty() {
            lines.push_str("; ");
        }
        lines.push_str(&fill(line, &[total, report, first, second]));
    }
    if lines.is_empty() {
        return None;
    }
    let lead = pick(
        lang,
        [
            "Some parts do not add up to their total; the chart shows the numbers as given",
            "Bəzi hissələrin cəmi ümumi göstəriciyə bərabər deyil; diaqram rəqəmləri olduğu kimi göstərir",
            "Сумма некоторых частей не равна итогу; диаграмма показывает числа как есть",
        ],
    );
    Some(fill("{}: {}.", &[lead, &lines]))
}

/// The browser refused to draw (no 2D canvas, or a canvas error).
pub fn draw_failure(lang: Lang, detail: &str) -> String {
    let template = pick(
        lang,
        [
            "The chart could not be drawn: {}.",
            "Diaqramı çəkmək mümkün olmadı: {}.",
            "Не удалось нарисовать диаграмму: {}.",
        ],
    );
    fill(template, &[detail])
}

#[cfg(test)]
mod tests {
    use super::*;

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
