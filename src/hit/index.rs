//! An index of a chart's hit areas by x, so that finding the datum under the pointer reads a
//! handful of targets instead of all of them: at 100,000 targets a full scan reads some 13 MB
//! of `Target`s on every pointer move.
//!
//! The x range of the hit areas is cut into equal columns, and each column lists, in marks
//! order, every target whose hit area reaches into it. The column of a point therefore holds
//! every target that can contain the point, and choosing among those exactly as a scan of all
//! targets would gives exactly the scan's answer.

use super::{Rect, Target};

/// Targets read to fit the grid.
const SAMPLE: usize = 1024;

/// No entry: the end of a column's list.
const END: usize = usize::MAX;

#[derive(Clone, Debug, PartialEq, Default)]
pub struct HitIndex {
    grid: Grid,
    /// Each column's first entry in `entries`, or `END`.
    heads: Vec<usize>,
    /// (target, next entry of the same column): each column is a list in drawing order.
    entries: Vec<(usize, usize)>,
}

/// The datum under (x, y) among `candidates` (ascending target indices): of the targets whose
/// area holds the point, one whose mark holds it too if any, and of those the one whose anchor is
/// nearest (so the pointer between two lines
/// picks the closer one); the first of equals, as `min_by` over all targets would keep.
pub(super) fn nearest(targets: &[Target], candidates: impl Iterator<Item = usize>, x: f64, y: f64) -> Option<usize> {
    let mut best: Option<(usize, (bool, f64))> = None;
    for i in candidates {
        let Some(t) = targets.get(i) else { continue };
        // A mark under the pointer beats one that is only near it (a thin segment's widened
        // area reaching over its neighbour), then the nearer anchor.
        let key = (!t.mark.contains(x, y), (t.anchor.0 - x).powi(2) + (t.anchor.1 - y).powi(2));
        let better = |(under, d): (bool, f64)| key.0.cmp(&under).then(key.1.total_cmp(&d)).is_lt();
        // Strictly better only, so that the first of equals stays.
        if t.hit.contains(x, y) && best.is_none_or(|(_, b)| better(b)) {
            best = Some((i, key));
        }
    }
    best.map(|(i, _)| i)
}

impl HitIndex {
    pub fn new(targets: &[Target]) -> HitIndex {
        // A grid fitted to a sample can mislead (hit areas wider than the sample's make long
        // lists); past a few entries per target, one column holding every target, which is
        // the plain scan, is the better index.
        let budget = 4 * targets.len() + 4096;
        HitIndex::with(targets, Grid::fit(targets), budget)
            .or_else(|| HitIndex::with(targets, Grid::ONE, usize::MAX))
            .unwrap_or_default()
    }

    /// Reads the targets from the last to the first, putting each at the head of the lists of
    /// the columns it reaches into, so that every list comes out in drawing order. `None` past
    /// `budget` entries. The entries are counted first: at 100,000 targets, growing the list
    /// as it fills would hold megabytes twice.
    fn with(targets: &[Target], grid: Grid, budget: usize) -> Option<HitIndex> {
        let spans = || targets.iter().map(|t| grid.span(t.hit.x, t.hit.right()));
        let count = spans().flatten().fold(0_usize, |n, (a, b)| n.saturating_add(b - a + 1));
        if count > budget {
            return None;
        }
        let mut heads = vec![END; grid.columns];
        let mut entries = Vec::with_capacity(count);
        for (i, span) in spans().enumerate().rev() {
            let Some((a, b)) = span else { continue };
            for head in heads.get_mut(a..=b).unwrap_or_default() {
                entries.push((i, *head));
                *head = entries.len() - 1;
            }
        }
        Some(HitIndex { grid, heads, entries })
    }

    /// The datum under (x, y): the same answer as `nearest` over every target.
    pub fn hit(&self, targets: &[Target], x: f64, y: f64) -> Option<usize> {
        let mut next = *self.heads.get(self.grid.column(x))?;
        let column = std::iter::from_fn(|| {
            let &(target, after) = self.entries.get(next)?;
            next = after;
            Some(target)
        });
        nearest(targets, column, x, y)
    }
}

/// Equal columns over the x range of the hit areas.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
struct Grid {
    left: f64,
    /// Columns per pixel (one over the column width: a product is cheaper than a quotient).
    scale: f64,
    columns: usize,
}

impl Grid {
    const ONE: Grid = Grid { left: 0.0, scale: 0.0, columns: 1 };

