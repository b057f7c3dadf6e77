//! Languages, interface words and number formatting.
//!
//! Numbers are formatted here rather than by the browser: Chromium's `Intl` has no Azerbaijani
//! data, and the canvas, tooltip, table and summary must all agree.
//!
//! Every wording exists in the three languages by construction: fixed words are a [`Message`]
//! (a struct with one field per language), and wordings with values are functions that match
//! on the language and `format!` the values in, so each language places them in its own order
//! and the compiler checks every name. The tests check that each language uses every value.

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
        match s {
            "en" => Some(Lang::En),
            "az" => Some(Lang::Az),
            "ru" => Some(Lang::Ru),
            _ => None,
        }
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

/// One wording in each language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Message {
    pub en: &'static str,
    pub az: &'static str,
    pub ru: &'static str,
}

impl Message {
    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Az => self.az,
            Lang::Ru => self.ru,
        }
    }
}

/// Formats `value` with `decimals` fraction digits and the language's separators.
/// Non-finite values are reported as an em dash so a gap never reads as a number.
/// Negatives take CLDR's minus sign for en, az and ru, the ASCII hyphen-minus.
pub fn format_number(value: f64, decimals: usize, lang: Lang) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let (group, point) = lang.separators();
    let text = crate::decimal::fixed(value, decimals);
    let (sign, unsigned) = match text.strip_prefix('-') {
        Some(unsigned) => ("-", unsigned),
        None => ("", text.as_str()),
    };
    match unsigned.split_once('.') {
        Some((whole, fraction)) => format!("{sign}{}{point}{fraction}", grouped(whole, group)),
        None => format!("{sign}{}", grouped(unsigned, group)),
    }
}

/// `digits` with `separator` between groups of three, counted from the right.
fn grouped(digits: &str, separator: &str) -> String {
    let len = digits.chars().count();
    let mut out = String::with_capacity(digits.len() + len / 3 * separator.len());
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(digit);
    }
    out
}

/// A count: whole numbers, grouped.
pub fn format_count(value: f64, lang: Lang) -> String {
    format_number(value, 0, lang)
}

/// A percentage with one decimal, in CLDR's pattern (en/az `12.5%`, ru `12,5 %`).
pub fn format_percent(value: f64, lang: Lang) -> String {
    let number = format_number(value, 1, lang);
    match lang {
        Lang::Ru => format!("{number}\u{a0}%"),
        Lang::En | Lang::Az => format!("{number}%"),
    }
}

/// A signed percentage change: `+12.5%`, `+0.5%`, `-3.0%`; one that rounds to zero has no
/// sign (`0.0%`).
pub fn format_change(value: f64, lang: Lang) -> String {
    let percent = format_percent(value, lang);
    let rounds_to_zero = percent.chars().all(|c| !c.is_ascii_digit() || c == '0');
    if value > 0.0 && !rounds_to_zero {
        format!("+{percent}")
    } else {
        percent
    }
}

/// Declares the words of the interface once: the enum, and `ALL` listing every one of them.
macro_rules! words {
    ($($word:ident),* $(,)?) => {
        /// Words of the interface.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Word { $($word),* }

        impl Word {
            /// Every word, in the order of declaration.
            pub const ALL: &'static [Word] = &[$(Word::$word),*];
        }
    };
}

words! {
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
    LogAsPoints,
    AllHidden,
    // Scale
    BarsAsLines,
    StacksAveraged,
    // Issue 15, what the chart says: axis captions and notes.
    Number,
    PercentOfTotal,
    LogIgnored,
    TooSmallHint,
}

