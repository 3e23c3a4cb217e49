//! Carrying the memory over to a new segmenter version.
//!
//! A unit's key hashes the segmenter version with its text
//! ([`segment::unit_key`]), so a new version gives every unit a new key, and
//! a memory keyed under the old one would find nothing: every page paid for
//! again, every translator's override and every reader's report detached
//! from its passage. When the old version's unit texts still mean what they
//! say ([`segment::CARRIED_VERSIONS`]), a translation stored for a text is
//! right for that text under the new version, so at start-up everything the
//! store holds under the old keys is given its new key, once, in one
//! transaction ([`Store::rekey`]). A unit whose text the new segmenter cuts
//! or decodes differently simply has a text nobody asks for any more: its
//! entry is kept, and the new text is translated when first read.

use crate::model::Rekeyed;
use crate::segment::{self, CARRIED_VERSIONS, SEGMENTER_VERSION};
use crate::store::{Store, StoreError};

/// Re-keys the memory made by an older segmenter in [`CARRIED_VERSIONS`]
/// for [`SEGMENTER_VERSION`]; returns what was moved, or `None` when the
/// keys were already current or made by a version that is not carried
/// (then the old entries stay behind, unread).
pub async fn carry_memory(store: &dyn Store) -> Result<Option<Rekeyed>, StoreError> {
    let current = i64::from(SEGMENTER_VERSION);
    let keyed = store.keyed_under().await?;
    if keyed == current {
        return Ok(None);
    }
    let Some(from) = CARRIED_VERSIONS
        .iter()
        .copied()
        .find(|v| i64::from(*v) == keyed)
    else {
        tracing::warn!(
            keyed_under = keyed,
            segmenter = current,
            "the memory was keyed by a segmenter whose units cannot be carried over; it is kept but not read"
        );
        return Ok(None);
    };
    let new_key = move |old: &str, source: &str| {
        // Only a key that really is this text's key under `from`: a row
        // whose key does not match its text is left where it is.
        (segment::unit_key_under(from, source) == old).then(|| segment::unit_key(source))
    };
    store.rekey(keyed, current, &new_key).await.map(Some)
}
