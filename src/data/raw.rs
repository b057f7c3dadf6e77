//! The dataset file as serde reads it, before validation.
//!
//! Every field is read loosely: a shape the format does not want is kept as `Wrong` (or as
//! `Cell::Text` for a quoted number) instead of failing the whole read, so that `parse` can say
//! where the problem is and what it is, in words. Only JSON syntax errors and a key repeated in
//! an object stop serde itself. Unknown keys are ignored.

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::marker::PhantomData;

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct RawDataset {
    pub title: Label,
    pub axis: Label,
    pub source: Object<RawSource>,
    pub groups: List<Object<RawGroup>>,
    pub reports: List<Object<RawReport>>,
    pub indicators: List<Object<RawIndicator>>,
    pub relations: List<Object<RawRelation>>,
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct RawSource {
    pub publisher: Label,
    pub url: Str,
    pub last_updated: Str,
    pub note: Label,
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct RawGroup {
    pub id: Str,
    pub label: Label,
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct RawReport {
    pub id: Str,
    pub label: Label,
    pub short: Label,
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct RawIndicator {
    pub id: Str,
    pub group: Str,
    pub label: Label,
    pub short: Label,
    pub values: List<Cell>,
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct RawRelation {
    pub total: Str,
    pub parts: List<Str>,
}

/// A top-level entry: groups, reports and indicators all have an id.
pub trait Entry {
    fn id(&self) -> &Str;
}

impl Entry for RawGroup {
    fn id(&self) -> &Str {
        &self.id
    }
}

impl Entry for RawReport {
    fn id(&self) -> &Str {
        &self.id
    }
}

impl Entry for RawIndicator {
    fn id(&self) -> &Str {
        &self.id
    }
}

/// Where the format wants an object read as `T`.
#[derive(Default)]
pub enum Object<T> {
    #[default]
    Absent,
    Is(T),
    Wrong,
}

/// Where the format wants a list.
#[derive(Default)]
pub enum List<T> {
    #[default]
    Absent,
    Is(Vec<T>),
    Wrong,
}

/// Where the format wants text.
#[derive(Default)]
pub enum Str {
    #[default]
    Absent,
    Null,
    Is(String),
    Wrong,
}

/// A label: plain text (English) or an object of texts by language.
#[derive(Default)]
pub enum Label {
    #[default]
    Absent,
    Plain(String),
    Languages(Languages),
    Wrong,
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct Languages {
    pub en: Str,
    pub az: Str,
    pub ru: Str,
}

/// One entry of an indicator's `values`.
pub enum Cell {
    Null,
    Number(f64),
    /// Text, such as a number written in quotes.
    Text,
    Wrong,
}

/// A loosely read value: the JSON shapes it wants, each read by its own method; every other
/// shape is read, and skipped, as `wrong()`.
trait Shape<'de>: Sized {
    const EXPECTING: &'static str;

    fn wrong() -> Self;

    fn null() -> Self {
        Self::wrong()
    }

    fn number(_: f64) -> Self {
        Self::wrong()
    }

    fn text(_: &str) -> Self {
        Self::wrong()
    }

    fn map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        IgnoredAny.visit_map(map)?;
        Ok(Self::wrong())
    }

    fn seq<A: SeqAccess<'de>>(seq: A) -> Result<Self, A::Error> {
        IgnoredAny.visit_seq(seq)?;
        Ok(Self::wrong())
    }
}

struct ShapeVisitor<S>(PhantomData<S>);

impl<'de, S: Shape<'de>> Visitor<'de> for ShapeVisitor<S> {
    type Value = S;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(S::EXPECTING)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<S, E> {
        Ok(S::wrong())
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<S, E> {
        Ok(S::number(n as f64))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<S, E> {
        Ok(S::number(n as f64))
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<S, E> {
        Ok(S::number(n))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<S, E> {
        Ok(S::text(s))
    }

    fn visit_unit<E: de::Error>(self) -> Result<S, E> {
        Ok(S::null())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<S, A::Error> {
        S::map(map)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<S, A::Error> {
        S::seq(seq)
    }
}

fn shape<'de, S: Shape<'de>, D: Deserializer<'de>>(d: D) -> Result<S, D::Error> {
    d.deserialize_any(ShapeVisitor(PhantomData))
}

impl<'de, T: Deserialize<'de>> Shape<'de> for Object<T> {
    const EXPECTING: &'static str = "an object";

    fn wrong() -> Self {
        Object::Wrong
    }

    fn map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map)).map(Object::Is)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        shape(d)
    }
}

impl<'de, T: Deserialize<'de>> Shape<'de> for List<T> {
    const EXPECTING: &'static str = "a list";

    fn wrong() -> Self {
        List::Wrong
    }

    fn seq<A: SeqAccess<'de>>(seq: A) -> Result<Self, A::Error> {
        Vec::deserialize(SeqAccessDeserializer::new(seq)).map(List::Is)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        shape(d)
    }
}

impl Shape<'_> for Str {
    const EXPECTING: &'static str = "text";

    fn wrong() -> Self {
        Str::Wrong
    }

    fn null() -> Self {
        Str::Null
    }

    fn text(s: &str) -> Self {
        Str::Is(s.to_owned())
    }
}

impl<'de> Deserialize<'de> for Str {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        shape(d)
    }
}

impl<'de> Shape<'de> for Label {
    const EXPECTING: &'static str = "a label";

    fn wrong() -> Self {
        Label::Wrong
    }

    fn text(s: &str) -> Self {
        Label::Plain(s.to_owned())
    }

    fn map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        Languages::deserialize(MapAccessDeserializer::new(map)).map(Label::Languages)
    }
}

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        shape(d)
    }
}

impl Shape<'_> for Cell {
    const EXPECTING: &'static str = "a number or null";

    fn wrong() -> Self {
        Cell::Wrong
    }

    fn null() -> Self {
        Cell::Null
    }

    fn number(n: f64) -> Self {
        Cell::Number(n)
    }

    fn text(_: &str) -> Self {
        Cell::Text
    }
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        shape(d)
    }
}
