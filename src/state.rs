//! What every handler shares: the database pool, the configuration and the figures computed
//! from whole Länder.

use std::sync::Arc;

use sqlx::PgPool;

use crate::computed::Computed;
use crate::config::Config;

#[derive(Clone)]
pub struct AppState {
    pub pool: PgPool,
    pub config: Arc<Config>,
    pub computed: Arc<Computed>,
}

impl AppState {
    pub fn new(pool: PgPool, config: Arc<Config>) -> Self {
        Self {
            pool,
            config,
            computed: Arc::default(),
        }
    }
}
