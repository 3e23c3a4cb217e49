//! A headless Chromium for one browser test: a `chromedriver` child process
//! on a free local port, and a [`fantoccini`] WebDriver session on it that
//! the test drives. Chromium gets its own throwaway profile and is kept off
//! the network (no background requests, updates, sync or QUIC): it talks
//! to the test's server on 127.0.0.1 and nothing else.

use std::io::Write;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

const CHROMIUM: &str = "/usr/bin/chromium";

/// `chromedriver` on the `PATH`, if any.
pub fn chromedriver() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("chromedriver"))
        .find(|candidate| candidate.is_file())
}

/// A browser for one test, or `None` (with the reason on stderr) when
/// `chromedriver` is missing. Under `CI` a missing driver fails the test:
/// `.ci/run` installs it. Readers prefer Japanese (`Accept-Language: ja`).
pub async fn browser_or_skip() -> Option<Browser> {
    let Some(driver) = chromedriver() else {
        let in_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
        assert!(
            !in_ci,
            "CI must provide chromedriver for the browser tests (.ci/run installs chromium-driver)"
        );
        // Past the harness's capture, so a skip is never silent.
        let _ = writeln!(
            std::io::stderr(),
            "skipping browser test: chromedriver not found (install chromium-driver)"
        );
        return None;
    };
    match Browser::start(&driver, "ja").await {
        Ok(browser) => Some(browser),
        Err(e) => panic!("cannot start a browser with {}: {e}", driver.display()),
    }
}

/// The WebDriver session (use it as a [`fantoccini::Client`]) and the
/// driver behind it, both ended when this is dropped.
pub struct Browser {
    client: Client,
    driver: Child,
    port: u16,
    session_id: String,
    _profile: tempfile::TempDir,
}

impl Deref for Browser {
    type Target = Client;

    fn deref(&self) -> &Client {
        &self.client
    }
}

impl Browser {
    /// Starts `driver` and a headless Chromium session whose requests carry
    /// `Accept-Language: accept_language`.
    pub async fn start(driver: &Path, accept_language: &str) -> Result<Self, String> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| format!("no free port: {e}"))?
            .port();
        let mut child = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot run chromedriver: {e}"))?;
        match Self::session(port, accept_language).await {
            Ok((client, session_id, profile)) => Ok(Self {
                client,
                driver: child,
                port,
                session_id,
                _profile: profile,
            }),
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                Err(e)
            }
        }
    }

    async fn session(
        port: u16,
        accept_language: &str,
    ) -> Result<(Client, String, tempfile::TempDir), String> {
        let url = format!("http://127.0.0.1:{port}");
        wait_until_ready(&url).await?;
        let profile = tempfile::tempdir().map_err(|e| format!("no profile directory: {e}"))?;
        let mut options = json!({
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync",
                     format!("--user-data-dir={}", profile.path().display())],
            "prefs": { "intl.accept_languages": accept_language },
        });
        if Path::new(CHROMIUM).is_file() {
            options["binary"] = json!(CHROMIUM);
        }
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("goog:chromeOptions".into(), options);
        capabilities.insert(
            "timeouts".into(),
            json!({ "implicit": 0, "pageLoad": 15_000, "script": 5_000 }),
        );
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&url)
            .await
            .map_err(|e| format!("no WebDriver session: {e}"))?;
        let session_id = client
            .session_id()
            .await
            .map_err(|e| format!("no session id: {e}"))?
            .ok_or("no session id")?;
        // Drop ends the session itself, before the driver goes.
        client
            .persist()
            .await
            .map_err(|e| format!("cannot keep the session: {e}"))?;
        Ok((client, session_id, profile))
    }
}

/// Polls the driver's `/status` until it says it is ready (10 s at most).
async fn wait_until_ready(url: &str) -> Result<(), String> {
    let http = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let ready = match http.get(format!("{url}/status")).send().await {
            Ok(response) => response
                .json::<serde_json::Value>()
                .await
                .is_ok_and(|status| status["value"]["ready"] == true),
            Err(_) => false,
        };
        if ready {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err("chromedriver did not become ready in 10 s".into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

impl Drop for Browser {
    /// Ends the session (Chromium quits, its profile can go), then the
    /// driver; best effort, and also when the test failed. Drop cannot
    /// await, and the session's own task runs on the test's runtime, which
    /// is busy dropping this: the DELETE goes from a helper thread with a
    /// runtime of its own.
    fn drop(&mut self) {
        let url = format!("http://127.0.0.1:{}/session/{}", self.port, self.session_id);
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build();
            if let Ok(runtime) = runtime {
                let _ = runtime.block_on(async {
                    reqwest::Client::new()
                        .delete(url)
                        .timeout(Duration::from_secs(10))
                        .send()
                        .await
                });
            }
        })
        .join();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
