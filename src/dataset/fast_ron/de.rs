//! The serde side: a `Deserializer` over a [`Reader`] that asks for the
//! shapes our types are written in and refuses every other.
//!
//! Recursion is counted where ron counts it (each list and record, each
//! element, field name and value, each enum and its variant's name, each
//! `Some`), against a limit below ron's: whatever ron refuses as too deep is
//! refused here first, and the stack stays shallow.

use serde::de::{self, DeserializeSeed, Visitor};

use super::Error;
use super::reader::Reader;

/// How deep this reader goes, counted as ron counts: below ron's limit of
/// 64, so that it never accepts a file that ron finds too deep.
const DEPTH_LIMIT: usize = 56;

/// The fast path's deserializer.
pub struct Deserializer<'de> {
    pub(super) reader: Reader<'de>,
    depth: usize,
}

impl<'de> Deserializer<'de> {
    /// A deserializer at the start of `text`.
    pub fn new(text: &'de str) -> Self {
        Self {
            reader: Reader::new(text),
            depth: 0,
        }
    }

    /// The elements of a list the text is a piece of, read as
    /// `[` + text + `]` would be, where `open` and `close` say whether the
    /// text has its own `[` at the start and `]` at the end; so a large
    /// list is read in pieces without copying each piece to bracket it.
    pub(super) fn list_piece<T: de::Deserialize<'de>>(
        &mut self,
        open: bool,
        close: bool,
    ) -> Result<Vec<T>, Error> {
        if open {
            self.reader.skip_ws()?;
            if !self.reader.eat(b'[') {
                return Err(Error);
            }
        }
        let mut elements = Vec::new();
        self.deeper(|de| {
            let mut had_comma = true;
            loop {
                de.reader.skip_ws()?;
                let at_end = if close {
                    de.reader.peek() == Some(b']')
                } else {
                    de.reader.at_end()
                };
                match (had_comma, at_end) {
                    (_, true) => return Ok(()),
                    (false, false) => return Err(Error),
                    (true, false) => {}
                }
                elements.push(de.deeper(|de| T::deserialize(de))?);
                had_comma = de.reader.comma()?;
            }
        })?;
        if close && !self.reader.eat(b']') {
            return Err(Error);
        }
        Ok(elements)
    }

    /// Runs `read` one level deeper, refusing past the limit.
    fn deeper<T>(&mut self, read: impl FnOnce(&mut Self) -> Result<T, Error>) -> Result<T, Error> {
        if self.depth >= DEPTH_LIMIT {
            return Err(Error);
        }
        self.depth += 1;
        let value = read(self)?;
        self.depth -= 1;
        Ok(value)
    }

    /// The record `(…)` of fields, after its name if any.
    fn record<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Error> {
        if !self.reader.eat(b'(') {
            return Err(Error);
        }
        let value = self.deeper(|de| visitor.visit_map(Separated::new(de, b')')))?;
        self.reader.skip_ws()?;
        if self.reader.eat(b')') {
            Ok(value)
        } else {
            Err(Error)
        }
    }
}

/// The methods for what our files never hold: refused.
macro_rules! refuse {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
                Err(Error)
            }
        )*
    };
}

/// The integer methods: read as `i64` or `u64`, refused (handed to ron)
/// when the number does not fit the type asked for.
macro_rules! integers {
    ($($method:ident $visit:ident $read:ident,)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
                visitor.$visit(self.reader.$read()?.try_into().map_err(|_| Error)?)
            }
        )*
    };
}

