//! The brake of the open-data interface: so many requests a minute per client address (the
//! address as the login brake sees it, behind `TRUSTED_PROXIES` too), then 429 with
//! `Retry-After` and a German explanation. Kept in each node's memory, unlike the login
//! brake: a counter row written at every anonymous request would make the brake itself the
//! load it is there to keep off. With several nodes a client may so get the limit once per
//! node.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::request::RequestMeta;

/// Every this many requests, addresses that have used up nothing of the quota are forgotten,
/// so that the map does not grow with every address ever seen.
const PRUNE_EVERY: u32 = 4096;

pub struct Brake {
    limiter: DefaultKeyedRateLimiter<String>,
    per_minute: u32,
    trusted_proxies: Vec<IpAddr>,
    requests: AtomicU32,
}

impl Brake {
    /// `per_minute` requests a minute per address, all of them at once if a client wants.
    pub fn new(per_minute: u32, trusted_proxies: Vec<IpAddr>) -> Arc<Self> {
        let quota = Quota::per_minute(NonZeroU32::new(per_minute.max(1)).expect("at least one"));
        Arc::new(Self {
            limiter: RateLimiter::keyed(quota),
            per_minute,
            trusted_proxies,
            requests: AtomicU32::new(0),
        })
    }

    /// `None`: go ahead; otherwise the seconds until the next request is allowed.
    fn check(&self, client: String) -> Option<u64> {
        if self.requests.fetch_add(1, Ordering::Relaxed) % PRUNE_EVERY == PRUNE_EVERY - 1 {
            self.limiter.retain_recent();
        }
        self.limiter.check_key(&client).err().map(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
        })
    }
}

pub async fn brake(State(brake): State<Arc<Brake>>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let client = RequestMeta::of(&parts, &brake.trusted_proxies).client_addr;
    match brake.check(client) {
        None => next.run(Request::from_parts(parts, body)).await,
        Some(seconds) => too_many(brake.per_minute, seconds.max(1)),
    }
}

fn too_many(per_minute: u32, seconds: u64) -> Response {
    let message = format!(
        "Zu viele Anfragen: Die offene Datenschnittstelle beantwortet höchstens {per_minute} \
         Anfragen je Minute von einer Adresse. Bitte versuchen Sie es in {seconds} {} erneut.",
        if seconds == 1 { "Sekunde" } else { "Sekunden" }
    );
    let mut response = (
        StatusCode::TOO_MANY_REQUESTS,
        axum::Json(serde_json::json!({
            "fehler": message,
            "erneut_in_sekunden": seconds,
        })),
    )
        .into_response();
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_address_has_its_own_quota() {
        let brake = Brake::new(2, Vec::new());
        assert_eq!(brake.check("192.0.2.1".into()), None);
        assert_eq!(brake.check("192.0.2.1".into()), None);
        let wait = brake.check("192.0.2.1".into()).expect("third refused");
        assert!((1..=30).contains(&wait), "{wait}");
        assert_eq!(brake.check("192.0.2.2".into()), None);
    }
}
