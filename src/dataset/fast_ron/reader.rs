//! The tokens of the RON our data files use, read byte by byte: white
//! space and comments, words, numbers and strings. Each reader takes what
//! ron would take and gives what ron would give, or refuses; refusing is
//! always allowed (ron then reads the file), taking what ron would not never
//! is. Where ron's rules are wide (any Unicode identifier, `1_000`, `0x1F`,
//! `\x` escapes of UTF-8 bytes, white space beyond ASCII) the reader refuses
//! rather than copy them.

use std::borrow::Cow;

use super::Error;

/// A place in the text being read.
pub struct Reader<'de> {
    text: &'de str,
    at: usize,
}

/// Whether `byte` may follow a word or a number in our subset: ASCII that
/// cannot continue either (ron would read a longer word or number, or a raw
/// identifier, a suffix, a string's start). Non-ASCII is refused: ron's
/// Unicode identifiers are not copied here.
fn ends_word(byte: Option<&u8>) -> bool {
    match byte {
        None => true,
        Some(&b) => {
            b.is_ascii()
                && !b.is_ascii_alphanumeric()
                && !matches!(b, b'_' | b'.' | b'+' | b'-' | b'#' | b'"' | b'\'')
        }
    }
}

fn hex(byte: u8) -> Result<u32, Error> {
    char::from(byte).to_digit(16).ok_or(Error)
}

impl<'de> Reader<'de> {
    /// A reader at the start of `text`.
    pub fn new(text: &'de str) -> Self {
        Self { text, at: 0 }
    }

