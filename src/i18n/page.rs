//! The page's own words (headings, controls, buttons, the About note), keyed by the
//! `data-word` attributes in index.html. Each entry holds en, az and ru, so no language can
//! miss one.

use std::fmt::Write;

use super::{word, Lang, Message, Word};

const PAGE: &[(&str, [&str; 3])] = &[
    ("doc-title", ["Migration statistics of Azerbaijan · migration-charts", "Azərbaycanın miqrasiya statistikası · migration-charts", "Миграционная статистика Азербайджана · migration-charts"]),
    ("title", ["Migration statistics of the Republic of Azerbaijan", "Azərbaycan Respublikasının miqrasiya statistikası", "Миграционная статистика Азербайджанской Республики"]),
    ("lede", ["Applications and cases reported by the State Migration Service, in five monthly reports.", "Dövlət Miqrasiya Xidmətinin beş aylıq hesabatında bildirilən müraciətlər və hallar.", "Заявления и случаи из пяти ежемесячных отчётов Государственной миграционной службы."]),
    ("controls", ["Chart controls", "Diaqramın idarə edilməsi", "Управление диаграммой"]),
    ("view", ["View", "Görünüş", "Вид"]),
    ("show", ["Show", "Göstər", "Показать"]),
    ("values", ["Values", "Dəyərlər", "Значения"]),
    ("as", ["As", "Forma", "Как"]),
    ("bars", ["Bars", "Sütunlar", "Столбцы"]),
    ("lines", ["Lines", "Xətlər", "Линии"]),
    ("scale", ["Scale", "Şkala", "Шкала"]),
    ("linear", ["Linear", "Xətti", "Линейная"]),
    ("log", ["Logarithmic", "Loqarifmik", "Логарифмическая"]),
    ("stack", ["Stack", "Yığım", "С накоплением"]),
    ("counts", ["Counts", "Say", "Количество"]),
    ("percent", ["100 %", "100 %", "100 %"]),
    ("language", ["Language", "Dil", "Язык"]),
    ("theme", ["Theme", "Mövzu", "Тема"]),
    ("auto", ["Auto", "Avtomatik", "Авто"]),
    ("light", ["Light", "İşıqlı", "Светлая"]),
    ("dark", ["Dark", "Tünd", "Тёмная"]),
    ("indicators", ["Indicators to compare", "Müqayisə üçün göstəricilər", "Показатели для сравнения"]),
    ("fallback", ["The interactive chart needs JavaScript and WebAssembly. Here are the same numbers.", "İnteraktiv diaqram üçün JavaScript və WebAssembly lazımdır. Eyni rəqəmlər aşağıdadır.", "Для интерактивной диаграммы нужны JavaScript и WebAssembly. Ниже те же числа."]),
    ("export", ["Export and share", "İxrac və paylaşma", "Экспорт и ссылка"]),
    ("png", ["Download PNG", "PNG yüklə", "Скачать PNG"]),
    ("svg", ["Download SVG", "SVG yüklə", "Скачать SVG"]),
    ("csv", ["Download CSV", "CSV yüklə", "Скачать CSV"]),
    ("link", ["Copy link", "Linki kopyala", "Копировать ссылку"]),
    ("copied", ["Link copied.", "Link kopyalandı.", "Ссылка скопирована."]),
    ("failed", ["That did not work:", "Alınmadı:", "Не получилось:"]),
    ("embed", ["Embed this chart", "Bu diaqramı yerləşdir", "Встроить диаграмму"]),
    ("embed-help", ["Paste one of these into your page. The element needs scripts; the iframe works where scripts are not allowed in the page itself.", "Bunlardan birini səhifənizə yerləşdirin. Element skript tələb edir; iframe isə səhifədə skriptə icazə olmayanda da işləyir.", "Вставьте один из фрагментов на свою страницу. Элементу нужны скрипты; iframe работает и там, где скрипты на самой странице запрещены."]),
    ("element", ["Element", "Element", "Элемент"]),
    ("iframe", ["Iframe", "Iframe", "Iframe"]),
    ("copy-element", ["Copy element code", "Element kodunu kopyala", "Копировать код элемента"]),
    ("copy-iframe", ["Copy iframe code", "Iframe kodunu kopyala", "Копировать код iframe"]),
    ("about", ["About the data", "Məlumat haqqında", "О данных"]),
    ("source", ["Source: State Migration Service of the Republic of Azerbaijan, statistics page 9, last updated on 06.07.2022.", "Mənbə: Azərbaycan Respublikasının Dövlət Miqrasiya Xidməti, statistika səhifəsi 9, son yenilənmə 06.07.2022.", "Источник: Государственная миграционная служба Азербайджанской Республики, страница статистики 9, обновлено 06.07.2022."]),
    ("source-link", ["migration.gov.az/en/statistics (page 9)", "migration.gov.az/en/statistics (səhifə 9)", "migration.gov.az/en/statistics (страница 9)"]),
    ("months", ["The captured page lists five monthly reports without their month headings, so the reports are numbered in the order the page shows them. The page does not say whether that order runs forward or backward in time, so no months are shown and no trend direction is implied.", "Saxlanılmış səhifədə beş aylıq hesabat ay başlıqları olmadan verilib, ona görə hesabatlar səhifədəki ardıcıllıqla nömrələnib. Səhifə bu ardıcıllığın zamanla irəli, yoxsa geri getdiyini göstərmir, ona görə aylar göstərilmir və heç bir meyil istiqaməti nəzərdə tutulmur.", "На сохранённой странице пять ежемесячных отчётов приведены без названий месяцев, поэтому отчёты пронумерованы в порядке следования на странице. Страница не указывает, идёт ли этот порядок вперёд или назад во времени, поэтому месяцы не показаны и направление тренда не подразумевается."]),
    ("identity", ["In every report, administrative violations of the rules of stay equal the sum of the four outcomes below them (legalized, ordered to leave within 48 hours, expelled, lost permit cards); the Breakdown view draws that split.", "Hər hesabatda olma qaydalarının inzibati pozuntuları aşağıdakı dörd nəticənin cəminə bərabərdir (leqallaşdırılma, 48 saat ərzində tərk etmə, inzibati qaydada çıxarılma, icazə sənədinin itirilməsi); Bölgü görünüşü bu bölgünü göstərir.", "В каждом отчёте административные нарушения правил пребывания равны сумме четырёх исходов под ними (легализация, выезд в течение 48 часов, выдворение, утеря карт разрешения); вид «Структура» показывает это разделение."]),
    // The page as readers meet it: loading, options on a phone, copy confirmations, notes.
    ("loading", ["Loading the chart…", "Diaqram yüklənir…", "Диаграмма загружается…"]),
    ("options", ["Options", "Seçimlər", "Параметры"]),
    ("scale-note", ["A % change is always on a linear scale.", "Faizlə dəyişmə həmişə xətti şkaladadır.", "Изменение в % всегда на линейной шкале."]),
    ("code-copied", ["Code copied.", "Kod kopyalandı.", "Код скопирован."]),
    ("copy-failed", ["Not copied: the browser did not allow this page to use the clipboard.", "Kopyalanmadı: brauzer bu səhifəyə mübadilə buferindən istifadəyə icazə vermədi.", "Не скопировано: браузер не разрешил этой странице доступ к буферу обмена."]),
    ("source-lang", ["", "(səhifə ingilis dilindədir)", "(страница на английском языке)"]),
];

