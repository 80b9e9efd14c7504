//! Fuzzes the fast reader of our RON (`dataset::fast_ron`) against ron,
//! its judge: whenever the fast reader takes a text as one of the data
//! files' types, ron must take it too, to the same value. (Whatever it
//! refuses is read by ron as before, so refusing is always allowed.)
//!
//! The input is the text of one file, read as every kind of data file.
//! `tests/integration/fast_ron.rs` replays this target's corpus (`corpus/fast_ron`)
//! and the dataset target's through the same check.

#![no_main]

use std::fmt::Debug;

use libfuzzer_sys::fuzz_target;
use neutrality_reader::dataset::fast_ron;
use neutrality_reader::model::{
    Article, Event, Fact, GlossaryTerm, Manifest, Organization, Person,
};
use serde::de::DeserializeOwned;

/// Fast `Ok` means ron `Ok`, with the same value.
fn check<T: DeserializeOwned + PartialEq + Debug>(text: &str) {
    if let Ok(fast) = fast_ron::from_str::<T>(text) {
        match fast_ron::ron_from_str::<T>(text) {
            Ok(judged) => assert_eq!(fast, judged, "the two readers disagree on {text:?}"),
            Err(err) => panic!("the fast reader took what ron refuses ({err}): {text:?}"),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    check::<Vec<Event>>(text);
    check::<Vec<Organization>>(text);
    check::<Vec<Person>>(text);
    check::<Vec<Fact>>(text);
    check::<Vec<GlossaryTerm>>(text);
    check::<Article>(text);
    check::<Manifest>(text);
});
