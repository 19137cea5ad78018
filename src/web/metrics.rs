//! Metrics in the Prometheus text format: requests by route template and status with their
//! duration, recorded by [`record_requests`]; login failures and lockouts, counted where they
//! happen. The app serves [`render`] on a listener of its own (`METRICS_PORT`), never beside
//! the pages.

use std::sync::OnceLock;
use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

pub const REQUESTS: &str = "kinderchancen_http_requests_total";
pub const REQUEST_SECONDS: &str = "kinderchancen_http_request_duration_seconds";
pub const LOGIN_FAILURES: &str = "kinderchancen_login_failures_total";
pub const LOGIN_LOCKOUTS: &str = "kinderchancen_login_lockouts_total";
pub const DB_CONNECTIONS: &str = "kinderchancen_db_connections";
pub const SESSIONS: &str = "kinderchancen_sessions_active";
const BUILD_INFO: &str = "kinderchancen_build_info";

/// From a millisecond to ten seconds: the pages' range, and the slow tail worth seeing.
const SECONDS_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

/// The process's recorder, installed at first use. Metrics are process-wide (as Prometheus
/// sees a process), so every app in one process – the tests start many – counts into it.
fn handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Full(REQUEST_SECONDS.into()), SECONDS_BUCKETS)
            .expect("buckets are not empty")
            .build_recorder();
        let handle = recorder.handle();
        // Fails only if a program embedding the portal installed its own recorder: then
        // that one gets the portal's metrics.
        metrics::set_global_recorder(recorder).ok();
        metrics::gauge!(BUILD_INFO, "version" => env!("CARGO_PKG_VERSION")).set(1.0);
        // Shown as 0 from the start, so that a rate over them is defined before the first.
        metrics::counter!(LOGIN_FAILURES).increment(0);
        metrics::counter!(LOGIN_LOCKOUTS).increment(0);
        handle
    })
}

/// Installs the recorder (before the first request, so that nothing is lost).
pub fn install() {
    handle();
}

/// Every metric recorded so far, in the text format.
pub fn render() -> String {
    let handle = handle();
    handle.run_upkeep();
    handle.render()
}

/// Counts each request by its route template (`/netzwerke/{id}`, not the path: the label
/// set stays bounded whatever is requested), method and status, and records its duration.
pub async fn record_requests(request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "(keine Route)".to_owned(), |p| p.as_str().to_owned());
    let method = request.method().as_str().to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    metrics::histogram!(REQUEST_SECONDS, "route" => route.clone(), "method" => method.clone())
        .record(started.elapsed().as_secs_f64());
    metrics::counter!(REQUESTS, "route" => route, "method" => method, "status" => status)
        .increment(1);
    response
}