    /// Columns as wide as the mean hit area, so that a target lies in about two columns, but
    /// no more columns than a quarter of the targets. The range and mean come from a sample
    /// of the targets: any grid gives exact answers (the end columns take whatever lies
    /// outside it), a good one only makes them quick.
    fn fit(targets: &[Target]) -> Grid {
        let (mut lo, mut hi, mut widths, mut n) = (f64::INFINITY, f64::NEG_INFINITY, 0.0, 0.0);
        let mut add = |h: &Rect| {
            if h.x.is_finite() && h.right().is_finite() {
                lo = lo.min(h.x);
                hi = hi.max(h.right());
                widths += h.w;
                n += 1.0;
            }
        };
        let stride = (targets.len() / SAMPLE).max(1);
        for t in targets.iter().step_by(stride).chain(targets.last()) {
            add(&t.hit);
        }
        let step = (widths / n).max(4.0 * (hi - lo) / targets.len() as f64);
        if n == 0.0 || !step.is_finite() || step <= 0.0 {
            return Grid::ONE;
        }
        Grid { left: lo, scale: 1.0 / step, columns: ((hi - lo) / step) as usize + 1 }
    }

    /// The column of `x`. Monotonic in `x` (each step rounds the same way and the cast
    /// saturates, NaN to 0), so `l <= x < r` puts x's column between those of `l` and `r`.
    fn column(&self, x: f64) -> usize {
        (((x - self.left) * self.scale) as usize).min(self.columns.saturating_sub(1))
    }

    /// The columns a hit area from `l` to `r` reaches into; none when no point can be inside
    /// it (`Rect::contains` needs `l <= x < r`, false for an empty or NaN range). The last is
    /// the column of the last number before `r`, which every point inside is at or before: an
    /// area that ends on a column's edge does not reach into that column (a pixel column of
    /// a dense line is then one entry, not two).
    fn span(&self, l: f64, r: f64) -> Option<(usize, usize)> {
        (l < r).then(|| (self.column(l), self.column(r.next_down())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::marks as build;
    use crate::data::{self, Dataset};
    use crate::hit::{Marks, Rect};
    use crate::view::ViewState;

    /// The scan the index replaces, as it was: every target, in order.
    /// Every target read: a mark under the point first, then the nearest anchor.
    fn scan(targets: &[Target], x: f64, y: f64) -> Option<usize> {
        let key = |t: &Target| (!t.mark.contains(x, y), (t.anchor.0 - x).powi(2) + (t.anchor.1 - y).powi(2));
        targets
            .iter()
            .enumerate()
            .filter(|(_, t)| t.hit.contains(x, y))
            .min_by(|a, b| {
                let (ka, kb) = (key(a.1), key(b.1));
                ka.0.cmp(&kb.0).then(ka.1.total_cmp(&kb.1))
            })
            .map(|(i, _)| i)
    }

    /// xorshift64*: deterministic, no dependency.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n.max(1)
        }
        fn float(&mut self, lo: f64, hi: f64) -> f64 {
            lo + (hi - lo) * (self.next() >> 11) as f64 / (1u64 << 53) as f64
        }
    }

    impl HitIndex {
        fn column_len(&self, c: usize) -> usize {
            std::iter::successors(self.heads.get(c).copied(), |&e| Some(self.entries.get(e)?.1))
                .take_while(|&e| e != END)
                .count()
        }
    }

    fn target(hit: Rect, anchor: (f64, f64)) -> Target {
        Target { indicator: 0, report: 0, shown: None, hit, mark: hit, anchor }
    }

    /// Checks the index against the scan at `points`, returning how many points hit something.
    fn agree(targets: &[Target], points: impl IntoIterator<Item = (f64, f64)>) -> usize {
        let index = HitIndex::new(targets);
        let mut hits = 0;
        for (x, y) in points {
            let expected = scan(targets, x, y);
            assert_eq!(index.hit(targets, x, y), expected, "at ({x}, {y}) among {} targets", targets.len());
            hits += usize::from(expected.is_some());
        }
        hits
    }

    #[test]
    fn an_area_ending_on_a_column_edge_stays_out_of_the_next_column() {
        let grid = Grid { left: 0.0, scale: 1.0, columns: 10 };
        assert_eq!(grid.span(2.0, 3.0), Some((2, 2)));
        assert_eq!(grid.span(2.0, 3.5), Some((2, 3)));
        assert_eq!(grid.span(2.5, 2.5), None);
        // Pixel columns of a dense line: one entry each, and the last point before each edge
        // still finds its area.
        let columns: Vec<Target> =
            (0..400).map(|c| target(Rect::new(f64::from(c), 0.0, 1.0, 10.0), (f64::from(c), 5.0))).collect();
        let index = HitIndex::new(&columns);
        assert_eq!(index.entries.len(), columns.len());
        let edges = (1..400).flat_map(|c| [f64::from(c).next_down(), f64::from(c)]).map(|x| (x, 5.0));
        assert_eq!(agree(&columns, edges), 2 * 399);
    }

    /// Hit areas of every kind: narrow bars, wide overlapping bands, empty and inverted ones,
    /// NaN and infinite edges; anchors that often tie, so the first of equals must win.
    fn random_targets(rng: &mut Rng, n: usize) -> Vec<Target> {
        (0..n)
            .map(|_| {
                let x = rng.float(-50.0, 500.0);
                let w = match rng.below(10) {
                    0 => 0.0,
                    1 => -3.0,
                    2 => rng.float(100.0, 600.0),
                    3 => f64::INFINITY,
                    4 if rng.below(4) == 0 => f64::NAN,
                    _ => rng.float(0.01, 12.0),
                };
                let x = match rng.below(40) {
                    0 => f64::NEG_INFINITY,
                    1 => f64::NAN,
                    _ => x,
                };
                let (y, h) = (rng.float(0.0, 300.0), rng.float(0.0, 200.0));
                let anchor = if rng.below(3) == 0 { (100.0, 100.0) } else { (rng.float(-50.0, 500.0), y) };
                target(Rect { x, y, w, h }, anchor)
            })
            .collect()
    }

    #[test]
    fn random_markss_answer_as_the_scan() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let (mut hits, mut gridded) = (0, 0);
        for _ in 0..400 {
            let n = rng.below(120) as usize;
            let targets = random_targets(&mut rng, n);
            // Random points, points exactly on every edge, and points far outside.
            let mut points: Vec<(f64, f64)> =
                (0..300).map(|_| (rng.float(-100.0, 700.0), rng.float(-20.0, 520.0))).collect();
            for t in &targets {
                let y = t.hit.y + t.hit.h / 2.0;
                points.extend([(t.hit.x, y), (t.hit.right(), y), (t.hit.right() - 1e-9, y), (t.hit.x - 1e-9, y)]);
            }
            points.extend([(f64::NAN, 10.0), (f64::INFINITY, 10.0), (f64::NEG_INFINITY, 10.0), (-1e300, 5.0)]);
            hits += agree(&targets, points);
            gridded += usize::from(HitIndex::new(&targets).heads.len() > 1);
        }
        assert!(hits > 10_000, "too few points hit anything to tell: {hits}");
        assert!(gridded > 200, "too few markss got more than one column: {gridded}");
    }

