//! Hardened outbound HTTP for the URL proxy.
//!
//! The proxy fetches pages named by readers, so every request is a potential
//! server-side request forgery. The defences, in the order a request meets
//! them:
//!
//! 1. **URL policy** ([`Fetcher::check`]): only `http`/`https`, no user name
//!    or password, a host that is a literal IP address must be public, and
//!    the origin (scheme, host, port, with default ports made explicit) must
//!    equal one of `fetch.allowed_origins` exactly. The `url` crate parses
//!    hosts the WHATWG way, so `http://2130706433/`, `http://0x7f.1/`,
//!    `http://0177.0.0.1/` and `http://127.1/` all arrive here as
//!    `127.0.0.1` and are refused like it.
//! 2. **Address check at connection time**: the client's DNS resolver
//!    refuses a name when any address it resolves to is not public
//!    ([`is_forbidden`]). The check runs on exactly the addresses the
//!    connection will use, so a name that resolves to a public address for
//!    the policy check and to `127.0.0.1` a moment later (DNS rebinding)
//!    is still refused.
//! 3. **Redirects are followed here, not by reqwest**: each `Location` is
//!    resolved against the current URL and goes through step 1 again (and
//!    step 2 when it connects), at most `fetch.max_redirects` times.
//! 4. **Bounded work**: a connect timeout, one timeout for the whole fetch
//!    (redirects and body included), and a body cap enforced while the body
//!    streams in, after decompression, so neither a huge `Content-Length`
//!    nor an endless chunked body nor a gzip bomb is read past the cap.
//!
//! `fetch.allow_private_for` relaxes steps 1 and 2 for named origins so that
//! tests can use servers on 127.0.0.1. At the DNS step the resolver only
//! sees a host name, so there the relaxation applies per host.
//!
//! [`decode_html`] turns the bytes into text, trusting the declared charset
//! only as far as the bytes agree with it: Japanese government pages often
//! declare one encoding and are written in another.

use std::borrow::Cow;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use encoding_rs::Encoding;
use reqwest::StatusCode;
use reqwest::header::{self, HeaderMap, HeaderValue};
use url::{Host, Origin, Url};

use crate::config::{FetchConfig, parse_origin};

/// Why a fetch did not produce a page. The variants are stable: the proxy
/// maps them to HTTP answers. Display never contains a full URL (a path or
/// query may carry something private); an origin or host appears where it
/// tells the operator what to change.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The URL is not one the proxy may fetch: wrong scheme, user info,
    /// origin not in `fetch.allowed_origins`.
    #[error("not allowed: {reason}")]
    NotAllowed { reason: String },
    /// The host is, or resolves to, a private, loopback, link-local,
    /// metadata or otherwise non-public address.
    #[error("refused: {host} is or resolves to a non-public address")]
    ForbiddenAddress { host: String },
    #[error("more than {limit} redirects")]
    TooManyRedirects { limit: u32 },
    /// The body (after decompression) is larger than `fetch.max_body_bytes`.
    #[error("the page is larger than {limit} bytes")]
    TooLarge { limit: u64 },
    #[error("the origin did not answer in time")]
    Timeout,
    #[error("could not connect to the origin")]
    Connect,
    /// Any other transport failure (connection dropped mid-body, bad
    /// gzip, protocol error).
    #[error("request failed: {detail}")]
    Transport { detail: &'static str },
    #[error("invalid URL: {reason}")]
    InvalidUrl { reason: String },
    /// The HTTP client could not be built (TLS initialisation).
    #[error("cannot set up the fetcher: {reason}")]
    Setup { reason: String },
}

impl FetchError {
    /// A stable, machine-readable name for the error, for logs, metrics and
    /// API error codes.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotAllowed { .. } => "not_allowed",
            Self::ForbiddenAddress { .. } => "forbidden_address",
            Self::TooManyRedirects { .. } => "too_many_redirects",
            Self::TooLarge { .. } => "too_large",
            Self::Timeout => "timeout",
            Self::Connect => "connect",
            Self::Transport { .. } => "transport",
            Self::InvalidUrl { .. } => "invalid_url",
            Self::Setup { .. } => "setup",
        }
    }
}

/// What a previous fetch of the same page returned, sent back as
/// `If-None-Match` / `If-Modified-Since`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

impl Validators {
    pub fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }
}

/// The outcome of a fetch that reached the origin.
#[derive(Debug, Clone)]
pub enum Fetched {
    /// The origin answered 304 to a conditional request: the caller's copy
    /// is current.
    NotModified,
    /// Any other final answer. Non-2xx statuses (404, 500…) are pages too,
    /// with their status, so the proxy decides what to show; a 3xx without
    /// a `Location` and a 304 to an unconditional request also end up here.
    Page(Page),
}

#[derive(Debug, Clone)]
pub struct Page {
    /// The URL after redirects, for resolving relative links.
    pub final_url: Url,
    pub status: StatusCode,
    pub content_type: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub body: Bytes,
    /// `text/html` or `application/xhtml+xml`, or, without a Content-Type,
    /// a body that starts like HTML.
    pub is_html: bool,
}

impl Page {
    /// The validators to send when this page is fetched again.
    pub fn validators(&self) -> Validators {
        Validators {
            etag: self.etag.clone(),
            last_modified: self.last_modified.clone(),
        }
    }

    /// The body as text; see [`decode_html`].
    pub fn decode(&self) -> (String, &'static Encoding) {
        decode_html(&self.body, self.content_type.as_deref())
    }
}

/// Fetches allowlisted pages. Cheap to share: hold one per process (in an
/// `Arc` or by cloning, which shares the connection pool).
#[derive(Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    policy: Arc<Policy>,
    max_body_bytes: u64,
    max_redirects: u32,
    timeout: Duration,
}

impl std::fmt::Debug for Fetcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fetcher")
            .field("allowed", &self.policy.allowed.len())
            .field("max_body_bytes", &self.max_body_bytes)
            .field("max_redirects", &self.max_redirects)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

