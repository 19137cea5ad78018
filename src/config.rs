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
    /// Counts of people or cases below this show as "< n" in aggregate and public views.
    pub small_count_threshold: i64,
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
            small_count_threshold: env_or("KLEINZAHL_SCHWELLE", "3")
                .parse()
                .ok()
                .filter(|n| *n >= 1)
                .context("KLEINZAHL_SCHWELLE ist keine Zahl ab 1 / is not a number from 1")?,
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
            small_count_threshold: 3,
        }
    }
}

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name)
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| default.to_owned())
}
