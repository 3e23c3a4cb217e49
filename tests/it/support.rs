//! What the integration tests share: a real honyaku server on 127.0.0.1:0
//! for one test, translator accounts in its store, the API's error body,
//! and a LibreTranslate stand-in for the pages that need machine
//! translation.

#![allow(dead_code)]

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use honyaku::app::Parts;
use honyaku::config::{Config, Overrides};
use honyaku::i18n::Lang;
use honyaku::model::Role;
use honyaku::{App, serve};
use serde_json::Value;
use tokio::sync::oneshot;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

pub const SLUG: &str = "houdou/2025/05/roukyou-online-seminar";

pub struct TestServer {
    pub base: String,
    pub app: Arc<App>,
    /// Follows no redirects, so tests see them.
    pub client: reqwest::Client,
    _data: tempfile::TempDir,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

impl TestServer {
    pub async fn start() -> Self {
        Self::start_with_env(&[]).await
    }

    /// Starts with `HONYAKU__…` variables given as pairs, on top of defaults.
    pub async fn start_with_env(env: &[(&str, &str)]) -> Self {
        Self::start_with(env, Parts::default()).await
    }

    /// Starts with the `parts` a test plays (a store, providers, a clock…)
    /// and `HONYAKU__…` variables for the rest of the configuration.
    pub async fn start_with(env: &[(&str, &str)], parts: Parts) -> Self {
        Self::start_with_config(None, env, parts).await
    }

    /// Starts with a configuration file of `toml` (as `--config FILE`
    /// would load it), then `env`, on top of defaults.
    pub async fn start_with_file(toml: &str, env: &[(&str, &str)]) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("honyaku.toml");
        std::fs::write(&path, toml).unwrap();
        let server = Self::start_with_config(Some(&path), env, Parts::default()).await;
        drop(dir);
        server
    }

