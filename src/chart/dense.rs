//! Lines denser than the screen: where many reports fall in one pixel column, a line through
//! all of them paints the same pixels as a line through the first, the lowest, the highest and
//! the last of them. Drawing only those keeps a 10,000-report series to a few points per
//! pixel column of the plot.

/// `points` (report, pixel), in report order, thinned to at most four per pixel column: the
/// first, the topmost, the bottommost and the last of each run of points in the same column,
/// still in report order.
pub fn thin(points: &[(usize, (i32, i32))]) -> Vec<(usize, (i32, i32))> {
    let mut out = Vec::new();
    for run in points.chunk_by(|a, b| a.1 .0 == b.1 .0) {
        let (Some(&first), Some(&last)) = (run.first(), run.last()) else { continue };
        let top = run.iter().copied().fold(first, |m, p| if p.1 .1 < m.1 .1 { p } else { m });
        let bottom = run.iter().copied().fold(first, |m, p| if p.1 .1 > m.1 .1 { p } else { m });
        // The first and the last bound the run; only the top and the bottom can come in either
        // order.
        let (a, b) = if top.0 <= bottom.0 { (top, bottom) } else { (bottom, top) };
        for p in [first, a, b, last] {
            // The same report may be several of the four; runs never share a report.
            if out.last().map(|q: &(usize, (i32, i32))| q.0) != Some(p.0) {
                out.push(p);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pixels a polyline crosses in each column, as (column, top y, bottom y): what a
    /// one-pixel line paints, column by column.
    fn painted(points: &[(usize, (i32, i32))]) -> Vec<(i32, i32, i32)> {
        let mut out: Vec<(i32, i32, i32)> = Vec::new();
        for pair in points.windows(2) {
            for (_, (x, y)) in [pair[0], pair[1]] {
                match out.iter_mut().find(|e| e.0 == x) {
                    Some(e) => *e = (x, e.1.min(y), e.2.max(y)),
                    None => out.push((x, y, y)),
                }
            }
        }
        out
    }

    #[test]
    fn a_thinned_line_paints_the_same_columns() {
        let mut seed = 7u64;
        let mut next = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as i32 % 400
        };
        let rows: Vec<i32> = (0..10_000).map(|_| next()).collect();
        for per_column in [1, 3, 9, 40] {
            let points: Vec<(usize, (i32, i32))> =
                rows.iter().enumerate().map(|(r, &y)| (r, ((r / per_column) as i32, y))).collect();
            let thinned = thin(&points);
            assert!(thinned.len() <= 4 * points.len().div_ceil(per_column));
            assert!(thinned.windows(2).all(|w| w[0].0 < w[1].0), "in report order");
            assert_eq!(painted(&thinned), painted(&points), "{per_column} per column");
            let crossings = |ps: &[(usize, (i32, i32))]| -> Vec<_> {
                ps.windows(2).filter(|w| w[0].1 .0 != w[1].1 .0).map(|w| (w[0], w[1])).collect()
            };
            assert_eq!(crossings(&thinned), crossings(&points), "the segments between columns");
            assert_eq!(thinned.first(), points.first());
            assert_eq!(thinned.last(), points.last());
        }
    }

    #[test]
    fn sparse_lines_are_kept_whole() {
        let points = [(0, (0, 5)), (1, (40, 2)), (2, (80, 9))];
        assert_eq!(thin(&points), points.to_vec());
        assert_eq!(thin(&[]), Vec::new());
    }
}
