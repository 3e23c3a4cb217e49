//! The plain types that storage and the domain share: what a translation,
//! an override, a glossary entry, an account or a report *is*, with no rule
//! about when to make one and no knowledge of where it is kept.
//!
//! This is a leaf: it depends on nothing in the crate but [`crate::i18n`],
//! so the store can speak in these types without importing the domain
//! (`translate`, `glossary`, `review`…) and the domain can use them without
//! importing a backend.

use crate::i18n::Lang;

/// Where a served translation came from; shown on the page and kept with
/// every translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    /// A machine-translation provider.
    Machine,
    /// A human translator's override.
    Translator,
    /// Shipped with the content, reviewed.
    Bundled,
}

impl Origin {
    pub const fn as_str(self) -> &'static str {
        match self {
            Origin::Machine => "machine",
            Origin::Translator => "translator",
            Origin::Bundled => "bundled",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "machine" => Some(Origin::Machine),
            "translator" => Some(Origin::Translator),
            "bundled" => Some(Origin::Bundled),
            _ => None,
        }
    }
}

/// One translation of one unit, as the translation memory keeps it.
///
/// Unique on (`unit_key`, `source_lang`, `target_lang`, `provider`, `model`,
/// `glossary_version`, `segmenter_version`): putting an entry with the same
/// identity again replaces its text, origin, billing and timestamps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TmEntry {
    /// Hex hash of the unit's source (placeholder form), from the segmenter.
    pub unit_key: String,
    pub source_lang: Lang,
    pub target_lang: Lang,
    /// Provider name (`deepl`, `google`, …), or `bundled` / `translator`.
    pub provider: String,
    /// The provider's model, empty when the provider has only one.
    pub model: String,
    pub glossary_version: i64,
    pub segmenter_version: i64,
    /// The unit's source text, kept for export and for review.
    pub source_text: String,
    pub text: String,
    pub origin: Origin,
    /// Characters the provider billed for this translation (0 when free).
    pub characters_billed: i64,
    pub created_at: i64,
    pub used_at: i64,
}

/// Where a translator's override stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OverrideState {
    /// Served to readers.
    Approved,
    /// The source sentence changed since the override was written (or a
    /// reviewer asked for another look): kept and flagged, but not served;
    /// the machine translation of the current source is, until a translator
    /// reviews it.
    NeedsReview,
}

impl OverrideState {
    pub const fn as_str(self) -> &'static str {
        match self {
            OverrideState::Approved => "approved",
            OverrideState::NeedsReview => "needs-review",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "approved" => Some(OverrideState::Approved),
            "needs-review" => Some(OverrideState::NeedsReview),
            _ => None,
        }
    }
}

/// A translator's correction of one unit in one target language; it wins
/// over anything in the translation memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub unit_key: String,
    pub target_lang: Lang,
    pub text: String,
    /// 1, 2, 3… per (unit_key, target_lang), bumped by every change and never
    /// reused, not even after a revert: the optimistic concurrency token.
    pub version: i64,
    pub state: OverrideState,
    /// Who made the latest change.
    pub author: String,
    /// The source text the override was written against, so a change of
    /// source can be detected and flagged.
    pub source_text: String,
    /// In state [`OverrideState::NeedsReview`] after the page's Japanese was
    /// edited: the source the override was written against (`source_text`
    /// is then the edited one), so a reviewer sees what changed.
    pub previous_source: Option<String>,
    pub updated_at: i64,
}

/// One row of an override's append-only history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverrideRevision {
    pub version: i64,
    /// `None`: reverted to the machine translation.
    pub text: Option<String>,
    pub author: String,
    pub created_at: i64,
    pub state: OverrideState,
}

/// The author recorded for changes honyaku makes itself (flagging overrides
/// whose source changed); not a valid translator name.
pub const SYSTEM_AUTHOR: &str = "honyaku";

/// What a translator account may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Changes translations into the languages given to it.
    Translator,
    /// Changes every language.
    Admin,
}

impl Role {
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Translator => "translator",
            Role::Admin => "admin",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "translator" => Some(Role::Translator),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

/// A translator's account; the token itself is never stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslatorAccount {
    pub name: String,
    pub role: Role,
    /// Targets this account may change (admins: all, whatever is listed).
    pub languages: Vec<Lang>,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
}

impl TranslatorAccount {
    /// May this account change translations into `lang`?
    pub fn may_edit(&self, lang: Lang) -> bool {
        self.revoked_at.is_none()
            && !lang.is_source()
            && (self.role == Role::Admin || self.languages.contains(&lang))
    }
}

/// Translator names appear in history and logs: plain, short, and never the
/// system's own name.
pub fn is_valid_translator_name(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name != SYSTEM_AUTHOR
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// A live web-editor session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub translator: TranslatorAccount,
    /// Goes into every form of the editor and must come back with it.
    pub csrf_token: String,
    pub expires_at: i64,
}

/// One unit of a hosted page, in order: the page's layout as the store
/// keeps it, so an override can follow its sentence when the page changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageUnit {
    pub unit_key: String,
    pub source_text: String,
}