impl Fetcher {
    pub fn new(config: &FetchConfig) -> Result<Self, FetchError> {
        let policy = Arc::new(Policy::from_config(config)?);
        if !policy.private_ok.is_empty() {
            tracing::warn!(
                origins = ?config.allow_private_for,
                "fetch.allow_private_for is set: these origins may reach private addresses; \
                 this is meant for tests only"
            );
        }
        let mut defaults = HeaderMap::new();
        defaults.insert(
            header::ACCEPT,
            HeaderValue::from_static("text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"),
        );
        defaults.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static("ja"));
        let timeout = Duration::from_secs(config.timeout_secs);
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .connect_timeout(Duration::from_secs(config.connect_timeout_secs))
            .read_timeout(timeout)
            .timeout(timeout)
            .user_agent(config.user_agent.clone())
            .default_headers(defaults)
            .dns_resolver(Arc::new(GuardedResolver {
                policy: policy.clone(),
            }))
            .build()
            .map_err(|e| FetchError::Setup {
                reason: e.to_string(),
            })?;
        Ok(Self {
            client,
            policy,
            max_body_bytes: config.max_body_bytes,
            max_redirects: config.max_redirects,
            timeout,
        })
    }

    /// Whether `url` passes the URL policy (scheme, user info, literal
    /// address, allowlist). [`Fetcher::fetch`] applies it to every hop; the
    /// proxy can call it first to answer early. Names are checked again
    /// when they resolve.
    pub fn check(&self, url: &Url) -> Result<(), FetchError> {
        self.policy.check(url)
    }

    /// Parses `raw` as an absolute URL and checks it.
    pub fn parse_and_check(&self, raw: &str) -> Result<Url, FetchError> {
        let url = Url::parse(raw.trim()).map_err(|e| FetchError::InvalidUrl {
            reason: e.to_string(),
        })?;
        self.check(&url)?;
        Ok(url)
    }

    /// Fetches `url` with GET, following redirects that pass the policy.
    /// With `conditional`, sends `If-None-Match` / `If-Modified-Since` (on
    /// every hop, since the validators belong to wherever the chain ends)
    /// and returns [`Fetched::NotModified`] on 304.
    pub async fn fetch(
        &self,
        url: &Url,
        conditional: Option<&Validators>,
    ) -> Result<Fetched, FetchError> {
        match tokio::time::timeout(self.timeout, self.fetch_inner(url, conditional)).await {
            Ok(result) => result,
            Err(_) => Err(FetchError::Timeout),
        }
    }

    async fn fetch_inner(
        &self,
        url: &Url,
        conditional: Option<&Validators>,
    ) -> Result<Fetched, FetchError> {
        let conditional = conditional.filter(|v| !v.is_empty());
        let mut current = url.clone();
        current.set_fragment(None);
        let mut redirects = 0u32;
        loop {
            self.policy.check(&current)?;
            let mut request = self.client.get(current.clone());
            if let Some(v) = conditional {
                if let Some(etag) = v.etag.as_deref().and_then(header_value) {
                    request = request.header(header::IF_NONE_MATCH, etag);
                }
                if let Some(date) = v.last_modified.as_deref().and_then(header_value) {
                    request = request.header(header::IF_MODIFIED_SINCE, date);
                }
            }
            let response = request.send().await.map_err(transport_error)?;
            let status = response.status();
            if is_followed_redirect(status) {
                if let Some(location) = response.headers().get(header::LOCATION) {
                    if redirects >= self.max_redirects {
                        return Err(FetchError::TooManyRedirects {
                            limit: self.max_redirects,
                        });
                    }
                    let location = std::str::from_utf8(location.as_bytes()).map_err(|_| {
                        FetchError::InvalidUrl {
                            reason: "redirect Location is not UTF-8".into(),
                        }
                    })?;
                    let mut next =
                        current
                            .join(location.trim())
                            .map_err(|e| FetchError::InvalidUrl {
                                reason: format!("redirect Location: {e}"),
                            })?;
                    next.set_fragment(None);
                    tracing::debug!(status = status.as_u16(), "fetch: following a redirect");
                    redirects += 1;
                    current = next;
                    continue;
                }
            }
            if status == StatusCode::NOT_MODIFIED && conditional.is_some() {
                return Ok(Fetched::NotModified);
            }
            let headers = response.headers();
            let text = |name: header::HeaderName| {
                headers
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned)
            };
            let content_type = text(header::CONTENT_TYPE);
            let etag = text(header::ETAG);
            let last_modified = text(header::LAST_MODIFIED);
            let body = read_capped(response, self.max_body_bytes).await?;
            let is_html = looks_like_html(content_type.as_deref(), &body);
            return Ok(Fetched::Page(Page {
                final_url: current,
                status,
                content_type,
                etag,
                last_modified,
                body,
                is_html,
            }));
        }
    }
}

fn header_value(raw: &str) -> Option<HeaderValue> {
    HeaderValue::from_str(raw.trim()).ok()
}

fn is_followed_redirect(status: StatusCode) -> bool {
    matches!(status.as_u16(), 301 | 302 | 303 | 307 | 308)
}

