//! What every benchmark prints besides criterion's estimates: the median and the 99th
//! percentile of timed runs (and the slowest), so a note can quote them.

// Each bench is its own binary and uses part of this.
#![allow(dead_code)]

use std::time::{Duration, Instant};

/// The `p`-th quantile of `sorted` (nearest rank).
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

/// Runs `run` `runs` times (after one untimed run when `warm`, so the pages it reads are
/// in the cache, as on a till open a minute) and prints `what`'s median, p99 and slowest.
pub fn timed(what: &str, runs: usize, warm: bool, mut run: impl FnMut()) {
    if warm {
        run();
    }
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let at = Instant::now();
            run();
            at.elapsed()
        })
        .collect();
    samples.sort();
    eprintln!(
        "{what}: median {:?}, p99 {:?}, slowest {:?}",
        percentile(&samples, 0.5),
        percentile(&samples, 0.99),
        samples.last().copied().unwrap_or_default()
    );
}
