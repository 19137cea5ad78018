//! Where a request came from, for the audit log, login throttling and error pages.

use std::net::{IpAddr, SocketAddr};

use axum::extract::ConnectInfo;
use axum::http::request::Parts;

/// The header carrying the id that ties a response to its log lines.
pub const REQUEST_ID: &str = "x-request-id";

/// The client's address and the request id.
pub struct RequestMeta {
    pub client_addr: String,
    pub request_id: String,
}

impl RequestMeta {
    /// The client is the peer of the connection, unless that is one of `trusted_proxies`
    /// (the portal's reverse proxies): then it is the last address in `X-Forwarded-For`
    /// that is not a trusted proxy itself. Addresses a client put there itself come before
    /// its own and are never taken, so nobody escapes the login brake by sending the header.
    pub fn of(parts: &Parts, trusted_proxies: &[IpAddr]) -> Self {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        let client = match peer {
            Some(peer) if trusted_proxies.contains(&peer) => parts
                .headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .filter_map(|a| a.trim().parse::<IpAddr>().ok())
                .rev()
                .find(|a| !trusted_proxies.contains(a))
                .or(Some(peer)),
            other => other,
        };
        let request_id = parts
            .headers
            .get(REQUEST_ID)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("-")
            .to_owned();
        Self {
            client_addr: client.map_or_else(|| "unbekannt".to_owned(), |a| a.to_string()),
            request_id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(peer: &str, forwarded: &[&str], trusted: &[&str]) -> String {
        let mut request = axum::http::Request::builder();
        for value in forwarded {
            request = request.header("x-forwarded-for", *value);
        }
        let (mut parts, ()) = request.body(()).unwrap().into_parts();
        parts
            .extensions
            .insert(ConnectInfo(SocketAddr::new(peer.parse().unwrap(), 443)));
        let trusted: Vec<IpAddr> = trusted.iter().map(|a| a.parse().unwrap()).collect();
        RequestMeta::of(&parts, &trusted).client_addr
    }

    #[test]
    fn the_client_behind_trusted_proxies_only() {
        // No proxy configured: the header is the client's word, not taken.
        assert_eq!(client("203.0.113.9", &["198.51.100.1"], &[]), "203.0.113.9");
        // Behind the proxy: the address it saw.
        let proxy = ["10.0.0.2"];
        assert_eq!(
            client("10.0.0.2", &["198.51.100.1"], &proxy),
            "198.51.100.1"
        );
        // A client's own header comes first; the proxy appends the real address.
        assert_eq!(
            client("10.0.0.2", &["1.2.3.4, 198.51.100.1"], &proxy),
            "198.51.100.1"
        );
        assert_eq!(
            client("10.0.0.2", &["1.2.3.4", "198.51.100.1"], &proxy),
            "198.51.100.1"
        );
        // Two proxies in a row, and nonsense in the header.
        assert_eq!(
            client(
                "10.0.0.2",
                &["198.51.100.1, 10.0.0.3"],
                &["10.0.0.2", "10.0.0.3"]
            ),
            "198.51.100.1"
        );
        assert_eq!(client("10.0.0.2", &["kaputt"], &proxy), "10.0.0.2");
        assert_eq!(client("10.0.0.2", &[], &proxy), "10.0.0.2");
    }
}