/// Every page word in `lang`, as (key, text).
pub fn words(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    // Terms the chart also uses come from the chart's words, so the two never drift apart.
    let shared = [
        ("overview", Word::Overview),
        ("compare", Word::Compare),
        ("breakdown", Word::Breakdown),
        ("table", Word::Table),
        ("indexed", Word::Indexed),
        ("change", Word::ChangePct),
    ];
    PAGE.iter()
        .map(move |&(key, [en, az, ru])| (key, Message { en, az, ru }.get(lang)))
        .chain(shared.into_iter().map(move |(key, w)| (key, word(w, lang))))
}

/// `www/page-words.js`: every page word in every language, as an ES module the page imports.
/// The page's words are not in the wasm: embedders of the widget would download them for
/// nothing. The file is generated from this module and kept current by a test.
pub fn module() -> String {
    let mut out =
        String::from("// Generated from src/i18n/page.rs (UPDATE_SNAPSHOTS=1 cargo test --lib); do not edit.\n");
    out.push_str("export const PAGE_WORDS = {\n");
    for lang in Lang::ALL {
        // Writing to a String cannot fail.
        let _ = writeln!(out, "  {}: {{", lang.code());
        for (key, text) in words(lang) {
            let _ = writeln!(out, "    {}: {},", json_string(key), json_string(text));
        }
        out.push_str("  },\n");
    }
    out.push_str("};\n");
    out
}

fn json_string(s: &str) -> String {
    let mut out = String::from('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c < ' ' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_the_page_uses_each() {
        let page = [include_str!("../../index.html"), include_str!("../../www/app.js")].concat();
        let mut seen = Vec::new();
        for (key, _) in words(Lang::En) {
            assert!(!seen.contains(&key), "'{key}' twice");
            seen.push(key);
            let used = page.contains(&format!("\"{key}\"")) || page.contains(&format!("words().{key}"));
            assert!(used, "neither index.html nor www/app.js uses '{key}'");
        }
    }

    #[test]
    fn json_strings_escape_quotes_backslashes_and_control_characters() {
        assert_eq!(json_string("a\"b\\c\nd\u{1f}é"), "\"a\\\"b\\\\c\\u000ad\\u001fé\"");
    }

    #[test]
    fn the_page_words_module_is_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/page-words.js");
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            if let Err(e) = std::fs::write(&path, module()) {
                panic!("could not write {}: {e}", path.display());
            }
        }
        let file = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(file == module(), "www/page-words.js is stale: run UPDATE_SNAPSHOTS=1 cargo test --lib");
    }
}
