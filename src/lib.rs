//! migration-charts: the State Migration Service of Azerbaijan's statistics as interactive
//! charts. Everything outside `web` is pure and tested natively; `web` is the only module
//! that touches the browser and holds the wasm-bindgen surface.

pub mod backend;
pub mod chart;
pub mod data;
pub mod decimal;
pub mod embed;
pub mod hit;
pub mod i18n;
pub mod measure;
pub mod scale;
pub mod summary;
pub mod table;
pub mod text;
pub mod theme;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod web;

// Talc as the allocator: unlike a plain free list, it does not slow down as a long dataset's
// many small allocations are freed (README, Decisions, has the measurements).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
