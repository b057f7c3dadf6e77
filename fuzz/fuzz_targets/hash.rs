//! The URL-hash parser on arbitrary text: never a panic, and a stable round trip.
#![no_main]

use libfuzzer_sys::fuzz_target;
use migration_charts::view::ViewState;

fuzz_target!(|bytes: &[u8]| {
    let state = ViewState::from_hash(&String::from_utf8_lossy(bytes));
    assert_eq!(ViewState::from_hash(&state.to_hash()), state);
});
