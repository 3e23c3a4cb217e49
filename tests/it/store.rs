//! The store conformance suite: every case is written once, against
//! `dyn Store`, and run on each backend.
//!
//! - `store::sqlite::*`: a fresh SQLite file (under a `data/` directory that
//!   does not exist yet) in a temporary directory. Always runs.
//! - `store::postgres::*`: a fresh database created on the server named by
//!   `HONYAKU_TEST_POSTGRES_URL` (a role that may `CREATE DATABASE`) and
//!   dropped after the case. Without the variable the cases print why they
//!   skip, except under `CI`, where they fail: `.ci/run` starts a server.
//!
//! The crash case re-executes this test binary as a child process that
//! writes translations until it is killed with SIGKILL (see
//! [`crash_writer_child`], an ignored test that only that case runs).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use honyaku::config::{DatabaseUrl, StoreConfig};
use honyaku::glossary::GlossaryWriteError;
use honyaku::i18n::Lang;
use honyaku::model::{
    Budget, Carry, GlossaryEntry, Origin, OverrideState, PageUnit, Rekeyed, ReportStatus, Role,
    SYSTEM_AUTHOR, TmEntry,
};
use honyaku::review::sync_page;
use honyaku::store::{
    self, Store, StoreError,
    sqlite::{SqliteOptions, SqliteStore},
};
use sqlx::Connection;

const POSTGRES_URL_VAR: &str = "HONYAKU_TEST_POSTGRES_URL";
/// Set in the child process of the crash case: the store URL to write to.
const CRASH_WRITER_VAR: &str = "HONYAKU_TEST_CRASH_WRITER_URL";

// ---------------------------------------------------------------------------
// Databases for one case
// ---------------------------------------------------------------------------

/// One case's database. `open` may be called again (reopen, concurrent
/// opens); each call opens a new store on the same database.
pub(crate) struct TestDb {
    config: StoreConfig,
    /// The raw URL or path, for the crash child.
    pub(crate) url: String,
    sqlite_path: Option<PathBuf>,
    _dir: Option<tempfile::TempDir>,
    _postgres: Option<PostgresDatabase>,
}

impl TestDb {
    pub(crate) fn sqlite() -> Self {
        let dir = tempfile::tempdir().unwrap();
        // A directory that does not exist yet: `open` creates it.
        let path = dir.path().join("data").join("honyaku.sqlite3");
        let url = path.to_str().unwrap().to_owned();
        Self {
            config: StoreConfig {
                url: DatabaseUrl::new(url.clone()),
            },
            url,
            sqlite_path: Some(path),
            _dir: Some(dir),
            _postgres: None,
        }
    }

    /// `None` when the PostgreSQL cases skip (outside CI, no server given).
    pub(crate) async fn postgres() -> Option<Self> {
        let admin_url = postgres_admin_url()?;
        let database = PostgresDatabase::create(&admin_url).await;
        let url = database.url.clone();
        Some(Self {
            config: StoreConfig {
                url: DatabaseUrl::new(url.clone()),
            },
            url,
            sqlite_path: None,
            _dir: None,
            _postgres: Some(database),
        })
    }

    pub(crate) async fn open(&self) -> Arc<dyn Store> {
        match store::open(&self.config).await {
            Ok(store) => store,
            Err(e) => panic!("cannot open the store: {e}"),
        }
    }
}

fn postgres_admin_url() -> Option<String> {
    static SKIP_NOTICE: std::sync::Once = std::sync::Once::new();
    match std::env::var(POSTGRES_URL_VAR) {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ => {
            let in_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
            assert!(
                !in_ci,
                "CI must provide {POSTGRES_URL_VAR}: the store conformance suite runs on a \
                 real PostgreSQL server there (.ci/run starts one)"
            );
            // Straight to the process's stderr, past the test harness's
            // capture, so a skip is never silent.
            SKIP_NOTICE.call_once(|| {
                let _ = writeln!(
                    std::io::stderr(),
                    "skipping PostgreSQL conformance: {POSTGRES_URL_VAR} is not set"
                );
            });
            None
        }
    }
}

/// A database created for one case and dropped (with any connection still
/// open to it) when the case ends, passed or not.
struct PostgresDatabase {
    admin_url: String,
    name: String,
    url: String,
}

impl PostgresDatabase {
    async fn create(admin_url: &str) -> Self {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "honyaku_test_{}_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed),
            fastrand::u32(..)
        );
        let mut admin = sqlx::PgConnection::connect(admin_url)
            .await
            .unwrap_or_else(|e| panic!("cannot connect to {POSTGRES_URL_VAR}: {e}"));
        sqlx::query(&format!("CREATE DATABASE \"{name}\""))
            .execute(&mut admin)
            .await
            .unwrap();
        admin.close().await.unwrap();
        let mut url = url::Url::parse(admin_url).unwrap();
        url.set_path(&format!("/{name}"));
        Self {
            admin_url: admin_url.to_owned(),
            name,
            url: url.to_string(),
        }
    }
}

