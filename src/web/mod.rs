//! The only code that touches the browser: the canvas backend and the `Chart` handle that
//! the custom element drives.

mod canvas;
mod dom;
mod handle;
mod surface;
mod tip;

pub use handle::Chart;
