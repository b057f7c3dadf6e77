//! What can be wrong with a dataset file, where, and how to say it in each language.

use crate::decimal::count;
use crate::i18n::{Lang, Message};
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
    /// Not UTF-8, which JSON requires: `byte` (1-based) is the first that is not.
    NotUtf8 {
        byte: usize,
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

/// The place: a noun, then its number or quoted id if it has one.
fn place(p: &Place, lang: Lang) -> String {
    let (noun, name) = match p {
        Place::File => (Message { en: "the file", az: "fayl", ru: "файл" }, None),
        Place::Source => (Message { en: "'source'", az: "'source'", ru: "«source»" }, None),
        Place::Group(n) => (Message { en: "group", az: "qrup", ru: "группа" }, Some(n)),
        Place::Report(n) => (Message { en: "report", az: "hesabat", ru: "отчёт" }, Some(n)),
        Place::Indicator(n) => (Message { en: "indicator", az: "göstərici", ru: "показатель" }, Some(n)),
        Place::Relation(n) => {
            return format!("{} {}", Message { en: "relation", az: "əlaqə", ru: "связь" }.get(lang), count(*n))
        }
    };
    let noun = noun.get(lang);
    match name {
        Some(Name::Nth(n)) => format!("{noun} {}", count(*n)),
        Some(Name::Id(id)) => format!("{noun} '{id}'"),
        None => noun.to_string(),
    }
}

impl Problem {
    /// What is wrong, in `lang`. Keys and ids stay as written in the file.
    fn say(&self, lang: Lang) -> String {
        use Lang::*;
        use Problem::*;
        match self {
            TooLarge { bytes, limit } => {
                let (bytes, limit) = (count(*bytes), count(*limit));
                match lang {
                    En => format!("is {bytes} bytes; the limit is {limit} bytes"),
                    Az => format!("{bytes} baytdır; hədd {limit} baytdır"),
                    Ru => format!("занимает {bytes} байт; предел — {limit} байт"),
                }
            }
            NotUtf8 { byte } => {
                let byte = count(*byte);
                match lang {
                    En => format!("is not in UTF-8: byte {byte} cannot be read; save the file as UTF-8"),
                    Az => format!(
                        "UTF-8 kodlaşmasında deyil: {byte} nömrəli bayt oxunmur; faylı UTF-8 kodlaşmasında saxlayın"
                    ),
                    Ru => format!("не в кодировке UTF-8: байт {byte} не читается; сохраните файл в UTF-8"),
                }
            }
            Syntax(e) => match lang {
                En => format!("is not valid JSON: {e}"),
                Az => format!("düzgün JSON deyil: {e}"),
                Ru => format!("не является корректным JSON: {e}"),
            },
            DuplicateKey(e) => match lang {
                En => format!("has a key twice in one object: {e}"),
                Az => format!("bir obyektdə eyni açar iki dəfə var: {e}"),
                Ru => format!("содержит один ключ дважды в одном объекте: {e}"),
            },
            NotObject => {
                Message {
                    en: "must be a JSON object", az: "JSON obyekti olmalıdır", ru: "должен быть объектом JSON"
                }
                .get(lang)
                .to_string()
            }
            Missing(k) => match lang {
                En => format!("'{k}' is missing"),
                Az => format!("'{k}' yoxdur"),
                Ru => format!("нет поля «{k}»"),
            },
            NotList(k) => match lang {
                En => format!("'{k}' must be a list"),
                Az => format!("'{k}' siyahı olmalıdır"),
                Ru => format!("поле «{k}» должно быть списком"),
            },
            NotText(k) => match lang {
                En => format!("'{k}' must be text"),
                Az => format!("'{k}' mətn olmalıdır"),
                Ru => format!("поле «{k}» должно быть текстом"),
            },
            EmptyText(k) => match lang {
                En => format!("'{k}' is empty"),
                Az => format!("'{k}' boşdur"),
                Ru => format!("поле «{k}» пустое"),
            },
            EmptyList(k) => match lang {
                En => format!("'{k}' is empty; at least one is needed"),
                Az => format!("'{k}' boşdur; ən azı biri lazımdır"),
                Ru => format!("список «{k}» пуст; нужен хотя бы один элемент"),
            },
            BadId(id) => match lang {
                En => format!("id '{id}' may use only a-z, 0-9, '-' and '_' (at most 64)"),
                Az => format!("id '{id}' yalnız a-z, 0-9, '-' və '_' işlədə bilər (ən çox 64)"),
                Ru => format!("id «{id}» может содержать только a-z, 0-9, «-» и «_» (не более 64)"),
            },
            DuplicateId(id) => match lang {
                En => format!("id '{id}' is used twice"),
                Az => format!("id '{id}' iki dəfə işlənib"),
                Ru => format!("id «{id}» встречается дважды"),
            },
            ReservedId(id) => match lang {
                En => format!("id '{id}' is reserved: indicators=\"{id}\" means that no indicator is chosen"),
                Az => {
                    format!("id '{id}' ehtiyat sözdür: indicators=\"{id}\" heç bir göstəricinin seçilmədiyini bildirir")
                }
                Ru => {
                    format!("id «{id}» зарезервирован: indicators=\"{id}\" означает, что не выбран ни один показатель")
                }
            },
            LabelShape(k) => match lang {
                En => format!("'{k}' must be text or an object of texts by language"),
                Az => format!("'{k}' mətn və ya dillər üzrə mətnlər obyekti olmalıdır"),
                Ru => format!("поле «{k}» должно быть текстом или объектом текстов по языкам"),
            },
            LabelMissingEnglish(k) => match lang {
                En => format!("'{k}' has no en text"),
                Az => format!("'{k}' üçün en mətni yoxdur"),
                Ru => format!("у поля «{k}» нет текста en"),
            },
            LabelLanguageEmpty(k, l) => match lang {
                En => format!("the {l} text of '{k}' is empty"),
                Az => format!("'{k}' üçün {l} mətni boşdur"),
                Ru => format!("текст {l} поля «{k}» пуст"),
            },
            LabelLanguageNotText(k, l) => match lang {
                En => format!("the {l} text of '{k}' must be text"),
                Az => format!("'{k}' üçün {l} mətni mətn olmalıdır"),
                Ru => format!("текст {l} поля «{k}» должен быть строкой"),
            },
            LabelTooLong { key: k, lang: l, chars, limit } => {
                let (chars, limit) = (count(*chars), count(*limit));
                match lang {
                    En => format!("the {l} text of '{k}' has {chars} characters; the limit is {limit}"),
                    Az => format!("'{k}' üçün {l} mətni {chars} simvoldur; hədd {limit}"),
                    Ru => format!("текст {l} поля «{k}» содержит {chars} символов; предел — {limit}"),
                }
            }
            LabelCharacter { key: k, lang: l, character } => {
                let (code, kind) = (code(*character), kind(*character, lang));
                match lang {
                    En => format!("the {l} text of '{k}' contains the {kind} {code}, which cannot be shown; remove it"),
                    Az => format!("'{k}' üçün {l} mətnində göstərilə bilməyən {code} {kind} var; onu silin"),
                    Ru => format!("текст {l} поля «{k}» содержит {kind} {code}, который нельзя показать; удалите его"),
                }
            }
            TextCharacter { key: k, character } => {
                let (code, kind) = (code(*character), kind(*character, lang));
                match lang {
                    En => format!("'{k}' contains the {kind} {code}, which cannot be shown; remove it"),
                    Az => format!("'{k}' içində göstərilə bilməyən {code} {kind} var; onu silin"),
                    Ru => format!("поле «{k}» содержит {kind} {code}, который нельзя показать; удалите его"),
                }
            }
            UnknownGroup(id) => match lang {
                En => format!("group '{id}' is not declared in 'groups'"),
                Az => format!("'{id}' qrupu 'groups' içində elan edilməyib"),
                Ru => format!("группа «{id}» не объявлена в «groups»"),
            },
            ValueCount { values, reports } => {
                let (values, reports) = (count(*values), count(*reports));
                match lang {
                    En => format!(
                        "has {values} values but the dataset has {reports} reports; write null for a missing one"
                    ),
                    Az => format!("{values} dəyəri var, amma {reports} hesabat var; çatışmayan dəyər üçün null yazın"),
                    Ru => format!("имеет {values} значений, а отчётов {reports}; пропуск записывается как null"),
                }
            }
            ValueTooLarge(n) => {
                let n = count(*n);
                match lang {
                    En => format!("value for report {n} is too large (the limit is 10^15)"),
                    Az => format!("hesabat {n} üçün dəyər çox böyükdür (hədd 10^15)"),
                    Ru => format!("значение для отчёта {n} слишком велико (предел 10^15)"),
                }
            }
            ValueNegative(n) => {
                let n = count(*n);
                match lang {
                    En => format!("value for report {n} is negative"),
                    Az => format!("hesabat {n} üçün dəyər mənfidir"),
                    Ru => format!("значение для отчёта {n} отрицательное"),
                }
            }
            ValueNotWhole(n) => {
                let n = count(*n);
                match lang {
                    En => format!("value for report {n} is not a whole number"),
                    Az => format!("hesabat {n} üçün dəyər tam ədəd deyil"),
                    Ru => format!("значение для отчёта {n} не целое"),
                }
            }
            ValueIsText(n) => {
                let n = count(*n);
                match lang {
                    En => format!("value for report {n} is text; write the number without quotes"),
                    Az => format!("hesabat {n} üçün dəyər mətndir; rəqəmi dırnaqsız yazın"),
                    Ru => format!("значение для отчёта {n} — текст; запишите число без кавычек"),
                }
            }
            ValueWrongType(n) => {
                let n = count(*n);
                match lang {
                    En => format!("value for report {n} must be a number or null"),
                    Az => format!("hesabat {n} üçün dəyər ədəd və ya null olmalıdır"),
                    Ru => format!("значение для отчёта {n} должно быть числом или null"),
                }
            }
            UnknownIndicator(id) => match lang {
                En => format!("indicator '{id}' does not exist"),
                Az => format!("'{id}' göstəricisi yoxdur"),
                Ru => format!("показателя «{id}» нет"),
            },
            PartNotId => Message {
                en: "each part must be an indicator id",
                az: "hər hissə göstərici id-si olmalıdır",
                ru: "каждая часть должна быть id показателя",
            }
            .get(lang)
            .to_string(),
            TotalInParts => Message {
                en: "the total cannot be one of its own parts",
                az: "cəm öz hissələrindən biri ola bilməz",
                ru: "итог не может быть одной из своих частей",
            }
            .get(lang)
            .to_string(),
        }
    }
}

/// A character as Unicode writes it, such as U+0007.
fn code(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// What kind of character that cannot be shown `c` is.
fn kind(c: char, lang: Lang) -> &'static str {
    let kind = if c.is_control() {
        Message { en: "control character", az: "idarəetmə simvolu", ru: "управляющий символ" }
    } else {
        Message { en: "noncharacter", az: "qeyri-simvol", ru: "несимвол" }
    };
    kind.get(lang)
}

impl DataError {
    /// The message in `lang`: where, then what. Keys and ids stay as written in the file.
    pub fn message(&self, lang: Lang) -> String {
        use Problem::*;
        // "the file is not valid JSON: …" reads as a sentence; everything else as "where: what".
        let sentence = matches!(self.place, Place::File)
            && matches!(self.problem, TooLarge { .. } | NotUtf8 { .. } | Syntax(_) | DuplicateKey(_) | NotObject);
        let separator = if sentence { " " } else { ": " };
        format!("{}{separator}{}", place(&self.place, lang), self.problem.say(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn say(place: Place, problem: Problem) -> [String; 3] {
        let e = DataError { place, problem };
        Lang::ALL.map(|lang| e.message(lang))
    }

    /// Each language puts the values in its own order, and braces inside a value are left
    /// alone.
    #[test]
    fn wordings_take_their_values_in_each_languages_order() {
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
            say(Place::File, Problem::NotUtf8 { byte: 162 }),
            [
                "the file is not in UTF-8: byte 162 cannot be read; save the file as UTF-8",
                "fayl UTF-8 kodlaşmasında deyil: 162 nömrəli bayt oxunmur; faylı UTF-8 kodlaşmasında saxlayın",
                "файл не в кодировке UTF-8: байт 162 не читается; сохраните файл в UTF-8",
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