impl Drop for PostgresDatabase {
    fn drop(&mut self) {
        let admin_url = self.admin_url.clone();
        let name = self.name.clone();
        // Drop runs inside the case's runtime; a thread with its own runtime
        // can block on the DROP without deadlocking it.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async {
                let mut admin = sqlx::PgConnection::connect(&admin_url).await?;
                sqlx::query(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                    .execute(&mut admin)
                    .await?;
                admin.close().await
            })
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            let _ = writeln!(
                std::io::stderr(),
                "could not drop test database {}",
                self.name
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn entry(unit_key: &str, target: Lang, provider: &str, text: &str) -> TmEntry {
    TmEntry {
        unit_key: unit_key.to_owned(),
        source_lang: Lang::Ja,
        target_lang: target,
        provider: provider.to_owned(),
        model: String::new(),
        glossary_version: 1,
        segmenter_version: 1,
        source_text: format!("原文 {unit_key}"),
        text: text.to_owned(),
        origin: Origin::Machine,
        characters_billed: i64::try_from(text.chars().count()).unwrap(),
        created_at: 1_000,
        used_at: 1_000,
    }
}

fn keys(list: &[&str]) -> Vec<String> {
    list.iter().map(|k| (*k).to_owned()).collect()
}

async fn text_of(store: &dyn Store, key: &str, target: Lang, gv: i64, sv: i64) -> Option<String> {
    store
        .tm_get(&keys(&[key]), target, gv, sv)
        .await
        .unwrap()
        .remove(key)
        .map(|e| e.text)
}

// ---------------------------------------------------------------------------
// The cases
// ---------------------------------------------------------------------------

async fn backend_pings(db: &TestDb) {
    let store = db.open().await;
    store.ping().await.unwrap();
    let expected = if db.sqlite_path.is_some() {
        "sqlite"
    } else {
        "postgres"
    };
    assert_eq!(store.backend(), expected);
    assert_eq!(store.tm_count().await.unwrap(), 0);
    assert_eq!(store.generation().await.unwrap(), 0);
}

async fn tm_round_trip_and_upsert(db: &TestDb) {
    let store = db.open().await;
    let mut first = entry("a1", Lang::En, "deepl", "Seminar on worker cooperatives");
    first.model = "quality_optimized".into();
    first.characters_billed = 17;
    first.created_at = 1_700_000_000_000;
    first.used_at = 1_700_000_000_001;
    store.tm_put(std::slice::from_ref(&first)).await.unwrap();

    let found = store
        .tm_get(&keys(&["a1", "missing"]), Lang::En, 1, 1)
        .await
        .unwrap();
    assert_eq!(found.len(), 1, "only keys that have an entry come back");
    assert_eq!(found["a1"], first, "every field round-trips");
    assert_eq!(store.tm_count().await.unwrap(), 1);
    assert_eq!(
        store.tm_source("a1").await.unwrap().as_deref(),
        Some(first.source_text.as_str())
    );
    assert_eq!(store.tm_source("missing").await.unwrap(), None);

    // A re-translation under the same identity replaces text and times.
    let mut again = first.clone();
    again.text = "Online seminars on worker cooperatives".into();
    again.origin = Origin::Bundled;
    again.characters_billed = 0;
    again.created_at = 1_700_000_100_000;
    again.used_at = 1_700_000_100_000;
    store.tm_put(std::slice::from_ref(&again)).await.unwrap();
    assert_eq!(
        store.tm_count().await.unwrap(),
        1,
        "upsert, not a second row"
    );
    let found = store.tm_get(&keys(&["a1"]), Lang::En, 1, 1).await.unwrap();
    assert_eq!(found["a1"], again);

    // Same unit, other target: a separate row, invisible to English.
    store
        .tm_put(&[entry("a1", Lang::Ko, "deepl", "노동자협동조합")])
        .await
        .unwrap();
    assert_eq!(store.tm_count().await.unwrap(), 2);
    assert_eq!(
        text_of(&*store, "a1", Lang::Ko, 1, 1).await.as_deref(),
        Some("노동자협동조합")
    );
    assert_eq!(store.tm_all(Some(Lang::Ko)).await.unwrap().len(), 1);
    assert_eq!(store.tm_all(None).await.unwrap().len(), 2);

    // Empty inputs are fine and do nothing.
    store.tm_put(&[]).await.unwrap();
    assert!(store.tm_get(&[], Lang::En, 1, 1).await.unwrap().is_empty());
}

async fn tm_lookup_is_keyed_by_glossary_and_segmenter_version(db: &TestDb) {
    let store = db.open().await;
    let mut rows = Vec::new();
    for (gv, sv, text) in [(1, 1, "g1 s1"), (2, 1, "g2 s1"), (1, 2, "g1 s2")] {
        let mut e = entry("k", Lang::ZhHans, "google", text);
        e.glossary_version = gv;
        e.segmenter_version = sv;
        rows.push(e);
    }
    store.tm_put(&rows).await.unwrap();
    assert_eq!(
        store.tm_count().await.unwrap(),
        3,
        "one row per version pair"
    );
    for (gv, sv, text) in [(1, 1, "g1 s1"), (2, 1, "g2 s1"), (1, 2, "g1 s2")] {
        assert_eq!(
            text_of(&*store, "k", Lang::ZhHans, gv, sv).await.as_deref(),
            Some(text),
            "glossary {gv}, segmenter {sv}"
        );
    }
    assert_eq!(text_of(&*store, "k", Lang::ZhHans, 2, 2).await, None);
    assert_eq!(text_of(&*store, "k", Lang::ZhHant, 1, 1).await, None);
}

async fn tm_newest_of_any_provider_wins(db: &TestDb) {
    let store = db.open().await;
    let mut deepl = entry("n", Lang::En, "deepl", "from DeepL");
    deepl.created_at = 100;
    let mut google = entry("n", Lang::En, "google", "from Google");
    google.created_at = 200;
    store.tm_put(&[deepl.clone(), google]).await.unwrap();
    let found = store.tm_get(&keys(&["n"]), Lang::En, 1, 1).await.unwrap();
    assert_eq!(found["n"].provider, "google");

    deepl.text = "from DeepL, again".into();
    deepl.created_at = 300;
    store.tm_put(&[deepl]).await.unwrap();
    let found = store.tm_get(&keys(&["n"]), Lang::En, 1, 1).await.unwrap();
    assert_eq!(found["n"].text, "from DeepL, again");
    assert_eq!(store.tm_count().await.unwrap(), 2, "both are kept");
}

async fn tm_batch_of_500_in_one_put(db: &TestDb) {
    let store = db.open().await;
    let batch: Vec<TmEntry> = (0..500)
        .map(|i| {
            entry(
                &format!("{i:064x}"),
                Lang::ZhHant,
                "azure",
                &format!("第{i}段"),
            )
        })
        .collect();
    store.tm_put(&batch).await.unwrap();
    assert_eq!(store.tm_count().await.unwrap(), 500);
    let all_keys: Vec<String> = batch.iter().map(|e| e.unit_key.clone()).collect();
    let found = store.tm_get(&all_keys, Lang::ZhHant, 1, 1).await.unwrap();
    assert_eq!(found.len(), 500);
    assert_eq!(found[&all_keys[499]].text, "第499段");
    let exported = store.tm_all(Some(Lang::ZhHant)).await.unwrap();
    let exported_keys: Vec<String> = exported.into_iter().map(|e| e.unit_key).collect();
    assert_eq!(exported_keys, all_keys, "tm_all is ordered by unit key");

    // The same identity twice in one batch: the later one wins.
    let twice = vec![
        entry("dup", Lang::En, "deepl", "first"),
        entry("dup", Lang::En, "deepl", "second"),
    ];
    store.tm_put(&twice).await.unwrap();
    assert_eq!(
        text_of(&*store, "dup", Lang::En, 1, 1).await.as_deref(),
        Some("second")
    );

    // All or nothing: one bad row rolls back the whole batch.
    let mut bad: Vec<TmEntry> = (0..20)
        .map(|i| entry(&format!("tx{i}"), Lang::En, "deepl", "never stored"))
        .collect();
    bad[19].characters_billed = -1;
    assert!(store.tm_put(&bad).await.is_err());
    assert_eq!(store.tm_count().await.unwrap(), 501);
    assert_eq!(text_of(&*store, "tx0", Lang::En, 1, 1).await, None);
}

async fn tm_keeps_unicode_exactly(db: &TestDb) {
    let store = db.open().await;
    let texts = [
        "労働者協同組合に係るオンラインセミナー(全5回)を開催します",
        "𠮷野家の「𩸽」と「髙」: characters outside the BMP and variants",
        "👩‍👩‍👧 family, 🇯🇵 flag, e\u{301} combining, \u{200b}zero width",
        "노동자협동조합 온라인 세미나 / 勞動者協同組合線上研討會",
        "quotes ' \" and SQL '); DROP TABLE tm; --",
        "line\nbreaks\r\nand\ttabs",
        "",
    ];
    let rows: Vec<TmEntry> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut e = entry(&format!("u{i}"), Lang::En, "openai", t);
            e.source_text = (*t).to_owned();
            e
        })
        .collect();
    store.tm_put(&rows).await.unwrap();
    let mut long = entry("long", Lang::En, "deepl", &"翻訳".repeat(50_000));
    long.source_text = "長".repeat(50_000);
    store.tm_put(std::slice::from_ref(&long)).await.unwrap();
    let all = store.tm_all(Some(Lang::En)).await.unwrap();
    let by_key: HashMap<&str, &TmEntry> = all.iter().map(|e| (e.unit_key.as_str(), e)).collect();
    for (i, t) in texts.iter().enumerate() {
        let e = by_key[format!("u{i}").as_str()];
        assert_eq!(e.text, *t);
        assert_eq!(e.source_text, *t);
    }
    assert_eq!(by_key["long"].text, long.text);

    // NUL cannot be stored by PostgreSQL; both backends refuse it the same way.
    let nul = entry("nul", Lang::En, "deepl", "a\0b");
    assert!(matches!(
        store.tm_put(&[nul]).await,
        Err(StoreError::Invalid(_))
    ));
}

async fn tm_touch_moves_used_at_forward_only(db: &TestDb) {
    let store = db.open().await;
    let mut a = entry("t", Lang::En, "deepl", "a");
    a.used_at = 5_000;
    let mut b = entry("t", Lang::En, "google", "b");
    b.used_at = 1_000;
    store
        .tm_put(&[a, b, entry("t", Lang::Ko, "deepl", "c")])
        .await
        .unwrap();
    store
        .tm_touch(&keys(&["t"]), Lang::En, 3_000)
        .await
        .unwrap();
    let used: HashMap<(String, Lang), i64> = store
        .tm_all(None)
        .await
        .unwrap()
        .into_iter()
        .map(|e| ((e.provider, e.target_lang), e.used_at))
        .collect();
    assert_eq!(
        used[&("deepl".to_owned(), Lang::En)],
        5_000,
        "never backwards"
    );
    assert_eq!(used[&("google".to_owned(), Lang::En)], 3_000);
    assert_eq!(used[&("deepl".to_owned(), Lang::Ko)], 1_000, "other target");
}

async fn override_create_update_and_conflict(db: &TestDb) {
    let store = db.open().await;
    let v1 = store
        .override_put("u", Lang::En, "Seminar", "セミナー", "alice", None)
        .await
        .unwrap();
    assert_eq!(v1.version, 1);
    assert_eq!(v1.state, OverrideState::Approved);
    assert_eq!(v1.author, "alice");
    assert_eq!(v1.source_text, "セミナー");

    // Creating again as if it did not exist: conflict, current version told.
    let err = store
        .override_put("u", Lang::En, "Other", "セミナー", "bob", None)
        .await
        .unwrap_err();
    assert!(
        matches!(err, StoreError::VersionConflict { current: Some(1) }),
        "{err:?}"
    );

    let v2 = store
        .override_put("u", Lang::En, "Online seminar", "セミナー", "bob", Some(1))
        .await
        .unwrap();
    assert_eq!(v2.version, 2);

    let err = store
        .override_put("u", Lang::En, "Stale", "セミナー", "carol", Some(1))
        .await
        .unwrap_err();
    assert!(
        matches!(err, StoreError::VersionConflict { current: Some(2) }),
        "{err:?}"
    );
    // Updating something that does not exist.
    let err = store
        .override_put("nothing", Lang::En, "x", "x", "carol", Some(4))
        .await
        .unwrap_err();
    assert!(
        matches!(err, StoreError::VersionConflict { current: None }),
        "{err:?}"
    );

    let got = store
        .override_get(&keys(&["u", "nothing"]), Lang::En)
        .await
        .unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(got["u"], v2);
    assert!(
        store
            .override_get(&keys(&["u"]), Lang::Ko)
            .await
            .unwrap()
            .is_empty(),
        "overrides are per target"
    );
    assert_eq!(store.override_all(None).await.unwrap(), vec![v2]);

    let err = store
        .override_put("u", Lang::En, "  ", "セミナー", "bob", Some(2))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
}

