//! Lines denser than the screen: where many reports fall in one pixel column, a line through
//! all of them paints the same pixels as a line through the first, the lowest, the highest and
//! the last of them. Drawing only those keeps a 10,000-report series to a few points per
//! pixel column of the plot.

/// `points` (report, value), in report order, thinned to at most four per pixel column: the
/// first, lowest, highest and last of each run of points sharing `column(report)`, still in
/// report order.
pub fn thin(points: &[(usize, f64)], column: impl Fn(usize) -> i64) -> Vec<(usize, f64)> {
    let mut out = Vec::new();
    for run in points.chunk_by(|a, b| column(a.0) == column(b.0)) {
        let (Some(&first), Some(&last)) = (run.first(), run.last()) else { continue };
        let lowest = run.iter().copied().fold(first, |m, p| if p.1 < m.1 { p } else { m });
        let highest = run.iter().copied().fold(first, |m, p| if p.1 > m.1 { p } else { m });
        let mut kept = [first, lowest, highest, last];
        kept.sort_by_key(|p| p.0);
        for p in kept {
            // The same report may be several of the four; runs never share a report.
            if out.last().map(|q: &(usize, f64)| q.0) != Some(p.0) {
                out.push(p);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pixels a polyline crosses in each column, as (column, lowest y, highest y): what a
    /// one-pixel line paints, column by column.
    fn painted(points: &[(usize, f64)], per_column: usize) -> Vec<(i64, f64, f64)> {
        let column = |r: usize| (r / per_column) as i64;
        let mut out: Vec<(i64, f64, f64)> = Vec::new();
        for pair in points.windows(2) {
            let [(ra, va), (rb, vb)] = [pair[0], pair[1]];
            for (r, v) in [(ra, va), (rb, vb)] {
                let c = column(r);
                match out.iter_mut().find(|e| e.0 == c) {
                    Some(e) => *e = (c, e.1.min(v), e.2.max(v)),
                    None => out.push((c, v, v)),
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
            (seed >> 33) as f64 / f64::from(u32::MAX)
        };
        let points: Vec<(usize, f64)> = (0..10_000).map(|r| (r, 1000.0 * next())).collect();
        for per_column in [1, 3, 9, 40] {
            let thinned = thin(&points, |r| (r / per_column) as i64);
            assert!(thinned.len() <= 4 * points.len().div_ceil(per_column));
            assert!(thinned.windows(2).all(|w| w[0].0 < w[1].0), "in report order");
            assert_eq!(painted(&thinned, per_column), painted(&points, per_column), "{per_column} per column");
            let crossings = |ps: &[(usize, f64)]| -> Vec<((usize, f64), (usize, f64))> {
                ps.windows(2).filter(|w| w[0].0 / per_column != w[1].0 / per_column).map(|w| (w[0], w[1])).collect()
            };
            assert_eq!(crossings(&thinned), crossings(&points), "the segments between columns");
            assert_eq!(thinned.first(), points.first());
            assert_eq!(thinned.last(), points.last());
        }
    }

    #[test]
    fn sparse_lines_are_kept_whole() {
        let points = [(0, 5.0), (1, 2.0), (2, 9.0)];
        assert_eq!(thin(&points, |r| r as i64 * 40), points.to_vec());
        assert_eq!(thin(&[], |r| r as i64), Vec::new());
    }
}
