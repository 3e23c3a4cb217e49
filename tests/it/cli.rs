//! The `honyaku` binary as scripts and operators use it.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::translation_requests;

pub(crate) fn honyaku() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_honyaku"));
    // Hermetic: no HONYAKU__ or RUST_LOG from the developer's shell.
    for (key, _) in std::env::vars() {
        if key.starts_with("HONYAKU__") || key == "RUST_LOG" {
            command.env_remove(key);
        }
    }
    command
}

#[test]
fn check_config_prints_the_effective_config_without_secrets() {
    let output = honyaku()
        .arg("check-config")
        .env(
            "HONYAKU__STORE__URL",
            "postgres://honyaku:s3cr3t-pw@db.internal:5432/honyaku",
        )
        .env("HONYAKU__SERVER__ADDR", "0.0.0.0:9999")
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("addr = \"0.0.0.0:9999\""), "{stdout}");
    assert!(stdout.contains("db.internal"), "{stdout}");
    assert!(!stdout.contains("s3cr3t-pw"), "{stdout}");
    assert!(!String::from_utf8_lossy(&output.stderr).contains("s3cr3t-pw"));
}

#[test]
fn config_errors_name_the_key() {
    for (key, value, expect) in [
        ("HONYAKU__SERVER__ADDR", "localhost", "server.addr"),
        ("HONYAKU__SERVER__NOPE", "1", "server.nope"),
        ("HONYAKU__NOSECTION__KEY", "1", "nosection"),
        (
            "HONYAKU__SERVER__MAX_BODY_BYTES",
            "0",
            "server.max_body_bytes",
        ),
        ("HONYAKU__LOG__FORMAT", "xml", "log.format"),
    ] {
        let output = honyaku()
            .arg("check-config")
            .env(key, value)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{key}={value}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains(expect), "{key}={value}: {stderr}");
    }
}

#[test]
fn config_file_layer_and_its_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("honyaku.toml");
    std::fs::write(&path, "[http_cache]\npage_max_age_secs = 60\n").unwrap();
    let output = honyaku()
        .args(["check-config", "--config"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("page_max_age_secs = 60"));

    std::fs::write(&path, "[server]\nadress = \"x\"\n").unwrap();
    let output = honyaku()
        .args(["check-config", "--config"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("server.adress") && stderr.contains("honyaku.toml"),
        "{stderr}"
    );

    let output = honyaku()
        .args(["check-config", "--config", "/nonexistent/honyaku.toml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("/nonexistent/honyaku.toml"));
}

/// Starts `honyaku serve` on port 0 and returns the child and its URL, read
/// from the first line of stdout.
pub(crate) fn spawn_server(extra_env: &[(&str, &str)]) -> (std::process::Child, String, String) {
    let mut command = honyaku();
    // Its own database unless the caller names one; the directory lives as
    // long as the test process, which is long enough.
    if !extra_env.iter().any(|(k, _)| *k == "HONYAKU__STORE__URL") {
        let dir = tempfile::tempdir().unwrap().keep();
        command.env("HONYAKU__STORE__URL", dir.join("honyaku.sqlite3"));
    }
    command
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    for (k, v) in extra_env {
        command.env(k, v);
    }
    let mut child = command.spawn().unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let first = lines.next().unwrap().unwrap();
    let start = first
        .find("listening on http://")
        .unwrap_or_else(|| panic!("first line: {first}"));
    let url: String = first
        .get(start + "listening on ".len()..)
        .unwrap()
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '"')
        .collect();
    // Keep draining stdout so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    (child, url, first)
}

pub(crate) fn http_get(url: &str) -> Option<u16> {
    http_get_body(url).map(|(status, _)| status)
}

/// A minimal blocking GET, to keep process tests free of an async runtime.
pub(crate) fn http_get_body(url: &str) -> Option<(u16, String)> {
    use std::io::{Read, Write};
    let rest = url.strip_prefix("http://")?;
    let (host, path) = rest
        .split_once('/')
        .map(|(h, p)| (h, format!("/{p}")))
        .unwrap_or((rest, "/".into()));
    let mut stream = std::net::TcpStream::connect(host).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).ok()?;
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response.split(' ').nth(1)?.parse().ok()?;
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    Some((status, body))
}

#[test]
fn serve_prints_its_url_first_and_stops_cleanly_on_sigterm() {
    let (mut child, url, _) = spawn_server(&[]);
    assert!(
        url.starts_with("http://127.0.0.1:") && !url.ends_with(":0"),
        "{url}"
    );
    assert_eq!(http_get(&format!("{url}/healthz")), Some(200));
    assert_eq!(
        http_get(&format!("{url}/ja/houdou/2025/05/roukyou-online-seminar")),
        Some(200)
    );

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "exit status after SIGTERM: {status:?}");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "server did not stop after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn json_logs_on_request() {
    let (mut child, url, first) = spawn_server(&[("HONYAKU__LOG__FORMAT", "json")]);
    let line: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(line["message"], format!("listening on {url}"));
    assert_eq!(line["level"], "INFO");
    let _ = child.kill();
    let _ = child.wait();
}

/// `honyaku warm` fills the memory ahead of traffic and says what it cost;
/// a second run costs nothing; `honyaku usage` shows the ledger.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn warm_then_warm_again_then_usage() {
    let provider = crate::support::LibreTranslate::prefixing("[MT] ")
        .start()
        .await;
    let content = crate::support::japanese_only_content();
    let data = tempfile::tempdir().unwrap();
    let env = vec![
        (
            "HONYAKU__CONTENT__DIR".to_owned(),
            content.path().to_str().unwrap().to_owned(),
        ),
        (
            "HONYAKU__STORE__URL".to_owned(),
            data.path().join("tm.sqlite3").to_str().unwrap().to_owned(),
        ),
        (
            "HONYAKU__PROVIDERS__LIBRETRANSLATE__BASE_URL".to_owned(),
            provider.uri(),
        ),
        ("HONYAKU__LOG__FILTER".to_owned(), "warn".to_owned()),
    ];
    let run = |args: &'static [&'static str]| {
        let env = env.clone();
        tokio::task::spawn_blocking(move || {
            let output = honyaku().args(args).envs(env).output().unwrap();
            assert!(output.status.success(), "{args:?}: {output:?}");
            String::from_utf8(output.stdout).unwrap()
        })
    };
    let line = |out: &str, label: &str| -> u64 {
        out.lines()
            .find(|l| l.starts_with(label))
            .and_then(|l| l.split_whitespace().last())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no {label:?} in {out}"))
    };
    let first = run(&["warm"]).await.unwrap();
    assert_eq!(line(&first, "pages:"), 4);
    let units = line(&first, "units:");
    assert_eq!(line(&first, "from MT:"), units, "{first}");
    assert_eq!(line(&first, "not translated:"), 0);
    assert!(line(&first, "characters billed:") > 1000);
    assert_eq!(
        translation_requests(&provider).await.len(),
        4,
        "one request per language"
    );

    let second = run(&["warm"]).await.unwrap();
    assert_eq!(line(&second, "from MT:"), 0, "{second}");
    assert_eq!(line(&second, "from memory (TM):"), units);
    assert_eq!(line(&second, "characters billed:"), 0);
    assert_eq!(translation_requests(&provider).await.len(), 4);

    let usage = run(&["usage"]).await.unwrap();
    let total = usage
        .lines()
        .find(|l| l.starts_with("total") && l.contains("libretranslate"))
        .unwrap_or_else(|| panic!("{usage}"));
    assert!(total.trim_end().ends_with(" 4"), "four requests: {total}");
}
