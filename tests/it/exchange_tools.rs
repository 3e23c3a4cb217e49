//! Exchange files against tools written by others: the OASIS XLIFF 2.0
//! schemas and the TMX 1.4b DTD (through xmllint), and round trips through
//! translate-toolkit's `xliff2` store and the npm `xliff` package, which must
//! change exactly the units edited in them.
//!
//! The tools are installed by `.ci/run`. Without one, a test fails under
//! `CI` and skips elsewhere with the reason on stderr. The schema files are
//! looked for in `tests/schemas/` (see its README) or where
//! `HONYAKU_XLIFF_SCHEMAS` / `HONYAKU_TMX_DTD` say; without them the
//! validation tests skip with the reason, in CI too, since no package
//! registry ships them.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::exchange::{export, import, statuses};
use crate::overrides::{save, units};
use crate::support::translator;
use crate::support::{SLUG, TestServer, repo_path};
use honyaku::i18n::Lang;
use honyaku::model::Role;

fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty())
}

/// Says why a test does not run, past the harness's capture.
fn skip(reason: &str) {
    let _ = writeln!(std::io::stderr(), "skipping: {reason}");
}

/// Whether `program args…` runs and exits 0 (a tool is there).
fn runs(program: &str, args: &[&str], env: &[(&str, &str)]) -> bool {
    Command::new(program)
        .args(args)
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// `true` when `tool` is there; otherwise fails under CI, else skips.
fn tool_or_skip(available: bool, tool: &str, install: &str) -> bool {
    if !available {
        assert!(!in_ci(), "CI must provide {tool} ({install}, in .ci/run)");
        skip(&format!("{tool} not found ({install})"));
    }
    available
}

/// Runs `program` with `input` on stdin; its stdout, or a panic with its
/// stderr.
fn pipe(program: &str, args: &[&str], env: &[(&str, &str)], input: &str) -> String {
    let mut child = Command::new(program)
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{program} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn xmllint_or_skip() -> bool {
    tool_or_skip(
        runs("xmllint", &["--version"], &[]),
        "xmllint",
        "apt-get install libxml2-utils",
    )
}

/// A schema file: from `var` if set, else under `tests/schemas/`. Missing,
/// the test skips and says why; under CI a schema `.ci/run` provides is
/// `required` and its absence fails the test.
fn schema_file(var: &str, default: &str, required: bool) -> Option<PathBuf> {
    let path = match std::env::var_os(var) {
        Some(path) => PathBuf::from(path),
        None => repo_path(default),
    };
    if path.exists() {
        return Some(path);
    }
    let why = format!(
        "{} not found (set {var}, or add the files as tests/schemas/README.md says)",
        path.display()
    );
    assert!(
        !(required && std::env::var_os("CI").is_some()),
        "under CI: {why}"
    );
    skip(&why);
    None
}

/// The OASIS core and Metadata schemas with the W3C `xml:` schema, in a
/// temporary directory: the core's import of `xml.xsd` points at the local
/// copy, and a driver schema imports both namespaces for xmllint.
fn xliff_schemas(dir: &Path) -> Option<(tempfile::TempDir, PathBuf)> {
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let out = tempfile::tempdir().unwrap();
    let core = read("xliff_core_2.0.xsd");
    // Whatever the copy says (the W3C address, or the spec's informative
    // copy), the `xml:` schema is the local one: no network.
    let core = regex_free_replace_xml_import(&core);
    std::fs::write(out.path().join("xliff_core_2.0.xsd"), core).unwrap();
    std::fs::write(out.path().join("metadata.xsd"), read("metadata.xsd")).unwrap();
    std::fs::write(out.path().join("xml.xsd"), read("xml.xsd")).unwrap();
    let driver = out.path().join("driver.xsd");
    std::fs::write(
        &driver,
        "<?xml version=\"1.0\"?>\n<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" \
         targetNamespace=\"urn:honyaku:test:schemas\">\n  \
         <xs:import namespace=\"urn:oasis:names:tc:xliff:document:2.0\" schemaLocation=\"xliff_core_2.0.xsd\"/>\n  \
         <xs:import namespace=\"urn:oasis:names:tc:xliff:metadata:2.0\" schemaLocation=\"metadata.xsd\"/>\n\
         </xs:schema>\n",
    )
    .unwrap();
    Some((out, driver))
}

/// The core schema with the `schemaLocation` of its `xml:` import replaced
/// by `xml.xsd`.
fn regex_free_replace_xml_import(core: &str) -> String {
    let marker = "namespace=\"http://www.w3.org/XML/1998/namespace\"";
    let Some(at) = core.find(marker) else {
        return core.to_owned();
    };
    let (head, rest) = core.split_at(at);
    let Some(loc) = rest.find("schemaLocation=\"") else {
        return core.to_owned();
    };
    let (middle, tail) = rest.split_at(loc + "schemaLocation=\"".len());
    let Some(end) = tail.find('"') else {
        return core.to_owned();
    };
    let (_, after) = tail.split_at(end);
    format!("{head}{middle}xml.xsd{after}")
}

/// xmllint's verdict on `document`: `Ok` or its messages.
fn xmllint(args: &[&str], document: &str) -> Result<(), String> {
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), document).unwrap();
    let output = Command::new("xmllint")
        .args(["--noout", "--nonet"])
        .args(args)
        .arg(file.path())
        .output()
        .unwrap();
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

/// A translator with a saved override and a flagged one, so the files carry
/// every state.
async fn server_with_overrides() -> (TestServer, String, Vec<Value>) {
    let server = TestServer::start().await;
    let token = translator(&server, "sato", Role::Translator, &[Lang::En, Lang::Ko]).await;
    let all = units(&server, &token, "en", None).await;
    let plain = all
        .iter()
        .find(|u| u["part"] == "body" && !u["source"].as_str().unwrap().contains('<'))
        .unwrap();
    let saved = save(
        &server,
        &token,
        "en",
        plain["id"].as_str().unwrap(),
        Some("0"),
        &format!("{} (reviewed)", plain["served"].as_str().unwrap()),
    )
    .await;
    assert_eq!(saved.status(), 200);
    let saved = save(
        &server,
        &token,
        "ko",
        plain["id"].as_str().unwrap(),
        Some("0"),
        "보도 관계자 여러분",
    )
    .await;
    assert_eq!(saved.status(), 200);
    let all = units(&server, &token, "en", None).await;
    (server, token, all)
}

#[tokio::test]
async fn xliff_exports_validate_against_the_oasis_core_and_metadata_schemas() {
    if !xmllint_or_skip() {
        return;
    }
    let Some(dir) = schema_file("HONYAKU_XLIFF_SCHEMAS", "tests/schemas/xliff-2.0", false) else {
        return;
    };
    let Some((_tmp, driver)) = xliff_schemas(&dir) else {
        return;
    };
    let driver = driver.to_str().unwrap();
    let (server, token, all) = server_with_overrides().await;
    // The files have codes of every kind and protected tokens.
    assert!(
        all.iter()
            .any(|u| u["source"].as_str().unwrap().contains("<b1>"))
    );
    assert!(
        all.iter()
            .any(|u| !u["required"].as_array().unwrap().is_empty())
    );
    for lang in ["en", "ko"] {
        let xliff = export(&server, &token, lang).await;
        assert!(xliff.contains("<originalData>") && xliff.contains(" disp=\""));
        if let Err(errors) = xmllint(&["--schema", driver], &xliff) {
            panic!("the {lang} export is not valid XLIFF 2.0:\n{errors}\n{xliff}");
        }
    }
    // The schemas do catch what they must: xml:space on <segment>, which
    // translate-toolkit writes and the import accepts.
    let xliff = export(&server, &token, "en").await.replacen(
        "<segment ",
        "<segment xml:space=\"preserve\" ",
        1,
    );
    assert!(xmllint(&["--schema", driver], &xliff).is_err());
    let report: Value = import(&server, &token, "en", xliff)
        .await
        .json()
        .await
        .unwrap();
    assert!(statuses(&report).is_empty(), "{report:#}");
}

#[tokio::test]
async fn tmx_exports_validate_against_the_tmx_1_4b_dtd() {
    if !xmllint_or_skip() {
        return;
    }
    let Some(dtd) = schema_file("HONYAKU_TMX_DTD", "tests/schemas/tmx-1.4b/tmx14.dtd", true) else {
        return;
    };
    let dtd = dtd.to_str().unwrap();
    let (server, token, _) = server_with_overrides().await;
    for path in ["/api/v1/tmx/en", "/api/v1/tmx/ko", "/api/v1/tmx"] {
        let response = server
            .client
            .get(server.url(path))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{path}");
        let tmx = response.text().await.unwrap();
        assert!(tmx.contains("<tu "), "{path}: {tmx}");
        if let Err(errors) = xmllint(&["--dtdvalid", dtd], &tmx) {
            panic!("{path} is not valid TMX 1.4b:\n{errors}");
        }
    }
}

/// Two units to edit: one without codes, one with a paired code.
fn two_units(all: &[Value]) -> (String, String) {
    let plain = all
        .iter()
        .find(|u| {
            u["part"] == "body"
                && u["override"].is_null()
                && !u["source"].as_str().unwrap().contains('<')
                && u["required"].as_array().unwrap().is_empty()
        })
        .unwrap();
    let coded = all
        .iter()
        .find(|u| u["source"].as_str().unwrap().contains("<b1>") && u["id"] != plain["id"])
        .unwrap();
    (
        plain["id"].as_str().unwrap().to_owned(),
        coded["id"].as_str().unwrap().to_owned(),
    )
}

/// The import changed exactly `edited`, each now served with `prefix` before
/// what it was.
async fn only_these_changed(
    server: &TestServer,
    token: &str,
    before: &[Value],
    report: &Value,
    edited: &[&str],
    prefix: &str,
) {
    let mut changed = statuses(report);
    changed.sort();
    let mut expected: Vec<(String, String)> = edited
        .iter()
        .map(|id| ((*id).to_owned(), "updated".to_owned()))
        .collect();
    expected.sort();
    assert_eq!(changed, expected, "{report:#}");
    let after = units(server, token, "en", None).await;
    for (old, new) in before.iter().zip(&after) {
        if edited.contains(&old["id"].as_str().unwrap()) {
            assert_eq!(
                new["served"].as_str().unwrap(),
                format!("{prefix}{}", old["served"].as_str().unwrap()),
                "unit {}",
                old["id"]
            );
        } else {
            assert_eq!(old["served"], new["served"], "unit {} changed", old["id"]);
            assert_eq!(old["version"], new["version"], "unit {} changed", old["id"]);
        }
    }
}

const TRANSLATE_TOOLKIT: &str = r#"
import sys
from translate.storage import xliff2
store = xliff2.Xliff2File.parsestring(sys.stdin.buffer.read())
edits = dict(arg.split("=", 1) for arg in sys.argv[1:])
seen = set()
for unit in store.units:
    if unit.getid() in edits:
        unit.target = edits[unit.getid()] + unit.target
        seen.add(unit.getid())
if set(edits) - seen:
    sys.exit("units not found: %s" % sorted(set(edits) - seen))
sys.stdout.buffer.write(bytes(store))
"#;

#[tokio::test]
async fn a_round_trip_through_translate_toolkit_changes_exactly_the_edited_unit() {
    let available = runs("python3", &["-c", "import translate.storage.xliff2"], &[]);
    if !tool_or_skip(
        available,
        "translate-toolkit",
        "pip install translate-toolkit",
    ) {
        return;
    }
    let (server, token, before) = server_with_overrides().await;
    let (plain, _) = two_units(&before);
    let xliff = export(&server, &token, "en").await;
    // Untouched, the file saved by the tool changes nothing.
    let saved = pipe("python3", &["-c", TRANSLATE_TOOLKIT], &[], &xliff);
    let report: Value = import(&server, &token, "en", saved)
        .await
        .json()
        .await
        .unwrap();
    assert!(statuses(&report).is_empty(), "{report:#}");
    // One unit edited in it: that unit only.
    let edit = format!("u-{plain}=Checked: ");
    let saved = pipe("python3", &["-c", TRANSLATE_TOOLKIT, &edit], &[], &xliff);
    let report: Value = import(&server, &token, "en", saved)
        .await
        .json()
        .await
        .unwrap();
    only_these_changed(&server, &token, &before, &report, &[&plain], "Checked: ").await;
}

const NPM_XLIFF: &str = r#"
const { xliff2js, js2xliff } = require('xliff');
let data = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => { data += d; });
process.stdin.on('end', async () => {
  const edits = JSON.parse(process.argv[1] || '{}');
  const js = await xliff2js(data);
  const seen = new Set();
  for (const units of Object.values(js.resources)) {
    for (const [id, unit] of Object.entries(units)) {
      if (!(id in edits)) continue;
      seen.add(id);
      if (typeof unit.target === 'string') {
        unit.target = edits[id] + unit.target;
      } else if (!Array.isArray(unit.target)) {
        unit.target = [edits[id], unit.target];
      } else {
        const i = unit.target.findIndex((part) => typeof part === 'string');
        if (i === 0) unit.target[0] = edits[id] + unit.target[0];
        else unit.target.unshift(edits[id]);
      }
    }
  }
  const missing = Object.keys(edits).filter((id) => !seen.has(id));
  if (missing.length) { console.error('units not found: ' + missing); process.exit(1); }
  process.stdout.write(await js2xliff(js));
});
"#;