async fn override_concurrent_writers_exactly_one_wins(db: &TestDb) {
    let store = db.open().await;
    // Create race: everyone believes there is no override yet.
    let create = race(&store, None).await;
    assert_eq!(create.winners, 1, "{create:?}");
    assert!(
        create.conflicts_at.iter().all(|c| *c == Some(1)),
        "{create:?}"
    );
    // Update race: everyone saw version 1.
    let update = race(&store, Some(1)).await;
    assert_eq!(update.winners, 1, "{update:?}");
    assert!(
        update.conflicts_at.iter().all(|c| *c == Some(2)),
        "{update:?}"
    );

    let current = store
        .override_get(&keys(&["race"]), Lang::En)
        .await
        .unwrap()
        .remove("race")
        .unwrap();
    assert_eq!(current.version, 2);
    let history = store.override_history("race", Lang::En).await.unwrap();
    assert_eq!(history.len(), 2, "losers leave no trace");
    assert_eq!(history[1].text.as_deref(), Some(current.text.as_str()));
    assert_eq!(store.generation().await.unwrap(), 2);
}

#[derive(Debug)]
struct Race {
    winners: usize,
    conflicts_at: Vec<Option<i64>>,
}

async fn race(store: &Arc<dyn Store>, if_version: Option<i64>) -> Race {
    const WRITERS: usize = 8;
    let barrier = Arc::new(tokio::sync::Barrier::new(WRITERS));
    let tasks: Vec<_> = (0..WRITERS)
        .map(|i| {
            let store = store.clone();
            let barrier = barrier.clone();
            tokio::spawn(async move {
                barrier.wait().await;
                store
                    .override_put(
                        "race",
                        Lang::En,
                        &format!("writer {i}"),
                        "競争",
                        &format!("writer-{i}"),
                        if_version,
                    )
                    .await
            })
        })
        .collect();
    let mut result = Race {
        winners: 0,
        conflicts_at: Vec::new(),
    };
    for task in tasks {
        match task.await.unwrap() {
            Ok(_) => result.winners += 1,
            Err(StoreError::VersionConflict { current }) => result.conflicts_at.push(current),
            Err(e) => panic!("a writer failed otherwise: {e:?}"),
        }
    }
    result
}

async fn override_history_lists_every_edit_in_order(db: &TestDb) {
    let store = db.open().await;
    let v1 = store
        .override_put("h", Lang::ZhHans, "研讨会", "セミナー", "alice", None)
        .await
        .unwrap();
    let v2 = store
        .override_put(
            "h",
            Lang::ZhHans,
            "线上研讨会",
            "セミナー",
            "bob",
            Some(v1.version),
        )
        .await
        .unwrap();
    store
        .override_put(
            "h",
            Lang::ZhHans,
            "在线研讨会",
            "セミナー",
            "alice",
            Some(v2.version),
        )
        .await
        .unwrap();
    let history = store.override_history("h", Lang::ZhHans).await.unwrap();
    let summary: Vec<(i64, Option<&str>, &str)> = history
        .iter()
        .map(|r| (r.version, r.text.as_deref(), r.author.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            (1, Some("研讨会"), "alice"),
            (2, Some("线上研讨会"), "bob"),
            (3, Some("在线研讨会"), "alice"),
        ]
    );
    assert!(
        history
            .windows(2)
            .all(|w| w[0].created_at <= w[1].created_at)
    );
    assert!(history.iter().all(|r| r.state == OverrideState::Approved));
    assert!(
        store
            .override_history("h", Lang::Ko)
            .await
            .unwrap()
            .is_empty()
    );
}

async fn override_revert_goes_back_to_machine(db: &TestDb) {
    let store = db.open().await;
    store
        .override_put("r", Lang::En, "one", "一", "alice", None)
        .await
        .unwrap();
    store
        .override_put("r", Lang::En, "two", "一", "alice", Some(1))
        .await
        .unwrap();
    let err = store
        .override_revert("r", Lang::En, "bob", Some(1))
        .await
        .unwrap_err();
    assert!(
        matches!(err, StoreError::VersionConflict { current: Some(2) }),
        "{err:?}"
    );
    store
        .override_revert("r", Lang::En, "bob", Some(2))
        .await
        .unwrap();
    assert!(
        store
            .override_get(&keys(&["r"]), Lang::En)
            .await
            .unwrap()
            .is_empty()
    );
    let history = store.override_history("r", Lang::En).await.unwrap();
    let last = history.last().unwrap();
    assert_eq!((last.version, last.text.as_deref()), (3, None));
    assert_eq!(last.author, "bob");

    // Nothing left to revert.
    assert!(matches!(
        store.override_revert("r", Lang::En, "bob", None).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.override_revert("r", Lang::En, "bob", Some(3)).await,
        Err(StoreError::VersionConflict { current: None })
    ));

    // A new override after a revert continues the numbering.
    let again = store
        .override_put("r", Lang::En, "three", "一", "carol", None)
        .await
        .unwrap();
    assert_eq!(again.version, 4);
    assert_eq!(
        store.override_history("r", Lang::En).await.unwrap().len(),
        4
    );
    // A revert without a version check (a system action) takes any version.
    store
        .override_revert("r", Lang::En, "system", None)
        .await
        .unwrap();
    assert_eq!(
        store.override_history("r", Lang::En).await.unwrap().len(),
        5
    );
}

async fn override_state_changes_are_versioned(db: &TestDb) {
    let store = db.open().await;
    store
        .override_put("s", Lang::Ko, "세미나", "セミナー", "alice", None)
        .await
        .unwrap();
    // The source sentence changed: the system flags it without a version.
    let flagged = store
        .override_set_state("s", Lang::Ko, OverrideState::NeedsReview, "system", None)
        .await
        .unwrap();
    assert_eq!(flagged.version, 2);
    assert_eq!(flagged.state, OverrideState::NeedsReview);
    assert_eq!(flagged.text, "세미나", "state changes keep the text");
    assert_eq!(
        store.override_get(&keys(&["s"]), Lang::Ko).await.unwrap()["s"],
        flagged
    );
    let err = store
        .override_set_state("s", Lang::Ko, OverrideState::Approved, "bob", Some(1))
        .await
        .unwrap_err();
    assert!(
        matches!(err, StoreError::VersionConflict { current: Some(2) }),
        "{err:?}"
    );
    let approved = store
        .override_set_state("s", Lang::Ko, OverrideState::Approved, "bob", Some(2))
        .await
        .unwrap();
    assert_eq!(
        (approved.version, approved.state),
        (3, OverrideState::Approved)
    );
    let states: Vec<OverrideState> = store
        .override_history("s", Lang::Ko)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.state)
        .collect();
    assert_eq!(
        states,
        [
            OverrideState::Approved,
            OverrideState::NeedsReview,
            OverrideState::Approved
        ]
    );
    assert!(matches!(
        store
            .override_set_state("none", Lang::Ko, OverrideState::Approved, "bob", None)
            .await,
        Err(StoreError::NotFound)
    ));
}

async fn generation_moves_with_every_override_change_only(db: &TestDb) {
    let store = db.open().await;
    // A second instance on the same database sees the same counter.
    let other = db.open().await;
    let g0 = store.generation().await.unwrap();

    store
        .tm_put(&[entry("g", Lang::En, "deepl", "x")])
        .await
        .unwrap();
    store
        .tm_touch(&keys(&["g"]), Lang::En, 9_999)
        .await
        .unwrap();
    store.usage_add("deepl", "2025-07-01", 10, 1).await.unwrap();
    assert_eq!(
        store.generation().await.unwrap(),
        g0,
        "TM and usage do not count"
    );

    store
        .override_put("g", Lang::En, "y", "g", "alice", None)
        .await
        .unwrap();
    assert_eq!(other.generation().await.unwrap(), g0 + 1);
    let _ = store
        .override_put("g", Lang::En, "z", "g", "alice", None)
        .await
        .unwrap_err();
    assert_eq!(
        store.generation().await.unwrap(),
        g0 + 1,
        "a conflict changes nothing"
    );
    other
        .override_put("g", Lang::En, "z", "g", "bob", Some(1))
        .await
        .unwrap();
    assert_eq!(store.generation().await.unwrap(), g0 + 2);
    store
        .override_set_state("g", Lang::En, OverrideState::NeedsReview, "system", None)
        .await
        .unwrap();
    assert_eq!(other.generation().await.unwrap(), g0 + 3);
    store
        .override_revert("g", Lang::En, "alice", Some(3))
        .await
        .unwrap();
    assert_eq!(other.generation().await.unwrap(), g0 + 4);
    let _ = store
        .override_revert("g", Lang::En, "alice", None)
        .await
        .unwrap_err();
    assert_eq!(store.generation().await.unwrap(), g0 + 4);
}

