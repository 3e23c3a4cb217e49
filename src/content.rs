//! The hosted announcements: loaded once at start-up, from the copy compiled
//! into the binary or from `content.dir`, and versioned by a hash of every
//! file so caches and ETags change exactly when the content does.
//!
//! Layout: `announcements/<name>/page.toml` (slug, title, date, bureau,
//! summary and the metadata's translations), `body.ja.html` and
//! `contact.ja.html` (HTML fragments), and optional bundled translations
//! `body.<lang>.html` / `contact.<lang>.html` with the same element tree.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::i18n::Lang;

#[derive(Debug, thiserror::Error)]
pub enum ContentError {
    #[error("cannot read content from {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("content file {file}: {problem}")]
    Invalid { file: String, problem: String },
    #[error("no announcements found under {0}")]
    Empty(String),
}

/// Year and month of publication: the release is dated by month only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

impl YearMonth {
    fn parse(raw: &str) -> Option<Self> {
        let (y, m) = raw.split_once('-')?;
        let year: i32 = y.parse().ok()?;
        let month: u32 = m.parse().ok()?;
        ((1868..=9999).contains(&year) && (1..=12).contains(&month)).then_some(Self { year, month })
    }
}

/// Text that exists in Japanese and, where bundled, in the target languages.
#[derive(Debug, Clone, Default)]
pub struct Localized {
    by_lang: HashMap<Lang, String>,
}

impl Localized {
    pub fn get(&self, lang: Lang) -> Option<&str> {
        self.by_lang.get(&lang).map(String::as_str)
    }

    /// The Japanese original, which every announcement must have.
    pub fn source(&self) -> &str {
        self.get(Lang::SOURCE).unwrap_or_default()
    }
}

#[derive(Debug)]
pub struct Announcement {
    /// URL path under the language prefix, e.g. `houdou/2025/05/…`.
    pub slug: String,
    pub published: YearMonth,
    pub title: Localized,
    pub summary: Localized,
    pub bureau: Localized,
    pub body: Localized,
    pub contact: Localized,
    /// Hash of this announcement's files.
    pub version: String,
    /// Hash of the Japanese alone (texts and fragments): what a bundled
    /// translation names as its `source`.
    pub source_version: String,
}

impl Announcement {
    /// Whether every part of the page has a bundled translation into `lang`.
    pub fn has_bundled(&self, lang: Lang) -> bool {
        lang.is_source()
            || [
                &self.title,
                &self.summary,
                &self.bureau,
                &self.body,
                &self.contact,
            ]
            .iter()
            .all(|part| part.get(lang).is_some())
    }
}

