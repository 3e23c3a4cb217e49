//! A small W3C WebDriver client for browser tests: a `chromedriver` child
//! process on a free local port driving one headless Chromium session.
//! Only what our tests use; every error carries the driver's JSON.

#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The web element identifier: the key under which W3C WebDriver passes
/// element references (WebDriver, "Elements").
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";
const CHROMIUM: &str = "/usr/bin/chromium";

/// A failed command: what was asked and the driver's `value` (with `error`
/// and `message`), or a transport failure.
#[derive(Debug)]
pub struct Error {
    pub command: String,
    pub json: Value,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let error = self.json["error"].as_str().unwrap_or("error");
        let message = self.json["message"].as_str().unwrap_or_default();
        write!(f, "{}: {error}: {message}", self.command)
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

fn error(command: &str, message: impl std::fmt::Display) -> Error {
    Error {
        command: command.to_owned(),
        json: json!({ "error": "client", "message": message.to_string() }),
    }
}

/// The session's URL and an HTTP client, shared by the browser and its
/// elements.
#[derive(Debug)]
struct Session {
    http: reqwest::Client,
    url: String,
}

impl Session {
    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> Result<Value> {
        let command = format!("{method} {path}");
        let mut request = self.http.request(method, format!("{}{path}", self.url));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.map_err(|e| error(&command, e))?;
        let ok = response.status().is_success();
        let mut reply: Value = response.json().await.map_err(|e| error(&command, e))?;
        let value = reply["value"].take();
        if ok {
            Ok(value)
        } else {
            Err(Error {
                command,
                json: value,
            })
        }
    }

    async fn get(&self, path: &str) -> Result<Value> {
        self.call(reqwest::Method::GET, path, None).await
    }