    #[test]
    fn empty_and_degenerate_markss() {
        assert_eq!(agree(&[], [(0.0, 0.0), (f64::NAN, 1.0)]), 0);
        assert_eq!(HitIndex::new(&[]).hit(&[], 5.0, 5.0), None);
        // All at one x, all empty, all infinite: one column, still exact.
        let same = vec![target(Rect::new(10.0, 0.0, 0.0, 10.0), (10.0, 5.0)); 5];
        assert_eq!(agree(&same, [(10.0, 5.0), (9.0, 5.0)]), 0);
        let wide = vec![target(Rect { x: f64::NEG_INFINITY, y: 0.0, w: f64::INFINITY, h: 10.0 }, (0.0, 0.0)); 3];
        agree(&wide, [(0.0, 5.0), (1e308, 5.0)]);
        let huge = [
            target(Rect::new(-1e308, 0.0, 1e308, 10.0), (0.0, 0.0)),
            target(Rect::new(0.0, 0.0, 1e308, 10.0), (1.0, 1.0)),
        ];
        assert_eq!(agree(&huge, [(-5.0, 5.0), (5.0, 5.0), (1e307, 5.0)]), 3);
    }

    /// Every view of the embedded data, at a phone's and a desktop's width, probed densely.
    #[test]
    fn built_markss_answer_as_the_scan() {
        let data = Dataset::for_tests();
        for hash in ["", "view=compare", "view=compare&mark=lines", "view=breakdown", "view=breakdown&stack=percent"] {
            for width in [320.0, 800.0] {
                let marks = build(&data, &ViewState::from_hash(hash), width, 420.0);
                let points = (0..(width as usize * 2))
                    .flat_map(|x| (0..marks.height as usize).step_by(7).map(move |y| (x as f64 / 2.0, y as f64)));
                let hits = agree(marks.targets(), points);
                assert!(hits > 100, "{hash} at {width}: only {hits} points hit");
            }
        }
    }

