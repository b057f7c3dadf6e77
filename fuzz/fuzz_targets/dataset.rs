//! The dataset parser on arbitrary bytes: never a panic; a dataset that parses lays out.
#![no_main]

use libfuzzer_sys::fuzz_target;
use migration_charts::{data, layout, view::ViewState};

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    if let Ok(d) = data::parse(&text) {
        for hash in ["", "view=compare&mode=change&scale=log", "view=breakdown&stack=percent"] {
            let scene = layout::build(&d, &ViewState::from_hash(hash), 640.0, 400.0);
            let _ = layout::hit(&scene, 10.0, 10.0);
        }
    }
});