impl Word {
    pub const fn message(self) -> Message {
        use Word::*;
        match self {
            Overview => Message { en: "Overview", az: "İcmal", ru: "Обзор" },
            Compare => Message { en: "Compare", az: "Müqayisə", ru: "Сравнение" },
            Breakdown => Message { en: "Breakdown", az: "Bölgü", ru: "Структура" },
            Table => Message { en: "Table", az: "Cədvəl", ru: "Таблица" },
            ChangeVsPrevious => {
                Message {
                    en: "vs previous report", az: "əvvəlki hesabata görə", ru: "к предыдущему отчёту"
                }
            }
            ShareOfTotal => Message { en: "of", az: "payı:", ru: "от" },
            NoPrevious => Message {
                en: "first report: no change to show",
                az: "ilk hesabat: dəyişiklik yoxdur",
                ru: "первый отчёт: изменения нет",
            },
            Indexed => Message {
                en: "Index, first report = 100",
                az: "İndeks, ilk hesabat = 100",
                ru: "Индекс, первый отчёт = 100",
            },
            ChangePct => Message {
                en: "% change vs previous report",
                az: "Əvvəlki hesabata görə dəyişmə, %",
                ru: "Изменение к предыдущему отчёту, %",
            },
            Indicator => Message { en: "Indicator", az: "Göstərici", ru: "Показатель" },
            Report => Message { en: "Report", az: "Hesabat", ru: "Отчёт" },
            Value => Message { en: "Value", az: "Dəyər", ru: "Значение" },
            NoData => Message { en: "no data", az: "məlumat yoxdur", ru: "нет данных" },
            NothingSelected => Message {
                en: "No indicator is selected. Choose one or more to compare.",
                az: "Heç bir göstərici seçilməyib. Müqayisə üçün birini və ya bir neçəsini seçin.",
                ru: "Не выбран ни один показатель. Выберите один или несколько для сравнения.",
            },
            LogNeedsPositive => Message {
                en: "Log scale: values of zero or below are left out",
                az: "Loqarifmik şkala: sıfır və ya mənfi dəyərlər göstərilmir",
                ru: "Логарифмическая шкала: нулевые и отрицательные значения не показаны",
            },
            TableCaption => Message {
                en: "Migration statistics by indicator and report",
                az: "Göstəricilər və hesabatlar üzrə miqrasiya statistikası",
                ru: "Миграционная статистика по показателям и отчётам",
            },
            NoRelation => Message {
                en: "This dataset declares no total with parts, so there is no breakdown to draw.",
                az: "Bu məlumat toplusunda hissələrə bölünən cəm yoxdur, ona görə bölgü göstərilmir.",
                ru: "В этом наборе данных нет итога с составными частями, поэтому структуру показать нельзя.",
            },
            IndexShort => Message { en: "index", az: "indeks", ru: "индекс" },
            Legend => Message {
                en: "Series: press to show or hide",
                az: "Sıralar: göstərmək və ya gizlətmək üçün basın",
                ru: "Ряды: нажмите, чтобы показать или скрыть",
            },
            LogScale => Message {
                en: "logarithmic scale", az: "loqarifmik şkala", ru: "логарифмическая шкала"
            },
            LogAsPoints => Message {
                en: "shown as points: on a log scale a bar's length means nothing",
                az: "nöqtələrlə göstərilir: loqarifmik şkalada sütunun uzunluğu məna daşımır",
                ru: "показано точками: на логарифмической шкале длина столбца ничего не значит",
            },
            AllHidden => Message {
                en: "Every series is hidden. Press one in the legend to show it.",
                az: "Bütün sıralar gizlədilib. Göstərmək üçün legendada birini basın.",
                ru: "Все ряды скрыты. Нажмите на ряд в легенде, чтобы показать его.",
            },
            BarsAsLines => Message {
                en: "shown as lines: too many reports for a bar each",
                az: "xətlərlə göstərilir: hər hesabata bir sütun üçün hesabat çoxdur",
                ru: "показано линиями: отчётов слишком много, чтобы дать каждому столбец",
            },
            StacksAveraged => Message {
                en: "each stack the mean of the reports in its pixel column: too many reports for a stack each",
                az: "hər yığın öz piksel sütunundakı hesabatların ortasıdır: hər hesabata bir yığın üçün hesabat çoxdur",
                ru: "каждый столбец — среднее отчётов в его пиксельном столбце: отчётов слишком много, чтобы дать каждому свой",
            },
            // Issue 15, what the chart says: axis captions and notes.
            Number => Message { en: "Number", az: "Say", ru: "Число" },
            PercentOfTotal => Message { en: "% of the total", az: "Cəmdə pay, %", ru: "Доля в итоге, %" },
            LogIgnored => Message {
                en: "Linear scale: a log scale cannot show % change, which can be negative",
                az: "Xətti şkala: faiz dəyişməsi mənfi ola bildiyi üçün loqarifmik şkala tətbiq edilmir",
                ru: "Шкала линейная: изменение в % бывает отрицательным, логарифмическая неприменима",
            },
            TooSmallHint => Message {
                en: "the index or a log scale shows them",
                az: "indeks və ya loqarifmik şkala onları göstərir",
                ru: "их покажет индекс или логарифмическая шкала",
            },
        }
    }
}

/// `w` in `lang`.
pub fn word(w: Word, lang: Lang) -> &'static str {
    w.message().get(lang)
}

