//! The SQLite store when its files stop taking writes: a full disk, an I/O
//! error (an immutable `-wal`: every write(2) to it fails with EPERM, which
//! SQLite reports as SQLITE_IOERR_WRITE, 778), a file left immutable before
//! start-up. Each write that fails must fail cleanly, readiness must say so,
//! and the first write after the fault is gone must succeed, on every pooled
//! connection, without a restart.
//!
//! These cases change file attributes (`chattr +i`) or mount a small tmpfs,
//! which needs root (CI runs as root); elsewhere they print why they skip.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use honyaku::i18n::Lang;
use honyaku::model::{Origin, TmEntry};
use honyaku::store::sqlite::{SqliteOptions, SqliteStore};
use honyaku::store::{Store, StoreError, WRITE_CHECK_EVERY};

use crate::support::TestServer;

fn skip(reason: &str) {
    // Past the test harness's capture, so a skip is never silent.
    let _ = writeln!(std::io::stderr(), "skipping: {reason}");
}

/// Sets or clears the immutable attribute; clears it again when dropped,
/// so a failed assertion leaves no file behind that nobody can delete.
struct Immutable(PathBuf);

impl Immutable {
    /// `None` (with the reason printed) where the attribute cannot be set:
    /// not root, or a filesystem without it.
    fn set(path: &Path) -> Option<Self> {
        match Command::new("chattr").arg("+i").arg(path).output() {
            Ok(out) if out.status.success() => Some(Self(path.to_owned())),
            Ok(out) => {
                skip(&format!(
                    "chattr +i {} failed: {}",
                    path.display(),
                    String::from_utf8_lossy(&out.stderr).trim()
                ));
                None
            }
            Err(e) => {
                skip(&format!("chattr is not available: {e}"));
                None
            }
        }
    }

    fn clear(self) {}
}

impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
    }
}

/// A tmpfs of `size` mounted on a fresh directory, unmounted when dropped.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str) -> Option<Self> {
        let dir = tempfile::tempdir().unwrap();
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output();
        match out {
            Ok(out) if out.status.success() => Some(Self { dir }),
            Ok(out) => {
                skip(&format!(
                    "cannot mount a tmpfs (needs root): {}",
                    String::from_utf8_lossy(&out.stderr).trim()
                ));
                None
            }
            Err(e) => {
                skip(&format!("cannot run mount: {e}"));
                None
            }
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

fn entries(prefix: &str, count: usize, text_chars: usize) -> Vec<TmEntry> {
    (0..count)
        .map(|i| TmEntry {
            unit_key: format!("{prefix}-{i}"),
            source_lang: Lang::Ja,
            target_lang: Lang::En,
            provider: "deepl".into(),
            model: String::new(),
            glossary_version: 0,
            segmenter_version: 1,
            source_text: format!("原文 {prefix} {i}"),
            text: format!("{prefix} {i} ").repeat(text_chars / 8 + 1),
            origin: Origin::Machine,
            characters_billed: 10,
            created_at: 1,
            used_at: 1,
        })
        .collect()
}

fn wal_of(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

fn shm_of(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push("-shm");
    PathBuf::from(name)
}

/// The error of a write that failed because of the fault, not because an
/// earlier failure left a connection in a transaction.
fn assert_clean_failure(error: &StoreError) {
    let text = error.to_string();
    assert!(
        !text.contains("transaction depth"),
        "a failed write left a transaction open: {text}"
    );
    assert!(
        matches!(error, StoreError::Unavailable { .. }),
        "a fault of the file is 'unavailable' (503): {error:?}"
    );
}

/// A commit that fails (the WAL cannot be written) leaves nothing open: the
/// writes during the fault fail cleanly, readiness says so, and once the
/// file takes writes again every write succeeds on every pooled connection.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_writes_work_again_after_failed_commits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("honyaku.sqlite3");
    let store = SqliteStore::open(&path, SqliteOptions::default())
        .await
        .unwrap();
    store.tm_put(&entries("before", 3, 40)).await.unwrap();
    store.writable().await.unwrap();
    let Some(frozen) = Immutable::set(&wal_of(&path)) else {
        return;
    };

    // More failing writes than there are pooled connections, some at once.
    for round in 0..3 {
        let err = store
            .tm_put(&entries(&format!("during{round}"), 2, 40))
            .await
            .unwrap_err();
        assert_clean_failure(&err);
        let (a, b) = tokio::join!(
            store.override_put("before-0", Lang::En, "x", "原文", "sato", None),
            store.usage_add("deepl", "2025-07-01", 5, 1),
        );
        assert_clean_failure(&a.unwrap_err());
        assert_clean_failure(&b.unwrap_err());
    }
    let not_ready = store.writable().await.unwrap_err();
    assert!(not_ready.to_string().contains("writes fail"), "{not_ready}");
    // Reads go on meanwhile.
    assert_eq!(store.tm_count().await.unwrap(), 3);

    frozen.clear();
    // The very next write works, and so does every later one, whichever
    // pooled connection it gets.
    store.tm_put(&entries("after", 2, 40)).await.unwrap();
    store.writable().await.unwrap();
    let writes = (0..12).map(|i| {
        let store = &store;
        async move { store.usage_add("deepl", "2025-07-01", i, 1).await }
    });
    for outcome in futures::future::join_all(writes).await {
        outcome.unwrap();
    }
    store
        .override_put("before-0", Lang::En, "x", "原文", "sato", None)
        .await
        .unwrap();
    assert_eq!(store.tm_count().await.unwrap(), 5);
    assert_eq!(
        store.usage(None, "2025-07-01", "2025-07-01").await.unwrap()[0].requests,
        12,
        "nothing written during the fault"
    );
    assert_eq!(store.generation().await.unwrap(), 1);
}

/// The database on a 6 MB tmpfs that another file fills up: writes fail as
/// "unavailable" while the disk is full, readiness says so, and the first
/// write after the space comes back succeeds.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_disk_full_then_space_returns() {
    let Some(fs) = Tmpfs::mount("6m") else {
        return;
    };
    let path = fs.path().join("honyaku.sqlite3");
    let store = SqliteStore::open(&path, SqliteOptions::default())
        .await
        .unwrap();
    store.tm_put(&entries("before", 10, 200)).await.unwrap();

    // Fill what is left, as `dd if=/dev/zero of=filler` would.
    let filler = fs.path().join("filler");
    {
        let mut file = std::fs::File::create(&filler).unwrap();
        let block = vec![0u8; 64 * 1024];
        while file.write_all(&block).is_ok() {}
        let _ = file.sync_all();
    }
    // About 1 MB: more than the WAL holds, so the write needs new space.
    let big = entries("big", 400, 2500);
    for _ in 0..3 {
        let err = store.tm_put(&big).await.unwrap_err();
        assert_clean_failure(&err);
    }
    assert!(store.writable().await.is_err(), "not ready while full");
    assert_eq!(store.tm_count().await.unwrap(), 10);

    std::fs::remove_file(&filler).unwrap();
    store.tm_put(&big).await.unwrap();
    store.writable().await.unwrap();
    for i in 0..8 {
        store
            .tm_put(&entries(&format!("after{i}"), 5, 200))
            .await
            .unwrap();
    }
    assert_eq!(store.tm_count().await.unwrap(), 10 + 400 + 40);
    store.close().await;
}

