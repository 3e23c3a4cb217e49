//! A real honyaku server on 127.0.0.1:0 for one test.

#![allow(dead_code)]

use std::path::Path;
use std::sync::Arc;

use honyaku::config::{Config, Overrides};
use honyaku::{App, serve};
use tokio::sync::oneshot;

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
        let config = Config::load_with_env(None, vars, &Overrides::default()).unwrap();
        let listener = tokio::net::TcpListener::bind(config.server.addr)
            .await
            .unwrap();
        let local = listener.local_addr().unwrap();
        let base_url = config.public_base(local);
        let app = Arc::new(App::new(config, base_url.clone()).await.unwrap());
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

/// An honest pseudo-translation into `target` (a code as providers get it: en, EN-US, ko,
/// zh-Hans, zh-TW…), for providers played by tests: every Japanese letter becomes a letter
/// of the target's script, chosen by the character so that different texts stay different,
/// and everything else (placeholders, digits, punctuation, Latin text) stays as it is. Such
/// output passes the QA gate, as an honest translation does; Japanese sent back does not.
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
            } else {
                char::from(b'a' + (code % 26) as u8)
            }
        })
        .collect()
}