impl<'de> de::Deserializer<'de> for &mut Deserializer<'de> {
    type Error = Error;

    refuse! {
        deserialize_any deserialize_char deserialize_bytes deserialize_byte_buf
        deserialize_unit deserialize_map deserialize_ignored_any
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.reader.eat_word("true") {
            visitor.visit_bool(true)
        } else if self.reader.eat_word("false") {
            visitor.visit_bool(false)
        } else {
            Err(Error)
        }
    }

    integers! {
        deserialize_i8 visit_i8 signed, deserialize_i16 visit_i16 signed,
        deserialize_i32 visit_i32 signed, deserialize_i64 visit_i64 signed,
        deserialize_u8 visit_u8 unsigned, deserialize_u16 visit_u16 unsigned,
        deserialize_u32 visit_u32 unsigned, deserialize_u64 visit_u64 unsigned,
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        // ron hands the same text to the same `from_str`.
        visitor.visit_f32(self.reader.float_text()?.parse().map_err(|_| Error)?)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_f64(self.reader.float_text()?.parse().map_err(|_| Error)?)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.reader.string()? {
            std::borrow::Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            std::borrow::Cow::Owned(text) => visitor.visit_string(text),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    /// `None`, `Some(x)`, or (IMPLICIT_SOME, as the data files are read)
    /// `x` alone.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.reader.eat_word("None") {
            return visitor.visit_none();
        }
        if !self.reader.eat_word("Some") {
            return self.deeper(|de| visitor.visit_some(de));
        }
        // ron reads `Some` not followed by `(` strangely: refused here.
        self.reader.skip_ws()?;
        if !self.reader.eat(b'(') {
            return Err(Error);
        }
        self.reader.skip_ws()?;
        let value = self.deeper(|de| visitor.visit_some(de))?;
        self.reader.comma()?;
        if self.reader.eat(b')') {
            Ok(value)
        } else {
            Err(Error)
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: V,
    ) -> Result<V::Value, Error> {
        Err(Error)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: V,
    ) -> Result<V::Value, Error> {
        Err(Error)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if !self.reader.eat(b'[') {
            return Err(Error);
        }
        let value = self.deeper(|de| visitor.visit_seq(Separated::new(de, b']')))?;
        self.reader.skip_ws()?;
        if self.reader.eat(b']') {
            Ok(value)
        } else {
            Err(Error)
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        if !self.reader.eat(b'(') {
            return Err(Error);
        }
        let value = self.deeper(|de| visitor.visit_seq(Separated::new(de, b')')))?;
        self.reader.skip_ws()?;
        if self.reader.eat(b')') {
            Ok(value)
        } else {
            Err(Error)
        }
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        _: V,
    ) -> Result<V::Value, Error> {
        Err(Error)
    }

    /// `Name(field: value, …)` or `(field: value, …)`. ron reads std's
    /// ranges (`Range…`) in a syntax of their own: refused.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if name.starts_with("Range") {
            return Err(Error);
        }
        if self.reader.peek() != Some(b'(') {
            let found = self.reader.ident()?;
            if name.is_empty() || found != name {
                return Err(Error);
            }
            self.reader.skip_ws()?;
        }
        self.record(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deeper(|de| visitor.visit_enum(Enum(de)))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_borrowed_str(self.reader.ident()?)
    }
}

/// A field's name: an identifier, read as ron reads one there (as text or
/// as anything it is asked as; numbers and the like refused).
struct Key<'a, 'de>(&'a mut Deserializer<'de>);

impl<'de> de::Deserializer<'de> for Key<'_, 'de> {
    type Error = Error;

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_borrowed_str(self.0.reader.ident()?)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_identifier(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_identifier(visitor)
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_identifier(visitor)
    }

    refuse! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_f32 deserialize_f64 deserialize_char deserialize_bytes
        deserialize_byte_buf deserialize_option deserialize_unit deserialize_seq
        deserialize_map deserialize_ignored_any
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: V,
    ) -> Result<V::Value, Error> {
        Err(Error)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: V,
    ) -> Result<V::Value, Error> {
        Err(Error)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, Error> {
        Err(Error)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        _: V,
    ) -> Result<V::Value, Error> {
        Err(Error)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Error> {
        Err(Error)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Error> {
        Err(Error)
    }
}

/// The elements of a list or tuple, or the fields of a record, up to
/// `end`: separated by commas, one after the last allowed.
struct Separated<'a, 'de> {
    de: &'a mut Deserializer<'de>,
    end: u8,
    had_comma: bool,
}

impl<'a, 'de> Separated<'a, 'de> {
    fn new(de: &'a mut Deserializer<'de>, end: u8) -> Self {
        Self {
            de,
            end,
            had_comma: true,
        }
    }

    /// Whether another element follows, as ron decides it.
    fn has_element(&mut self) -> Result<bool, Error> {
        self.de.reader.skip_ws()?;
        let at_end = self.de.reader.peek() == Some(self.end);
        match (self.had_comma, at_end) {
            (true, at_end) => Ok(!at_end),
            (false, true) => Ok(false),
            (false, false) => Err(Error),
        }
    }
}

impl<'de> de::SeqAccess<'de> for Separated<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if !self.has_element()? {
            return Ok(None);
        }
        let value = self.de.deeper(|de| seed.deserialize(de))?;
        self.had_comma = self.de.reader.comma()?;
        Ok(Some(value))
    }
}

impl<'de> de::MapAccess<'de> for Separated<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if !self.has_element()? {
            return Ok(None);
        }
        self.de.deeper(|de| seed.deserialize(Key(de))).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        self.de.reader.skip_ws()?;
        if !self.de.reader.eat(b':') {
            return Err(Error);
        }
        self.de.reader.skip_ws()?;
        let value = self.de.deeper(|de| seed.deserialize(de))?;
        self.had_comma = self.de.reader.comma()?;
        Ok(value)
    }
}

/// An enum's variant: its name, then nothing (a unit variant) or its
/// fields in `( )`.
struct Enum<'a, 'de>(&'a mut Deserializer<'de>);

impl<'a, 'de> de::EnumAccess<'de> for Enum<'a, 'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        self.0.reader.skip_ws()?;
        let value = self.0.deeper(|de| seed.deserialize(&mut *de))?;
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for Enum<'_, 'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _: T) -> Result<T::Value, Error> {
        Err(Error)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, Error> {
        Err(Error)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.0.reader.skip_ws()?;
        self.0.record(visitor)
    }
}
