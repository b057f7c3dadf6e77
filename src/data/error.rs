//! What can be wrong with a dataset file, where, and how to say it in each language.

use crate::i18n::Lang;
use std::fmt;

/// A part of the file, named the way its author would look for it.
#[derive(Clone, Debug, PartialEq)]
pub enum Place {
    File,
    Source,
    /// The n-th (1-based) group, report or indicator before its id is known, then its id.
    Group(Name),
    Report(Name),
    Indicator(Name),
    Relation(usize),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Name {
    Nth(usize),
    Id(String),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// The JSON reader's own technical message, with its position.
    Syntax(String),
    NotObject,
    Missing(&'static str),
    NotList(&'static str),
    NotText(&'static str),
    EmptyText(&'static str),
    EmptyList(&'static str),
    BadId(String),
    DuplicateId(String),
    LabelShape(&'static str),
    LabelMissingEnglish(&'static str),
    LabelLanguageEmpty(&'static str, &'static str),
    LabelLanguageNotText(&'static str, &'static str),
    LabelTooLong {
        key: &'static str,
        lang: &'static str,
        chars: usize,
        limit: usize,
    },
    UnknownGroup(String),
    ValueCount {
        values: usize,
        reports: usize,
    },
    ValueTooLarge(usize),
    ValueNegative(usize),
    ValueNotWhole(usize),
    ValueIsText(usize),
    ValueWrongType(usize),
    UnknownIndicator(String),
    PartNotId,
    TotalInParts,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DataError {
    pub place: Place,
    pub problem: Problem,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for DataError {}

fn place(p: &Place, lang: Lang) -> String {
    let named = |en: &str, az: &str, ru: &str, name: &Name| -> String {
        let noun = match lang {
            Lang::En => en,
            Lang::Az => az,
            Lang::Ru => ru,
        };
        match name {
            Name::Nth(n) => format!("{noun} {n}"),
            Name::Id(id) => format!("{noun} '{id}'"),
        }
    };
    let plain = |en: &str, az: &str, ru: &str| -> String {
        match lang {
            Lang::En => en,
            Lang::Az => az,
            Lang::Ru => ru,
        }
        .to_string()
    };
    match p {
        Place::File => plain("the file", "fayl", "файл"),
        Place::Source => plain("'source'", "'source'", "«source»"),
        Place::Group(n) => named("group", "qrup", "группа", n),
        Place::Report(n) => named("report", "hesabat", "отчёт", n),
        Place::Indicator(n) => named("indicator", "göstərici", "показатель", n),
        Place::Relation(n) => named("relation", "əlaqə", "связь", &Name::Nth(*n)),
    }
}

impl DataError {
    /// The message in `lang`: where, then what. Keys and ids stay as written in the file.
    pub fn message(&self, lang: Lang) -> String {
        use Problem::*;
        let what = match (&self.problem, lang) {
            (TooLarge { bytes, limit }, Lang::En) => format!("is {bytes} bytes; the limit is {limit} bytes"),
            (TooLarge { bytes, limit }, Lang::Az) => format!("{bytes} baytdır; hədd {limit} baytdır"),
            (TooLarge { bytes, limit }, Lang::Ru) => format!("занимает {bytes} байт; предел — {limit} байт"),
            (Syntax(m), Lang::En) => format!("is not valid JSON: {m}"),
            (Syntax(m), Lang::Az) => format!("düzgün JSON deyil: {m}"),
            (Syntax(m), Lang::Ru) => format!("не является корректным JSON: {m}"),
            (NotObject, Lang::En) => "must be a JSON object".into(),
            (NotObject, Lang::Az) => "JSON obyekti olmalıdır".into(),
            (NotObject, Lang::Ru) => "должен быть объектом JSON".into(),
            (Missing(k), Lang::En) => format!("'{k}' is missing"),
            (Missing(k), Lang::Az) => format!("'{k}' yoxdur"),
            (Missing(k), Lang::Ru) => format!("нет поля «{k}»"),
            (NotList(k), Lang::En) => format!("'{k}' must be a list"),
            (NotList(k), Lang::Az) => format!("'{k}' siyahı olmalıdır"),
            (NotList(k), Lang::Ru) => format!("поле «{k}» должно быть списком"),
            (NotText(k), Lang::En) => format!("'{k}' must be text"),
            (NotText(k), Lang::Az) => format!("'{k}' mətn olmalıdır"),
            (NotText(k), Lang::Ru) => format!("поле «{k}» должно быть текстом"),
            (EmptyText(k), Lang::En) => format!("'{k}' is empty"),
            (EmptyText(k), Lang::Az) => format!("'{k}' boşdur"),
            (EmptyText(k), Lang::Ru) => format!("поле «{k}» пустое"),
            (EmptyList(k), Lang::En) => format!("'{k}' is empty; at least one is needed"),
            (EmptyList(k), Lang::Az) => format!("'{k}' boşdur; ən azı biri lazımdır"),
            (EmptyList(k), Lang::Ru) => format!("список «{k}» пуст; нужен хотя бы один элемент"),
            (BadId(id), Lang::En) => format!("id '{id}' may use only a-z, 0-9, '-' and '_' (at most 64)"),
            (BadId(id), Lang::Az) => format!("id '{id}' yalnız a-z, 0-9, '-' və '_' işlədə bilər (ən çox 64)"),
            (BadId(id), Lang::Ru) => format!("id «{id}» может содержать только a-z, 0-9, «-» и «_» (не более 64)"),
            (DuplicateId(id), Lang::En) => format!("id '{id}' is used twice"),
            (DuplicateId(id), Lang::Az) => format!("id '{id}' iki dəfə işlənib"),
            (DuplicateId(id), Lang::Ru) => format!("id «{id}» встречается дважды"),
            (LabelShape(k), Lang::En) => format!("'{k}' must be text or an object of texts by language"),
            (LabelShape(k), Lang::Az) => format!("'{k}' mətn və ya dillər üzrə mətnlər obyekti olmalıdır"),
            (LabelShape(k), Lang::Ru) => format!("поле «{k}» должно быть текстом или объектом текстов по языкам"),
            (LabelMissingEnglish(k), Lang::En) => format!("'{k}' has no en text"),
            (LabelMissingEnglish(k), Lang::Az) => format!("'{k}' üçün en mətni yoxdur"),
            (LabelMissingEnglish(k), Lang::Ru) => format!("у поля «{k}» нет текста en"),
            (LabelLanguageEmpty(k, l), Lang::En) => format!("the {l} text of '{k}' is empty"),
            (LabelLanguageEmpty(k, l), Lang::Az) => format!("'{k}' üçün {l} mətni boşdur"),
            (LabelLanguageEmpty(k, l), Lang::Ru) => format!("текст {l} поля «{k}» пуст"),
            (LabelLanguageNotText(k, l), Lang::En) => format!("the {l} text of '{k}' must be text"),
            (LabelLanguageNotText(k, l), Lang::Az) => format!("'{k}' üçün {l} mətni mətn olmalıdır"),
            (LabelLanguageNotText(k, l), Lang::Ru) => format!("текст {l} поля «{k}» должен быть строкой"),
            (LabelTooLong { key, lang: l, chars, limit }, Lang::En) => {
                format!("the {l} text of '{key}' has {chars} characters; the limit is {limit}")
            }
            (LabelTooLong { key, lang: l, chars, limit }, Lang::Az) => {
                format!("'{key}' üçün {l} mətni {chars} simvoldur; hədd {limit}")
            }
            (LabelTooLong { key, lang: l, chars, limit }, Lang::Ru) => {
                format!("текст {l} поля «{key}» содержит {chars} символов; предел — {limit}")
            }
            (UnknownGroup(g), Lang::En) => format!("group '{g}' is not declared in 'groups'"),
            (UnknownGroup(g), Lang::Az) => format!("'{g}' qrupu 'groups' içində elan edilməyib"),
            (UnknownGroup(g), Lang::Ru) => format!("группа «{g}» не объявлена в «groups»"),
            (ValueCount { values, reports }, Lang::En) => {
                format!("has {values} values but the dataset has {reports} reports; write null for a missing one")
            }
            (ValueCount { values, reports }, Lang::Az) => {
                format!("{values} dəyəri var, amma {reports} hesabat var; çatışmayan dəyər üçün null yazın")
            }
            (ValueCount { values, reports }, Lang::Ru) => {
                format!("имеет {values} значений, а отчётов {reports}; пропуск записывается как null")
            }
            (ValueTooLarge(r), Lang::En) => format!("value for report {r} is too large (the limit is 10^15)"),
            (ValueTooLarge(r), Lang::Az) => format!("hesabat {r} üçün dəyər çox böyükdür (hədd 10^15)"),
            (ValueTooLarge(r), Lang::Ru) => format!("значение для отчёта {r} слишком велико (предел 10^15)"),
            (ValueNegative(r), Lang::En) => format!("value for report {r} is negative"),
            (ValueNegative(r), Lang::Az) => format!("hesabat {r} üçün dəyər mənfidir"),
            (ValueNegative(r), Lang::Ru) => format!("значение для отчёта {r} отрицательное"),
            (ValueNotWhole(r), Lang::En) => format!("value for report {r} is not a whole number"),
            (ValueNotWhole(r), Lang::Az) => format!("hesabat {r} üçün dəyər tam ədəd deyil"),
            (ValueNotWhole(r), Lang::Ru) => format!("значение для отчёта {r} не целое"),
            (ValueIsText(r), Lang::En) => format!("value for report {r} is text; write the number without quotes"),
            (ValueIsText(r), Lang::Az) => format!("hesabat {r} üçün dəyər mətndir; rəqəmi dırnaqsız yazın"),
            (ValueIsText(r), Lang::Ru) => format!("значение для отчёта {r} — текст; запишите число без кавычек"),
            (ValueWrongType(r), Lang::En) => format!("value for report {r} must be a number or null"),
            (ValueWrongType(r), Lang::Az) => format!("hesabat {r} üçün dəyər ədəd və ya null olmalıdır"),
            (ValueWrongType(r), Lang::Ru) => format!("значение для отчёта {r} должно быть числом или null"),
            (UnknownIndicator(id), Lang::En) => format!("indicator '{id}' does not exist"),
            (UnknownIndicator(id), Lang::Az) => format!("'{id}' göstəricisi yoxdur"),
            (UnknownIndicator(id), Lang::Ru) => format!("показателя «{id}» нет"),
            (PartNotId, Lang::En) => "each part must be an indicator id".into(),
            (PartNotId, Lang::Az) => "hər hissə göstərici id-si olmalıdır".into(),
            (PartNotId, Lang::Ru) => "каждая часть должна быть id показателя".into(),
            (TotalInParts, Lang::En) => "the total cannot be one of its own parts".into(),
            (TotalInParts, Lang::Az) => "cəm öz hissələrindən biri ola bilməz".into(),
            (TotalInParts, Lang::Ru) => "итог не может быть одной из своих частей".into(),
        };
        // "the file is not valid JSON: …" reads as a sentence; everything else as "where: what".
        let sentence =
            matches!(self.place, Place::File) && matches!(self.problem, TooLarge { .. } | Syntax(_) | NotObject);
        let separator = if sentence { " " } else { ": " };
        format!("{}{separator}{what}", place(&self.place, lang))
    }
}