/// Reads the body, refusing it as soon as it is known to exceed `cap`:
/// from `Content-Length` before reading, else while it streams in.
async fn read_capped(mut response: reqwest::Response, cap: u64) -> Result<Bytes, FetchError> {
    let too_large = || FetchError::TooLarge { limit: cap };
    if response.content_length().is_some_and(|len| len > cap) {
        return Err(too_large());
    }
    let mut body = BytesMut::new();
    while let Some(chunk) = response.chunk().await.map_err(transport_error)? {
        if (body.len() as u64).saturating_add(chunk.len() as u64) > cap {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

fn looks_like_html(content_type: Option<&str>, body: &[u8]) -> bool {
    if let Some(ct) = content_type {
        let essence = ct.split(';').next().unwrap_or_default().trim();
        return essence.eq_ignore_ascii_case("text/html")
            || essence.eq_ignore_ascii_case("application/xhtml+xml");
    }
    let start = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let start: Vec<u8> = start
        .iter()
        .copied()
        .skip_while(u8::is_ascii_whitespace)
        .take(14)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    start.starts_with(b"<!doctype html")
        || start.starts_with(b"<html")
        || start.starts_with(b"<!--")
}

/// Maps reqwest's errors to ours. reqwest's Display includes the URL, so it
/// is not passed on; a refusal by our resolver is found in the source chain.
fn transport_error(error: reqwest::Error) -> FetchError {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&error);
    while let Some(e) = source {
        if let Some(refused) = e.downcast_ref::<AddressRefused>() {
            return FetchError::ForbiddenAddress {
                host: refused.host.clone(),
            };
        }
        source = e.source();
    }
    if error.is_timeout() {
        FetchError::Timeout
    } else if error.is_connect() {
        FetchError::Connect
    } else if error.is_body() || error.is_decode() {
        FetchError::Transport {
            detail: "the connection failed while reading the page",
        }
    } else {
        FetchError::Transport {
            detail: "the request failed",
        }
    }
}

/// The allowlist and its exception for tests, parsed once.
#[derive(Debug)]
struct Policy {
    allowed: Vec<Origin>,
    private_ok: Vec<Origin>,
}

impl Policy {
    fn from_config(config: &FetchConfig) -> Result<Self, FetchError> {
        let parse = |key: &str, list: &[String]| {
            list.iter()
                .map(|raw| {
                    parse_origin(raw).map_err(|problem| FetchError::Setup {
                        reason: format!("{key} entry {raw:?} {problem}"),
                    })
                })
                .collect::<Result<Vec<_>, _>>()
        };
        Ok(Self {
            allowed: parse("fetch.allowed_origins", &config.allowed_origins)?,
            private_ok: parse("fetch.allow_private_for", &config.allow_private_for)?,
        })
    }

    fn check(&self, url: &Url) -> Result<(), FetchError> {
        if !matches!(url.scheme(), "http" | "https") {
            return Err(FetchError::NotAllowed {
                reason: format!("scheme {:?} is not http or https", url.scheme()),
            });
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(FetchError::NotAllowed {
                reason: "URLs with a user name or password are not fetched".into(),
            });
        }
        let host = url.host().ok_or_else(|| FetchError::InvalidUrl {
            reason: "no host".into(),
        })?;
        let origin = url.origin();
        let literal = match host {
            Host::Ipv4(v4) => Some(IpAddr::V4(v4)),
            Host::Ipv6(v6) => Some(IpAddr::V6(v6)),
            Host::Domain(_) => None,
        };
        if let Some(ip) = literal {
            if is_forbidden(ip) && !self.private_ok.contains(&origin) {
                return Err(FetchError::ForbiddenAddress {
                    host: host.to_string(),
                });
            }
        }
        if !self.allowed.contains(&origin) {
            return Err(FetchError::NotAllowed {
                reason: format!(
                    "origin {} is not in fetch.allowed_origins",
                    origin.ascii_serialization()
                ),
            });
        }
        Ok(())
    }

    /// Whether a name may resolve to non-public addresses: only hosts of
    /// `allow_private_for` origins.
    fn private_ok_for_host(&self, name: &str) -> bool {
        self.private_ok.iter().any(|origin| match origin {
            Origin::Tuple(_, Host::Domain(domain), _) => domain.eq_ignore_ascii_case(name),
            _ => false,
        })
    }
}

/// The resolver's refusal, carried through reqwest's error chain.
#[derive(Debug, thiserror::Error)]
#[error("{host} resolves to a non-public address")]
struct AddressRefused {
    host: String,
}

/// Resolves with tokio (the system resolver) and refuses names with any
/// non-public address, so the connection can only go where the check looked.
struct GuardedResolver {
    policy: Arc<Policy>,
}

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().to_owned();
        let private_ok = self.policy.private_ok_for_host(&host);
        Box::pin(async move {
            let addrs: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            if !private_ok && addrs.iter().any(|a| is_forbidden(a.ip())) {
                tracing::warn!(%host, "fetch: refused a name that resolves to a non-public address");
                return Err(Box::new(AddressRefused { host }) as _);
            }
            Ok(Box::new(addrs.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

/// Whether an address must never be fetched from: anything that is not
/// plainly a public unicast address. IPv6 forms that embed an IPv4 address
/// (mapped, NAT64, 6to4) are judged by that address; other IPv6 addresses
/// must be global unicast (2000::/3) outside the special-purpose blocks.
pub fn is_forbidden(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => forbidden_v4(v4),
        IpAddr::V6(v6) => forbidden_v6(v6),
    }
}

fn forbidden_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    a == 0 // "this network", 0.0.0.0
        || a == 10 // private
        || a == 127 // loopback
        || a >= 224 // multicast 224/4, reserved 240/4, broadcast
        || (a == 100 && (64..128).contains(&b)) // CGNAT 100.64/10 (Alibaba metadata)
        || (a == 169 && b == 254) // link-local, cloud metadata 169.254.169.254
        || (a == 172 && (16..32).contains(&b)) // private
        || (a == 192 && b == 168) // private
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments (Oracle metadata)
        || (a == 192 && b == 0 && c == 2) // TEST-NET-1
        || (a == 192 && b == 88 && c == 99) // 6to4 relay anycast
        || (a == 198 && (b == 18 || b == 19)) // benchmarking 198.18/15
        || (a == 198 && b == 51 && c == 100) // TEST-NET-2
        || (a == 203 && b == 0 && c == 113) // TEST-NET-3
}

fn forbidden_v6(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    let embedded = |hi: u16, lo: u16| {
        let [a, b] = hi.to_be_bytes();
        let [c, d] = lo.to_be_bytes();
        Ipv4Addr::new(a, b, c, d)
    };
    // ::ffff:a.b.c.d, IPv4-mapped: the IPv4 address is what is reached.
    if let Some(v4) = ip.to_ipv4_mapped() {
        return forbidden_v4(v4);
    }
    // ::/96: unspecified, loopback and the deprecated IPv4-compatible form.
    if s[0..6] == [0; 6] {
        return true;
    }
    // 64:ff9b::/96, NAT64 well-known prefix.
    if s[0..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return forbidden_v4(embedded(s[6], s[7]));
    }
    // 2002::/16, 6to4: the IPv4 address is in bits 16..48.
    if s[0] == 0x2002 {
        return forbidden_v4(embedded(s[1], s[2]));
    }
    // Outside global unicast 2000::/3: unique-local fc00::/7 (AWS metadata
    // fd00:ec2::254), link-local fe80::/10, site-local, multicast ff00::/8,
    // discard 100::/64, local NAT64 64:ff9b:1::/48, …
    if s[0] & 0xe000 != 0x2000 {
        return true;
    }
    // 2001::/23, IETF protocol assignments: Teredo 2001::/32 (embeds an
    // obfuscated IPv4), benchmarking 2001:2::/48, ORCHID.
    if s[0] == 0x2001 && s[1] < 0x0200 {
        return true;
    }
    // Documentation: 2001:db8::/32 and 3fff::/20.
    (s[0] == 0x2001 && s[1] == 0x0db8) || (s[0] == 0x3fff && s[1] < 0x1000)
}

/// Decodes an HTML body to text and says which encoding was used.
///
/// Order: a byte-order mark wins; then the charset declared by the
/// `Content-Type` header, else by a `<meta charset>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">` in the first
/// 1024 bytes. A declaration is trusted only if the body decodes under it
/// without errors and without characters that betray a wrong guess
/// (half-width katakana, private-use and control characters, which is what
/// UTF-8 or EUC-JP read as Shift_JIS look like). Otherwise UTF-8, Shift_JIS
/// (encoding_rs's Shift_JIS is the WHATWG one, a superset covering CP932's
/// ①, ㈱ and NEC/IBM extensions), EUC-JP and ISO-2022-JP are tried, and the
/// clean decoding with the fewest such characters wins, the declaration
/// first on a tie. When nothing decodes cleanly, the declared encoding (or,
/// without one, the candidate with the fewest errors) is used with U+FFFD
/// for bad bytes.
pub fn decode_html(body: &[u8], content_type: Option<&str>) -> (String, &'static Encoding) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(body) {
        let rest = body.get(bom_len..).unwrap_or_default();
        let (text, _) = encoding.decode_without_bom_handling(rest);
        return (text.into_owned(), encoding);
    }
    let declared = content_type
        .and_then(charset_from_content_type)
        .or_else(|| meta_charset(body));

    let mut candidates: Vec<&'static Encoding> = Vec::with_capacity(5);
    candidates.extend(declared);
    for encoding in [
        encoding_rs::UTF_8,
        encoding_rs::SHIFT_JIS,
        encoding_rs::EUC_JP,
        encoding_rs::ISO_2022_JP,
    ] {
        if !candidates.contains(&encoding) {
            candidates.push(encoding);
        }
    }

    let mut best: Option<(usize, Cow<'_, str>, &'static Encoding)> = None;
    for encoding in candidates {
        let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(body) else {
            continue;
        };
        let score = suspicious_chars(&text);
        if score == 0 {
            return (text.into_owned(), encoding);
        }
        if best.as_ref().is_none_or(|(s, _, _)| score < *s) {
            best = Some((score, text, encoding));
        }
    }
    if let Some((_, text, encoding)) = best {
        return (text.into_owned(), encoding);
    }
    let fallback = declared.unwrap_or_else(|| fewest_errors(body));
    let (text, _) = fallback.decode_without_bom_handling(body);
    (text.into_owned(), fallback)
}

/// Characters that real Japanese (or English) pages rarely contain but a
/// wrong encoding produces in numbers.
fn suspicious_chars(text: &str) -> usize {
    text.chars()
        .filter(|&c| {
            matches!(c,
                '\u{FF61}'..='\u{FF9F}' // half-width katakana
                | '\u{E000}'..='\u{F8FF}' // private use
                | '\u{80}'..='\u{9F}' // C1 controls
            ) || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}'))
        })
        .count()
}

fn fewest_errors(body: &[u8]) -> &'static Encoding {
    [
        encoding_rs::UTF_8,
        encoding_rs::SHIFT_JIS,
        encoding_rs::EUC_JP,
    ]
    .into_iter()
    .min_by_key(|encoding| {
        let (text, _) = encoding.decode_without_bom_handling(body);
        text.chars().filter(|&c| c == '\u{FFFD}').count()
    })
    .unwrap_or(encoding_rs::UTF_8)
}

/// The `charset` parameter of a Content-Type header value.
fn charset_from_content_type(content_type: &str) -> Option<&'static Encoding> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        Encoding::for_label(value.trim().trim_matches(['"', '\'']).trim().as_bytes())
    })
}