    fn bytes(&self) -> &'de [u8] {
        self.text.as_bytes()
    }

    /// The next byte, if any.
    pub fn peek(&self) -> Option<u8> {
        self.bytes().get(self.at).copied()
    }

    /// Whether the whole text was read.
    pub fn at_end(&self) -> bool {
        self.at >= self.text.len()
    }

    /// Takes `byte` if it is next.
    pub fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    /// Skips white space and comments as ron does: `//` to the line's
    /// end, `/* */` nested. Only ASCII white space; other characters ron
    /// skips stop here, and what follows then refuses them.
    pub fn skip_ws(&mut self) -> Result<(), Error> {
        let bytes = self.bytes();
        loop {
            while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(self.at) {
                self.at += 1;
            }
            if bytes.get(self.at) != Some(&b'/') {
                return Ok(());
            }
            match bytes.get(self.at + 1) {
                Some(b'/') => {
                    let rest = bytes.get(self.at + 2..).unwrap_or_default();
                    self.at = memchr::memchr(b'\n', rest).map_or(bytes.len(), |n| self.at + 2 + n);
                }
                Some(b'*') => self.skip_block_comment()?,
                _ => return Err(Error),
            }
        }
    }

    /// Skips a `/* */` comment, nested ones inside it too, as ron counts
    /// them: `/*` opens one more, `*/` closes one.
    fn skip_block_comment(&mut self) -> Result<(), Error> {
        let bytes = self.bytes();
        self.at += 2;
        let mut level = 1usize;
        while level > 0 {
            let rest = bytes.get(self.at..).unwrap_or_default();
            let next = memchr::memchr2(b'/', b'*', rest).ok_or(Error)?;
            self.at += next;
            match (bytes.get(self.at), bytes.get(self.at + 1)) {
                (Some(b'/'), Some(b'*')) => {
                    level += 1;
                    self.at += 2;
                }
                (Some(b'*'), Some(b'/')) => {
                    level -= 1;
                    self.at += 2;
                }
                _ => self.at += 1,
            }
        }
        Ok(())
    }

    /// Skips white space, then takes a comma if there is one (and the white
    /// space after it): whether there was one.
    pub fn comma(&mut self) -> Result<bool, Error> {
        self.skip_ws()?;
        if self.eat(b',') {
            self.skip_ws()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// An identifier `[A-Za-z_][A-Za-z0-9_]*`, ending where ron's would.
    pub fn ident(&mut self) -> Result<&'de str, Error> {
        let bytes = self.bytes();
        let start = self.at;
        match bytes.get(start) {
            Some(b) if b.is_ascii_alphabetic() || *b == b'_' => {}
            _ => return Err(Error),
        }
        let mut end = start + 1;
        while let Some(b) = bytes.get(end) {
            if b.is_ascii_alphanumeric() || *b == b'_' {
                end += 1;
            } else {
                break;
            }
        }
        if !ends_word(bytes.get(end)) {
            return Err(Error);
        }
        self.at = end;
        self.text.get(start..end).ok_or(Error)
    }

    /// Takes the word `word` if it is next and ends there.
    pub fn eat_word(&mut self, word: &str) -> bool {
        let end = self.at + word.len();
        if self.bytes().get(self.at..end) == Some(word.as_bytes())
            && ends_word(self.bytes().get(end))
        {
            self.at = end;
            true
        } else {
            false
        }
    }

    /// Decimal digits, at least one, ending where ron's number would.
    fn digits(&mut self) -> Result<&'de [u8], Error> {
        let bytes = self.bytes();
        let start = self.at;
        let mut end = start;
        while bytes.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        if end == start {
            return Err(Error);
        }
        self.at = end;
        bytes.get(start..end).ok_or(Error)
    }

    /// A whole number without sign, as ron reads one in base 10.
    pub fn unsigned(&mut self) -> Result<u64, Error> {
        let digits = self.digits()?;
        if !ends_word(self.bytes().get(self.at)) {
            return Err(Error);
        }
        digits
            .iter()
            .try_fold(0u64, |n, d| {
                n.checked_mul(10)?.checked_add(u64::from(d - b'0'))
            })
            .ok_or(Error)
    }

    /// A whole number with an optional `-`.
    pub fn signed(&mut self) -> Result<i64, Error> {
        let negative = self.eat(b'-');
        let digits = self.digits()?;
        if !ends_word(self.bytes().get(self.at)) {
            return Err(Error);
        }
        digits
            .iter()
            .try_fold(0i64, |n, d| {
                let d = i64::from(d - b'0');
                let n = n.checked_mul(10)?;
                if negative {
                    n.checked_sub(d)
                } else {
                    n.checked_add(d)
                }
            })
            .ok_or(Error)
    }

    /// The text of a number `-?D+(.D+)?([eE][+-]?D+)?`, which ron hands to
    /// Rust's `from_str` as it stands: the caller parses it the same way.
    pub fn float_text(&mut self) -> Result<&'de str, Error> {
        let start = self.at;
        self.eat(b'-');
        self.digits()?;
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if !self.eat(b'-') {
                self.eat(b'+');
            }
            self.digits()?;
        }
        if !ends_word(self.bytes().get(self.at)) {
            return Err(Error);
        }
        self.text.get(start..self.at).ok_or(Error)
    }

    /// A string, `"…"` with escapes or raw `r#"…"#`: borrowed from the text
    /// when nothing in it is escaped.
    pub fn string(&mut self) -> Result<Cow<'de, str>, Error> {
        if self.eat(b'"') {
            self.escaped_string()
        } else if self.eat(b'r') {
            self.raw_string()
        } else {
            Err(Error)
        }
    }

    fn raw_string(&mut self) -> Result<Cow<'de, str>, Error> {
        let bytes = self.bytes();
        let hashes_start = self.at;
        while self.eat(b'#') {}
        let hashes = self.at - hashes_start;
        if !self.eat(b'"') {
            return Err(Error);
        }
        let start = self.at;
        let mut from = start;
        loop {
            let rest = bytes.get(from..).unwrap_or_default();
            let quote = from + memchr::memchr(b'"', rest).ok_or(Error)?;
            let after = quote + 1;
            if bytes
                .get(after..after + hashes)
                .is_some_and(|h| h.iter().all(|&b| b == b'#'))
            {
                self.at = after + hashes;
                return self.text.get(start..quote).map(Cow::Borrowed).ok_or(Error);
            }
            from = after;
        }
    }

    fn escaped_string(&mut self) -> Result<Cow<'de, str>, Error> {
        let bytes = self.bytes();
        let start = self.at;
        let rest = bytes.get(start..).unwrap_or_default();
        let stop = start + memchr::memchr2(b'"', b'\\', rest).ok_or(Error)?;
        if bytes.get(stop) == Some(&b'"') {
            self.at = stop + 1;
            return self.text.get(start..stop).map(Cow::Borrowed).ok_or(Error);
        }
        let mut owned = String::with_capacity(stop - start + 16);
        owned.push_str(self.text.get(start..stop).ok_or(Error)?);
        self.at = stop;
        loop {
            // At a backslash.
            self.at += 1;
            self.escape(&mut owned)?;
            let rest = bytes.get(self.at..).unwrap_or_default();
            let stop = self.at + memchr::memchr2(b'"', b'\\', rest).ok_or(Error)?;
            owned.push_str(self.text.get(self.at..stop).ok_or(Error)?);
            self.at = stop;
            if bytes.get(stop) == Some(&b'"') {
                self.at += 1;
                return Ok(Cow::Owned(owned));
            }
        }
    }

    /// One escape, after its `\`, as ron reads it: `\n \r \t \0 \\ \" \'`,
    /// `\x` of an ASCII byte, `\u{…}`, and a line break that continues the
    /// string on the next line (its leading white space skipped).
    fn escape(&mut self, out: &mut String) -> Result<(), Error> {
        let bytes = self.bytes();
        let byte = *bytes.get(self.at).ok_or(Error)?;
        self.at += 1;
        let c = match byte {
            b'\'' => '\'',
            b'"' => '"',
            b'\\' => '\\',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'0' => '\0',
            // A line break (LF or CRLF) right after `\`: a continuation.
            b'\n' => {
                self.skip_continuation();
                return Ok(());
            }
            b'\r' if bytes.get(self.at) == Some(&b'\n') => {
                self.at += 1;
                self.skip_continuation();
                return Ok(());
            }
            b'x' => {
                let high = hex(*bytes.get(self.at).ok_or(Error)?)?;
                let low = hex(*bytes.get(self.at + 1).ok_or(Error)?)?;
                self.at += 2;
                let value = high * 16 + low;
                if value >= 0x80 {
                    return Err(Error);
                }
                char::from_u32(value).ok_or(Error)?
            }
            b'u' => self.unicode_escape()?,
            _ => return Err(Error),
        };
        out.push(c);
        Ok(())
    }

    /// After `\` and a line break: skips the next line's leading spaces,
    /// tabs and line breaks.
    fn skip_continuation(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// `{` one to six hex digits `}`, after `\u`.
    fn unicode_escape(&mut self) -> Result<char, Error> {
        if !self.eat(b'{') {
            return Err(Error);
        }
        let mut value = 0u32;
        let mut digits = 0;
        while !self.eat(b'}') {
            if digits == 6 {
                return Err(Error);
            }
            value = value * 16 + hex(self.peek().ok_or(Error)?)?;
            self.at += 1;
            digits += 1;
        }
        if digits == 0 {
            return Err(Error);
        }
        char::from_u32(value).ok_or(Error)
    }
}