/// A `-shm` file left behind immutable (SQLite could only map it read-only)
/// is refused when the store opens, saying which file and what to check,
/// instead of serving until the first write.
#[tokio::test]
async fn sqlite_refuses_to_open_files_it_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("honyaku.sqlite3");
    let store = SqliteStore::open(&path, SqliteOptions::default())
        .await
        .unwrap();
    store.tm_put(&entries("kept", 1, 20)).await.unwrap();
    store.close().await;
    drop(store);
    // The last connection checkpoints and removes -wal and -shm on its way
    // out, a moment after the pool says it is closed.
    let closing = std::time::Instant::now();
    while (wal_of(&path).exists() || shm_of(&path).exists())
        && closing.elapsed() < Duration::from_secs(10)
    {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(!shm_of(&path).exists(), "the store never finished closing");

    for leftover in [shm_of(&path), path.clone()] {
        if !leftover.exists() {
            std::fs::File::create(&leftover).unwrap();
        }
        let Some(frozen) = Immutable::set(&leftover) else {
            return;
        };
        let err = SqliteStore::open(&path, SqliteOptions::default())
            .await
            .unwrap_err();
        let text = err.to_string();
        assert!(matches!(err, StoreError::Unavailable { .. }), "{err:?}");
        assert!(
            text.contains("cannot be written") && text.contains("lsattr"),
            "says what to fix: {text}"
        );
        assert!(text.contains(&path.display().to_string()), "{text}");
        frozen.clear();
    }
    let store = SqliteStore::open(&path, SqliteOptions::default())
        .await
        .unwrap();
    assert_eq!(store.tm_count().await.unwrap(), 1);
}

/// `/readyz` answers 503 while the store does not take writes and 200 again
/// once it does, without a restart.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readyz_is_503_while_writes_fail() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("honyaku.sqlite3");
    let url = path.to_str().unwrap().to_owned();
    let server = TestServer::start_with_env(&[("HONYAKU__STORE__URL", &url)]).await;
    assert_eq!(server.get("/readyz").await.status(), 200);
    let Some(frozen) = Immutable::set(&wal_of(&path)) else {
        return;
    };
    tokio::time::sleep(WRITE_CHECK_EVERY + Duration::from_millis(100)).await;
    let response = server.get("/readyz").await;
    assert_eq!(response.status(), 503);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["status"], "store unavailable");
    // Pages are still served from what is held.
    assert_eq!(server.get("/en/").await.status(), 200);

    frozen.clear();
    tokio::time::sleep(WRITE_CHECK_EVERY + Duration::from_millis(100)).await;
    assert_eq!(server.get("/readyz").await.status(), 200);
    server.stop().await;
}
