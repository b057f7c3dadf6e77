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

// A free-list allocator instead of std's dlmalloc: 3 KB less gzip for every embed. Measured at
// 100,000 points it renders no slower (39 against 47 ms) and its memory stays bounded under
// repeated re-renders (README, Size). Single-threaded: the widget never shares its memory
// with a worker, which is what makes `AssumeSingleThreaded` sound.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOC: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
