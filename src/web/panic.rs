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
            // What `info.to_string()` says, without core's formatting of the location.
            let mut message = String::from("panicked at ");
            let at = info.location();
            if let Some(at) = at {
                message.push_str(at.file());
                for &n in &[at.line(), at.column()] {
                    message.push(':');
                    message.push_str(&crate::decimal::short(f64::from(n)));
                }
            }
            if let Some(payload) = info.payload_as_str() {
                message.push_str(":\n");
                message.push_str(payload);
            }
            let _ = LAST.try_with(|last| last.try_borrow_mut().map(|mut l| *l = Some(message)));
        }));
    });
}

/// The message of the last panic, once.
#[wasm_bindgen]
pub fn take_panic() -> Option<String> {
    LAST.try_with(|last| last.try_borrow_mut().ok()?.take()).ok().flatten()
}
