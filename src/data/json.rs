//! A small JSON reader for the dataset format. It replaces serde_json in the wasm build (about
//! 7 KB gzip smaller) and mirrors serde_json's `Value` semantics and error messages: the same
//! message texts with the same "at line L column C" positions, the same depth limit (128), the
//! same number grammar, and the last value winning for a repeated key.

use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Object),
}

/// An object's members in file order, keys and values side by side. The values are a
/// `Vec<Json>` like an array's, so the wasm carries one vector type for both. Lookups return the
/// last value of a repeated key, as serde_json's map does.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Object {
    pub keys: Vec<String>,
    pub values: Vec<Json>,
}

impl Object {
    pub fn get(&self, key: &str) -> Option<&Json> {
        // The last of repeated keys wins. A loop rather than `rposition`, a generic copy.
        let mut found = None;
        for (k, v) in self.keys.iter().zip(&self.values) {
            if k == key {
                found = Some(v);
            }
        }
        found
    }
}

impl Json {
    pub fn as_object(&self) -> Option<&Object> {
        match self {
            Json::Object(o) => Some(o),
            _ => None,
        }
    }
}

/// A syntax error, displayed as serde_json displays its own (`expected value at line 1 column 2`).
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub message: &'static str,
    pub line: usize,
    pub column: usize,
}