    async fn post(&self, path: &str, body: Value) -> Result<Value> {
        self.call(reqwest::Method::POST, path, Some(body)).await
    }
}

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

pub struct Browser {
    session: Arc<Session>,
    driver: Child,
    port: u16,
    /// Set once the session exists, so drop knows what to delete.
    session_id: Option<String>,
    profile: tempfile::TempDir,
}

impl Browser {
    /// Starts `driver` and a headless Chromium session whose requests carry
    /// `Accept-Language: accept_language`.
    pub async fn start(driver: &std::path::Path, accept_language: &str) -> Result<Self> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| error("free port", e))?
            .port();
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| error("spawn chromedriver", e))?;
        let profile = tempfile::tempdir().map_err(|e| error("profile directory", e))?;
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .build()
            .map_err(|e| error("http client", e))?;
        // From here on, dropping `browser` stops the driver.
        let mut browser = Self {
            session: Arc::new(Session {
                http,
                url: format!("http://127.0.0.1:{port}"),
            }),
            driver: child,
            port,
            session_id: None,
            profile,
        };
        let deadline = Instant::now() + Duration::from_secs(10);
        while !browser
            .session
            .get("/status")
            .await
            .is_ok_and(|s| s["ready"] == true)
        {
            if Instant::now() > deadline {
                return Err(error(
                    "GET /status",
                    "chromedriver did not become ready in 10 s",
                ));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let profile_arg = format!("--user-data-dir={}", browser.profile.path().display());
        let mut options = json!({
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", profile_arg],
            "prefs": { "intl.accept_languages": accept_language },
        });
        if std::path::Path::new(CHROMIUM).is_file() {
            options["binary"] = json!(CHROMIUM);
        }
        let capabilities = json!({ "capabilities": { "alwaysMatch": {
            "goog:chromeOptions": options,
            "timeouts": { "implicit": 0, "pageLoad": 15_000, "script": 5_000 },
        }}});
        let created = browser.session.post("/session", capabilities).await?;
        let id = created["sessionId"]
            .as_str()
            .ok_or_else(|| error("POST /session", &created))?;
        let url = format!("{}/session/{id}", browser.session.url);
        browser.session = Arc::new(Session {
            http: browser.session.http.clone(),
            url,
        });
        browser.session_id = Some(id.to_owned());
        Ok(browser)
    }

    pub async fn goto(&self, url: &str) -> Result<()> {
        self.session
            .post("/url", json!({ "url": url }))
            .await
            .map(drop)
    }

    pub async fn current_url(&self) -> Result<String> {
        self.session.get("/url").await.map(string)
    }

    pub async fn page_source(&self) -> Result<String> {
        self.session.get("/source").await.map(string)
    }

    /// The first element matching `css`; `no such element` when none does.
    pub async fn find(&self, css: &str) -> Result<Element> {
        let found = self.session.post("/element", by_css(css)).await?;
        Element::from_json(&self.session, &found)
    }

    pub async fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        let found = self.session.post("/elements", by_css(css)).await?;
        let list = found.as_array().map(Vec::as_slice).unwrap_or_default();
        list.iter()
            .map(|e| Element::from_json(&self.session, e))
            .collect()
    }

    /// Polls until an element matches `css` (pages that navigate or change
    /// after a click).
    pub async fn wait_for(&self, css: &str, timeout: Duration) -> Result<Element> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(element) = self.find_all(css).await?.into_iter().next() {
                return Ok(element);
            }
            if Instant::now() > deadline {
                return Err(error(
                    &format!("wait_for {css}"),
                    format!("nothing after {timeout:?}"),
                ));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Runs `script` as a function body; `arguments[i]` are `args` (pass
    /// elements as `element.reference()`).
    pub async fn execute(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.session
            .post("/execute/sync", json!({ "script": script, "args": args }))
            .await
    }
}

fn string(value: Value) -> String {
    value.as_str().unwrap_or_default().to_owned()
}

fn by_css(css: &str) -> Value {
    json!({ "using": "css selector", "value": css })
}

impl Drop for Browser {
    /// Ends the session (Chromium quits, its profile can go), then the
    /// driver; best effort. Drop cannot await, so the DELETE runs on a
    /// runtime of its own in a helper thread.
    fn drop(&mut self) {
        if let Some(id) = self.session_id.take() {
            let url = format!("http://127.0.0.1:{}/session/{id}", self.port);
            let _ = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build();
                if let Ok(runtime) = runtime {
                    let _ = runtime.block_on(async {
                        let client = reqwest::Client::new();
                        client
                            .delete(url)
                            .timeout(Duration::from_secs(10))
                            .send()
                            .await
                    });
                }
            })
            .join();
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

#[derive(Debug)]
pub struct Element {
    session: Arc<Session>,
    id: String,
}

impl Element {
    fn from_json(session: &Arc<Session>, value: &Value) -> Result<Self> {
        let id = value[ELEMENT_KEY]
            .as_str()
            .ok_or_else(|| error("element reference", value))?;
        Ok(Self {
            session: session.clone(),
            id: id.to_owned(),
        })
    }

    /// The element as a script argument.
    pub fn reference(&self) -> Value {
        json!({ ELEMENT_KEY: self.id })
    }

    async fn get(&self, what: &str) -> Result<Value> {
        let path = format!("/element/{}/{what}", self.id);
        self.session.get(&path).await
    }

    async fn post(&self, what: &str, body: Value) -> Result<()> {
        let path = format!("/element/{}/{what}", self.id);
        self.session.post(&path, body).await.map(drop)
    }

    /// The rendered text: empty while the element is hidden.
    pub async fn text(&self) -> Result<String> {
        self.get("text").await.map(string)
    }

    pub async fn attr(&self, name: &str) -> Result<Option<String>> {
        Ok(self
            .get(&format!("attribute/{name}"))
            .await?
            .as_str()
            .map(str::to_owned))
    }

    pub async fn is_displayed(&self) -> Result<bool> {
        Ok(self.get("displayed").await?.as_bool().unwrap_or(false))
    }

    pub async fn click(&self) -> Result<()> {
        self.post("click", json!({})).await
    }

    /// Empties an input or a textarea.
    pub async fn clear(&self) -> Result<()> {
        self.post("clear", json!({})).await
    }

    /// Types `text` into the element (after what it already holds).
    pub async fn send_keys(&self, text: &str) -> Result<()> {
        self.post("value", json!({ "text": text })).await
    }
}
