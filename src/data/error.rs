//! What can be wrong with a dataset file, where, and how to say it in each language.

use crate::decimal::count;
use crate::i18n::{fill, pick, Lang};
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
    /// serde_json's own technical message, with its position.
    Syntax(String),
    /// A key given twice in one object: serde_json's message, with its position.
    DuplicateKey(String),
    NotObject,
    Missing(&'static str),
    NotList(&'static str),
    NotText(&'static str),
    EmptyText(&'static str),
    EmptyList(&'static str),
    BadId(String),
    DuplicateId(String),
    /// An indicator id that the widget's attributes use as a word of their own.
    ReservedId(String),
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
    /// A control character (C0, DEL, C1) or a noncharacter (U+FDD0–U+FDEF, U+nFFFE, U+nFFFF)
    /// in a label.
    LabelCharacter {
        key: &'static str,
        lang: &'static str,
        character: char,
    },
    /// A control character or a noncharacter in a text field that is not a label.
    TextCharacter {
        key: &'static str,
        character: char,
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

/// Appends the place: a noun, then its number or quoted id if it has one.
fn place(out: &mut String, p: &Place, lang: Lang) {
    let relation;
    let (noun, name) = match p {
        Place::File => ("the file|fayl|файл", None),
        Place::Source => ("'source'|'source'|«source»", None),
        Place::Group(n) => ("group|qrup|группа", Some(n)),
        Place::Report(n) => ("report|hesabat|отчёт", Some(n)),
        Place::Indicator(n) => ("indicator|göstərici|показатель", Some(n)),
        Place::Relation(n) => {
            relation = Name::Nth(*n);
            ("relation|əlaqə|связь", Some(&relation))
        }
    };
    out.push_str(pick(lang, noun));
    match name {
        Some(Name::Nth(n)) => fill(out, " {0}", &[&count(*n)]),
        Some(Name::Id(id)) => fill(out, " '{0}'", &[id]),
        None => {}
    }
}

impl Problem {
    /// The wording in English|Azerbaijani|Russian, with `{0}`, `{1}`… for the values
    /// `DataError::message` passes.
    fn wording(&self) -> &'static str {
        use Problem::*;
        match self {
            TooLarge { .. } => {
                "is {0} bytes; the limit is {1} bytes|\
                 {0} baytdır; hədd {1} baytdır|\
                 занимает {0} байт; предел — {1} байт"
            }
            Syntax(_) => {
                "is not valid JSON: {0}|\
                 düzgün JSON deyil: {0}|\
                 не является корректным JSON: {0}"
            }
            DuplicateKey(_) => {
                "has a key twice in one object: {0}|\
                 bir obyektdə eyni açar iki dəfə var: {0}|\
                 содержит один ключ дважды в одном объекте: {0}"
            }
            NotObject => {
                "must be a JSON object|\
                 JSON obyekti olmalıdır|\
                 должен быть объектом JSON"
            }
            Missing(_) => {
                "'{0}' is missing|\
                 '{0}' yoxdur|\
                 нет поля «{0}»"
            }
            NotList(_) => {
                "'{0}' must be a list|\
                 '{0}' siyahı olmalıdır|\
                 поле «{0}» должно быть списком"
            }
            NotText(_) => {
                "'{0}' must be text|\
                 '{0}' mətn olmalıdır|\
                 поле «{0}» должно быть текстом"
            }
            EmptyText(_) => {
                "'{0}' is empty|\
                 '{0}' boşdur|\
                 поле «{0}» пустое"
            }
            EmptyList(_) => {
                "'{0}' is empty; at least one is needed|\
                 '{0}' boşdur; ən azı biri lazımdır|\
                 список «{0}» пуст; нужен хотя бы один элемент"
            }
            BadId(_) => {
                "id '{0}' may use only a-z, 0-9, '-' and '_' (at most 64)|\
                 id '{0}' yalnız a-z, 0-9, '-' və '_' işlədə bilər (ən çox 64)|\
                 id «{0}» может содержать только a-z, 0-9, «-» и «_» (не более 64)"
            }
            DuplicateId(_) => {
                "id '{0}' is used twice|\
                 id '{0}' iki dəfə işlənib|\
                 id «{0}» встречается дважды"
            }
            ReservedId(_) => {
                "id '{0}' is reserved: indicators=\"{0}\" means that no indicator is chosen|\
                 id '{0}' ehtiyat sözdür: indicators=\"{0}\" heç bir göstəricinin seçilmədiyini bildirir|\
                 id «{0}» зарезервирован: indicators=\"{0}\" означает, что не выбран ни один показатель"
            }
            LabelShape(_) => {
                "'{0}' must be text or an object of texts by language|\
                 '{0}' mətn və ya dillər üzrə mətnlər obyekti olmalıdır|\
                 поле «{0}» должно быть текстом или объектом текстов по языкам"
            }
            LabelMissingEnglish(_) => {
                "'{0}' has no en text|\
                 '{0}' üçün en mətni yoxdur|\
                 у поля «{0}» нет текста en"
            }
            LabelLanguageEmpty(_, _) => {
                "the {1} text of '{0}' is empty|\
                 '{0}' üçün {1} mətni boşdur|\
                 текст {1} поля «{0}» пуст"
            }
            LabelLanguageNotText(_, _) => {
                "the {1} text of '{0}' must be text|\
                 '{0}' üçün {1} mətni mətn olmalıdır|\
                 текст {1} поля «{0}» должен быть строкой"
            }
            LabelTooLong { .. } => {
                "the {1} text of '{0}' has {2} characters; the limit is {3}|\
                 '{0}' üçün {1} mətni {2} simvoldur; hədd {3}|\
                 текст {1} поля «{0}» содержит {2} символов; предел — {3}"
            }
            LabelCharacter { .. } => {
                "the {1} text of '{0}' contains the {3} {2}, which cannot be shown; remove it|\
                 '{0}' üçün {1} mətnində göstərilə bilməyən {2} {3} var; onu silin|\
                 текст {1} поля «{0}» содержит {3} {2}, который нельзя показать; удалите его"
            }
            TextCharacter { .. } => {
                "'{0}' contains the {2} {1}, which cannot be shown; remove it|\
                 '{0}' içində göstərilə bilməyən {1} {2} var; onu silin|\
                 поле «{0}» содержит {2} {1}, который нельзя показать; удалите его"
            }
            UnknownGroup(_) => {
                "group '{0}' is not declared in 'groups'|\
                 '{0}' qrupu 'groups' içində elan edilməyib|\
                 группа «{0}» не объявлена в «groups»"
            }
            ValueCount { .. } => {
                "has {0} values but the dataset has {1} reports; write null for a missing one|\
                 {0} dəyəri var, amma {1} hesabat var; çatışmayan dəyər üçün null yazın|\
                 имеет {0} значений, а отчётов {1}; пропуск записывается как null"
            }
            ValueTooLarge(_) => {
                "value for report {0} is too large (the limit is 10^15)|\
                 hesabat {0} üçün dəyər çox böyükdür (hədd 10^15)|\
                 значение для отчёта {0} слишком велико (предел 10^15)"
            }
            ValueNegative(_) => {
                "value for report {0} is negative|\
                 hesabat {0} üçün dəyər mənfidir|\
                 значение для отчёта {0} отрицательное"
            }
            ValueNotWhole(_) => {
                "value for report {0} is not a whole number|\
                 hesabat {0} üçün dəyər tam ədəd deyil|\
                 значение для отчёта {0} не целое"
            }
            ValueIsText(_) => {
                "value for report {0} is text; write the number without quotes|\
                 hesabat {0} üçün dəyər mətndir; rəqəmi dırnaqsız yazın|\
                 значение для отчёта {0} — текст; запишите число без кавычек"
            }
            ValueWrongType(_) => {
                "value for report {0} must be a number or null|\
                 hesabat {0} üçün dəyər ədəd və ya null olmalıdır|\
                 значение для отчёта {0} должно быть числом или null"
            }
            UnknownIndicator(_) => {
                "indicator '{0}' does not exist|\
                 '{0}' göstəricisi yoxdur|\
                 показателя «{0}» нет"
            }
            PartNotId => {
                "each part must be an indicator id|\
                 hər hissə göstərici id-si olmalıdır|\
                 каждая часть должна быть id показателя"
            }
            TotalInParts => {
                "the total cannot be one of its own parts|\
                 cəm öz hissələrindən biri ola bilməz|\
                 итог не может быть одной из своих частей"
            }
        }
    }
}

impl DataError {
    /// The message in `lang`: where, then what. Keys and ids stay as written in the file.
    pub fn message(&self, lang: Lang) -> String {
        use Problem::*;
        // The values for the wording's `{n}`, numbers and characters first written as text.
        let (a, b) = match &self.problem {
            ValueTooLarge(n) | ValueNegative(n) | ValueNotWhole(n) | ValueIsText(n) | ValueWrongType(n) => {
                (count(*n), String::new())
            }
            TooLarge { bytes: a, limit: b }
            | ValueCount { values: a, reports: b }
            | LabelTooLong { chars: a, limit: b, .. } => (count(*a), count(*b)),
            LabelCharacter { character, .. } | TextCharacter { character, .. } => {
                let kind = if character.is_control() {
                    "control character|idarəetmə simvolu|управляющий символ"
                } else {
                    "noncharacter|qeyri-simvol|несимвол"
                };
                (format!("U+{:04X}", u32::from(*character)), pick(lang, kind).to_string())
            }
            _ => Default::default(),
        };
        let args: &[&str] = match &self.problem {
            Missing(k)
            | NotList(k)
            | NotText(k)
            | EmptyText(k)
            | EmptyList(k)
            | LabelShape(k)
            | LabelMissingEnglish(k) => &[k],
            Syntax(text)
            | DuplicateKey(text)
            | BadId(text)
            | DuplicateId(text)
            | ReservedId(text)
            | UnknownGroup(text)
            | UnknownIndicator(text) => &[text],
            ValueTooLarge(_) | ValueNegative(_) | ValueNotWhole(_) | ValueIsText(_) | ValueWrongType(_) => &[&a],
            TooLarge { .. } | ValueCount { .. } => &[&a, &b],
            TextCharacter { key, .. } => &[key, &a, &b],
            LabelLanguageEmpty(k, l) | LabelLanguageNotText(k, l) => &[k, l],
            LabelCharacter { key, lang: l, .. } => &[key, l, &a, &b],
            LabelTooLong { key, lang: l, .. } => &[key, l, &a, &b],
            NotObject | PartNotId | TotalInParts => &[],
        };
        // "the file is not valid JSON: …" reads as a sentence; everything else as "where: what".
        let sentence = matches!(self.place, Place::File)
            && matches!(self.problem, TooLarge { .. } | Syntax(_) | DuplicateKey(_) | NotObject);
        let mut out = String::new();
        place(&mut out, &self.place, lang);
        out.push_str(if sentence { " " } else { ": " });
        fill(&mut out, pick(lang, self.problem.wording()), args);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn say(place: Place, problem: Problem) -> [String; 3] {
        let e = DataError { place, problem };
        Lang::ALL.map(|lang| e.message(lang))
    }

    /// The wordings are filled by `fill`, not `format!`: values go in by number, in each
    /// language's own order, and braces inside a value are left alone.
    #[test]
    fn wordings_take_their_values_by_number() {
        let too_long = Problem::LabelTooLong { key: "k", lang: "en", chars: 501, limit: 500 };
        assert_eq!(
            say(Place::Report(Name::Id("r{1}".into())), too_long),
            [
                "report 'r{1}': the en text of 'k' has 501 characters; the limit is 500",
                "hesabat 'r{1}': 'k' üçün en mətni 501 simvoldur; hədd 500",
                "отчёт 'r{1}': текст en поля «k» содержит 501 символов; предел — 500",
            ]
        );
        assert_eq!(
            say(Place::File, Problem::Syntax("boom {x} at".into())),
            [
                "the file is not valid JSON: boom {x} at",
                "fayl düzgün JSON deyil: boom {x} at",
                "файл не является корректным JSON: boom {x} at",
            ]
        );
        assert_eq!(
            say(Place::Relation(4), Problem::TotalInParts),
            [
                "relation 4: the total cannot be one of its own parts",
                "əlaqə 4: cəm öz hissələrindən biri ola bilməz",
                "связь 4: итог не может быть одной из своих частей",
            ]
        );
    }
}
