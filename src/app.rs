//! The one application state every request handler shares.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use bytes::Bytes;
use sha2::{Digest, Sha256};

use crate::config::Config;
use crate::content::{Content, ContentError};
use crate::i18n::{Lang, LocaleError, Locales};
use crate::render::{self, PageContext};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Locales(#[from] LocaleError),
    #[error(transparent)]
    Content(#[from] ContentError),
    #[error("cannot compress a rendered page: {0}")]
    Compress(std::io::Error),
}

/// A response body rendered once at start-up, in plain and gzip form, each
/// with its own strong ETag (they are different byte sequences).
#[derive(Debug)]
pub struct RenderedPage {
    pub lang: Lang,
    pub identity: Bytes,
    pub identity_etag: String,
    pub gzip: Bytes,
    pub gzip_etag: String,
}

impl RenderedPage {
    fn new(lang: Lang, html: String) -> Result<Self, AppError> {
        let identity = Bytes::from(html);
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(&identity).map_err(AppError::Compress)?;
        let gzip = Bytes::from(encoder.finish().map_err(AppError::Compress)?);
        let tag = |bytes: &[u8]| {
            let digest = Sha256::digest(bytes);
            format!("\"{}\"", hex::encode(digest.get(..12).unwrap_or_default()))
        };
        Ok(Self {
            lang,
            identity_etag: tag(&identity),
            gzip_etag: tag(&gzip),
            identity,
            gzip,
        })
    }
}

pub struct App {
    pub config: Config,
    pub locales: Locales,
    pub content: Content,
    /// Absolute base URL for canonical and hreflang links.
    pub base_url: String,
    /// Every hosted page in every language, keyed by (language, path after
    /// the language prefix); the home page has the empty path.
    pages: HashMap<(Lang, String), Arc<RenderedPage>>,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("base_url", &self.base_url)
            .field("content_version", &self.content.version)
            .field("pages", &self.pages.len())
            .finish_non_exhaustive()
    }
}

impl App {
    /// Loads locales and content and renders every page. `base_url` is where
    /// readers reach the service (see [`Config::public_base`]).
    pub fn new(config: Config, base_url: String) -> Result<Self, AppError> {
        let locales = Locales::embedded()?;
        let content = if config.content.dir.is_empty() {
            Content::embedded()?
        } else {
            Content::from_dir(Path::new(&config.content.dir))?
        };
        let mut pages = HashMap::new();
        for lang in Lang::ALL {
            let index_ctx = PageContext {
                locales: &locales,
                lang,
                base_url: &base_url,
                path: Some(""),
            };
            let html = render::index_page(&index_ctx, &content);
            pages.insert(
                (lang, String::new()),
                Arc::new(RenderedPage::new(lang, html)?),
            );
            for page in content.announcements() {
                let ctx = PageContext {
                    path: Some(&page.slug),
                    ..index_ctx
                };
                let html = render::announcement_page(&ctx, page);
                pages.insert(
                    (lang, page.slug.clone()),
                    Arc::new(RenderedPage::new(lang, html)?),
                );
            }
        }
        Ok(Self {
            config,
            locales,
            content,
            base_url,
            pages,
        })
    }

    pub fn page(&self, lang: Lang, path: &str) -> Option<&Arc<RenderedPage>> {
        self.pages.get(&(lang, path.to_owned()))
    }

    /// The URL path of the first announcement in `lang`, for start-up output.
    pub fn first_announcement_path(&self, lang: Lang) -> String {
        match self.content.announcements().first() {
            Some(page) => format!("/{}/{}", lang.code(), page.slug),
            None => format!("/{}/", lang.code()),
        }
    }
}
