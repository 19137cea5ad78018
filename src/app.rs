//! The application: every domain's routes under one middleware stack, the database made
//! ready, and the server with its background housekeeping.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{Request, StatusCode};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sqlx::PgPool;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

use crate::config::{Config, Mode};
use crate::db::Database;
use crate::error::AppError;
use crate::request::REQUEST_ID;
use crate::state::AppState;
use crate::{
    auth, catalog, demo, directory, funding, goals, home, indicators, inventory, knowledge,
    measures, nap, national, network_pages, networks, opendata, partners, site, users, web,
};

/// Migrates the schema, then loads the reference directory and the knowledge content; safe to
/// run at every start.
pub async fn migrate(pool: &PgPool) -> anyhow::Result<()> {
    crate::db::migrate(pool).await?;
    directory::seed_reference_data(pool).await?;
    knowledge::seed::load(pool).await?;
    Ok(())
}

/// Starts the portal: database (embedded unless `DATABASE_URL`), migrations, demo data in
/// demo mode, then HTTP until Ctrl-C or SIGTERM; stops the embedded database on the way out.
/// In production it refuses to start without the operator's details for the legal pages.
pub async fn run(config: Config) -> anyhow::Result<()> {
    let missing = config.operator.missing();
    if config.mode == Mode::Production && !missing.is_empty() {
        let list: Vec<String> = missing
            .iter()
            .map(|(variable, what)| format!("{variable} ({what})"))
            .collect();
        anyhow::bail!(
            "Impressum und Datenschutzerklärung brauchen die Angaben der betreibenden Stelle; \
             es fehlen: {} / the legal pages need the operator's details (see README, \
             Configuration)",
            list.join(", ")
        );
    }
    let database = Database::open(&config).await?;
    let served = serve_on(&config, &database).await;
    database.close().await;
    served
}

async fn serve_on(config: &Config, database: &Database) -> anyhow::Result<()> {
    if config.migrate_at_start {
        migrate(&database.pool).await?;
    }
    if config.mode == Mode::Demo {
        demo::seed(&database.pool).await?;
    }
    tokio::task::spawn_blocking(auth::password::warm_up).await?;
    let state = AppState::new(database.pool.clone(), Arc::new(config.clone()));
    tokio::spawn(housekeeping(state.clone()));
    if let Some(address) = config.metrics_bind {
        let listener = tokio::net::TcpListener::bind(address).await.map_err(|e| {
            anyhow::anyhow!("METRICS_PORT: {address} nicht verfügbar / cannot bind: {e}")
        })?;
        tracing::info!("Metriken auf http://{address}/metrics");
        let metrics = metrics_app(state.clone());
        tokio::spawn(async move { axum::serve(listener, metrics).await });
    }
    let listener = tokio::net::TcpListener::bind(config.bind)
        .await
        .map_err(|e| {
            anyhow::anyhow!(
                "Adresse {} nicht verfügbar / cannot bind {}: {e}",
                config.bind,
                config.bind
            )
        })?;
    let url = format!("http://{}", listener.local_addr()?);
    match config.mode {
        Mode::Demo => tracing::info!(
            "Kinderchancen-Portal (Demo) läuft auf {url} – Anmeldung z. B. mit \
             kommune.hamm@demo.invalid / {}",
            demo::PASSWORD
        ),
        Mode::Production => tracing::info!("Kinderchancen-Portal läuft auf {url}"),
    }
    serve(listener, state, shutdown_signal()).await?;
    tracing::info!("Portal beendet");
    Ok(())
}

