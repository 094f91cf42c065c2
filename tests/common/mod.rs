//! Helpers shared by the integration tests: a fixed clock and a set-up store.

#![allow(dead_code)]

use chrono::DateTime;
use pepite::domain::{Name, Pin};
use pepite::ops::setup::{self, SetupRequest};
use pepite::storage::{Store, Timestamp};

/// A fixed Tuesday morning in Paris.
pub fn at(time: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(&format!("2026-11-24T{time}+01:00")).expect("time")
}

pub fn name(text: &str) -> Name {
    Name::parse(text).expect("name")
}

pub fn pin(text: &str) -> Pin {
    Pin::parse(text).expect("pin")
}

/// Where the tests' installation keys go (random names, so tests never collide).
pub fn key_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("keys")
}

/// A store set up with a structure and the manager "Claire" (PIN 1111).
pub fn initialised(store: &mut Store) {
    let request = SetupRequest {
        structure: name("Ressourcerie Test"),
        manager: name("Claire"),
        pin: pin("1111"),
    };
    setup::initialise(store, &request, at("08:00:00"), &key_dir()).expect("set-up");
}