impl SyntaxError {
    /// The displayed text, for callers that want a `String`: without `to_string`'s detour
    /// through a `Formatter`. Built with `filled`, which every message uses, rather than a
    /// `write!` of its own.
    pub fn text(&self) -> String {
        let (line, column) = (crate::decimal::count(self.line), crate::decimal::count(self.column));
        crate::i18n::filled("{0} at line {1} column {2}", &[self.message, &line, &column])
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

const EOF_LIST: &str = "EOF while parsing a list";
const EOF_OBJECT: &str = "EOF while parsing an object";
const EOF_STRING: &str = "EOF while parsing a string";
const EOF_VALUE: &str = "EOF while parsing a value";
const EXPECTED_COLON: &str = "expected `:`";
const EXPECTED_LIST: &str = "expected `,` or `]`";
const EXPECTED_OBJECT: &str = "expected `,` or `}`";
const EXPECTED_IDENT: &str = "expected ident";
const EXPECTED_VALUE: &str = "expected value";
const INVALID_ESCAPE: &str = "invalid escape";
const INVALID_NUMBER: &str = "invalid number";
const OUT_OF_RANGE: &str = "number out of range";
const CONTROL: &str = "control character (\\u0000-\\u001F) found while parsing a string";
const KEY_STRING: &str = "key must be a string";
const LONE_SURROGATE: &str = "lone leading surrogate in hex escape";
const TRAILING_COMMA: &str = "trailing comma";
const TRAILING_CHARS: &str = "trailing characters";
const END_OF_HEX: &str = "unexpected end of hex escape";
const RECURSION: &str = "recursion limit exceeded";

/// Boxed, so that every `?` moves a pointer rather than copying the error.
type Res<T> = Result<T, Box<SyntaxError>>;

/// Parses one JSON document (surrounding whitespace allowed).
pub fn parse(text: &str) -> Res<Json> {
    let mut r = Reader { src: text, i: 0, depth: 128 };
    let value = r.value()?;
    match r.ws() {
        Some(_) => Err(r.peek_error(TRAILING_CHARS)),
        None => Ok(value),
    }
}

struct Reader<'a> {
    src: &'a str,
    i: usize,
    depth: u32,
}

impl<'a> Reader<'a> {
    /// The input as bytes; not a field of its own, which would only repeat `src`.
    fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.i).copied()
    }

    fn peek_or_null(&self) -> u8 {
        self.peek().unwrap_or(0)
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.i += 1;
        Some(b)
    }

    fn ws(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.i += 1;
        }
        self.peek()
    }

    fn error_at(&self, at: usize, message: &'static str) -> Box<SyntaxError> {
        let (mut line, mut line_start) = (1, 0);
        for (i, &b) in self.bytes().iter().enumerate().take(at) {
            if b == b'\n' {
                line += 1;
                line_start = i + 1;
            }
        }
        Box::new(SyntaxError { message, line, column: at - line_start })
    }

    /// At the last byte read (serde_json's `error`).
    fn error(&self, message: &'static str) -> Box<SyntaxError> {
        self.error_at(self.i, message)
    }

    /// At the next byte (serde_json's `peek_error`).
    fn peek_error(&self, message: &'static str) -> Box<SyntaxError> {
        self.error_at((self.i + 1).min(self.bytes().len()), message)
    }

    fn value(&mut self) -> Res<Json> {
        let Some(peek) = self.ws() else {
            return Err(self.peek_error(EOF_VALUE));
        };
        match peek {
            b'n' | b't' | b'f' => {
                // `null`, `true` or `false`, one `expect` call for the three.
                let (word, value): (&[u8], _) = match peek {
                    b'n' => (b"null", Json::Null),
                    b't' => (b"true", Json::Bool(true)),
                    _ => (b"false", Json::Bool(false)),
                };
                // The first byte, already peeked, is read again.
                self.consume(word, EOF_VALUE, EXPECTED_IDENT)?;
                Ok(value)
            }
            b'-' | b'0'..=b'9' => {
                // The sign is read here; `number` starts at the first digit.
                let positive = peek != b'-';
                if !positive {
                    self.i += 1;
                }
                self.number(positive).map(Json::Number)
            }
            b'"' => {
                self.i += 1;
                self.string().map(Json::String)
            }
            b'[' | b'{' => {
                self.enter()?;
                let value = self.container(peek == b'{');
                self.depth += 1;
                value
            }
            _ => Err(self.peek_error(EXPECTED_VALUE)),
        }
    }

    fn enter(&mut self) -> Res<()> {
        self.depth -= 1;
        if self.depth == 0 {
            self.depth += 1;
            return Err(self.peek_error(RECURSION));
        }
        self.i += 1;
        Ok(())
    }

    /// Reads the bytes `word`; at the end of the input the error is `eof`, at another byte
    /// `mismatch` (both placed at the last byte read, as serde_json does).
    fn consume(&mut self, word: &[u8], eof: &'static str, mismatch: &'static str) -> Res<()> {
        for expected in word {
            match self.next() {
                None => return Err(self.error(eof)),
                Some(b) if b != *expected => return Err(self.error(mismatch)),
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// The rest of a list or an object, after its opening bracket. One loop reads both: they
    /// differ only in the key before each object value and in their error messages.
    fn container(&mut self, object: bool) -> Res<Json> {
        let (close, eof, expected) =
            if object { (b'}', EOF_OBJECT, EXPECTED_OBJECT) } else { (b']', EOF_LIST, EXPECTED_LIST) };
        let mut keys = Vec::new();
        let mut values = Vec::new();
        // Every error found here is placed at the next byte: the loop breaks with its message,
        // and one call after it builds the error.
        let message = loop {
            let Some(mut peek) = self.ws() else { break eof };
            if peek == close {
                self.i += 1;
                return Ok(if object { Json::Object(Object { keys, values }) } else { Json::Array(values) });
            }
            if !values.is_empty() {
                if peek != b',' {
                    break expected;
                }
                self.i += 1;
                peek = match self.ws() {
                    Some(b) if b == close => break TRAILING_COMMA,
                    Some(b) => b,
                    None => break EOF_VALUE,
                };
            }
            if object {
                if peek != b'"' {
                    break KEY_STRING;
                }
                self.i += 1;
                keys.push(self.string()?);
                match self.ws() {
                    Some(b':') => self.i += 1,
                    Some(_) => break EXPECTED_COLON,
                    None => break EOF_OBJECT,
                }
            }
            values.push(self.value()?);
        };
        Err(self.peek_error(message))
    }

    /// The rest of a string, after its opening quote.
    fn string(&mut self) -> Res<String> {
        let mut out = String::new();
        let mut start = self.i;
        loop {
            let Some(b) = self.peek() else {
                return Err(self.error(EOF_STRING));
            };
            match b {
                b'"' | b'\\' => {
                    // Both are ASCII, so `start..i` lies on char boundaries.
                    out.push_str(self.src.get(start..self.i).unwrap_or_default());
                    self.i += 1;
                    if b == b'"' {
                        return Ok(out);
                    }
                    out.push(self.escape()?);
                    start = self.i;
                }
                0..=0x1f => {
                    self.i += 1;
                    return Err(self.error(CONTROL));
                }
                _ => self.i += 1,
            }
        }
    }

    /// The char an escape stands for, after its backslash. Returned rather than pushed, so
    /// that one push serves every escape.
    fn escape(&mut self) -> Res<char> {
        let Some(b) = self.next() else {
            return Err(self.error(EOF_STRING));
        };
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => return Err(self.error(INVALID_ESCAPE)),
        })
    }

    fn hex4(&mut self) -> Res<u32> {
        let Some(digits) = self.bytes().get(self.i..self.i + 4) else {
            self.i = self.bytes().len();
            return Err(self.error(EOF_STRING));
        };
        self.i += 4;
        let mut n = 0;
        for &d in digits {
            let Some(v) = char::from(d).to_digit(16) else {
                return Err(self.error(INVALID_ESCAPE));
            };
            n = n * 16 + v;
        }
        Ok(n)
    }

    fn unicode_escape(&mut self) -> Res<char> {
        let n = self.hex4()?;
        let code = match n {
            0xDC00..=0xDFFF => return Err(self.error(LONE_SURROGATE)),
            0xD800..=0xDBFF => {
                self.consume(b"\\u", EOF_STRING, END_OF_HEX)?;
                let n2 = self.hex4()?;
                if !matches!(n2, 0xDC00..=0xDFFF) {
                    return Err(self.error(LONE_SURROGATE));
                }
                (((n - 0xD800) << 10) | (n2 - 0xDC00)) + 0x1_0000
            }
            _ => n,
        };
        Ok(char::from_u32(code).unwrap_or('\u{fffd}'))
    }

    /// A number, after its sign; serde_json's algorithm without `float_roundtrip`.
    fn number(&mut self, positive: bool) -> Res<f64> {
        let mut sig: u64 = match self.next() {
            None => return Err(self.error(EOF_VALUE)),
            Some(b'0') => {
                if self.peek_or_null().is_ascii_digit() {
                    return Err(self.peek_error(INVALID_NUMBER));
                }
                0
            }
            Some(c @ b'1'..=b'9') => u64::from(c - b'0'),
            Some(_) => return Err(self.error(INVALID_NUMBER)),
        };
        // Integer digits beyond u64 only scale the value.
        // (A plain integer needs no shortcut: `combine` with exponent 0 is `sig as f64`.)
        let (read, taken) = self.digits(&mut sig);
        // An i64 holds any exponent a text in memory can write, so none of this arithmetic overflows.
        let mut exponent = (read - taken) as i64;
        if self.peek_or_null() == b'.' {
            self.i += 1;
            // Fraction digits beyond u64 are dropped.
            let (digits, taken) = self.digits(&mut sig);
            exponent -= taken as i64;
            if digits == 0 {
                return Err(match self.peek() {
                    Some(_) => self.peek_error(INVALID_NUMBER),
                    None => self.peek_error(EOF_VALUE),
                });
            }
        }
        if matches!(self.peek_or_null(), b'e' | b'E') {
            self.i += 1;
            let positive_exp = match self.peek_or_null() {
                b'+' => {
                    self.i += 1;
                    true
                }
                b'-' => {
                    self.i += 1;
                    false
                }
                _ => true,
            };
            let mut exp: i32 = match self.next() {
                None => return Err(self.error(EOF_VALUE)),
                Some(c @ b'0'..=b'9') => i32::from(c - b'0'),
                Some(_) => return Err(self.error(INVALID_NUMBER)),
            };
            while let c @ b'0'..=b'9' = self.peek_or_null() {
                self.i += 1;
                match exp.checked_mul(10).and_then(|e| e.checked_add(i32::from(c - b'0'))) {
                    Some(e) => exp = e,
                    None => {
                        if sig != 0 && positive_exp {
                            return Err(self.error(OUT_OF_RANGE));
                        }
                        // The rest of the exponent's digits are skipped: `digits` reads them
                        // all, and none fits in a u64 that is already at its maximum.
                        let mut full = u64::MAX;
                        self.digits(&mut full);
                        return Ok(if positive { 0.0 } else { -0.0 });
                    }
                }
            }
            exponent += if positive_exp { i64::from(exp) } else { -i64::from(exp) };
        }
        self.combine(positive, sig, exponent)
    }

    /// Reads a run of digits, appending them to `sig` until one does not fit in a u64 (that one
    /// and all after it are only counted). Returns (digits read, digits appended).
    fn digits(&mut self, sig: &mut u64) -> (usize, usize) {
        let (mut read, mut taken) = (0, 0);
        while let c @ b'0'..=b'9' = self.peek_or_null() {
            self.i += 1;
            if read == taken {
                if let Some(s) = sig.checked_mul(10).and_then(|s| s.checked_add(u64::from(c - b'0'))) {
                    *sig = s;
                    taken += 1;
                }
            }
            read += 1;
        }
        (read, taken)
    }

    fn combine(&self, positive: bool, sig: u64, mut exponent: i64) -> Res<f64> {
        let mut f = sig as f64;
        loop {
            let n = exponent.unsigned_abs();
            if n <= 308 {
                if exponent >= 0 {
                    f *= pow10(n);
                    if f.is_infinite() {
                        return Err(self.error(OUT_OF_RANGE));
                    }
                } else {
                    f /= pow10(n);
                }
                break;
            }
            if f == 0.0 {
                break;
            }
            if exponent >= 0 {
                return Err(self.error(OUT_OF_RANGE));
            }
            f /= 1e308;
            exponent += 308;
        }
        Ok(if positive { f } else { -f })
    }
}

