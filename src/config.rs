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
    /// Who runs the portal, for the Impressum, the privacy notice and the accessibility
    /// statement.
    pub operator: Operator,
    /// Counts of people or cases below this show as "< n" in aggregate and public views.
    pub small_count_threshold: i64,
    /// The licence of the published content (knowledge entries, public profiles), stated on
    /// every entry page and in every open-data answer.
    pub content_license: ContentLicense,
    /// Requests to the open-data interface per minute and client address (`API_RATE_LIMIT`).
    pub api_requests_per_minute: u32,
    /// The portal's public address without a trailing slash (`PUBLIC_URL`), for the absolute
    /// links of the Atom feed and the DCAT catalogue; without it, taken from the request.
    pub public_url: Option<String>,
}

/// The licence of the published content (`CONTENT_LICENSE_URI`, `CONTENT_LICENSE_NAME`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentLicense {
    /// As DCAT-AP.de names licences (its vocabulary of licences).
    pub uri: String,
    pub name: String,
}

impl Default for ContentLicense {
    /// Datenlizenz Deutschland – Namensnennung 2.0: the licence of German open government
    /// data, free reuse with attribution.
    fn default() -> Self {
        Self {
            uri: "http://dcat-ap.de/def/licenses/dl-by-de/2.0".into(),
            name: "Datenlizenz Deutschland – Namensnennung – Version 2.0".into(),
        }
    }
}

impl ContentLicense {
    fn from_env() -> Self {
        let default = Self::default();
        Self {
            uri: env_value("CONTENT_LICENSE_URI").unwrap_or(default.uri),
            name: env_value("CONTENT_LICENSE_NAME").unwrap_or(default.name),
        }
    }
}

/// The operator's details as the legal pages name them, from `OPERATOR_*`, `PRIVACY_*` and
/// `SIGN_LANGUAGE_VIDEO_URL`. The demo fills what is unset with example values, which the
/// pages mark as such; `serve` refuses to start without them (see [`Operator::missing`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Operator {
    pub name: String,
    /// Postal address; lines separated by `;` in the variable.
    pub address: Vec<String>,
    /// Who represents the operator (Impressum: vertretungsberechtigte Person).
    pub representative: String,
    pub email: String,
    pub phone: String,
    /// The data protection officer with contact.
    pub privacy_officer: String,
    /// The supervisory authority complaints go to.
    pub privacy_authority: String,
    /// A video in German Sign Language about the portal, once the operator has one made.
    pub sign_language_video: Option<String>,
    /// Some values are the demo's examples, not an operator's.
    pub example: bool,
}

/// The operator's variables a production start needs, with what each is for.
const OPERATOR_VARIABLES: [(&str, &str); 6] = [
    ("OPERATOR_NAME", "Name der betreibenden Stelle"),
    ("OPERATOR_ADDRESS", "Anschrift"),
    ("OPERATOR_REPRESENTATIVE", "vertretungsberechtigte Person"),
    ("OPERATOR_EMAIL", "E-Mail-Adresse"),
    (
        "PRIVACY_OFFICER",
        "Datenschutzbeauftragte oder Datenschutzbeauftragter",
    ),
    ("PRIVACY_AUTHORITY", "zuständige Datenschutzaufsicht"),
];

impl Operator {
    /// From the environment; with `fill_examples`, unset values become the demo's examples.
    fn from_env(fill_examples: bool) -> Self {
        let example = Self::example();
        let mut used_example = false;
        let mut value = |name: &str, fallback: &str| match env_value(name) {
            Some(v) => v,
            None if fill_examples && !fallback.is_empty() => {
                used_example = true;
                fallback.to_owned()
            }
            None => String::new(),
        };
        let name = value("OPERATOR_NAME", &example.name);
        let address = value("OPERATOR_ADDRESS", &example.address.join(";"));
        let representative = value("OPERATOR_REPRESENTATIVE", &example.representative);
        let email = value("OPERATOR_EMAIL", &example.email);
        let phone = value("OPERATOR_PHONE", &example.phone);
        let privacy_officer = value("PRIVACY_OFFICER", &example.privacy_officer);
        let privacy_authority = value("PRIVACY_AUTHORITY", &example.privacy_authority);
        Self {
            name,
            address: address
                .split(';')
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            representative,
            email,
            phone,
            privacy_officer,
            privacy_authority,
            sign_language_video: env_value("SIGN_LANGUAGE_VIDEO_URL"),
            example: used_example,
        }
    }

    /// The demo's and the tests' operator: plainly invented, and marked as such on every page
    /// that shows it.
    pub fn example() -> Self {
        Self {
            name: "Geschäftsstelle Kinderchancen (Beispiel)".into(),
            address: vec!["Beispielstraße 1".into(), "10115 Berlin".into()],
            representative: "Leitung der Geschäftsstelle (Beispiel)".into(),
            email: "kontakt@kinderchancen.example".into(),
            phone: "030 0000000 (Beispiel)".into(),
            privacy_officer: "Datenschutzbeauftragte der Geschäftsstelle (Beispiel), \
                datenschutz@kinderchancen.example"
                .into(),
            privacy_authority: "Die oder der Bundesbeauftragte für den Datenschutz und die \
                Informationsfreiheit (BfDI), Graurheindorfer Straße 153, 53117 Bonn"
                .into(),
            sign_language_video: None,
            example: true,
        }
    }

    /// The variables of the legal pages that are not set, with what each is for.
    pub fn missing(&self) -> Vec<(&'static str, &'static str)> {
        let values = [
            self.name.is_empty(),
            self.address.is_empty(),
            self.representative.is_empty(),
            self.email.is_empty(),
            self.privacy_officer.is_empty(),
            self.privacy_authority.is_empty(),
        ];
        OPERATOR_VARIABLES
            .into_iter()
            .zip(values)
            .filter_map(|(variable, empty)| empty.then_some(variable))
            .collect()
    }
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
            operator: Operator::from_env(mode == Mode::Demo),
            small_count_threshold: env_or("KLEINZAHL_SCHWELLE", "3")
                .parse()
                .ok()
                .filter(|n| *n >= 1)
                .context("KLEINZAHL_SCHWELLE ist keine Zahl ab 1 / is not a number from 1")?,
            content_license: ContentLicense::from_env(),
            api_requests_per_minute: env_or("API_RATE_LIMIT", "60")
                .parse()
                .ok()
                .filter(|n| *n >= 1)
                .context("API_RATE_LIMIT ist keine Zahl ab 1 / is not a number from 1")?,
            public_url: env_value("PUBLIC_URL").map(|url| url.trim_end_matches('/').to_owned()),
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
            operator: Operator::example(),
            small_count_threshold: 3,
            content_license: ContentLicense::default(),
            api_requests_per_minute: 60,
            public_url: None,
        }
    }
}

fn env_or(name: &str, default: &str) -> String {
    env_value(name).unwrap_or_else(|| default.to_owned())
}

fn env_value(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}
