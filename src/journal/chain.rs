//! Chaining: each record's hash is SHA-256 over the previous record's hash (as 64 hex
//! characters) followed by the record's canonical payload (UTF-8). The first record
//! follows [`GENESIS`]. The end-of-chain record signs [`head_message`].

use sha2::{Digest, Sha256};

/// The "previous hash" of the first record of a chain.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// `hex(SHA-256(prev_hash ‖ payload))`.
pub fn hash(prev_hash: &str, payload: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(prev_hash.as_bytes());
    hasher.update(payload.as_bytes());
    hex::encode(hasher.finalize())
}

/// What the end-of-chain record signs: the chain, how many records, the last one's id
/// and hash.
pub fn head_message(chain: &str, count: i64, last_id: i64, hash: &str) -> String {
    format!("pepite:{chain}:{count}:{last_id}:{hash}")
}

/// What a closing's or an archive's own signature signs.
pub fn document_message(hash: &str) -> String {
    format!("pepite:document:{hash}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_sha256_of_prev_then_payload() {
        // printf '%s' "${GENESIS}{"a":1}" | sha256sum
        assert_eq!(
            hash(GENESIS, r#"{"a":1}"#),
            "fc6cee09194dd2578bd7664604fcb72a539066fd34544cea0009c43eb6cdc289"
        );
        assert_ne!(hash(GENESIS, r#"{"a":1}"#), hash(GENESIS, r#"{"a":2}"#));
    }
}
