//! Runtime configuration, read once from the environment.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;

/// Whether the demo accounts may log in. Production (`serve`) refuses them even if a database
/// that once ran in demo mode still contains them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Production,
    Demo,
}

#[derive(Clone, Debug)]
pub struct Config {
    pub mode: Mode,
    pub bind: SocketAddr,
    /// Used instead of the embedded cluster when set.
    pub database_url: Option<String>,
    /// Home of the embedded PostgreSQL cluster.
    pub data_dir: PathBuf,
    /// Served over HTTPS: cookies get `Secure` and the `__Host-` prefix, responses get HSTS.
    pub https: bool,
    pub session_idle: Duration,
    pub session_absolute: Duration,
    pub max_body_bytes: usize,
    /// Where the Prometheus metrics are served (`METRICS_PORT`, on `METRICS_BIND`); off
    /// without a port.
    pub metrics_bind: Option<SocketAddr>,
    /// The reverse proxies in front of the portal (`TRUSTED_PROXIES`, comma-separated): from
    /// them, the client's address is taken from `X-Forwarded-For`.
    pub trusted_proxies: Vec<IpAddr>,
    /// Migrate and load the reference data at start (`MIGRATE_AT_START`, default `true`);
    /// `false` for nodes behind a transaction pooler, where `kinderchancen migrate` runs once
    /// over a direct connection instead.
    pub migrate_at_start: bool,
}

impl Config {
    pub fn from_env(mode: Mode) -> anyhow::Result<Self> {
        let ip: IpAddr = env_or("BIND", "127.0.0.1")
            .parse()
            .context("BIND ist keine IP-Adresse / BIND is not an IP address")?;
        let port: u16 = env_or("PORT", "8080")
            .parse()
            .context("PORT ist keine Portnummer / PORT is not a port number")?;
        Ok(Self {
            mode,
            bind: SocketAddr::new(ip, port),
            database_url: std::env::var("DATABASE_URL").ok().filter(|v| !v.is_empty()),
            data_dir: PathBuf::from(env_or("DATA_DIR", ".data")),
            https: env_or("HTTPS", "false") == "true",
            session_idle: Duration::from_secs(30 * 60),
            session_absolute: Duration::from_secs(12 * 60 * 60),
            max_body_bytes: env_or("MAX_BODY_BYTES", "2097152")
                .parse()
                .context("MAX_BODY_BYTES ist keine Zahl / MAX_BODY_BYTES is not a number")?,
            metrics_bind: match std::env::var("METRICS_PORT").ok().filter(|v| !v.is_empty()) {
                None => None,
                Some(port) => Some(SocketAddr::new(
                    env_or("METRICS_BIND", "127.0.0.1").parse().context(
                        "METRICS_BIND ist keine IP-Adresse / METRICS_BIND is not an IP address",
                    )?,
                    port.parse().context(
                        "METRICS_PORT ist keine Portnummer / METRICS_PORT is not a port number",
                    )?,
                )),
            },
            trusted_proxies: env_or("TRUSTED_PROXIES", "")
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(|a| {
                    a.parse().with_context(|| {
                        format!("TRUSTED_PROXIES: {a} ist keine IP-Adresse / is not an IP address")
                    })
                })
                .collect::<anyhow::Result<_>>()?,
            migrate_at_start: env_or("MIGRATE_AT_START", "true") != "false",
        })
    }

    /// The configuration the test harness starts from.
    pub fn for_tests() -> Self {
        Self {
            mode: Mode::Production,
            bind: SocketAddr::from(([127, 0, 0, 1], 0)),
            database_url: None,
            data_dir: PathBuf::from(".data"),
            https: false,
            session_idle: Duration::from_secs(30 * 60),
            session_absolute: Duration::from_secs(12 * 60 * 60),
            max_body_bytes: 2 * 1024 * 1024,
            metrics_bind: None,
            trusted_proxies: Vec::new(),
            migrate_at_start: true,
        }
    }
}

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name)
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| default.to_owned())
}