/// Deletes expired sessions, aged-out login failures and unconfirmed import previews every
/// ten minutes.
async fn housekeeping(state: AppState) {
    let mut interval = tokio::time::interval(Duration::from_secs(600));
    loop {
        interval.tick().await;
        let sessions = auth::session::purge_expired(&state.pool, &state.config).await;
        let failures = auth::throttle::purge_old(&state.pool).await;
        let previews = measures::db::imports::purge_stale(&state.pool).await;
        if let (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) = (&sessions, &failures, &previews)
        {
            tracing::warn!(error = %e, "Aufräumen fehlgeschlagen");
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .expect("SIGTERM handler");
    tokio::select! {
        _ = ctrl_c => {},
        _ = term.recv() => {},
    }
    tracing::info!("Beenden angefordert, laufende Anfragen werden abgeschlossen");
}

pub fn app(state: AppState) -> Router {
    web::metrics::install();
    let max_body = state.config.max_body_bytes;
    let pages = Router::new()
        .merge(home::routes())
        .merge(auth::routes())
        .merge(users::routes())
        .merge(directory::routes())
        .merge(networks::routes())
        .merge(network_pages::routes())
        .merge(partners::routes())
        .merge(measures::routes())
        .merge(goals::routes())
        .merge(indicators::routes())
        .merge(inventory::routes())
        .merge(funding::routes())
        .merge(national::routes())
        .merge(knowledge::routes())
        .merge(site::routes())
        .merge(catalog::routes())
        .merge(nap::routes())
        .merge(opendata::routes(&state.config))
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(readiness))
        .fallback(|| async { AppError::NotFound })
        .layer(
            // Outermost first.
            ServiceBuilder::new()
                .layer(middleware::from_fn(web::caching::revalidate_public_pages))
                // Outside the session lookup, so that its failure (database down) gets the
                // page too; the user it found comes back on the response.
                .layer(middleware::from_fn(web::error_pages::render_error_pages))
                .layer(middleware::from_fn_with_state(
                    state.clone(),
                    auth::load_session,
                ))
                .layer(middleware::from_fn(web::paths::refuse_control_characters))
                .layer(CatchPanicLayer::new())
                .layer(middleware::from_fn(auth::refuse_cross_site_writes))
                // Inside the session lookup: the navigation of the page shows the true count.
                .layer(middleware::from_fn_with_state(
                    state.clone(),
                    home::tasks::count_when_stale,
                ))
                // Every extractor reading a body (forms, uploads) stops at this limit with
                // 413, announced or chunked; the CSV import answers with its own page.
                .layer(DefaultBodyLimit::max(max_body)),
        );

    Router::new()
        .merge(pages)
        // Beside the pages, not below the session lookup: a stylesheet needs no database
        // query, and is cached for a year signed in or not.
        .merge(web::assets::routes())
        .layer(
            // Outermost first: every response, error pages included, gets an id and headers.
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(TraceLayer::new_for_http().make_span_with(request_span))
                .layer(middleware::from_fn(web::metrics::record_requests))
                .layer(PropagateRequestIdLayer::x_request_id())
                .layer(middleware::from_fn_with_state(
                    state.config.clone(),
                    web::headers::security_headers,
                ))
                // Pages, CSV and SVG; the static files come compressed already, and fonts
                // are (woff2).
                .layer(CompressionLayer::new().compress_when(
                    DefaultPredicate::new().and(NotForContentType::const_new("font/")),
                )),
        )
        .with_state(state)
}

/// The metrics listener's app (`METRICS_PORT`): what was recorded, and what is read at each
/// scrape – the connection pool and the active sessions.
pub fn metrics_app(state: AppState) -> Router {
    Router::new()
        .route("/metrics", get(metrics))
        .with_state(state)
}

async fn metrics(State(state): State<AppState>) -> Response {
    use web::metrics::{DB_CONNECTIONS, SESSIONS};
    let idle = state.pool.num_idle() as f64;
    metrics::gauge!(DB_CONNECTIONS, "state" => "idle").set(idle);
    metrics::gauge!(DB_CONNECTIONS, "state" => "in_use").set(f64::from(state.pool.size()) - idle);
    match auth::session::count_active(&state.pool, &state.config).await {
        Ok(active) => metrics::gauge!(SESSIONS).set(active as f64),
        // The other metrics still matter most when the database is away.
        Err(error) => tracing::warn!(%error, "aktive Sitzungen nicht zählbar"),
    }
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        web::metrics::render(),
    )
        .into_response()
}

/// Serves the app until `shutdown` resolves, then lets running requests finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}

fn request_span<B>(request: &Request<B>) -> tracing::Span {
    let id = request
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    tracing::info_span!("request", method = %request.method(), path = %request.uri().path(), request_id = %id)
}

async fn readiness(State(state): State<AppState>) -> Response {
    let check = sqlx::query_scalar!("SELECT 1 AS \"one!\"").fetch_one(&state.pool);
    match tokio::time::timeout(Duration::from_secs(2), check).await {
        Ok(Ok(_)) => "bereit".into_response(),
        _ => (
            StatusCode::SERVICE_UNAVAILABLE,
            "Datenbank nicht erreichbar",
        )
            .into_response(),
    }
}
