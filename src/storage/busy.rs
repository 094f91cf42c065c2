//! Waiting for another terminal's write: SQLite calls [`wait`] while the file is locked,
//! and it sleeps a little and tries again for up to [`BUSY_TIMEOUT`]. A write that waits
//! more than a moment tells the person at the keyboard, through a notice the screen
//! registered with [`on_wait`]: storage knows nothing of screens, only that someone
//! wants to know.

use std::sync::OnceLock;
use std::time::Duration;

/// How long a write waits for another terminal's transaction before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The first tries wait a millisecond (most locks are a sale's few milliseconds), the
/// later ones ten.
const QUICK_TRIES: i32 = 20;
const QUICK: Duration = Duration::from_millis(1);
const STEP: Duration = Duration::from_millis(10);

/// After this many tries (≈ 150 ms) the wait is worth telling.
const TELL_AFTER: i32 = QUICK_TRIES + 13;

static NOTICE: OnceLock<fn()> = OnceLock::new();

/// Registers what to call once when a write has waited long enough to be noticed (the
/// first registration holds for the process).
pub fn on_wait(notice: fn()) {
    let _ = NOTICE.set(notice);
}

/// SQLite's busy handler: `tries` is how many times it was already called for this
/// lock. Returns whether to try again.
pub(super) fn wait(tries: i32) -> bool {
    if tries == TELL_AFTER
        && let Some(notice) = NOTICE.get()
    {
        notice();
    }
    let tries = u32::try_from(tries).unwrap_or(0);
    let quick = tries.min(QUICK_TRIES.unsigned_abs());
    std::thread::sleep(if quick < QUICK_TRIES.unsigned_abs() {
        QUICK
    } else {
        STEP
    });
    let waited = QUICK * quick + STEP * (tries - quick);
    waited < BUSY_TIMEOUT
}