#[derive(Debug)]
pub struct Content {
    announcements: Vec<Arc<Announcement>>,
    by_slug: HashMap<String, Arc<Announcement>>,
    /// Hash over every content file; part of every cache key.
    pub version: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PageToml {
    slug: String,
    title: String,
    published: String,
    bureau: String,
    summary: String,
    #[serde(default)]
    translations: BTreeMap<String, TranslatedMeta>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TranslatedMeta {
    /// The [`Announcement::source_version`] of the Japanese this translation
    /// was reviewed against; when the Japanese changes, the translation is
    /// set aside until someone reviews it again.
    source: String,
    title: String,
    summary: String,
    bureau: String,
}

impl Content {
    /// The announcements compiled into the binary.
    pub fn embedded() -> Result<Self, ContentError> {
        let mut files = BTreeMap::new();
        collect_embedded(&crate::embedded::CONTENT, &mut files);
        Self::from_files(files, "the embedded content")
    }

    /// The announcements under `dir` on disk.
    pub fn from_dir(dir: &Path) -> Result<Self, ContentError> {
        let mut files = BTreeMap::new();
        collect_dir(dir, dir, &mut files)?;
        Self::from_files(files, &dir.display().to_string())
    }

    pub fn announcements(&self) -> &[Arc<Announcement>] {
        &self.announcements
    }

    pub fn find(&self, slug: &str) -> Option<&Arc<Announcement>> {
        self.by_slug.get(slug)
    }

    /// Builds from relative path → bytes; the map's order makes the version
    /// independent of directory iteration order.
    fn from_files(files: BTreeMap<String, Vec<u8>>, origin: &str) -> Result<Self, ContentError> {
        let mut all = Sha256::new();
        for (path, bytes) in &files {
            all.update(path.as_bytes());
            all.update([0]);
            all.update((bytes.len() as u64).to_le_bytes());
            all.update(bytes);
        }
        let version = short_hash(all);

        let mut dirs: BTreeMap<&str, BTreeMap<&str, &[u8]>> = BTreeMap::new();
        for (path, bytes) in &files {
            let mut parts = path.rsplitn(2, '/');
            let (Some(name), Some(dir)) = (parts.next(), parts.next()) else {
                continue;
            };
            if dir.starts_with("announcements/") {
                dirs.entry(dir).or_default().insert(name, bytes);
            }
        }
        let mut announcements = Vec::new();
        let mut by_slug = HashMap::new();
        for (dir, entries) in dirs {
            let announcement = Arc::new(parse_announcement(dir, &entries)?);
            if by_slug
                .insert(announcement.slug.clone(), announcement.clone())
                .is_some()
            {
                return Err(ContentError::Invalid {
                    file: format!("{dir}/page.toml"),
                    problem: format!("slug {:?} is used twice", announcement.slug),
                });
            }
            announcements.push(announcement);
        }
        if announcements.is_empty() {
            return Err(ContentError::Empty(origin.to_owned()));
        }
        // Newest first, as a list of press releases reads.
        announcements.sort_by(|a, b| {
            (b.published.year, b.published.month, &a.slug).cmp(&(
                a.published.year,
                a.published.month,
                &b.slug,
            ))
        });
        Ok(Self {
            announcements,
            by_slug,
            version,
        })
    }
}

fn parse_announcement(
    dir: &str,
    entries: &BTreeMap<&str, &[u8]>,
) -> Result<Announcement, ContentError> {
    let text = |name: &str| -> Result<Option<String>, ContentError> {
        entries
            .get(name)
            .map(|bytes| {
                String::from_utf8(bytes.to_vec()).map_err(|_| ContentError::Invalid {
                    file: format!("{dir}/{name}"),
                    problem: "is not valid UTF-8".into(),
                })
            })
            .transpose()
    };
    let invalid = |name: &str, problem: String| ContentError::Invalid {
        file: format!("{dir}/{name}"),
        problem,
    };

    let page_text = text("page.toml")?.ok_or_else(|| invalid("page.toml", "is missing".into()))?;
    let page: PageToml =
        toml::from_str(&page_text).map_err(|e| invalid("page.toml", e.message().to_owned()))?;
    if !is_valid_slug(&page.slug) {
        return Err(invalid(
            "page.toml",
            format!(
                "slug {:?} must be lower-case ASCII words separated by '/', '-' or '_'",
                page.slug
            ),
        ));
    }
    let published = YearMonth::parse(&page.published).ok_or_else(|| {
        invalid(
            "page.toml",
            format!("published {:?} must be YYYY-MM", page.published),
        )
    })?;

    let body_ja =
        text("body.ja.html")?.ok_or_else(|| invalid("body.ja.html", "is missing".into()))?;
    let contact_ja =
        text("contact.ja.html")?.ok_or_else(|| invalid("contact.ja.html", "is missing".into()))?;
    let source_version = {
        let mut hasher = Sha256::new();
        for part in [
            &page.title,
            &page.summary,
            &page.bureau,
            &body_ja,
            &contact_ja,
        ] {
            hasher.update((part.len() as u64).to_le_bytes());
            hasher.update(part.as_bytes());
        }
        short_hash(hasher)
    };
    let mut title = Localized::default();
    let mut summary = Localized::default();
    let mut bureau = Localized::default();
    title.by_lang.insert(Lang::SOURCE, page.title);
    summary.by_lang.insert(Lang::SOURCE, page.summary);
    bureau.by_lang.insert(Lang::SOURCE, page.bureau);
    let mut stale: Vec<Lang> = Vec::new();
    for (code, meta) in page.translations {
        // Any language may have a bundled translation; one the server
        // does not serve is simply never used.
        let lang = Lang::parse(&code)
            .ok()
            .filter(|l| !l.is_source())
            .ok_or_else(|| {
                invalid(
                    "page.toml",
                    format!("[translations.{code}] is not a target language"),
                )
            })?;
        if meta.source != source_version {
            tracing::warn!(
                announcement = %page.slug,
                lang = %lang,
                reviewed_against = %meta.source,
                japanese_now = %source_version,
                "the bundled translation was reviewed against other Japanese; it is set aside until reviewed again (then set [translations.{code}] source = \"{source_version}\")"
            );
            stale.push(lang);
            continue;
        }
        title.by_lang.insert(lang, meta.title);
        summary.by_lang.insert(lang, meta.summary);
        bureau.by_lang.insert(lang, meta.bureau);
    }

    let mut body = Localized::default();
    let mut contact = Localized::default();
    let mut own_hash = Sha256::new();
    for (name, bytes) in entries {
        own_hash.update(name.as_bytes());
        own_hash.update([0]);
        own_hash.update((bytes.len() as u64).to_le_bytes());
        own_hash.update(bytes);
        let Some(stem) = name.strip_suffix(".html") else {
            continue;
        };
        let Some((part, code)) = stem.split_once('.') else {
            return Err(invalid(
                name,
                "must be named body.<lang>.html or contact.<lang>.html".into(),
            ));
        };
        let lang = Lang::parse(code)
            .map_err(|e| invalid(name, format!("{code:?} is not a language tag ({e})")))?;
        if stale.contains(&lang) {
            continue;
        }
        let html = text(name)?.unwrap_or_default();
        match part {
            "body" => body.by_lang.insert(lang, html),
            "contact" => contact.by_lang.insert(lang, html),
            _ => {
                return Err(invalid(
                    name,
                    "must be named body.<lang>.html or contact.<lang>.html".into(),
                ));
            }
        };
    }
    if body.get(Lang::SOURCE).is_none() {
        return Err(invalid("body.ja.html", "is missing".into()));
    }
    if contact.get(Lang::SOURCE).is_none() {
        return Err(invalid("contact.ja.html", "is missing".into()));
    }
    Ok(Announcement {
        slug: page.slug,
        published,
        title,
        summary,
        bureau,
        body,
        contact,
        version: short_hash(own_hash),
        source_version,
    })
}

/// Slugs become URL paths, so they are kept to a set of characters that needs
/// no escaping and cannot climb directories.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.split('/').all(|segment| {
            !segment.is_empty()
                && segment != "."
                && segment != ".."
                && segment.bytes().all(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.')
                })
        })
}

