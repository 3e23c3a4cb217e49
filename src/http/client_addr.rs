//! Which address a request comes from, for the per-address limits: the
//! socket's peer, or, behind a proxy named in `server.trusted_proxies`, the
//! address that proxy says it forwarded for.

use std::net::{IpAddr, SocketAddr};

use axum::extract::ConnectInfo;
use axum::http::request::Parts;
use axum::http::{Extensions, HeaderMap};

/// The client's address: the socket's peer (loopback when the router is
/// driven without a socket, as in unit tests), or, when the peer is one of
/// `trusted` proxies, the last address in `X-Forwarded-For` that is not one
/// of them (the ones before it could be made up by the client).
pub fn client_ip(parts: &Parts, trusted: &[IpAddr]) -> IpAddr {
    client_ip_of(&parts.extensions, &parts.headers, trusted)
}

/// [`client_ip`] from a request's extensions and headers, for handlers that
/// also read the body.
pub fn client_ip_of(extensions: &Extensions, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    let peer = extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip())
        .unwrap_or(IpAddr::from([127, 0, 0, 1]));
    if !trusted.contains(&peer) {
        return peer;
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse().ok())
        .collect();
    forwarded
        .into_iter()
        .rev()
        .find(|ip| !trusted.contains(ip))
        .unwrap_or(peer)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_client_is_the_peer_unless_a_trusted_proxy_forwards() {
        let peer = |ip: [u8; 4]| {
            let mut extensions = axum::http::Extensions::new();
            extensions.insert(ConnectInfo(SocketAddr::from((ip, 40000))));
            extensions
        };
        let mut headers = axum::http::HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            axum::http::HeaderValue::from_static("1.2.3.4, 203.0.113.9, 10.0.0.2"),
        );
        let proxy = IpAddr::from([10, 0, 0, 1]);
        let inner = IpAddr::from([10, 0, 0, 2]);
        // An untrusted peer's header is ignored.
        assert_eq!(
            client_ip_of(&peer([192, 0, 2, 1]), &headers, &[proxy]),
            IpAddr::from([192, 0, 2, 1])
        );
        // Trusted hops are skipped from the right; what the client wrote
        // before the first untrusted hop is not believed.
        assert_eq!(
            client_ip_of(&peer([10, 0, 0, 1]), &headers, &[proxy, inner]),
            IpAddr::from([203, 0, 113, 9])
        );
    }
}
