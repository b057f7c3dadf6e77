//! The last line of defence: clippy denies panics in library code, but if one still happens
//! the hook keeps its message, the element shows it in that widget in words, and drops only
//! that widget's chart. (The release build aborts on panic, so nothing unwinds.)

use std::cell::RefCell;
use std::sync::Once;
use wasm_bindgen::prelude::*;

thread_local! {
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

pub fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let _ = LAST.try_with(|last| last.try_borrow_mut().map(|mut l| *l = Some(info.to_string())));
        }));
    });
}

/// The message of the last panic, once.
#[wasm_bindgen]
pub fn take_panic() -> Option<String> {
    LAST.try_with(|last| last.try_borrow_mut().ok()?.take()).ok().flatten()
}