fn short_hash(hasher: Sha256) -> String {
    let digest = hasher.finalize();
    hex::encode(digest.get(..8).unwrap_or_default())
}

fn collect_embedded(dir: &include_dir::Dir<'static>, files: &mut BTreeMap<String, Vec<u8>>) {
    for file in dir.files() {
        files.insert(
            file.path().to_string_lossy().replace('\\', "/"),
            file.contents().to_vec(),
        );
    }
    for sub in dir.dirs() {
        collect_embedded(sub, files);
    }
}

fn collect_dir(
    root: &Path,
    dir: &Path,
    files: &mut BTreeMap<String, Vec<u8>>,
) -> Result<(), ContentError> {
    let io = |source| ContentError::Io {
        path: dir.to_owned(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let path = entry.path();
        if entry.file_type().map_err(io)?.is_dir() {
            collect_dir(root, &path, files)?;
        } else {
            let relative = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            let bytes = std::fs::read(&path).map_err(|source| ContentError::Io {
                path: path.clone(),
                source,
            })?;
            files.insert(relative, bytes);
        }
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn embedded_announcement_loads_with_all_bundled_translations() {
        let content = Content::embedded().unwrap();
        let a = content
            .find("houdou/2025/05/roukyou-online-seminar")
            .unwrap();
        assert_eq!(
            a.published,
            YearMonth {
                year: 2025,
                month: 5
            }
        );
        assert!(a.title.source().contains("オンラインセミナー"));
        for lang in [Lang::Ja, Lang::En, Lang::ZhHans, Lang::ZhHant, Lang::Ko] {
            assert!(a.has_bundled(lang), "{lang}");
        }
        assert_eq!(content.version.len(), 16);
    }

    #[test]
    fn version_changes_with_any_byte() {
        let base = Content::embedded().unwrap();
        let mut files = BTreeMap::new();
        collect_embedded(&crate::embedded::CONTENT, &mut files);
        let key = files
            .keys()
            .find(|k| k.ends_with("body.ja.html"))
            .unwrap()
            .clone();
        files.get_mut(&key).unwrap().extend_from_slice(b"\n");
        let changed = Content::from_files(files, "test").unwrap();
        assert_ne!(base.version, changed.version);
    }

    #[test]
    fn bundled_translations_of_other_japanese_are_set_aside() {
        let mut files = BTreeMap::new();
        collect_embedded(&crate::embedded::CONTENT, &mut files);
        let key = files
            .keys()
            .find(|k| k.ends_with("body.ja.html"))
            .unwrap()
            .clone();
        let body = String::from_utf8(files[&key].clone()).unwrap();
        files.insert(key, body.replacen("無料", "有料", 1).into_bytes());
        let content = Content::from_files(files, "test").unwrap();
        let a = &content.announcements()[0];
        for lang in [Lang::En, Lang::ZhHans, Lang::ZhHant, Lang::Ko] {
            assert!(!a.has_bundled(lang), "{lang}");
            assert!(a.body.get(lang).is_none());
            assert!(a.title.get(lang).is_none());
        }
    }

    #[test]
    fn slugs_cannot_escape() {
        assert!(is_valid_slug("houdou/2025/05/x-y"));
        for bad in [
            "", "/x", "x/", "a//b", "../x", "a/../b", "A", "a b", "a?b", "%2e%2e",
        ] {
            assert!(!is_valid_slug(bad), "{bad}");
        }
    }
}