async fn usage_increments_add_up(db: &TestDb) {
    let store = db.open().await;
    let tasks: Vec<_> = (0..4)
        .map(|_| {
            let store = store.clone();
            tokio::spawn(async move {
                for _ in 0..25 {
                    store.usage_add("deepl", "2025-07-01", 10, 1).await.unwrap();
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    store.usage_add("google", "2025-07-01", 5, 1).await.unwrap();
    store.usage_add("deepl", "2025-06-30", 7, 2).await.unwrap();
    store.usage_add("deepl", "2025-07-02", 3, 1).await.unwrap();

    let day = store.usage(None, "2025-07-01", "2025-07-01").await.unwrap();
    let summary: Vec<(&str, &str, i64, i64)> = day
        .iter()
        .map(|r| {
            (
                r.provider.as_str(),
                r.day.as_str(),
                r.characters,
                r.requests,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("deepl", "2025-07-01", 1000, 100),
            ("google", "2025-07-01", 5, 1)
        ]
    );
    let deepl: Vec<(String, i64)> = store
        .usage(Some("deepl"), "2025-06-30", "2025-07-02")
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.day, r.characters))
        .collect();
    assert_eq!(
        deepl,
        [
            ("2025-06-30".to_owned(), 7),
            ("2025-07-01".to_owned(), 1000),
            ("2025-07-02".to_owned(), 3)
        ],
        "inclusive range, ordered by day"
    );
    assert!(
        store
            .usage(Some("azure"), "2025-01-01", "2025-12-31")
            .await
            .unwrap()
            .is_empty()
    );
    for (provider, day, chars) in [
        ("deepl", "2025-7-1", 1),
        ("deepl", "2025-07-01", -1),
        ("", "2025-07-01", 1),
    ] {
        assert!(
            matches!(
                store.usage_add(provider, day, chars, 0).await,
                Err(StoreError::Invalid(_))
            ),
            "{provider:?} {day:?} {chars}"
        );
    }
    assert_eq!(honyaku::clock::utc_day(1_751_328_000_000), "2025-07-01");
}

fn budget(daily: Option<i64>, monthly: Option<i64>) -> Budget {
    Budget { daily, monthly }
}

async fn characters_of(store: &dyn Store, provider: &str, day: &str) -> i64 {
    store
        .usage(Some(provider), day, day)
        .await
        .unwrap()
        .iter()
        .map(|r| r.characters)
        .sum()
}

/// Characters are reserved before they are sent and settled after: a
/// reservation that would pass the daily or the monthly budget is refused
/// and writes nothing, a settlement gives back what was not used, and
/// reservations not yet settled count as spent.
async fn usage_reservations_stay_within_budgets(db: &TestDb) {
    let store = db.open().await;
    let day = "2025-07-10";
    let daily = budget(Some(1000), None);
    let first = store
        .usage_reserve("deepl", day, 600, daily)
        .await
        .unwrap()
        .expect("fits");
    assert_eq!(
        (
            first.provider.as_str(),
            first.day.as_str(),
            first.characters
        ),
        ("deepl", day, 600)
    );
    // Unsettled, the 600 count: 500 more would pass 1000.
    assert!(
        store
            .usage_reserve("deepl", day, 500, daily)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(characters_of(store.as_ref(), "deepl", day).await, 600);
    // Settled with 350 used: 250 come back, one request is counted.
    store.usage_settle(&first, 350, 1).await.unwrap();
    let row = &store.usage(Some("deepl"), day, day).await.unwrap()[0];
    assert_eq!((row.characters, row.requests), (350, 1));
    let second = store
        .usage_reserve("deepl", day, 650, daily)
        .await
        .unwrap()
        .expect("exactly the budget fits");
    assert!(
        store
            .usage_reserve("deepl", day, 1, daily)
            .await
            .unwrap()
            .is_none()
    );
    // Other providers and other days have budgets of their own.
    assert!(
        store
            .usage_reserve("google", day, 1000, daily)
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        store
            .usage_reserve("deepl", "2025-07-11", 1000, daily)
            .await
            .unwrap()
            .is_some()
    );
    store.usage_settle(&second, 650, 2).await.unwrap();

    // The monthly budget counts every day of the month, and only of it.
    let monthly = budget(None, Some(3000));
    store
        .usage_add("azure", "2025-06-30", 5000, 1)
        .await
        .unwrap();
    store
        .usage_add("azure", "2025-07-01", 1000, 1)
        .await
        .unwrap();
    store
        .usage_add("azure", "2025-07-09", 1500, 1)
        .await
        .unwrap();
    assert!(
        store
            .usage_reserve("azure", day, 501, monthly)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .usage_reserve("azure", day, 500, monthly)
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        store
            .usage_reserve("azure", "2025-08-01", 3000, monthly)
            .await
            .unwrap()
            .is_some(),
        "a new month"
    );
    // Both budgets at once: the tighter one decides.
    assert!(
        store
            .usage_reserve("libre", day, 100, budget(Some(1000), Some(50)))
            .await
            .unwrap()
            .is_none()
    );
    // No budget: always reserved, still recorded.
    let free = store
        .usage_reserve("libre", day, 70, Budget::default())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(characters_of(store.as_ref(), "libre", day).await, 70);

    // A settlement cannot use more than was reserved.
    for (used, requests) in [(71, 1), (-1, 1), (10, -1)] {
        assert!(
            matches!(
                store.usage_settle(&free, used, requests).await,
                Err(StoreError::Invalid(_))
            ),
            "{used} {requests}"
        );
    }
    for (provider, day, chars, budget) in [
        ("deepl", "2025-7-1", 1, daily),
        ("deepl", day, -1, daily),
        ("", day, 1, daily),
        ("deepl", day, 1, budget(Some(-5), None)),
    ] {
        assert!(
            matches!(
                store.usage_reserve(provider, day, chars, budget).await,
                Err(StoreError::Invalid(_))
            ),
            "{provider:?} {day:?} {chars} {budget:?}"
        );
    }
}

/// Reservations made at the same moment, from two stores on one database
/// (two instances), never exceed the budget together, and the budget is
/// used up to the last reservation that fits.
async fn concurrent_reservations_never_exceed_the_budget(db: &TestDb) {
    let stores = [db.open().await, db.open().await];
    let day = "2025-07-10";
    let daily = budget(Some(1000), Some(5000));
    let tasks: Vec<_> = (0..48)
        .map(|i| {
            let store = stores[i % 2].clone();
            tokio::spawn(async move {
                // 48 reservations of 70 or 30: 2400 characters wanted.
                let characters = if i % 3 == 0 { 30 } else { 70 };
                store
                    .usage_reserve("deepl", day, characters, daily)
                    .await
                    .unwrap()
            })
        })
        .collect();
    let mut granted = 0;
    for task in tasks {
        if let Some(reservation) = task.await.unwrap() {
            granted += reservation.characters;
        }
    }
    let recorded = characters_of(stores[0].as_ref(), "deepl", day).await;
    assert_eq!(recorded, granted, "every grant is in the ledger, no other");
    assert!(granted <= 1000, "{granted} characters granted");
    assert!(
        granted > 1000 - 30,
        "only {granted}: a reservation that fit was refused"
    );
}

async fn reopen_keeps_everything(db: &TestDb) {
    let store = db.open().await;
    store
        .tm_put(&[entry("p", Lang::En, "deepl", "kept")])
        .await
        .unwrap();
    store
        .override_put("p", Lang::En, "kept override", "p", "alice", None)
        .await
        .unwrap();
    store.usage_add("deepl", "2025-07-01", 4, 1).await.unwrap();
    let generation = store.generation().await.unwrap();
    drop(store);

    let store = db.open().await;
    assert_eq!(
        text_of(&*store, "p", Lang::En, 1, 1).await.as_deref(),
        Some("kept")
    );
    assert_eq!(
        store.override_get(&keys(&["p"]), Lang::En).await.unwrap()["p"].text,
        "kept override"
    );
    assert_eq!(
        store.override_history("p", Lang::En).await.unwrap().len(),
        1
    );
    assert_eq!(
        store.usage(None, "2025-07-01", "2025-07-01").await.unwrap()[0].characters,
        4
    );
    assert_eq!(store.generation().await.unwrap(), generation);
}

async fn migrations_are_idempotent(db: &TestDb) {
    // Two instances starting together on a database nobody has migrated.
    let (a, b) = tokio::join!(store::open(&db.config), store::open(&db.config));
    let (a, b) = (a.unwrap(), b.unwrap());
    a.tm_put(&[entry("m", Lang::En, "deepl", "one")])
        .await
        .unwrap();
    assert_eq!(b.tm_count().await.unwrap(), 1);
    drop((a, b));
    // And once more, sequentially.
    let c = db.open().await;
    let d = db.open().await;
    assert_eq!(c.tm_count().await.unwrap(), 1);
    assert_eq!(d.generation().await.unwrap(), 0);
}

/// Kills a writer with SIGKILL in the middle of its work; every translation
/// it acknowledged must be there afterwards, in a database that opens
/// cleanly.
async fn crash_keeps_acknowledged_translations(db: &TestDb) {
    const ACKS_BEFORE_KILL: usize = 300;
    let exe = std::env::current_exe().unwrap();
    let stderr_file = tempfile::NamedTempFile::new().unwrap();
    let mut child = Command::new(exe)
        .args([
            "store::crash_writer_child",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CRASH_WRITER_VAR, &db.url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(stderr_file.reopen().unwrap())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (acked, child_status) = tokio::task::spawn_blocking(move || {
        let mut reader = BufReader::new(stdout);
        let mut acked = Vec::new();
        let mut killed = false;
        let deadline = Instant::now() + Duration::from_secs(120);
        let mut line = String::new();
        loop {
            line.clear();
            let n = reader.read_line(&mut line).unwrap_or(0);
            if n == 0 {
                break;
            }
            // A line cut short by the kill was not an acknowledgement.
            if let Some(key) = line.strip_prefix("ACK ").and_then(|l| l.strip_suffix('\n')) {
                acked.push(key.to_owned());
            }
            if !killed && (acked.len() >= ACKS_BEFORE_KILL || Instant::now() > deadline) {
                // std's Child::kill is SIGKILL on Unix: no destructor, no
                // flush, no checkpoint runs in the child.
                child.kill().unwrap();
                killed = true;
            }
        }
        (acked, child.wait().unwrap())
    })
    .await
    .unwrap();
    let stderr = std::fs::read_to_string(stderr_file.path()).unwrap_or_default();
    assert!(
        acked.len() >= ACKS_BEFORE_KILL,
        "the writer acknowledged only {} translations ({child_status}); its stderr:\n{stderr}",
        acked.len()
    );
    assert!(
        !child_status.success(),
        "the writer must have been killed, not finished: {child_status}"
    );

    if let Some(path) = &db.sqlite_path {
        let options = sqlx::sqlite::SqliteConnectOptions::new().filename(path);
        let mut conn = sqlx::SqliteConnection::connect_with(&options)
            .await
            .unwrap();
        let (check,): (String,) = sqlx::query_as("PRAGMA integrity_check")
            .fetch_one(&mut conn)
            .await
            .unwrap();
        assert_eq!(check, "ok");
        conn.close().await.unwrap();
    }
    let store = db.open().await;
    let found = store.tm_get(&acked, Lang::En, 1, 1).await.unwrap();
    let missing: Vec<&String> = acked.iter().filter(|k| !found.contains_key(*k)).collect();
    assert!(
        missing.is_empty(),
        "{} of {} acknowledged translations lost, e.g. {:?}",
        missing.len(),
        acked.len(),
        missing.first()
    );
    assert!(store.tm_count().await.unwrap() >= acked.len() as u64);
    // And the store is writable again.
    store
        .tm_put(&[entry("after-crash", Lang::En, "deepl", "ok")])
        .await
        .unwrap();
}

/// The child side of [`crash_keeps_acknowledged_translations`], which runs
/// it in a process of its own (`--exact --ignored`) with
/// `HONYAKU_TEST_CRASH_WRITER_URL` set: it writes batches of translations
/// and prints `ACK <key>` for each one after `tm_put` returned, until it is
/// killed (or, bounded, after 60 seconds). Ignored in a normal run, and
/// run by hand without the variable it fails, so it never passes having
/// done nothing; the parent fails unless it saw the acknowledgements.
#[tokio::test]
#[ignore = "the child process of store::*::crash_keeps_acknowledged_translations, which runs it"]
async fn crash_writer_child() {
    let url = std::env::var(CRASH_WRITER_VAR).unwrap_or_else(|_| {
        panic!(
            "{CRASH_WRITER_VAR} is not set: this is the writer that \
             crash_keeps_acknowledged_translations starts and kills, not a test of its own"
        )
    });
    let config = StoreConfig {
        url: DatabaseUrl::new(url),
    };
    let store = store::open(&config).await.unwrap();
    let started = Instant::now();
    let mut out = std::io::stdout().lock();
    let mut batch_no = 0u64;
    while started.elapsed() < Duration::from_secs(60) {
        let batch: Vec<TmEntry> = (0..10)
            .map(|i| {
                entry(
                    &format!("crash-{batch_no}-{i}"),
                    Lang::En,
                    "deepl",
                    "acknowledged before the kill",
                )
            })
            .collect();
        store.tm_put(&batch).await.unwrap();
        for e in &batch {
            writeln!(out, "ACK {}", e.unit_key).unwrap();
        }
        out.flush().unwrap();
        batch_no += 1;
    }
}

fn sha(n: u8) -> String {
    format!("{n:02x}").repeat(32)
}

async fn translator_accounts_revoke_and_revive(db: &TestDb) {
    let store = db.open().await;
    let sato = store
        .translator_add("sato", &sha(1), Role::Translator, &[Lang::En, Lang::Ko])
        .await
        .unwrap();
    assert_eq!(sato.languages, vec![Lang::En, Lang::Ko]);
    store
        .translator_add("root", &sha(2), Role::Admin, &[])
        .await
        .unwrap();
    assert!(matches!(
        store
            .translator_add("sato", &sha(3), Role::Translator, &[Lang::En])
            .await,
        Err(StoreError::AlreadyExists(_))
    ));
    assert!(matches!(
        store
            .translator_add("honyaku", &sha(4), Role::Admin, &[])
            .await,
        Err(StoreError::Invalid(_))
    ));
    let found = store.translator_by_token(&sha(1)).await.unwrap().unwrap();
    assert_eq!(found.name, "sato");
    assert!(found.may_edit(Lang::Ko) && !found.may_edit(Lang::ZhHans));
    assert!(store.translator_by_token(&sha(9)).await.unwrap().is_none());

    let far = honyaku::clock::now_ms() + 3_600_000;
    store
        .session_create(&sha(10), "sato", "csrf-1", far)
        .await
        .unwrap();
    let session = store
        .session_get(&sha(10), honyaku::clock::now_ms())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            session.translator.name.as_str(),
            session.csrf_token.as_str()
        ),
        ("sato", "csrf-1")
    );
    assert!(
        store
            .session_get(&sha(10), far + 1)
            .await
            .unwrap()
            .is_none(),
        "expired"
    );

    store.translator_revoke("sato").await.unwrap();
    assert!(store.translator_by_token(&sha(1)).await.unwrap().is_none());
    assert!(
        store
            .session_get(&sha(10), honyaku::clock::now_ms())
            .await
            .unwrap()
            .is_none(),
        "revoking ends the sessions"
    );
    assert!(matches!(
        store.translator_revoke("sato").await,
        Err(StoreError::NotFound)
    ));
    // A revoked name can be given a new token.
    store
        .translator_add("sato", &sha(5), Role::Translator, &[Lang::ZhHant])
        .await
        .unwrap();
    assert!(store.translator_by_token(&sha(1)).await.unwrap().is_none());
    let revived = store.translator_by_token(&sha(5)).await.unwrap().unwrap();
    assert_eq!(revived.languages, vec![Lang::ZhHant]);
    let names: Vec<String> = store
        .translators()
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(names, ["root", "sato"]);

    store
        .session_create(&sha(11), "root", "c", far)
        .await
        .unwrap();
    store.session_delete(&sha(11)).await.unwrap();
    assert!(
        store
            .session_get(&sha(11), honyaku::clock::now_ms())
            .await
            .unwrap()
            .is_none()
    );
}

fn units(pairs: &[(&str, &str)]) -> Vec<PageUnit> {
    pairs
        .iter()
        .map(|(k, s)| PageUnit {
            unit_key: (*k).to_owned(),
            source_text: (*s).to_owned(),
        })
        .collect()
}

async fn edited_source_carries_overrides_for_review(db: &TestDb) {
    let store = db.open().await;
    let v1 = units(&[
        ("k-title", "お知らせ"),
        ("k-date", "5月14日開催"),
        ("k-end", "以上"),
    ]);
    assert!(
        sync_page(store.as_ref(), "p", &v1)
            .await
            .unwrap()
            .is_empty()
    );
    store
        .override_put(
            "k-date",
            Lang::En,
            "Held on May 14",
            "5月14日開催",
            "sato",
            None,
        )
        .await
        .unwrap();
    store
        .override_put(
            "k-date",
            Lang::Ko,
            "5월 14일 개최",
            "5月14日開催",
            "kim",
            None,
        )
        .await
        .unwrap();
    let generation = store.generation().await.unwrap();
    // The same layout again changes nothing.
    assert!(
        sync_page(store.as_ref(), "p", &v1)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(store.generation().await.unwrap(), generation);

    let v2 = units(&[
        ("k-new", "新しい段落"),
        ("k-title", "お知らせ"),
        ("k-date2", "5月21日開催"),
        ("k-end", "以上"),
    ]);
    let mut carried = sync_page(store.as_ref(), "p", &v2).await.unwrap();
    carried.sort_by_key(|c| c.target.code());
    assert_eq!(carried.len(), 2, "{carried:?}");
    assert!(
        carried
            .iter()
            .all(|c| c.from_key == "k-date" && c.to_key == "k-date2")
    );
    assert!(store.generation().await.unwrap() > generation);
    assert_eq!(store.page_units("p").await.unwrap(), v2);

    // The store replaces a layout only if it is still the one the caller
    // decided on: an instance that read v1 finds v2 and writes nothing.
    let generation = store.generation().await.unwrap();
    let carry = [Carry {
        from_key: "k-date".into(),
        to: v2[2].clone(),
    }];
    assert!(matches!(
        store
            .page_units_replace("p", &v1, &v2, &carry, SYSTEM_AUTHOR)
            .await,
        Err(StoreError::Changed)
    ));
    assert_eq!(store.page_units("p").await.unwrap(), v2);
    assert_eq!(store.generation().await.unwrap(), generation);

    let flagged = store
        .override_get(&keys(&["k-date2"]), Lang::En)
        .await
        .unwrap()
        .remove("k-date2")
        .unwrap();
    assert_eq!(flagged.state, OverrideState::NeedsReview);
    assert_eq!(flagged.text, "Held on May 14", "the override is kept");
    assert_eq!(flagged.source_text, "5月21日開催");
    assert_eq!(flagged.previous_source.as_deref(), Some("5月14日開催"));
    assert_eq!(flagged.author, SYSTEM_AUTHOR);
    // Reviewing it (approving a new text) clears the flag.
    let reviewed = store
        .override_put(
            "k-date2",
            Lang::En,
            "Held on May 21",
            "5月21日開催",
            "sato",
            Some(flagged.version),
        )
        .await
        .unwrap();
    assert_eq!(reviewed.state, OverrideState::Approved);
    assert_eq!(reviewed.previous_source, None);
    // Approving the Korean as it is clears it too.
    let ko = store
        .override_get(&keys(&["k-date2"]), Lang::Ko)
        .await
        .unwrap()
        .remove("k-date2")
        .unwrap();
    let approved = store
        .override_set_state(
            "k-date2",
            Lang::Ko,
            OverrideState::Approved,
            "kim",
            Some(ko.version),
        )
        .await
        .unwrap();
    assert_eq!(approved.previous_source, None);
    assert_eq!(approved.text, "5월 14일 개최");
}

/// Readers' reports: stored exactly as given, listed newest first with
/// every filter, resolved once, and never touching the generation (a
/// report changes no page, so no cached page is thrown away for one).
async fn reports_are_queued_filtered_and_resolved(db: &TestDb) {
    let store = db.open().await;
    let generation = store.generation().await.unwrap();
    let message = "「参加費」 is translated as \"fee\"\nbut it <b>is</b> free 🙂";
    let first = store
        .report_add("houdou/a", "k1", Lang::En, message)
        .await
        .unwrap();
    assert_eq!(
        (
            first.page.as_str(),
            first.unit_key.as_str(),
            first.target_lang,
            first.message.as_str(),
            first.status,
            first.resolved_by.as_deref(),
            first.resolved_at,
        ),
        (
            "houdou/a",
            "k1",
            Lang::En,
            message,
            ReportStatus::Open,
            None,
            None
        )
    );
    assert!(first.created_at > 0);
    let second = store
        .report_add("houdou/a", "k2", Lang::Ko, "날짜가 틀립니다")
        .await
        .unwrap();
    let third = store
        .report_add("houdou/b", "k1", Lang::En, "typo")
        .await
        .unwrap();
    assert!(first.id < second.id && second.id < third.id);
    assert_eq!(
        store.report_get(first.id).await.unwrap().as_ref(),
        Some(&first),
        "read back exactly"
    );
    assert_eq!(store.report_get(third.id + 100).await.unwrap(), None);

    let ids = |reports: Vec<honyaku::model::Report>| -> Vec<i64> {
        reports.into_iter().map(|r| r.id).collect()
    };
    assert_eq!(
        ids(store.reports(None, None, None).await.unwrap()),
        [third.id, second.id, first.id],
        "newest first"
    );
    assert_eq!(
        ids(store.reports(Some(Lang::En), None, None).await.unwrap()),
        [third.id, first.id]
    );
    assert_eq!(
        ids(store.reports(None, None, Some("houdou/a")).await.unwrap()),
        [second.id, first.id]
    );
    assert_eq!(
        ids(store
            .reports(Some(Lang::En), Some(ReportStatus::Open), Some("houdou/b"))
            .await
            .unwrap()),
        [third.id]
    );
    assert!(
        store
            .reports(Some(Lang::ZhHans), None, None)
            .await
            .unwrap()
            .is_empty()
    );

    let resolved = store.report_resolve(first.id, "sato").await.unwrap();
    assert_eq!(resolved.status, ReportStatus::Resolved);
    assert_eq!(resolved.resolved_by.as_deref(), Some("sato"));
    assert!(
        resolved
            .resolved_at
            .is_some_and(|at| at >= first.created_at)
    );
    assert_eq!(
        (resolved.message.as_str(), resolved.page.as_str()),
        (message, "houdou/a")
    );
    // Resolving again keeps the first resolution.
    let again = store.report_resolve(first.id, "kim").await.unwrap();
    assert_eq!(again, resolved);
    assert!(matches!(
        store.report_resolve(third.id + 100, "sato").await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(
        ids(store
            .reports(Some(Lang::En), Some(ReportStatus::Open), None)
            .await
            .unwrap()),
        [third.id]
    );
    assert_eq!(
        ids(store
            .reports(None, Some(ReportStatus::Resolved), None)
            .await
            .unwrap()),
        [first.id]
    );

    // Refused alike on both backends, before anything is written.
    for (target, text) in [
        (Lang::En, "   \n "),
        (Lang::En, "a\0b"),
        (Lang::Ja, "the source is no translation"),
    ] {
        assert!(
            matches!(
                store.report_add("houdou/a", "k1", target, text).await,
                Err(StoreError::Invalid(_))
            ),
            "{target} {text:?}"
        );
    }
    let longest = "字".repeat(honyaku::model::REPORT_MESSAGE_MAX_CHARS);
    store
        .report_add("houdou/a", "k1", Lang::ZhHant, &longest)
        .await
        .unwrap();
    assert!(matches!(
        store
            .report_add("houdou/a", "k1", Lang::ZhHant, &format!("{longest}字"))
            .await,
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(store.reports(None, None, None).await.unwrap().len(), 4);
    assert_eq!(store.generation().await.unwrap(), generation);

    // The listing is capped, newest first.
    for i in 0..store::REPORTS_LISTED_MAX {
        store
            .report_add("houdou/c", "k9", Lang::En, &format!("report {i}"))
            .await
            .unwrap();
    }
    let listed = store.reports(None, None, None).await.unwrap();
    assert_eq!(
        listed.len(),
        usize::try_from(store::REPORTS_LISTED_MAX).unwrap()
    );
    assert_eq!(
        listed.first().map(|r| r.message.as_str()),
        Some(format!("report {}", store::REPORTS_LISTED_MAX - 1).as_str())
    );
}

// ---------------------------------------------------------------------------
// Glossary
// ---------------------------------------------------------------------------

fn gloss(target: Lang, term: &str, translation: &str) -> GlossaryEntry {
    GlossaryEntry {
        target_lang: target,
        term: term.into(),
        translation: translation.into(),
        note: String::new(),
        author: "sato".into(),
        updated_at: 0,
    }
}

fn terms(entries: &[GlossaryEntry]) -> Vec<(Lang, &str, &str)> {
    entries
        .iter()
        .map(|e| (e.target_lang, e.term.as_str(), e.translation.as_str()))
        .collect()
}

async fn glossary_put_list_replace_and_delete(db: &TestDb) {
    let store = db.open().await;
    let other = db.open().await;
    let g0 = store.generation().await.unwrap();
    let put = store
        .glossary_put(&GlossaryEntry {
            note: "official name, \"quoted\"\nsecond line".into(),
            ..gloss(
                Lang::En,
                "厚生労働省",
                "Ministry of Health, Labour and Welfare",
            )
        })
        .await
        .unwrap();
    assert!(put.updated_at > 0, "stamped by the store");
    store
        .glossary_put(&gloss(Lang::En, "労働者協同組合", "workers' co-op"))
        .await
        .unwrap();
    store
        .glossary_put(&gloss(Lang::Ko, "厚生労働省", "후생노동성"))
        .await
        .unwrap();
    // Replacing keeps one row per (target, term).
    store
        .glossary_put(&gloss(Lang::En, "労働者協同組合", "workers' cooperative"))
        .await
        .unwrap();
    assert_eq!(other.generation().await.unwrap(), g0 + 4);
    let all = other.glossary_all(None).await.unwrap();
    // Ordered by target code, then term in byte order.
    assert_eq!(
        terms(&all),
        [
            (Lang::En, "労働者協同組合", "workers' cooperative"),
            (
                Lang::En,
                "厚生労働省",
                "Ministry of Health, Labour and Welfare"
            ),
            (Lang::Ko, "厚生労働省", "후생노동성"),
        ]
    );
    assert_eq!(all[1].note, "official name, \"quoted\"\nsecond line");
    assert_eq!(all[1].author, "sato");
    assert_eq!(store.glossary_all(Some(Lang::Ko)).await.unwrap().len(), 1);
    assert!(
        store
            .glossary_all(Some(Lang::ZhHans))
            .await
            .unwrap()
            .is_empty()
    );

    store.glossary_delete(Lang::En, "厚生労働省").await.unwrap();
    assert_eq!(other.generation().await.unwrap(), g0 + 5);
    assert!(matches!(
        store.glossary_delete(Lang::En, "厚生労働省").await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(
        store.generation().await.unwrap(),
        g0 + 5,
        "deleting nothing changes nothing"
    );
    assert_eq!(store.glossary_all(Some(Lang::En)).await.unwrap().len(), 1);
}

/// The glossary's rules are checked before the store is asked
/// ([`honyaku::glossary::put`]); the store itself refuses only what no row
/// may hold, alike on both backends, and keeps the rest as given.
async fn glossary_refuses_invalid_entries(db: &TestDb) {
    let store = db.open().await;
    let g0 = store.generation().await.unwrap();
    let long = "省".repeat(201);
    for bad in [
        gloss(Lang::En, "", "x"),
        gloss(Lang::En, "省", ""),
        gloss(Lang::En, " 省", "x"),
        gloss(Lang::En, "省", "x "),
        gloss(Lang::En, "省\n", "x"),
        gloss(Lang::En, "省", "x\u{0}y"),
        gloss(Lang::En, &long, "x"),
        gloss(Lang::Ja, "省", "x"),
        GlossaryEntry {
            author: " ".into(),
            ..gloss(Lang::En, "省", "x")
        },
    ] {
        let refused = honyaku::glossary::put(store.as_ref(), &bad).await;
        assert!(
            matches!(
                refused,
                Err(GlossaryWriteError::Invalid { .. }
                    | GlossaryWriteError::Store(StoreError::Invalid(_)))
            ),
            "{bad:?}: {refused:?}"
        );
    }
    assert!(store.glossary_all(None).await.unwrap().is_empty());
    assert_eq!(store.generation().await.unwrap(), g0);
    // What no row may hold, the store refuses by itself.
    for bad in [
        gloss(Lang::En, "", "x"),
        gloss(Lang::En, "省", ""),
        gloss(Lang::En, "省", "x\u{0}y"),
        gloss(Lang::Ja, "省", "x"),
        GlossaryEntry {
            author: " ".into(),
            ..gloss(Lang::En, "省", "x")
        },
    ] {
        assert!(
            matches!(store.glossary_put(&bad).await, Err(StoreError::Invalid(_))),
            "{bad:?}"
        );
    }
    assert!(store.glossary_all(None).await.unwrap().is_empty());
    assert_eq!(store.generation().await.unwrap(), g0);
    // 200 characters is the limit, not 200 bytes.
    honyaku::glossary::put(store.as_ref(), &gloss(Lang::En, &"省".repeat(200), "x"))
        .await
        .unwrap();
    // The rest is the glossary's business: the store keeps it as given.
    let kept = store
        .glossary_put(&gloss(Lang::En, &long, "x "))
        .await
        .unwrap();
    assert_eq!(
        (kept.term.as_str(), kept.translation.as_str()),
        (long.as_str(), "x ")
    );
}

async fn glossary_import_merges_or_replaces_all_or_nothing(db: &TestDb) {
    let store = db.open().await;
    store
        .glossary_put(&gloss(Lang::En, "厚生労働省", "MHLW"))
        .await
        .unwrap();
    store
        .glossary_put(&gloss(Lang::En, "令和", "Reiwa"))
        .await
        .unwrap();
    store
        .glossary_put(&gloss(Lang::Ko, "令和", "레이와"))
        .await
        .unwrap();
    let g0 = store.generation().await.unwrap();

    // Merge: new terms added, existing replaced, others kept; a term twice,
    // the later wins.
    let n = store
        .glossary_import(
            Lang::En,
            &[
                gloss(Lang::En, "厚生労働省", "first"),
                gloss(Lang::En, "労働者協同組合", "workers' cooperative"),
                gloss(
                    Lang::En,
                    "厚生労働省",
                    "Ministry of Health, Labour and Welfare",
                ),
            ],
            false,
        )
        .await
        .unwrap();
    assert_eq!(n, 2);
    assert_eq!(store.generation().await.unwrap(), g0 + 1);
    assert_eq!(
        terms(&store.glossary_all(Some(Lang::En)).await.unwrap()),
        [
            (Lang::En, "令和", "Reiwa"),
            (Lang::En, "労働者協同組合", "workers' cooperative"),
            (
                Lang::En,
                "厚生労働省",
                "Ministry of Health, Labour and Welfare"
            ),
        ]
    );

    // One invalid entry: nothing written, not even the valid ones.
    let err = store
        .glossary_import(
            Lang::En,
            &[gloss(Lang::En, "新語", "new"), gloss(Lang::En, "", "x")],
            true,
        )
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)), "{err}");
    // An entry of another language is refused too.
    assert!(
        store
            .glossary_import(Lang::En, &[gloss(Lang::Ko, "新語", "new")], false)
            .await
            .is_err()
    );
    assert_eq!(store.glossary_all(Some(Lang::En)).await.unwrap().len(), 3);
    assert_eq!(store.generation().await.unwrap(), g0 + 1);

    // Replace: exactly the imported entries remain, other languages untouched.
    store
        .glossary_import(Lang::En, &[gloss(Lang::En, "新語", "new")], true)
        .await
        .unwrap();
    assert_eq!(
        terms(&store.glossary_all(None).await.unwrap()),
        [(Lang::En, "新語", "new"), (Lang::Ko, "令和", "레이와")]
    );
    assert_eq!(store.generation().await.unwrap(), g0 + 2);
}

/// What a segmenter-version bump does to a running deployment: everything
/// stored under the old keys (memory, overrides with their history,
/// reports, layouts) is found under the new ones, once; what a newer
/// instance already wrote under a new key is kept.
async fn rekey_moves_every_unit_once(db: &TestDb) {
    use honyaku::segment::unit_key_under;
    let store = db.open().await;
    assert_eq!(
        store.keyed_under().await.unwrap(),
        1,
        "a new database starts at 1"
    );
    let (a, b) = ("お知らせです。", "問い合わせ先");
    let (a1, a2) = (unit_key_under(1, a), unit_key_under(2, a));
    let (b1, b2) = (unit_key_under(1, b), unit_key_under(2, b));
    let mut old = entry(&a1, Lang::En, "deepl", "This is a notice.");
    old.source_text = a.into();
    let mut other = entry(&b1, Lang::Ko, "deepl", "문의처");
    other.source_text = b.into();
    store.tm_put(&[old, other]).await.unwrap();
    store
        .override_put(&a1, Lang::En, "A notice.", a, "alice", None)
        .await
        .unwrap();
    store
        .override_put(&a1, Lang::En, "A notice, again.", a, "alice", Some(1))
        .await
        .unwrap();
    // A newer instance already saved an override of b under its new key.
    store
        .override_put(&b2, Lang::Ko, "문의", b, "bob", None)
        .await
        .unwrap();
    store
        .override_put(&b1, Lang::Ko, "옛 문의처", b, "bob", None)
        .await
        .unwrap();
    let report = store
        .report_add("announcement", &a1, Lang::En, "typo")
        .await
        .unwrap();
    let layout = [
        PageUnit {
            unit_key: a1.clone(),
            source_text: a.into(),
        },
        PageUnit {
            unit_key: b1.clone(),
            source_text: b.into(),
        },
    ];
    store
        .page_units_replace("announcement", &[], &layout, &[], "system")
        .await
        .unwrap();
    let g0 = store.generation().await.unwrap();

    let rekey =
        |key: &str, text: &str| (unit_key_under(1, text) == key).then(|| unit_key_under(2, text));
    let done = store.rekey(1, 2, &rekey).await.unwrap();
    assert_eq!(done.units, 2);
    assert_eq!(
        done.overrides_kept, 1,
        "b's old override stays beside the newer one"
    );
    assert_eq!(store.keyed_under().await.unwrap(), 2);
    assert_eq!(
        store.generation().await.unwrap(),
        g0 + 1,
        "caches see the change"
    );

    assert_eq!(
        text_of(&*store, &a2, Lang::En, 1, 2).await.as_deref(),
        Some("This is a notice.")
    );
    assert_eq!(
        text_of(&*store, &b2, Lang::Ko, 1, 2).await.as_deref(),
        Some("문의처")
    );
    assert_eq!(
        text_of(&*store, &a1, Lang::En, 1, 1).await,
        None,
        "moved, not copied"
    );
    assert_eq!(store.tm_count().await.unwrap(), 2);
    let found = store
        .override_get(&keys(&[&a2, &b2]), Lang::En)
        .await
        .unwrap();
    assert_eq!(found[&a2].text, "A notice, again.");
    assert_eq!(
        found[&a2].version, 2,
        "the version a translator holds still matches"
    );
    assert_eq!(
        store.override_history(&a2, Lang::En).await.unwrap().len(),
        2
    );
    assert!(
        store
            .override_history(&a1, Lang::En)
            .await
            .unwrap()
            .is_empty()
    );
    let kept = store
        .override_get(&keys(&[&b2, &b1]), Lang::Ko)
        .await
        .unwrap();
    assert_eq!(kept[&b2].text, "문의", "the newer override wins");
    assert_eq!(kept[&b1].text, "옛 문의처", "the older one is not lost");
    assert_eq!(
        store.report_get(report.id).await.unwrap().unwrap().unit_key,
        a2
    );
    let keys_now: Vec<String> = store
        .page_units("announcement")
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.unit_key)
        .collect();
    assert_eq!(keys_now, [a2.clone(), b2.clone()]);

    // Once only: a second instance starting finds the keys current.
    assert_eq!(store.rekey(1, 2, &rekey).await.unwrap(), Rekeyed::default());
    assert_eq!(store.generation().await.unwrap(), g0 + 1);
}

// ---------------------------------------------------------------------------
// Every case on every backend
// ---------------------------------------------------------------------------

macro_rules! conformance {
    ($($case:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    let db = super::TestDb::sqlite();
                    super::$case(&db).await;
                }
            )*
        }

        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    let Some(db) = super::TestDb::postgres().await else {
                        return;
                    };
                    super::$case(&db).await;
                }
            )*
        }
    };
}

conformance!(
    backend_pings,
    tm_round_trip_and_upsert,
    tm_lookup_is_keyed_by_glossary_and_segmenter_version,
    tm_newest_of_any_provider_wins,
    tm_batch_of_500_in_one_put,
    tm_keeps_unicode_exactly,
    tm_touch_moves_used_at_forward_only,
    override_create_update_and_conflict,
    override_concurrent_writers_exactly_one_wins,
    override_history_lists_every_edit_in_order,
    override_revert_goes_back_to_machine,
    override_state_changes_are_versioned,
    generation_moves_with_every_override_change_only,
    usage_increments_add_up,
    usage_reservations_stay_within_budgets,
    concurrent_reservations_never_exceed_the_budget,
    reopen_keeps_everything,
    migrations_are_idempotent,
    crash_keeps_acknowledged_translations,
    translator_accounts_revoke_and_revive,
    edited_source_carries_overrides_for_review,
    glossary_put_list_replace_and_delete,
    glossary_refuses_invalid_entries,
    glossary_import_merges_or_replaces_all_or_nothing,
    reports_are_queued_filtered_and_resolved,
    rekey_moves_every_unit_once,
);

// ---------------------------------------------------------------------------
// Backend-specific behaviour
// ---------------------------------------------------------------------------

/// Another process holding SQLite's write lock past the busy timeout makes
/// writes fail as `Busy` (the HTTP layer answers 503) and loses nothing;
/// reads go on meanwhile, and writes resume when the lock is released.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_lock_held_elsewhere_is_busy() {
    let db = TestDb::sqlite();
    let path = db.sqlite_path.clone().unwrap();
    let options = SqliteOptions {
        busy_timeout: Duration::from_millis(300),
        ..SqliteOptions::default()
    };
    let store = SqliteStore::open(&path, options).await.unwrap();
    store
        .tm_put(&[entry("b", Lang::En, "deepl", "before")])
        .await
        .unwrap();

    let connect = sqlx::sqlite::SqliteConnectOptions::new().filename(&path);
    let mut holder = sqlx::SqliteConnection::connect_with(&connect)
        .await
        .unwrap();
    sqlx::query("BEGIN EXCLUSIVE")
        .execute(&mut holder)
        .await
        .unwrap();

    let started = Instant::now();
    let err = store
        .tm_put(&[entry("c", Lang::En, "deepl", "during")])
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Busy { .. }), "{err:?}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert!(err.to_string().contains("busy"), "{err}");
    let err = store
        .override_put("b", Lang::En, "x", "b", "alice", None)
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Busy { .. }), "{err:?}");
    let err = store
        .usage_add("deepl", "2025-07-01", 1, 1)
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Busy { .. }), "{err:?}");
    // WAL: readers are not blocked by the writer.
    assert_eq!(
        text_of(&store, "b", Lang::En, 1, 1).await.as_deref(),
        Some("before")
    );

    sqlx::query("ROLLBACK").execute(&mut holder).await.unwrap();
    store
        .tm_put(&[entry("c", Lang::En, "deepl", "after")])
        .await
        .unwrap();
    assert_eq!(store.tm_count().await.unwrap(), 2);
    assert_eq!(
        store.generation().await.unwrap(),
        0,
        "the busy override wrote nothing"
    );
}