/// 10^n for n ≤ 308: exact up to 10^22, within a few units in the last place above. Up to
/// 10^22 every partial product is itself an exactly representable power of ten, so no separate
/// loop is needed for the exact range.
fn pow10(n: u64) -> f64 {
    let mut p = 1.0;
    for (bit, value) in
        [(256, 1e256), (128, 1e128), (64, 1e64), (32, 1e32), (16, 1e16), (8, 1e8), (4, 1e4), (2, 1e2), (1, 1e1)]
    {
        if n & bit != 0 {
            p *= value;
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from_serde(v: &serde_json::Value) -> Json {
        match v {
            serde_json::Value::Null => Json::Null,
            serde_json::Value::Bool(b) => Json::Bool(*b),
            serde_json::Value::Number(n) => Json::Number(n.as_f64().unwrap_or(f64::NAN)),
            serde_json::Value::String(s) => Json::String(s.clone()),
            serde_json::Value::Array(a) => Json::Array(a.iter().map(from_serde).collect()),
            serde_json::Value::Object(o) => {
                Json::Object(Object { keys: o.keys().cloned().collect(), values: o.values().map(from_serde).collect() })
            }
        }
    }

    /// Objects compare by lookup (serde_json sorts keys and keeps the last of a repeated one).
    fn same(a: &Json, b: &Json) -> bool {
        match (a, b) {
            // Bit-identical up to 10^22; beyond that within a few units in the last place.
            (Json::Number(x), Json::Number(y)) => {
                x.to_bits() == y.to_bits() || (x.signum() == y.signum() && ((x - y) / y).abs() < 1e-15)
            }
            (Json::Array(x), Json::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y)),
            (Json::Object(x), Json::Object(y)) => {
                let keys = |o: &Object| {
                    let mut k = o.keys.clone();
                    k.sort();
                    k.dedup();
                    k
                };
                keys(x) == keys(y)
                    && keys(x).iter().all(|k| matches!((x.get(k), y.get(k)), (Some(a), Some(b)) if same(a, b)))
            }
            _ => a == b,
        }
    }

    fn check(input: &str) {
        let ours = parse(input);
        let theirs = serde_json::from_str::<serde_json::Value>(input);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => assert!(same(a, &from_serde(b)), "{input:?}: {a:?} vs {b:?}"),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{input:?}"),
            _ => assert_eq!(ours.is_ok(), theirs.is_ok(), "{input:?}: ours {ours:?}, serde_json {theirs:?}"),
        }
    }

    #[test]
    fn agrees_with_serde_json() {
        let cases = [
            "",
            " ",
            "null",
            "nul",
            "nulx",
            "true",
            "tru",
            "trUe",
            "false",
            "fals",
            "x",
            "[",
            "]",
            "{",
            "}",
            "[]",
            "[ ]",
            "[1]",
            "[1,]",
            "[1 2]",
            "[1,,2]",
            "[,1]",
            "[1",
            "[1,",
            "{}",
            "{ }",
            "{\"a\":1}",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{\"a\":}",
            "{\"a\"",
            "{\"a\":1",
            "{\"a\":1,",
            "{1:2}",
            "{\"a\":1 \"b\":2}",
            "{\"a\":1,2}",
            "{\"a\":1,\"a\":2}",
            "{\"b\":[1,{\"c\":null}],\"a\":\"x\"}",
            "\"abc",
            "\"a\\\"b\"",
            "\"\\u00e9\\n\\t\\/\\\\\\b\\f\\r\"",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\u12G4\"",
            "\"\\uD83D\\uDE00\"",
            "\"\\uD83D\"",
            "\"\\uD83Dx\"",
            "\"\\uD83D\\n\"",
            "\"\\uD83D\\u0041\"",
            "\"\\uDE00\"",
            "\"a\u{1}b\"",
            "\"tab\there\"",
            "\"Azərbaycan Миграция\"",
            "0",
            "-0",
            "-0.0",
            "01",
            "-",
            "-x",
            "1.",
            "1.x",
            ".5",
            "1.5",
            "-1.5",
            "1e",
            "1e+",
            "1ex",
            "1e5",
            "1E-5",
            "1e-400",
            "1e400",
            "0e999999999999",
            "1e99999999999",
            "1e300",
            "123456789012345678901234567890",
            "12345678901234567890.5",
            "0.000000000000000000000000001",
            "1.7e308",
            "4.9e-324",
            "96732",
            "1000000000000000",
            "1e15",
            "1.5e1",
            "[1, -3]",
            "[1e300, 3]",
            "[1, null]\n  x",
            "{\n  \"a\": [1,\n 2 3]\n}",
            "\n\n  \"unterminated\n",
            "[1]  ",
            "[1] [2]",
            "\u{feff}[]",
            "[true false]",
            "[\"a\" \"b\"]",
            "{\"a\":{\"b\":{\"c\":[[[]]]}}}",
            "123abc",
            "[-]",
            "[0x10]",
            "[1e1.5]",
            "[NaN]",
            "[Infinity]",
            "{\"\\u0000\":1}",
        ];
        for case in cases {
            check(case);
        }
        check(&"[".repeat(127));
        check(&"[".repeat(128));
        check(&format!("{}{}", "[".repeat(127), "]".repeat(127)));
        check(&format!("{}1{}", "{\"a\":[".repeat(60), "]}".repeat(60)));
        check(crate::data::EMBEDDED_JSON);
    }

    /// The one known difference: within a few units in the last place of f64::MAX, powers of
    /// ten above 10^22 are not correctly rounded here, so the number is out of range.
    #[test]
    fn documented_difference_at_f64_max() {
        assert!(serde_json::from_str::<serde_json::Value>("1.7976931348623157e308").is_ok());
        assert_eq!(
            parse("1.7976931348623157e308").map_err(|e| e.to_string()),
            Err("number out of range at line 1 column 22".to_string())
        );
    }
}
