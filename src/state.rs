//! What every handler shares: the database pool, the configuration and the figures computed
//! from whole Länder.

use std::sync::Arc;

use sqlx::PgPool;
use sqlx::postgres::PgPoolOptions;

use crate::computed::Computed;
use crate::config::Config;

#[derive(Clone)]
pub struct AppState {
    pub pool: PgPool,
    /// For the knowledge search with words: see [`search_pool`].
    pub search_pool: PgPool,
    pub config: Arc<Config>,
    pub computed: Arc<Computed>,
}

impl AppState {
    pub fn new(pool: PgPool, config: Arc<Config>) -> Self {
        Self {
            search_pool: search_pool(&pool),
            pool,
            config,
            computed: Arc::default(),
        }
    }
}

/// Connections to `pool`'s database that plan every execution and do not scan tables
/// sequentially, as the knowledge search with words needs (why: `knowledge::db::search`).
/// The settings go with the start of a connection, so a search sends no statement for them;
/// the connections are opened as searches need them, at most as many as `pool` has.
pub fn search_pool(pool: &PgPool) -> PgPool {
    let options = (*pool.connect_options()).clone().options([
        ("enable_seqscan", "off"),
        ("plan_cache_mode", "force_custom_plan"),
    ]);
    PgPoolOptions::new()
        .max_connections(pool.options().get_max_connections())
        .acquire_timeout(pool.options().get_acquire_timeout())
        .test_before_acquire(pool.options().get_test_before_acquire())
        .connect_lazy_with(options)
}