/// Where `npm install -g` puts packages, for `require`.
fn npm_root() -> Option<String> {
    let output = Command::new("npm").args(["root", "-g"]).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

#[tokio::test]
async fn a_round_trip_through_the_npm_xliff_package_changes_exactly_the_edited_units() {
    let root = npm_root().unwrap_or_default();
    let env = [("NODE_PATH", root.as_str())];
    let available = runs("node", &["-e", "require('xliff')"], &env);
    if !tool_or_skip(available, "the npm xliff package", "npm install -g xliff") {
        return;
    }
    let (server, token, before) = server_with_overrides().await;
    let (plain, coded) = two_units(&before);
    let xliff = export(&server, &token, "en").await;
    let import_at = |file: String| {
        let server = &server;
        let token = &token;
        async move {
            // The package drops the <file>'s original: the page is named.
            let response = server
                .client
                .put(server.url(&format!("/api/v1/xliff/en?page={SLUG}")))
                .bearer_auth(token)
                .header("content-type", "application/xliff+xml")
                .body(file)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 200);
            response.json::<Value>().await.unwrap()
        }
    };
    // Re-saved untouched: no original, no metadata, no state, indentation
    // inside every target with codes. Nothing changes, nothing conflicts.
    let saved = pipe("node", &["-e", NPM_XLIFF], &env, &xliff);
    assert!(!saved.contains("original=") && !saved.contains("mda:"));
    let report = import_at(saved).await;
    assert!(statuses(&report).is_empty(), "{report:#}");
    // Without ?page= the file names no page: refused as a whole.
    let saved = pipe("node", &["-e", NPM_XLIFF], &env, &xliff);
    assert_eq!(import(&server, &token, "en", saved).await.status(), 400);
    // Two units edited, one with codes: those two, as typed.
    let edits =
        serde_json::json!({ format!("u-{plain}"): "Edited: ", format!("u-{coded}"): "Edited: " });
    let saved = pipe("node", &["-e", NPM_XLIFF, &edits.to_string()], &env, &xliff);
    let report = import_at(saved).await;
    only_these_changed(
        &server,
        &token,
        &before,
        &report,
        &[&plain, &coded],
        "Edited: ",
    )
    .await;
}