    /// The benchmark's largest case: 50 series × 2,000 reports as grouped bars and as lines.
    #[test]
    fn a_hundred_thousand_targets_answer_as_the_scan() {
        let data = synthetic(50, 2000);
        let mut rng = Rng(42);
        for hash in ["view=compare&mark=bars", "view=compare&mark=lines"] {
            let marks = build(&data, &ViewState::from_hash(hash), 1000.0, 400.0);
            assert_eq!(marks.targets().len(), 100_000);
            // Sub-linear: a pointer reads one column, and no column holds much. A pixel column
            // of these lines holds the points of two or three reports of each of 50 series, all
            // of which it can point at.
            let index = HitIndex::new(marks.targets());
            let widest = (0..index.heads.len()).map(|c| index.column_len(c)).max().unwrap_or(0);
            assert!(index.entries.len() <= 3 * marks.targets().len() && widest <= 300, "{hash}: widest {widest}");
            // Few points: each costs a full scan, slow in a debug build.
            let points: Vec<(f64, f64)> = (0..200).map(|_| (rng.float(-5.0, 1005.0), rng.float(0.0, 400.0))).collect();
            // Through the marks, whose index `build` made.
            let mut hits = 0;
            for &(x, y) in &points {
                let expected = scan(marks.targets(), x, y);
                assert_eq!(crate::hit::hit(&marks, x, y), expected, "{hash} at ({x}, {y})");
                hits += usize::from(expected.is_some());
            }
            assert!(hits > 40, "{hash}: only {hits} of 200 points hit");
        }
    }

    /// Narrow hit areas where the grid's sample looks, full-width ones everywhere else: the
    /// lists would grow with the square of the targets, and one list is used instead.
    #[test]
    fn a_misleading_sample_falls_back_to_one_list() {
        let n = 4000;
        let stride = n / SAMPLE;
        let targets: Vec<Target> = (0..n)
            .map(|i| {
                let x = i as f64 * 0.25;
                let w = if i % stride == 0 || i == n - 1 { 0.25 } else { 1000.0 - x };
                target(Rect::new(x, 0.0, w, 10.0), (x, 5.0))
            })
            .collect();
        let index = HitIndex::new(&targets);
        assert_eq!(index.heads.len(), 1, "the fitted grid was kept");
        let mut rng = Rng(3);
        assert!(agree(&targets, (0..500).map(|_| (rng.float(-10.0, 1010.0), rng.float(-1.0, 11.0)))) > 100);
    }

    #[test]
    fn a_marks_made_by_hand_is_indexed_on_first_use() {
        let t = |x: f64| target(Rect::new(x, 0.0, 10.0, 10.0), (x + 5.0, 5.0));
        let marks = Marks::with_targets(vec![t(0.0), t(10.0), t(5.0)]);
        assert_eq!(crate::hit::hit(&marks, 7.0, 5.0), Some(0));
        assert_eq!(crate::hit::hit(&marks, 12.0, 5.0), Some(2));
        assert_eq!(crate::hit::hit(&marks, 13.0, 5.0), Some(1));
        assert_eq!(crate::hit::hit(&marks, 25.0, 5.0), None);
    }

    /// A dataset in the shape of `bench/lib/datasets.mjs`: k indicators × r reports, one group.
    fn synthetic(k: usize, r: usize) -> Dataset {
        let mut rng = Rng(7);
        let reports: Vec<String> =
            (1..=r).map(|i| format!(r#"{{"id":"r{i}","label":{{"en":"Report {i}"}}}}"#)).collect();
        let indicators: Vec<String> = (1..=k)
            .map(|i| {
                let values: Vec<String> = (0..r).map(|_| (10_000 + rng.below(90_000)).to_string()).collect();
                format!(
                    r#"{{"id":"s{i}","group":"all","label":{{"en":"Series {i}"}},"values":[{}]}}"#,
                    values.join(",")
                )
            })
            .collect();
        let json = format!(
            r#"{{"schema":"migration-charts/1","title":{{"en":"Synthetic"}},"groups":[{{"id":"all","label":{{"en":"All"}}}}],"reports":[{}],"indicators":[{}]}}"#,
            reports.join(","),
            indicators.join(",")
        );
        match data::parse(&json) {
            Ok(data) => data,
            Err(e) => panic!("the synthetic dataset does not parse: {e}"),
        }
    }
}