/// Which overrides to carry when a page's layout is replaced: those of the
/// edited sentence `from_key`, to its new version `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Carry {
    pub from_key: String,
    pub to: PageUnit,
}

/// An override carried from an edited sentence to its new version, flagged
/// [`OverrideState::NeedsReview`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarriedOverride {
    pub from_key: String,
    pub to_key: String,
    pub target: Lang,
    pub version: i64,
}

/// What [`crate::store::Store::rekey`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rekeyed {
    /// Units given a new key (their memory entries, overrides, history,
    /// reports and layout rows with them).
    pub units: u64,
    /// Overrides left under their old key because the unit's new key
    /// already had one (written by a newer instance before the re-keying):
    /// the newer one is kept, the older one stays readable in the export.
    pub overrides_kept: u64,
}

/// Where a reader's report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportStatus {
    /// Waiting for a translator.
    Open,
    /// A translator has dealt with it (fixed the translation or found
    /// nothing to fix); kept so the queue has a history.
    Resolved,
}

impl ReportStatus {
    pub const fn as_str(self) -> &'static str {
        match self {
            ReportStatus::Open => "open",
            ReportStatus::Resolved => "resolved",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "open" => Some(ReportStatus::Open),
            "resolved" => Some(ReportStatus::Resolved),
            _ => None,
        }
    }
}

/// A reader's report of a problem with one translated unit.
///
/// It deliberately holds nothing about the reader: no address, user agent,
/// cookie or e-mail is stored, so the queue is not personal data and needs
/// no retention rules of its own. (The form's per-address rate limit is
/// kept in memory only.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub id: i64,
    /// The announcement's slug.
    pub page: String,
    pub unit_key: String,
    pub target_lang: Lang,
    /// What the reader wrote, as plain text (escaped wherever it is shown).
    pub message: String,
    pub created_at: i64,
    pub status: ReportStatus,
    /// The translator who resolved it.
    pub resolved_by: Option<String>,
    pub resolved_at: Option<i64>,
}

/// The longest report message, in characters (not bytes: a Japanese or
/// Korean reader gets as many as an English one).
pub const REPORT_MESSAGE_MAX_CHARS: usize = 1000;

/// Characters and requests sent to one provider on one UTC day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageRow {
    pub provider: String,
    /// `YYYY-MM-DD`, UTC.
    pub day: String,
    pub characters: i64,
    pub requests: i64,
}

/// A provider's budgets, in characters; `None`: no limit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Budget {
    /// Per UTC day.
    pub daily: Option<i64>,
    /// Per UTC calendar month.
    pub monthly: Option<i64>,
}

/// Characters set aside in the ledger for one call to a provider, before it
/// is made; counted as spent until settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reservation {
    pub provider: String,
    /// The UTC day charged, `YYYY-MM-DD`: the day of the reservation, even
    /// when it is settled after midnight.
    pub day: String,
    pub characters: i64,
}

/// One glossary entry: in `target_lang`, `term` must be translated as
/// `translation`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct GlossaryEntry {
    #[serde(serialize_with = "lang_code")]
    #[schema(value_type = String, example = "en")]
    pub target_lang: Lang,
    /// The Japanese term, as it appears in the text.
    pub term: String,
    pub translation: String,
    /// For translators: where the translation comes from, when to use it.
    pub note: String,
    /// Who made the latest change.
    pub author: String,
    /// Unix milliseconds.
    pub updated_at: i64,
}

fn lang_code<S: serde::Serializer>(lang: &Lang, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(lang.code())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for origin in [Origin::Machine, Origin::Translator, Origin::Bundled] {
            assert_eq!(Origin::parse(origin.as_str()), Some(origin));
        }
        for state in [OverrideState::Approved, OverrideState::NeedsReview] {
            assert_eq!(OverrideState::parse(state.as_str()), Some(state));
        }
        assert_eq!(OverrideState::parse("Approved"), None);
        for status in [ReportStatus::Open, ReportStatus::Resolved] {
            assert_eq!(ReportStatus::parse(status.as_str()), Some(status));
        }
        for role in [Role::Translator, Role::Admin] {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
    }

    #[test]
    fn translators_may_edit_only_their_languages() {
        let mut account = TranslatorAccount {
            name: "sato".into(),
            role: Role::Translator,
            languages: vec![Lang::En, Lang::Ko],
            created_at: 0,
            revoked_at: None,
        };
        assert!(account.may_edit(Lang::En));
        assert!(!account.may_edit(Lang::ZhHans));
        assert!(!account.may_edit(Lang::Ja));
        account.role = Role::Admin;
        assert!(account.may_edit(Lang::ZhHans));
        account.revoked_at = Some(1);
        assert!(!account.may_edit(Lang::En));
        assert!(!is_valid_translator_name(SYSTEM_AUTHOR));
        assert!(!is_valid_translator_name("a b"));
        assert!(is_valid_translator_name("tanaka.k"));
    }
}