/// The charset a `<meta>` in the first 1024 bytes declares, found the way
/// the HTML prescan does in spirit: any `charset=` inside a `<meta …>` tag,
/// which covers both `<meta charset=…>` and the `http-equiv` form. UTF-16
/// declared in a meta means UTF-8, as in browsers (a real UTF-16 page has
/// a BOM or could not have been scanned as ASCII).
fn meta_charset(body: &[u8]) -> Option<&'static Encoding> {
    let head = body.get(..1024).unwrap_or(body).to_ascii_lowercase();
    let mut rest: &[u8] = &head;
    while let Some(start) = find(rest, b"<meta") {
        let after = rest.get(start + 5..).unwrap_or_default();
        let end = find(after, b">").unwrap_or(after.len());
        let tag = after.get(..end).unwrap_or_default();
        if let Some(encoding) = charset_in_tag(tag) {
            return Some(
                if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
                    encoding_rs::UTF_8
                } else {
                    encoding
                },
            );
        }
        rest = after.get(end..).unwrap_or_default();
    }
    None
}

fn charset_in_tag(tag: &[u8]) -> Option<&'static Encoding> {
    let mut rest = tag;
    while let Some(at) = find(rest, b"charset") {
        rest = rest.get(at + 7..).unwrap_or_default();
        let value = rest.trim_ascii_start();
        let Some(value) = value.strip_prefix(b"=") else {
            continue;
        };
        let value = value.trim_ascii_start();
        let value = value
            .strip_prefix(b"\"")
            .or_else(|| value.strip_prefix(b"'"))
            .unwrap_or(value);
        let end = value
            .iter()
            .position(|b| matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace())
            .unwrap_or(value.len());
        if let Some(encoding) = value.get(..end).and_then(Encoding::for_label) {
            return Some(encoding);
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    // ---- address classification -------------------------------------

    #[test]
    fn forbidden_addresses_table() {
        let forbidden = [
            "0.0.0.0",
            "0.1.2.3",
            "10.0.0.1",
            "10.255.255.255",
            "100.64.0.1",
            "100.100.100.200",
            "100.127.255.255",
            "127.0.0.1",
            "127.255.0.1",
            "169.254.169.254",
            "169.254.0.1",
            "172.16.0.1",
            "172.31.255.255",
            "192.0.0.192",
            "192.0.2.1",
            "192.88.99.1",
            "192.168.1.1",
            "198.18.0.1",
            "198.19.255.255",
            "198.51.100.7",
            "203.0.113.9",
            "224.0.0.1",
            "239.255.255.250",
            "240.0.0.1",
            "255.255.255.255",
            "::",
            "::1",
            "::127.0.0.1",
            "::8.8.8.8",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::ffff:169.254.169.254",
            "64:ff9b::7f00:1",
            "64:ff9b::a9fe:a9fe",
            "64:ff9b:1::1",
            "2002:7f00:1::",
            "2002:a9fe:a9fe::1",
            "2001::1",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2",
            "2001:2::1",
            "2001:db8::1",
            "3fff::1",
            "fc00::1",
            "fd00::1",
            "fd00:ec2::254",
            "fe80::1",
            "fec0::1",
            "ff02::1",
            "100::1",
        ];
        for raw in forbidden {
            let ip: IpAddr = raw.parse().unwrap();
            assert!(is_forbidden(ip), "{raw} should be forbidden");
        }
    }

    #[test]
    fn public_addresses_table() {
        let public = [
            "8.8.8.8",
            "1.1.1.1",
            "100.63.255.255",
            "100.128.0.1",
            "172.15.255.255",
            "172.32.0.1",
            "192.167.1.1",
            "198.17.0.1",
            "203.0.112.1",
            "223.255.255.255",
            "::ffff:8.8.8.8",
            "64:ff9b::808:808",
            "2002:808:808::1",
            "2400:cb00::1",
            "2404:6800:4004:80a::200e",
            "2001:200::1",
        ];
        for raw in public {
            let ip: IpAddr = raw.parse().unwrap();
            assert!(!is_forbidden(ip), "{raw} should be allowed");
        }
    }

    // ---- URL policy --------------------------------------------------

    fn config(allowed: &[&str], private_ok: &[&str]) -> FetchConfig {
        FetchConfig {
            allowed_origins: allowed.iter().map(|s| (*s).to_owned()).collect(),
            allow_private_for: private_ok.iter().map(|s| (*s).to_owned()).collect(),
            connect_timeout_secs: 2,
            timeout_secs: 5,
            max_body_bytes: 1 << 20,
            max_redirects: 3,
            user_agent: "honyaku-test".into(),
            jserver_prefix: "LUCMHLW".into(),
        }
    }

    /// The allowlist the refusal tests run against. It names loopback
    /// origins on purpose: they must still be refused by address.
    fn policy() -> Policy {
        Policy::from_config(&config(
            &[
                "https://www.mhlw.go.jp",
                "http://www.mhlw.go.jp",
                "http://allowed.example",
                "http://127.0.0.1",
                "http://localhost",
                "http://[::1]",
            ],
            &[],
        ))
        .unwrap()
    }

    fn check(raw: &str) -> Result<(), FetchError> {
        let url = Url::parse(raw).map_err(|e| FetchError::InvalidUrl {
            reason: e.to_string(),
        })?;
        policy().check(&url)
    }

    /// One `#[test]` per refused URL, each asserting the kind of refusal.
    macro_rules! refused {
        ($($name:ident: $url:expr => $kind:pat,)+) => {$(
            #[test]
            fn $name() {
                let result = check($url);
                assert!(
                    matches!(result, Err($kind)),
                    "{} should be refused as {}, got {result:?}",
                    $url,
                    stringify!($kind)
                );
            }
        )+};
    }

    refused! {
        refuses_decimal_ip: "http://2130706433/" => FetchError::ForbiddenAddress { .. },
        refuses_octal_ip: "http://0177.0.0.1/" => FetchError::ForbiddenAddress { .. },
        refuses_hex_ip: "http://0x7f000001/" => FetchError::ForbiddenAddress { .. },
        refuses_hex_dotted_ip: "http://0x7f.1/" => FetchError::ForbiddenAddress { .. },
        refuses_short_ip: "http://127.1/" => FetchError::ForbiddenAddress { .. },
        refuses_zero_ip: "http://0/" => FetchError::ForbiddenAddress { .. },
        refuses_trailing_dot_ip: "http://127.0.0.1./" => FetchError::ForbiddenAddress { .. },
        refuses_fullwidth_digits_ip: "http://１２７.０.０.１/" => FetchError::ForbiddenAddress { .. },
        refuses_ideographic_full_stop_ip: "http://127。0。0。1/" => FetchError::ForbiddenAddress { .. },
        refuses_circled_digits_ip: "http://①②⑦.0.0.1/" => FetchError::ForbiddenAddress { .. },
        refuses_loopback_ip_even_if_allowlisted: "http://127.0.0.1/" => FetchError::ForbiddenAddress { .. },
        refuses_ipv6_loopback: "http://[::1]/" => FetchError::ForbiddenAddress { .. },
        refuses_ipv6_unspecified: "http://[::]/" => FetchError::ForbiddenAddress { .. },
        refuses_ipv4_mapped_dotted: "http://[::ffff:127.0.0.1]/" => FetchError::ForbiddenAddress { .. },
        refuses_ipv4_mapped_hex: "http://[::ffff:7f00:1]/" => FetchError::ForbiddenAddress { .. },
        refuses_ipv4_compatible: "http://[::127.0.0.1]/" => FetchError::ForbiddenAddress { .. },
        refuses_metadata_ip: "http://169.254.169.254/latest/meta-data/" => FetchError::ForbiddenAddress { .. },
        refuses_metadata_ip_decimal: "http://2852039166/latest/meta-data/" => FetchError::ForbiddenAddress { .. },
        refuses_aws_ipv6_metadata: "http://[fd00:ec2::254]/" => FetchError::ForbiddenAddress { .. },
        refuses_alibaba_metadata: "http://100.100.100.200/latest/meta-data/" => FetchError::ForbiddenAddress { .. },
        refuses_unique_local_v6: "http://[fd00::1]/" => FetchError::ForbiddenAddress { .. },
        refuses_link_local_v6: "http://[fe80::1]/" => FetchError::ForbiddenAddress { .. },
        refuses_private_10: "http://10.0.0.1/" => FetchError::ForbiddenAddress { .. },
        refuses_private_192_168: "http://192.168.1.1/" => FetchError::ForbiddenAddress { .. },
        refuses_private_172_16: "http://172.16.0.1/" => FetchError::ForbiddenAddress { .. },
        refuses_cgnat: "http://100.64.0.1/" => FetchError::ForbiddenAddress { .. },
        refuses_broadcast: "http://255.255.255.255/" => FetchError::ForbiddenAddress { .. },
        refuses_multicast: "http://224.0.0.1/" => FetchError::ForbiddenAddress { .. },
        refuses_nat64_loopback: "http://[64:ff9b::7f00:1]/" => FetchError::ForbiddenAddress { .. },
        refuses_6to4_loopback: "http://[2002:7f00:1::]/" => FetchError::ForbiddenAddress { .. },
        refuses_teredo: "http://[2001::1]/" => FetchError::ForbiddenAddress { .. },
        refuses_userinfo_with_password: "http://user:pw@www.mhlw.go.jp/" => FetchError::NotAllowed { .. },
        refuses_userinfo_without_password: "http://user@www.mhlw.go.jp/" => FetchError::NotAllowed { .. },
        refuses_file_scheme: "file:///etc/passwd" => FetchError::NotAllowed { .. },
        refuses_gopher_scheme: "gopher://www.mhlw.go.jp:70/_GET%20/" => FetchError::NotAllowed { .. },
        refuses_ftp_scheme: "ftp://www.mhlw.go.jp/" => FetchError::NotAllowed { .. },
        refuses_data_scheme: "data:text/html,<h1>x</h1>" => FetchError::NotAllowed { .. },
        refuses_suffix_trick: "http://www.mhlw.go.jp.evil.com/" => FetchError::NotAllowed { .. },
        refuses_prefix_trick: "http://evilwww.mhlw.go.jp/" => FetchError::NotAllowed { .. },
        refuses_subdomain_of_allowed: "http://sub.allowed.example/" => FetchError::NotAllowed { .. },
        refuses_fragment_at_trick: "http://evil.com#@www.mhlw.go.jp/" => FetchError::NotAllowed { .. },
        refuses_backslash_at_trick: "http://evil.com\\@www.mhlw.go.jp/" => FetchError::NotAllowed { .. },
        refuses_trailing_dot_host: "http://www.mhlw.go.jp./" => FetchError::NotAllowed { .. },
        refuses_unlisted_port: "http://www.mhlw.go.jp:8080/" => FetchError::NotAllowed { .. },
        refuses_https_port_on_http: "http://www.mhlw.go.jp:443/" => FetchError::NotAllowed { .. },
        refuses_unlisted_origin: "https://example.com/" => FetchError::NotAllowed { .. },
        refuses_https_when_only_http_listed: "https://allowed.example/" => FetchError::NotAllowed { .. },
    }

    #[test]
    fn allows_listed_origins_in_any_spelling() {
        for ok in [
            "https://www.mhlw.go.jp/stf/houdou/index.html",
            "https://WWW.MHLW.GO.JP:443/stf/",
            "http://www.mhlw.go.jp:80/?q=1#top",
            "http://allowed.example/a/b",
        ] {
            assert!(check(ok).is_ok(), "{ok}: {:?}", check(ok));
        }
    }

    #[test]
    fn private_origins_need_an_explicit_exception() {
        let policy = Policy::from_config(&config(
            &["http://127.0.0.1:8081"],
            &["http://127.0.0.1:8081"],
        ))
        .unwrap();
        let url = |s: &str| Url::parse(s).unwrap();
        assert!(policy.check(&url("http://127.0.0.1:8081/page")).is_ok());
        // The exception is for that origin only, not for the address.
        assert!(matches!(
            policy.check(&url("http://127.0.0.1:8082/")),
            Err(FetchError::ForbiddenAddress { .. })
        ));
        assert!(matches!(
            policy.check(&url("http://[::ffff:127.0.0.1]:8081/")),
            Err(FetchError::ForbiddenAddress { .. })
        ));
        assert!(!policy.private_ok_for_host("localhost"));
    }

    #[test]
    fn error_messages_do_not_carry_paths() {
        let err = check("https://example.com/secret-path?token=abc").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("https://example.com"), "{text}");
        assert!(
            !text.contains("secret-path") && !text.contains("abc"),
            "{text}"
        );
        assert_eq!(err.code(), "not_allowed");
    }

    // ---- the resolver and redirects, against a local server ------------

    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    /// A fetcher that may reach `server` (on 127.0.0.1, so listed in
    /// `allow_private_for`) and also lists origins that must stay refused.
    fn fetcher_for(server: &MockServer, extra_allowed: &[&str]) -> Fetcher {
        let origin = server.uri();
        let mut allowed = vec![origin.as_str()];
        allowed.extend_from_slice(extra_allowed);
        Fetcher::new(&config(&allowed, &[origin.as_str()])).unwrap()
    }

    async fn redirecting_to(location: &str) -> MockServer {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/start"))
            .respond_with(ResponseTemplate::new(302).insert_header("location", location))
            .mount(&server)
            .await;
        server
    }

    async fn fetch_start(
        server: &MockServer,
        extra_allowed: &[&str],
    ) -> Result<Fetched, FetchError> {
        let fetcher = fetcher_for(server, extra_allowed);
        let url = Url::parse(&format!("{}/start", server.uri())).unwrap();
        fetcher.fetch(&url, None).await
    }

    macro_rules! redirect_refused {
        ($($name:ident: $location:expr, allowed $extra:expr => $kind:pat,)+) => {$(
            #[tokio::test]
            async fn $name() {
                let server = redirecting_to($location).await;
                let result = fetch_start(&server, $extra).await;
                assert!(
                    matches!(result, Err($kind)),
                    "redirect to {} should be refused as {}, got {result:?}",
                    $location,
                    stringify!($kind)
                );
                // The first hop was fetched; the refusal is of the redirect.
                assert_eq!(server.received_requests().await.unwrap().len(), 1);
            }
        )+};
    }

    redirect_refused! {
        refuses_redirect_to_loopback: "http://127.0.0.1/", allowed &["http://127.0.0.1"] => FetchError::ForbiddenAddress { .. },
        refuses_redirect_to_metadata: "http://169.254.169.254/latest/meta-data/", allowed &[] => FetchError::ForbiddenAddress { .. },
        refuses_redirect_to_decimal_loopback: "http://2130706433/", allowed &[] => FetchError::ForbiddenAddress { .. },
        refuses_redirect_to_mapped_loopback: "http://[::ffff:127.0.0.1]/", allowed &[] => FetchError::ForbiddenAddress { .. },
        refuses_redirect_to_private: "http://192.168.0.1/admin", allowed &[] => FetchError::ForbiddenAddress { .. },
        refuses_redirect_to_unlisted_origin: "https://evil.example/", allowed &[] => FetchError::NotAllowed { .. },
        refuses_redirect_protocol_relative: "//evil.example/x", allowed &[] => FetchError::NotAllowed { .. },
        refuses_redirect_backslash_relative: "/\\evil.example/x", allowed &[] => FetchError::NotAllowed { .. },
        refuses_redirect_to_file: "file:///etc/passwd", allowed &[] => FetchError::NotAllowed { .. },
        refuses_redirect_to_gopher: "gopher://127.0.0.1:6379/_INFO", allowed &[] => FetchError::NotAllowed { .. },
        refuses_redirect_with_userinfo: "http://user:pw@allowed.example/", allowed &["http://allowed.example"] => FetchError::NotAllowed { .. },
        refuses_redirect_to_name_resolving_to_loopback: "http://localhost/", allowed &["http://localhost"] => FetchError::ForbiddenAddress { .. },
    }

    #[tokio::test]
    async fn refuses_redirect_to_same_server_under_another_name() {
        // The test server itself, reached as `localhost`: listed, but not
        // excepted, so the resolver refuses its loopback address.
        let server = MockServer::start().await;
        let port = server.address().port();
        let other = format!("http://localhost:{port}");
        Mock::given(method("GET"))
            .and(path("/start"))
            .respond_with(
                ResponseTemplate::new(301).insert_header("location", format!("{other}/page")),
            )
            .mount(&server)
            .await;
        let result = fetch_start(&server, &[other.as_str()]).await;
        assert!(
            matches!(result, Err(FetchError::ForbiddenAddress { ref host }) if host == "localhost"),
            "{result:?}"
        );
        assert_eq!(server.received_requests().await.unwrap().len(), 1);
    }

    #[tokio::test]
    async fn refuses_name_resolving_to_loopback() {
        let fetcher = Fetcher::new(&config(&["http://localhost"], &[])).unwrap();
        let result = fetcher
            .fetch(&Url::parse("http://localhost/").unwrap(), None)
            .await;
        assert!(
            matches!(result, Err(FetchError::ForbiddenAddress { .. })),
            "{result:?}"
        );
    }

    #[tokio::test]
    async fn refuses_redirect_loop_beyond_the_limit() {
        let server = redirecting_to("/start").await;
        let result = fetch_start(&server, &[]).await;
        assert!(
            matches!(result, Err(FetchError::TooManyRedirects { limit: 3 })),
            "{result:?}"
        );
        // The first request and three redirects followed, the fourth refused.
        assert_eq!(server.received_requests().await.unwrap().len(), 4);
    }

    #[tokio::test]
    async fn follows_redirects_within_the_limit() {
        let server = MockServer::start().await;
        for (from, to) in [("/a", "/b"), ("/b", "c"), ("/c", "/final#frag")] {
            Mock::given(method("GET"))
                .and(path(from))
                .respond_with(ResponseTemplate::new(308).insert_header("location", to))
                .mount(&server)
                .await;
        }
        Mock::given(method("GET"))
            .and(path("/final"))
            .respond_with(
                ResponseTemplate::new(200).set_body_raw("<p>ok</p>", "text/html; charset=utf-8"),
            )
            .mount(&server)
            .await;
        let fetcher = fetcher_for(&server, &[]);
        let url = Url::parse(&format!("{}/a", server.uri())).unwrap();
        let Fetched::Page(page) = fetcher.fetch(&url, None).await.unwrap() else {
            panic!("expected a page");
        };
        assert_eq!(page.final_url.path(), "/final");
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.is_html);
        assert_eq!(&page.body[..], b"<p>ok</p>");
    }

    // ---- charset decoding ----------------------------------------------

    const TEXT: &str = "厚生労働省 お知らせ：労働者協同組合に係るオンラインセミナーを開催します。";

    fn html(meta: &str, text: &str) -> String {
        format!(
            "<!DOCTYPE html><html><head>{meta}<title>t</title></head><body><p>{text}</p></body></html>"
        )
    }

    fn encode(text: &str, encoding: &'static Encoding) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "test text must be encodable");
        bytes.into_owned()
    }

    #[test]
    fn decodes_declared_shift_jis() {
        let page = html(r#"<meta charset="Shift_JIS">"#, TEXT);
        let (text, enc) = decode_html(&encode(&page, encoding_rs::SHIFT_JIS), None);
        assert_eq!(enc, encoding_rs::SHIFT_JIS);
        assert!(text.contains(TEXT));
    }

    #[test]
    fn decodes_shift_jis_whose_meta_says_utf8() {
        let page = html(r#"<meta charset="utf-8">"#, TEXT);
        let (text, enc) = decode_html(&encode(&page, encoding_rs::SHIFT_JIS), None);
        assert_eq!(enc, encoding_rs::SHIFT_JIS);
        assert!(text.contains(TEXT));
    }

    #[test]
    fn decodes_shift_jis_whose_header_says_utf8() {
        let page = html("", TEXT);
        let (text, enc) = decode_html(
            &encode(&page, encoding_rs::SHIFT_JIS),
            Some("text/html; charset=UTF-8"),
        );
        assert_eq!(enc, encoding_rs::SHIFT_JIS);
        assert!(text.contains(TEXT));
    }

    #[test]
    fn decodes_shift_jis_whose_meta_says_latin1() {
        // windows-1252 decodes any byte, so "decodes without errors" alone
        // would keep the lie; the C1 controls it makes of 0x81/0x8D/0x8F/
        // 0x90 (Shift_JIS lead bytes for 、。 and many kanji) give it away.
        let page = html(r#"<meta charset="iso-8859-1">"#, "厚生労働省、お知らせ。");
        let (text, enc) = decode_html(&encode(&page, encoding_rs::SHIFT_JIS), None);
        assert_eq!(enc, encoding_rs::SHIFT_JIS);
        assert!(text.contains("厚生労働省、お知らせ。"));
    }

    #[test]
    fn decodes_cp932_only_characters() {
        let cp932 = "① 株式会社は㈱、第Ⅲ期、髙橋さん";
        let page = html(
            r#"<meta http-equiv="Content-Type" content="text/html; charset=windows-31j">"#,
            cp932,
        );
        let (text, enc) = decode_html(&encode(&page, encoding_rs::SHIFT_JIS), None);
        assert_eq!(enc, encoding_rs::SHIFT_JIS);
        assert!(text.contains(cp932), "{text}");
    }

    #[test]
    fn decodes_euc_jp_with_correct_meta() {
        let page = html(
            r#"<meta http-equiv="content-type" content="text/html;charset=EUC-JP">"#,
            TEXT,
        );
        let (text, enc) = decode_html(&encode(&page, encoding_rs::EUC_JP), None);
        assert_eq!(enc, encoding_rs::EUC_JP);
        assert!(text.contains(TEXT));
    }

    #[test]
    fn decodes_euc_jp_whose_meta_says_shift_jis() {
        let page = html(r#"<meta charset="shift_jis">"#, TEXT);
        let (text, enc) = decode_html(&encode(&page, encoding_rs::EUC_JP), None);
        assert_eq!(enc, encoding_rs::EUC_JP);
        assert!(text.contains(TEXT));
    }

    #[test]
    fn decodes_utf8_whose_meta_says_shift_jis() {
        let page = html(r#"<meta charset="Shift_JIS">"#, TEXT);
        let (text, enc) = decode_html(page.as_bytes(), None);
        assert_eq!(enc, encoding_rs::UTF_8);
        assert!(text.contains(TEXT));
    }

    #[test]
    fn decodes_undeclared_shift_jis_and_euc_jp() {
        let page = html("", TEXT);
        for encoding in [encoding_rs::SHIFT_JIS, encoding_rs::EUC_JP] {
            let (text, enc) = decode_html(&encode(&page, encoding), None);
            assert_eq!(enc, encoding);
            assert!(text.contains(TEXT));
        }
        let (_, enc) = decode_html(b"<p>plain ASCII</p>", None);
        assert_eq!(enc, encoding_rs::UTF_8);
    }

    #[test]
    fn decodes_iso_2022_jp() {
        let page = html(r#"<meta charset="iso-2022-jp">"#, TEXT);
        let (text, enc) = decode_html(&encode(&page, encoding_rs::ISO_2022_JP), None);
        assert_eq!(enc, encoding_rs::ISO_2022_JP);
        assert!(text.contains(TEXT));
        // Undeclared: the escape sequences betray it.
        let page = html("", TEXT);
        let (text, enc) = decode_html(&encode(&page, encoding_rs::ISO_2022_JP), None);
        assert_eq!(enc, encoding_rs::ISO_2022_JP);
        assert!(text.contains(TEXT));
    }

    #[test]
    fn bom_wins_over_declarations() {
        let page = html(r#"<meta charset="Shift_JIS">"#, TEXT);
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(page.as_bytes());
        let (text, enc) = decode_html(&bytes, Some("text/html; charset=euc-jp"));
        assert_eq!(enc, encoding_rs::UTF_8);
        assert!(
            text.starts_with("<!DOCTYPE"),
            "BOM must not stay in the text"
        );
        assert!(text.contains(TEXT));

        // encoding_rs has no UTF-16 encoder; build the bytes by hand.
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in page.encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        let (text, enc) = decode_html(&utf16, None);
        assert_eq!(enc, encoding_rs::UTF_16LE);
        assert!(text.contains(TEXT));
    }

    #[test]
    fn broken_bytes_fall_back_to_the_declaration_with_replacement() {
        let page = html(r#"<meta charset="Shift_JIS">"#, TEXT);
        let mut bytes = encode(&page, encoding_rs::SHIFT_JIS);
        // A lone lead byte at the end: invalid in every candidate.
        bytes.extend_from_slice(b"\x82");
        let (text, enc) = decode_html(&bytes, None);
        assert_eq!(enc, encoding_rs::SHIFT_JIS);
        assert!(text.contains(TEXT));
        assert!(text.ends_with('\u{FFFD}'));
    }

    #[test]
    fn meta_beyond_1024_bytes_is_not_read() {
        let padding = "<!-- ".to_owned() + &"x".repeat(1100) + " -->";
        let page = format!("{padding}<meta charset=\"euc-jp\"><p>ascii</p>");
        let (_, enc) = decode_html(page.as_bytes(), None);
        assert_eq!(enc, encoding_rs::UTF_8);
        assert_eq!(
            meta_charset(b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=x-sjis'>"),
            Some(encoding_rs::SHIFT_JIS)
        );
        assert_eq!(
            meta_charset(b"<meta charset=utf-16le>"),
            Some(encoding_rs::UTF_8)
        );
        assert_eq!(
            charset_from_content_type("text/html; Charset=\"EUC-JP\""),
            Some(encoding_rs::EUC_JP)
        );
    }

    #[test]
    fn html_is_recognised() {
        assert!(looks_like_html(Some("text/html; charset=utf-8"), b""));
        assert!(looks_like_html(Some("application/xhtml+xml"), b""));
        assert!(!looks_like_html(Some("application/pdf"), b"<html>"));
        assert!(looks_like_html(None, b"  \n<!DOCTYPE HTML><html>"));
        assert!(!looks_like_html(None, b"%PDF-1.7"));
    }
}
