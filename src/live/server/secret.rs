//! The class's secrets, from the system's randomness: the join code read
//! off the projector and typed on a phone, and each device's token.

/// The join code's letters: capitals and digits a projector and a phone's
/// keyboard cannot confuse (no 0/O, 1/I/L).
pub const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/// The join code's length: 31^6, about 890 million codes, against a guesser
/// held to a few tries a second.
pub const CODE_LEN: usize = 6;

/// Why no secret could be made: the system gave no randomness.
#[derive(Debug)]
pub struct NoRandomness;

/// A fresh join code of [`CODE_LEN`] letters of [`CODE_ALPHABET`], each
/// equally likely (bytes past the last whole multiple of the alphabet are
/// drawn again, so that no letter is favoured).
pub fn join_code() -> Result<String, NoRandomness> {
    let n = CODE_ALPHABET.len();
    let fair = 256 - 256 % n;
    let mut code = String::with_capacity(CODE_LEN);
    while code.len() < CODE_LEN {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).map_err(|_| NoRandomness)?;
        for b in bytes {
            if (b as usize) < fair && code.len() < CODE_LEN {
                code.push(char::from(CODE_ALPHABET[b as usize % n]));
            }
        }
    }
    Ok(code)
}

/// A fresh 128-bit device token, as 32 hexadecimal digits.
pub fn device_token() -> Result<String, NoRandomness> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|_| NoRandomness)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// A code as typed (`  abc 23x `) in the form it is compared in (`ABC23X`).
pub fn normalise_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Whether `typed` is `code`, compared without leaking how much of it
/// matched through the time taken.
pub fn code_matches(typed: &str, code: &str) -> bool {
    let typed = normalise_code(typed);
    typed.len() == code.len()
        && typed
            .bytes()
            .zip(code.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn a_code_has_six_letters_of_the_alphabet_and_codes_differ() {
        let a = join_code().unwrap();
        let b = join_code().unwrap();
        assert_eq!(a.len(), CODE_LEN);
        assert!(a.bytes().all(|c| CODE_ALPHABET.contains(&c)), "{a}");
        assert!(!a.contains(['0', 'O', '1', 'I', 'L']));
        // 1 in 890 million: a repeat means the randomness is not random.
        assert_ne!(a, b);
    }

    #[test]
    fn every_letter_comes_up() {
        let mut seen = [false; 256];
        for _ in 0..400 {
            for c in join_code().unwrap().bytes() {
                seen[c as usize] = true;
            }
        }
        assert!(CODE_ALPHABET.iter().all(|&c| seen[c as usize]));
    }

    #[test]
    fn a_token_is_128_bits_in_hex() {
        let t = device_token().unwrap();
        assert_eq!(t.len(), 32);
        assert!(t.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(t, device_token().unwrap());
    }

    #[test]
    fn a_code_is_matched_as_typed_on_a_phone() {
        assert!(code_matches("abc 23x", "ABC23X"));
        assert!(code_matches("ABC-23X", "ABC23X"));
        assert!(!code_matches("ABC23Y", "ABC23X"));
        assert!(!code_matches("ABC23", "ABC23X"));
        assert!(!code_matches("", "ABC23X"));
    }
}
