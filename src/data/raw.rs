//! The dataset file as serde reads it, before validation.
//!
//! The objects of the format are `#[derive(Deserialize)]` structs, so serde itself finds a
//! known key given twice in one object. Every field of theirs is a loose [`Node`]: whatever
//! JSON is there is kept, or noted as [`Node::Other`] and skipped, instead of failing the whole
//! read, so that `parse` can say where the problem is and what it is, in words. Only JSON
//! syntax errors and a repeated key stop serde. Unknown keys are ignored.
//!
//! All nodes are read by one visitor, [`Read`], told by the field what the format wants there:
//! one reader for the whole file keeps the WebAssembly small, where a generic reader per field
//! type would be compiled once for each.

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// The whole file, which must be an object.
pub struct File(pub Node);

impl<'de> Deserialize<'de> for File {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Read::one(Want::Dataset)).map(File)
    }
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct RawDataset {
    #[serde(deserialize_with = "label")]
    pub title: Node,
    #[serde(deserialize_with = "label")]
    pub axis: Node,
    #[serde(deserialize_with = "source")]
    pub source: Node,
    #[serde(deserialize_with = "groups")]
    pub groups: Node,
    #[serde(deserialize_with = "reports")]
    pub reports: Node,
    #[serde(deserialize_with = "indicators")]
    pub indicators: Node,
    #[serde(deserialize_with = "relations")]
    pub relations: Node,
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct RawSource {
    #[serde(deserialize_with = "label")]
    pub publisher: Node,
    #[serde(deserialize_with = "leaf")]
    pub url: Node,
    #[serde(deserialize_with = "leaf")]
    pub last_updated: Node,
    #[serde(deserialize_with = "label")]
    pub note: Node,
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct RawGroup {
    #[serde(deserialize_with = "leaf")]
    pub id: Node,
    #[serde(deserialize_with = "label")]
    pub label: Node,
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct RawReport {
    #[serde(deserialize_with = "leaf")]
    pub id: Node,
    #[serde(deserialize_with = "label")]
    pub label: Node,
    #[serde(deserialize_with = "label")]
    pub short: Node,
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct RawIndicator {
    #[serde(deserialize_with = "leaf")]
    pub id: Node,
    #[serde(deserialize_with = "leaf")]
    pub group: Node,
    #[serde(deserialize_with = "label")]
    pub label: Node,
    #[serde(deserialize_with = "label")]
    pub short: Node,
    #[serde(deserialize_with = "label")]
    pub unit: Node,
    #[serde(deserialize_with = "leaves")]
    pub values: Node,
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct RawRelation {
    #[serde(deserialize_with = "leaf")]
    pub total: Node,
    #[serde(deserialize_with = "leaves")]
    pub parts: Node,
}

/// A label given as an object of texts by language.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct Languages {
    #[serde(deserialize_with = "leaf")]
    pub en: Node,
    #[serde(deserialize_with = "leaf")]
    pub az: Node,
    #[serde(deserialize_with = "leaf")]
    pub ru: Node,
}

/// What was in the file at one place. An object is read as the struct the format wants there,
/// and only there: elsewhere it is `Other`, like a list where the format wants none.
#[derive(Default)]
pub enum Node {
    #[default]
    Absent,
    Null,
    Number(f64),
    Text(String),
    List(Vec<Node>),
    Dataset(Box<RawDataset>),
    Source(Box<RawSource>),
    Group(Box<RawGroup>),
    Report(Box<RawReport>),
    Indicator(Box<RawIndicator>),
    Relation(Box<RawRelation>),
    Languages(Box<Languages>),
    /// `true` or `false`, or a list or object the format does not want here; its content was
    /// skipped.
    Other,
}

impl Node {
    /// The id of a group, report or indicator; `None` if the node is not one.
    pub fn entry_id(&self) -> Option<&Node> {
        match self {
            Node::Group(g) => Some(&g.id),
            Node::Report(r) => Some(&r.id),
            Node::Indicator(i) => Some(&i.id),
            _ => None,
        }
    }
}

/// What the format wants at a place, if it is an object (`Leaf`: it wants no object).
#[derive(Clone, Copy)]
enum Want {
    Dataset,
    Source,
    Group,
    Report,
    Indicator,
    Relation,
    Languages,
    Leaf,
}

/// Reads one node: a `Want` there, or, if `listed`, a list of them.
#[derive(Clone, Copy)]
struct Read {
    want: Want,
    listed: bool,
}

impl Read {
    const fn one(want: Want) -> Read {
        Read { want, listed: false }
    }

    const fn list(want: Want) -> Read {
        Read { want, listed: true }
    }
}

fn label<'de, D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
    d.deserialize_any(Read::one(Want::Languages))
}

fn source<'de, D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
    d.deserialize_any(Read::one(Want::Source))
}

fn groups<'de, D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
    d.deserialize_any(Read::list(Want::Group))
}

fn reports<'de, D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
    d.deserialize_any(Read::list(Want::Report))
}

fn indicators<'de, D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
    d.deserialize_any(Read::list(Want::Indicator))
}

fn relations<'de, D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
    d.deserialize_any(Read::list(Want::Relation))
}

fn leaf<'de, D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
    d.deserialize_any(Read::one(Want::Leaf))
}

fn leaves<'de, D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
    d.deserialize_any(Read::list(Want::Leaf))
}

impl<'de> DeserializeSeed<'de> for Read {
    type Value = Node;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Read {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Node, E> {
        Ok(Node::Other)
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Node, E> {
        Ok(Node::Number(n as f64))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Node, E> {
        Ok(Node::Number(n as f64))
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Node, E> {
        Ok(Node::Number(n))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Node, E> {
        Ok(Node::Text(s.to_owned()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        if !self.listed {
            IgnoredAny.visit_seq(seq)?;
            return Ok(Node::Other);
        }
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Read::one(self.want))? {
            items.push(item);
        }
        Ok(Node::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Node, A::Error> {
        let map = MapAccessDeserializer::new(map);
        Ok(match (self.listed, self.want) {
            (false, Want::Dataset) => Node::Dataset(Box::new(RawDataset::deserialize(map)?)),
            (false, Want::Source) => Node::Source(Box::new(RawSource::deserialize(map)?)),
            (false, Want::Group) => Node::Group(Box::new(RawGroup::deserialize(map)?)),
            (false, Want::Report) => Node::Report(Box::new(RawReport::deserialize(map)?)),
            (false, Want::Indicator) => Node::Indicator(Box::new(RawIndicator::deserialize(map)?)),
            (false, Want::Relation) => Node::Relation(Box::new(RawRelation::deserialize(map)?)),
            (false, Want::Languages) => Node::Languages(Box::new(Languages::deserialize(map)?)),
            (true, _) | (_, Want::Leaf) => {
                IgnoredAny::deserialize(map)?;
                Node::Other
            }
        })
    }
}