/// The file is in WAL mode (a property of the file, so it can be checked
/// from outside) and the directory it lives in was created.
#[tokio::test]
async fn sqlite_file_is_created_in_wal_mode() {
    let db = TestDb::sqlite();
    let path = db.sqlite_path.clone().unwrap();
    assert!(!path.parent().unwrap().exists());
    let store = db.open().await;
    store.ping().await.unwrap();
    assert!(path.exists());
    let connect = sqlx::sqlite::SqliteConnectOptions::new().filename(&path);
    let mut conn = sqlx::SqliteConnection::connect_with(&connect)
        .await
        .unwrap();
    let (mode,): (String,) = sqlx::query_as("PRAGMA journal_mode")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(mode, "wal");
}

/// A PostgreSQL URL's password never shows in an error, whatever the
/// driver says.
#[tokio::test]
async fn postgres_errors_do_not_show_the_password() {
    // A port nobody listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("postgres://honyaku:hunter2-secret@127.0.0.1:{port}/honyaku");
    let config = StoreConfig {
        url: DatabaseUrl::new(url),
    };
    let err = store::open(&config).await.unwrap_err();
    assert!(matches!(err, StoreError::Unavailable { .. }), "{err:?}");
    assert!(err.to_string().contains("refused"), "says why: {err}");
    for shown in [err.to_string(), format!("{err:?}")] {
        assert!(!shown.contains("hunter2"), "{shown}");
    }

    // With a real server: the wrong password is not repeated either.
    let Some(admin_url) = postgres_admin_url() else {
        return;
    };
    let mut url = url::Url::parse(&admin_url).unwrap();
    url.set_password(Some("not-the-password-7f3a")).unwrap();
    let config = StoreConfig {
        url: DatabaseUrl::new(url.to_string()),
    };
    match store::open(&config).await {
        // A server that trusts loopback connections accepts any password.
        Ok(_) => {}
        Err(err) => {
            for shown in [err.to_string(), format!("{err:?}")] {
                assert!(!shown.contains("not-the-password"), "{shown}");
            }
        }
    }
}