/// The wording for `lang` from "English|Azerbaijani|Russian". Kept for the dataset errors'
/// wordings (`crate::data::error`); new wordings are a [`Message`] or a function per wording.
pub fn pick(lang: Lang, words: &'static str) -> &'static str {
    let n = match lang {
        Lang::En => 0,
        Lang::Az => 1,
        Lang::Ru => 2,
    };
    words.split('|').nth(n).unwrap_or_default()
}

/// Appends `template` with `{0}`, `{1}`… replaced by `args`, for templates chosen at run time
/// (with a fixed template, `format!` says the same and checks it). Numbered, so that a language
/// can put them in its own order. Other braces are kept, and only the template is scanned, so
/// arguments (ids, file names, the JSON reader's message) may contain braces.
pub fn fill(out: &mut String, template: &str, args: &[&str]) {
    let mut pieces = template.split('{');
    out.push_str(pieces.next().unwrap_or_default());
    for piece in pieces {
        // A placeholder is a brace, one digit and a brace; any other brace is text.
        let arg = match piece.as_bytes() {
            [d @ b'0'..=b'9', b'}', ..] => args.get(usize::from(d - b'0')),
            _ => None,
        };
        match (arg, piece.get(2..)) {
            (Some(arg), Some(rest)) => {
                out.push_str(arg);
                out.push_str(rest);
            }
            _ => {
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

/// Why a `src` dataset could not be loaded, in the reader's language. `kind` is "status",
/// "type", "timeout" or anything else for a network failure; `detail` is what the browser said.
pub fn load_failure(lang: Lang, src: &str, kind: &str, detail: &str) -> String {
    let reason = load_reason(lang, kind, detail);
    match lang {
        Lang::En => format!("The data file \u{201c}{src}\u{201d} could not be loaded: {reason}."),
        Lang::Az => format!("\u{201c}{src}\u{201d} məlumat faylı yüklənmədi: {reason}."),
        Lang::Ru => format!("Файл данных \u{ab}{src}\u{bb} не загружен: {reason}."),
    }
}

fn load_reason(lang: Lang, kind: &str, detail: &str) -> String {
    match (kind, lang) {
        ("status", Lang::En) => format!("the server answered {detail}"),
        ("status", Lang::Az) => format!("server {detail} cavabını verdi"),
        ("status", Lang::Ru) => format!("сервер ответил {detail}"),
        ("type", Lang::En) => format!("it was served as {detail}, not as JSON"),
        ("type", Lang::Az) => format!("fayl JSON kimi deyil, {detail} kimi göndərildi"),
        ("type", Lang::Ru) => format!("файл отдан как {detail}, а не как JSON"),
        ("timeout", Lang::En) => "no answer within 10 seconds".to_string(),
        ("timeout", Lang::Az) => "10 saniyə ərzində cavab gəlmədi".to_string(),
        ("timeout", Lang::Ru) => "нет ответа в течение 10 секунд".to_string(),
        (_, Lang::En) => format!("the network failed ({detail})"),
        (_, Lang::Az) => format!("şəbəkə xətası ({detail})"),
        (_, Lang::Ru) => format!("ошибка сети ({detail})"),
    }
}

/// A dataset that was fetched but is not valid; `detail` is the parser's specific message.
pub fn read_failure(lang: Lang, detail: &str) -> String {
    match lang {
        Lang::En => format!("The data could not be read: {detail}."),
        Lang::Az => format!("Məlumatı oxumaq mümkün olmadı: {detail}."),
        Lang::Ru => format!("Не удалось прочитать данные: {detail}."),
    }
}

/// The browser refused to draw (no 2D canvas, or a canvas error).
pub fn draw_failure(lang: Lang, detail: &str) -> String {
    match lang {
        Lang::En => format!("The chart could not be drawn: {detail}."),
        Lang::Az => format!("Diaqramı çəkmək mümkün olmadı: {detail}."),
        Lang::Ru => format!("Не удалось нарисовать диаграмму: {detail}."),
    }
}

/// One of the parts that do not add up to their total: `total` and `report` are labels,
/// `parts` and `value` formatted counts.
pub fn mismatch_line(lang: Lang, total: &str, report: &str, parts: &str, value: &str) -> String {
    match lang {
        Lang::En => format!("{total}, {report}: the parts add up to {parts}, not {value}"),
        // Azerbaijani names the total before the parts.
        Lang::Az => format!("{total}, {report}: hissələrin cəmi {value} deyil, {parts}"),
        Lang::Ru => format!("«{total}», {report}: сумма частей {parts}, а не {value}"),
    }
}

/// The warning for parts that do not add up to their total, before its `lines` ("; " apart).
pub fn mismatch_lead(lang: Lang, lines: &str) -> String {
    let lead = Message {
        en: "Some parts do not add up to their total; the chart shows the numbers as given",
        az: "Bəzi hissələrin cəmi ümumi göstəriciyə bərabər deyil; diaqram rəqəmləri olduğu kimi göstərir",
        ru: "Сумма некоторых частей не равна итогу; диаграмма показывает числа как есть",
    };
    format!("{}: {lines}.", lead.get(lang))
}

/// The end of a list that names only its first few: "and 99,997 more".
pub fn and_more(lang: Lang, count: &str) -> String {
    match lang {
        Lang::En => format!("and {count} more"),
        Lang::Az => format!("və daha {count}"),
        Lang::Ru => format!("и ещё {count}"),
    }
}

// Credit and context (issue 15): what every export says around its chart, and the widget's
// source line.

/// "Source:", before the publisher.
pub const SOURCE: Message = Message { en: "Source:", az: "Mənbə:", ru: "Источник:" };

/// What an export of raw numbers shows.
pub const SHOWN_VALUES: Message =
    Message {
        en: "values as published", az: "dərc edilmiş dəyərlər", ru: "опубликованные значения"
    };

/// Overview's panels each have their own value axis.
pub const OWN_SCALES: Message =
    Message {
        en: "each panel on its own scale", az: "hər panel öz şkalasında", ru: "у каждой панели своя шкала"
    };

/// Breakdown as 100 % stacks.
pub const SHOWN_SHARES: Message =
    Message { en: "shares of the total, %", az: "cəmdə paylar, %", ru: "доли в итоге, %" };

/// The source's last update, `date` as `format_date` writes it.
pub fn last_updated(lang: Lang, date: &str) -> String {
    match lang {
        Lang::En => format!("last updated {date}"),
        Lang::Az => format!("son yenilənmə {date}"),
        Lang::Ru => format!("обновлено {date}"),
    }
}

/// A dataset's date as the publisher writes it, day.month.year (`2022-07-06` → `06.07.2022`)
/// in every language; text that is not a `YYYY-MM-DD` date is kept as given.
pub fn format_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.trim().split('-').collect();
    let digits = |s: &&str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => format!("{d}.{m}.{y}"),
        _ => iso.trim().to_string(),
    }
}

// Issue 15, what the chart says: wordings with values.

/// The value axis's caption for counts of `units` ("applications, cases"), or for counts whose
/// unit the dataset does not give (`None`).
pub fn number_of(lang: Lang, units: Option<&str>) -> String {
    let number = word(Word::Number, lang);
    match units {
        Some(units) => format!("{number} ({units})"),
        None => number.to_string(),
    }
}

/// The note naming series too small to see beside the largest one on a shared linear axis.
pub fn too_small(lang: Lang, names: &str) -> String {
    let hint = word(Word::TooSmallHint, lang);
    match lang {
        Lang::En => format!("Hard to read at this scale: {names}; {hint}"),
        Lang::Az => format!("Bu şkalada çətin seçilir: {names}; {hint}"),
        Lang::Ru => format!("На этой шкале почти не видны: {names}; {hint}"),
    }
}

/// The summary's first sentence for Breakdown as 100 %: each part as a share of `total`.
pub fn shares_lead(lang: Lang, total: &str) -> String {
    match lang {
        Lang::En => format!("The chart shows each part as a share of {total} in its report."),
        Lang::Az => format!("Diaqram hər hissəni öz hesabatında {total} içində pay kimi göstərir."),
        Lang::Ru => format!("Диаграмма показывает каждую часть как долю показателя «{total}» в своём отчёте."),
    }
}

/// The note under an Overview that shows `shown` of its `total` indicators.
pub fn showing_of(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::En => format!("Showing {shown} of {total} indicators; the others are in Compare, the Table and the CSV"),
        Lang::Az => format!("{total} göstəricidən {shown} göstərilir; qalanları Müqayisə, Cədvəl və CSV-dədir"),
        Lang::Ru => format!("Показано {shown} из {total} показателей; остальные — в «Сравнении», таблице и CSV"),
    }
}

// The Table view's words.

/// What a screen reader hears on the table's scrolling region, besides its caption.
pub const TABLE_SCROLLS: Message =
    Message { en: "Scrolls sideways.", az: "Yana sürüşür.", ru: "Прокручивается вбок." };

/// The note over a table too large to show whole: how many values it shows, of how many.
pub fn table_part(lang: Lang, counts: [&str; 2]) -> String {
    let template = Message {
        en: "Showing the first {0} of {1} values; the CSV export has them all.",
        az: "{1} dəyərdən ilk {0} göstərilir; hamısı CSV ixracındadır.",
        // The counts after a colon, so that no noun has to agree with them.
        ru: "Показаны первые значения: {0} из {1}; все они есть в экспорте CSV.",
    };
    filled(template.get(lang), &counts)
}

/// For tests of wordings with values: calls `wording` in every language with distinct
/// markers as its values and checks that each language uses each value exactly once.
#[cfg(test)]
pub(crate) fn assert_uses_every_value<const N: usize>(name: &str, wording: impl Fn(Lang, [&str; N]) -> String) {
    let markers: [String; N] = std::array::from_fn(|i| format!("\u{27e8}{i}\u{27e9}"));
    let args: [&str; N] = std::array::from_fn(|i| markers.get(i).map_or("", String::as_str));
    for lang in Lang::ALL {
        let text = wording(lang, args);
        for marker in &markers {
            assert_eq!(text.matches(marker.as_str()).count(), 1, "{name}, {}: {text}", lang.code());
        }
        assert!(!text.contains(['{', '}', '|']), "{name}, {}: {text}", lang.code());
    }
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

    #[test]
    fn small_changes_keep_their_sign() {
        assert_eq!(format_change(0.5, Lang::En), "+0.5%");
        assert_eq!(format_change(0.5, Lang::Ru), "+0,5\u{a0}%");
        assert_eq!(format_change(0.06, Lang::Az), "+0,1%");
        assert_eq!(format_change(-0.5, Lang::En), "-0.5%");
        // Rounds to zero: neither sign.
        assert_eq!(format_change(0.04, Lang::En), "0.0%");
        assert_eq!(format_change(-0.04, Lang::En), "0.0%");
        assert_eq!(format_change(1234.5, Lang::En), "+1,234.5%");
    }

    #[test]
    fn percentages_round_the_shortest_decimal_half_to_even() {
        assert_eq!(format_percent(crate::measure::share(Some(17.0), Some(2000.0)).unwrap_or(0.0), Lang::En), "0.8%");
        assert_eq!(format_percent(56.25, Lang::En), "56.2%");
        assert_eq!(format_number(1.015, 2, Lang::Az), "1,02");
        assert_eq!(format_number(-0.0, 0, Lang::En), "0");
        assert_eq!(format_number(1e21, 0, Lang::En), "1,000,000,000,000,000,000,000");
        assert_eq!(format_number(999.96, 1, Lang::Ru), "1\u{a0}000,0");
    }

    #[test]
    fn languages_parse_from_their_codes() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
        }
        assert_eq!(Lang::parse("EN"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn every_word_has_three_distinct_non_empty_wordings() {
        for w in Word::ALL {
            let m = w.message();
            for lang in Lang::ALL {
                let text = m.get(lang);
                assert!(!text.trim().is_empty() && text.trim() == text, "{w:?}, {}: '{text}'", lang.code());
            }
            assert_ne!(m.en, m.ru, "{w:?} is not translated");
        }
    }

    #[test]
    fn wordings_with_values_use_each_value_in_every_language() {
        for kind in ["status", "type", "network"] {
            assert_uses_every_value(kind, |lang, [src, detail]| load_failure(lang, src, kind, detail));
        }
        assert_uses_every_value("timeout", |lang, [src]| load_failure(lang, src, "timeout", "ignored"));
        assert_uses_every_value("read_failure", |lang, [d]| read_failure(lang, d));
        assert_uses_every_value("draw_failure", |lang, [d]| draw_failure(lang, d));
        assert_uses_every_value("mismatch_line", |lang, [t, r, p, v]| mismatch_line(lang, t, r, p, v));
        assert_uses_every_value("mismatch_lead", |lang, [lines]| mismatch_lead(lang, lines));
        assert_uses_every_value("number_of", |lang, [units]| number_of(lang, Some(units)));
        assert_uses_every_value("too_small", |lang, [names]| too_small(lang, names));
        assert_uses_every_value("shares_lead", |lang, [total]| shares_lead(lang, total));
        for lang in Lang::ALL {
            let text = showing_of(lang, 24, 100);
            assert!(text.contains("24") && text.contains("100"), "{text}");
        }
    }

    #[test]
    fn pick_splits_the_three_languages() {
        assert_eq!(pick(Lang::En, "one|bir|один"), "one");
        assert_eq!(pick(Lang::Az, "one|bir|один"), "bir");
        assert_eq!(pick(Lang::Ru, "one|bir|один"), "один");
    }
}