    async fn start_with_config(file: Option<&Path>, env: &[(&str, &str)], parts: Parts) -> Self {
        let mut vars: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        vars.push(("HONYAKU__SERVER__ADDR".into(), "127.0.0.1:0".into()));
        // Each server gets its own database unless the test shares one.
        let data = tempfile::tempdir().unwrap();
        if !vars.iter().any(|(k, _)| k == "HONYAKU__STORE__URL") {
            let url = data.path().join("honyaku.sqlite3");
            vars.push((
                "HONYAKU__STORE__URL".into(),
                url.to_string_lossy().into_owned(),
            ));
        }
        let config = Config::load_with_env(file, vars, &Overrides::default()).unwrap();
        let listener = tokio::net::TcpListener::bind(config.server.addr)
            .await
            .unwrap();
        let local = listener.local_addr().unwrap();
        let base_url = config.public_base(local);
        let app = Arc::new(
            App::from_parts(config, base_url.clone(), parts)
                .await
                .unwrap(),
        );
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(serve(app.clone(), listener, async move {
            let _ = stopped.await;
        }));
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            // Tests look at encodings themselves.
            .no_gzip()
            .build()
            .unwrap();
        Self {
            base: base_url,
            app,
            client,
            _data: data,
            stop: Some(stop),
            task: Some(task),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
        let mut request = self.client.get(self.url(path));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send().await.unwrap()
    }

    pub async fn text(&self, path: &str) -> String {
        let response = self.get(path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        response.text().await.unwrap()
    }

    /// The JSON answer of a GET that must succeed.
    pub async fn json(&self, path: &str) -> Value {
        let response = self.get(path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        response.json().await.unwrap()
    }

    /// Sends raw bytes and returns the raw response, for requests a
    /// well-behaved client would refuse to send.
    pub async fn raw(&self, request: &[u8]) -> String {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let addr = self.base.trim_start_matches("http://");
        let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
        stream.write_all(request).await.unwrap();
        let mut out = Vec::new();
        stream.read_to_end(&mut out).await.unwrap();
        String::from_utf8_lossy(&out).into_owned()
    }

    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            task.await.unwrap().unwrap();
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

pub fn header<'a>(response: &'a reqwest::Response, name: &str) -> &'a str {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

pub fn repo_path(relative: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The announcement without its bundled translations, so every target
/// language needs machine translation.
pub fn japanese_only_content() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let source = repo_path("content/announcements/roukyou-online-seminar-2025");
    let target = dir.path().join("announcements/seminar");
    std::fs::create_dir_all(&target).unwrap();
    for name in ["body.ja.html", "contact.ja.html"] {
        std::fs::copy(source.join(name), target.join(name)).unwrap();
    }
    let page_toml = std::fs::read_to_string(source.join("page.toml")).unwrap();
    let head = page_toml.split("\n[translations").next().unwrap();
    std::fs::write(target.join("page.toml"), head).unwrap();
    dir
}

/// Creates a translator account (or an admin, with no languages) in the
/// server's store and returns its bearer token.
pub async fn translator(server: &TestServer, name: &str, role: Role, langs: &[Lang]) -> String {
    let token = honyaku::auth::new_token().unwrap();
    server
        .app
        .store
        .translator_add(name, &honyaku::auth::sha256_hex(&token), role, langs)
        .await
        .unwrap();
    token
}

/// The status, code and message of an API error answer
/// (`{"error": {"code", "message"}}`).
pub async fn api_error(response: reqwest::Response) -> (u16, String, String) {
    let status = response.status().as_u16();
    let body: Value = response.json().await.unwrap();
    let field = |name: &str| body["error"][name].as_str().unwrap_or_default().to_owned();
    (status, field("code"), field("message"))
}

/// The code of an API error answer.
pub async fn error_code(response: reqwest::Response) -> String {
    api_error(response).await.1
}

/// The translation requests a provider stand-in received: all of them but
/// the `GET …/languages` a LibreTranslate server is asked at start-up.
pub async fn translation_requests(server: &MockServer) -> Vec<Request> {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .into_iter()
        .filter(|r| !(r.method.as_str() == "GET" && r.url.path().ends_with("/languages")))
        .collect()
}

/// How a stand-in provider answers one text: `(text, target) -> translation`.
type Reply = Arc<dyn Fn(&str, &str) -> String + Send + Sync>;

/// A LibreTranslate stand-in: answers every text with `reply(text, target)`,
/// in order, and records the texts and the calls it got.
#[derive(Clone)]
pub struct LibreTranslate {
    reply: Reply,
    texts: Arc<Mutex<Vec<String>>>,
    calls: Arc<AtomicUsize>,
}

impl LibreTranslate {
    pub fn new(reply: impl Fn(&str, &str) -> String + Send + Sync + 'static) -> Self {
        Self {
            reply: Arc::new(reply),
            texts: Arc::default(),
            calls: Arc::default(),
        }
    }

    /// Answers each text with `prefix` and its [`pseudo`]-translation:
    /// placeholders survive, and the QA gate passes it as an honest
    /// translation.
    pub fn prefixing(prefix: &'static str) -> Self {
        Self::new(move |text, target| format!("{prefix}{}", pseudo(text, target)))
    }

    /// Answers each text with its [`pseudo`]-translation.
    pub fn pseudo() -> Self {
        Self::new(pseudo)
    }

    /// Starts a server on 127.0.0.1 answering `POST /translate` like this.
    pub async fn start(&self) -> MockServer {
        let server = MockServer::start().await;
        self.mount(&server).await;
        server
    }

    pub async fn mount(&self, server: &MockServer) {
        Mock::given(method("POST"))
            .and(path("/translate"))
            .respond_with(self.clone())
            .mount(server)
            .await;
    }

    /// Every text sent so far, in order.
    pub fn texts(&self) -> Vec<String> {
        self.texts.lock().unwrap().clone()
    }

    pub fn calls(&self) -> usize {
        self.calls.load(Ordering::SeqCst)
    }
}

impl Respond for LibreTranslate {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        self.calls.fetch_add(1, Ordering::SeqCst);
        let texts = libretranslate_texts(request);
        self.texts.lock().unwrap().extend(texts.iter().cloned());
        let body: Value = serde_json::from_slice(&request.body).unwrap();
        let target = body["target"].as_str().unwrap_or_default();
        let out: Vec<String> = texts.iter().map(|t| (self.reply)(t, target)).collect();
        ResponseTemplate::new(200).set_body_json(serde_json::json!({ "translatedText": out }))
    }
}

/// The texts (`q`) of a LibreTranslate request.
pub fn libretranslate_texts(request: &Request) -> Vec<String> {
    let body: Value = serde_json::from_slice(&request.body).unwrap();
    serde_json::from_value(body["q"].clone()).unwrap()
}

/// An honest pseudo-translation into `target` (a code as providers get it: en, EN-US, ko,
/// zh-Hans, zh-TW, TH, my, ne…), for providers played by tests: every Japanese letter becomes
/// a letter of the target's script (Hangul, Han, Thai, Myanmar, Devanagari, else Latin),
/// chosen by the character so that different texts stay different, and everything else
/// (placeholders, digits, punctuation, Latin text) stays as it is. Such output passes the QA
/// gate, as an honest translation does; Japanese sent back does not.
pub fn pseudo(text: &str, target: &str) -> String {
    const HAN: [char; 16] = [
        '甲', '乙', '丙', '山', '川', '田', '木', '水', '火', '土', '石', '竹', '米', '羊', '花',
        '草',
    ];
    let target = target.to_ascii_lowercase();
    text.chars()
        .map(|c| {
            let japanese = matches!(c,
                '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | '\u{4E00}'..='\u{9FFF}'
                | '\u{3400}'..='\u{4DBF}' | '々');
            if !japanese {
                return c;
            }
            let code = u32::from(c);
            if target.starts_with("ko") {
                char::from_u32(0xAC00 + code % 2000).unwrap()
            } else if target.starts_with("zh") {
                HAN[(code % 16) as usize]
            } else if target.starts_with("th") {
                // Thai consonants ก–ฮ.
                char::from_u32(0x0E01 + code % 46).unwrap()
            } else if target.starts_with("my") {
                // Myanmar consonants က–အ.
                char::from_u32(0x1000 + code % 33).unwrap()
            } else if target.starts_with("ne") {
                // Devanagari consonants क–ह.
                char::from_u32(0x0915 + code % 37).unwrap()
            } else {
                char::from(b'a' + (code % 26) as u8)
            }
        })
        .collect()
}

/// An in-process provider that answers every batch with [`pseudo`]
/// translations once it is let through ([`Gated::open`]); until then each
/// call waits, as on a provider that hangs. Counts the calls it answered.
#[derive(Debug, Default)]
pub struct Gated {
    open: tokio::sync::watch::Sender<bool>,
    answered: AtomicUsize,
}

impl Gated {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    /// Lets every waiting and later call through.
    pub fn open(&self) {
        self.open.send_replace(true);
    }

    pub fn answered(&self) -> usize {
        self.answered.load(Ordering::SeqCst)
    }
}

impl honyaku::translate::provider::TranslationProvider for Gated {
    fn name(&self) -> &'static str {
        "gated"
    }

    fn limits(&self) -> honyaku::translate::provider::Limits {
        honyaku::translate::provider::Limits {
            max_items: 200,
            max_bytes: 1 << 20,
            max_chars: 1 << 20,
            per_item_overhead: 0,
        }
    }

    fn supports(&self, target: Lang) -> bool {
        !target.is_source()
    }

    fn translate_batch<'a>(
        &'a self,
        texts: &'a [String],
        _from: Lang,
        to: Lang,
    ) -> futures::future::BoxFuture<
        'a,
        Result<Vec<String>, honyaku::translate::provider::ProviderError>,
    > {
        Box::pin(async move {
            let mut open = self.open.subscribe();
            let _ = open.wait_for(|open| *open).await;
            self.answered.fetch_add(1, Ordering::SeqCst);
            Ok(texts.iter().map(|t| pseudo(t, to.code())).collect())
        })
    }
}
