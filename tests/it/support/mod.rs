//! The test harness: one PostgreSQL cluster per test run (or `DATABASE_URL`), a fresh
//! database per test cloned from a migrated template, the app on a random port, and a
//! cookie-keeping HTTP client.

pub mod browser;
pub mod queries;

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, LazyLock, OnceLock};

use kinderchancen::config::{Config, Mode};
use kinderchancen::db::EmbeddedPostgres;
use kinderchancen::policy::Role;
use kinderchancen::state::AppState;
use kinderchancen::users::db::{Assignment, NewUser};
use reqwest::redirect::Policy;
use sqlx::postgres::PgConnectOptions;
use sqlx::{Connection, PgConnection, PgPool};
use tokio::sync::OnceCell;

pub const PASSWORD: &str = "Ein sehr langes Testpasswort 2026";

enum Cluster {
    Embedded(EmbeddedPostgres),
    External(Box<PgConnectOptions>),
}

impl Cluster {
    fn options(&self, database: &str) -> PgConnectOptions {
        match self {
            Cluster::Embedded(pg) => pg.connect_options(database),
            Cluster::External(options) => (**options).clone().database(database),
        }
    }
}

/// Started on first use; the server dies with the test process (parent-death signal).
static CLUSTER: LazyLock<Cluster> = LazyLock::new(|| {
    if let Ok(url) = std::env::var("DATABASE_URL") {
        return Cluster::External(Box::new(url.parse().expect("DATABASE_URL")));
    }
    remove_stale_clusters();
    Cluster::Embedded(EmbeddedPostgres::start(&run_root(), true).expect("start test PostgreSQL"))
});

/// This test run's folder: the shared cluster's data and every [`scratch_dir`].
fn run_root() -> PathBuf {
    std::env::temp_dir().join(format!("kinderchancen-test-{}", std::process::id()))
}

/// A folder of a test's own (e.g. the `DATA_DIR` of a portal with its own cluster), removed
/// with the run's other leftovers by a later run.
pub fn scratch_dir(name: &str) -> PathBuf {
    run_root().join(name)
}

/// Data folders of earlier runs whose process is gone.
fn remove_stale_clusters() {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix("kinderchancen-test-"))
        else {
            continue;
        };
        if !PathBuf::from(format!("/proc/{pid}")).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

fn template_name() -> String {
    format!("kc_template_{}", std::process::id())
}

static TEMPLATE: OnceCell<()> = OnceCell::const_new();
static DATABASE_COUNTER: AtomicU32 = AtomicU32::new(0);

async fn admin_connection() -> PgConnection {
    let cluster = tokio::task::spawn_blocking(|| LazyLock::force(&CLUSTER))
        .await
        .unwrap();
    PgConnection::connect_with(&cluster.options("postgres"))
        .await
        .expect("connect to test cluster")
}

/// A new database with the schema and reference data, cloned from the template.
pub async fn fresh_database() -> PgPool {
    TEMPLATE
        .get_or_init(|| async {
            let mut admin = admin_connection().await;
            let template = template_name();
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {template}"
            )))
            .execute(&mut admin)
            .await
            .unwrap();
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {template}")))
                .execute(&mut admin)
                .await
                .unwrap();
            let pool = PgPool::connect_with(CLUSTER.options(&template))
                .await
                .unwrap();
            kinderchancen::app::migrate(&pool)
                .await
                .expect("migrate template");
            pool.close().await;
        })
        .await;
    let name = format!(
        "kc_test_{}_{}",
        std::process::id(),
        DATABASE_COUNTER.fetch_add(1, Ordering::SeqCst)
    );
    let mut admin = admin_connection().await;
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "CREATE DATABASE {name} TEMPLATE {}",
        template_name()
    )))
    .execute(&mut admin)
    .await
    .unwrap();
    kinderchancen::db::pool_options()
        .max_connections(8)
        .connect_with(kinderchancen::db::session_settings(CLUSTER.options(&name)))
        .await
        .unwrap()
}

pub struct TestApp {
    pub url: String,
    pub pool: PgPool,
    /// A client with its own cookie jar; `new_client` makes more (other users).
    pub client: reqwest::Client,
}

impl TestApp {
    pub async fn spawn() -> Self {
        Self::spawn_with(|_| {}).await
    }

    /// Demo mode with the demo accounts, as `cargo run -- demo` has them.
    pub async fn spawn_demo() -> Self {
        let app = Self::spawn_with(|c| c.mode = Mode::Demo).await;
        kinderchancen::demo::seed(&app.pool).await.unwrap();
        app
    }

    pub async fn spawn_with(adjust: impl FnOnce(&mut Config)) -> Self {
        let mut config = Config::for_tests();
        adjust(&mut config);
        Self::serving(fresh_database().await, config).await
    }

    /// The app on `pool`, on a random port, until the test ends.
    pub async fn serving(pool: PgPool, config: Config) -> Self {
        let config = Arc::new(config);
        let state = AppState::new(pool.clone(), config.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(kinderchancen::app::serve(
            listener,
            state,
            std::future::pending(),
        ));
        Self {
            url,
            pool,
            client: new_client(),
        }
    }

    pub fn new_client(&self) -> reqwest::Client {
        new_client()
    }

    pub fn at(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }

    /// Creates an active account with [`PASSWORD`].
    pub async fn create_user(
        &self,
        email: &str,
        role: Role,
        kommune: Option<&str>,
        land: Option<&str>,
    ) -> i64 {
        static HASH: OnceLock<String> = OnceLock::new();
        let hash = match HASH.get() {
            Some(hash) => hash.clone(),
            None => {
                let hash = kinderchancen::auth::password::hash(PASSWORD.into())
                    .await
                    .unwrap();
                HASH.get_or_init(|| hash).clone()
            }
        };
        let assignment = Assignment {
            role,
            kommune_ags: kommune.map(Into::into),
            land_code: land.map(Into::into),
        };
        kinderchancen::users::db::insert(
            &self.pool,
            NewUser {
                email,
                display_name: &format!("Test {email}"),
                assignment: &assignment,
                password_hash: &hash,
                must_change_password: false,
                is_demo: false,
            },
        )
        .await
        .unwrap()
        .expect("new e-mail")
    }

    pub async fn get(&self, client: &reqwest::Client, path: &str) -> reqwest::Response {
        client.get(self.at(path)).send().await.unwrap()
    }

    pub async fn post(
        &self,
        client: &reqwest::Client,
        path: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        client.post(self.at(path)).form(form).send().await.unwrap()
    }

    pub async fn login(
        &self,
        client: &reqwest::Client,
        email: &str,
        password: &str,
    ) -> reqwest::Response {
        self.post(
            client,
            "/anmelden",
            &[("email", email), ("password", password)],
        )
        .await
    }

    /// A client signed in as a new user of the given role and scope.
    pub async fn signed_in(
        &self,
        email: &str,
        role: Role,
        kommune: Option<&str>,
        land: Option<&str>,
    ) -> reqwest::Client {
        self.create_user(email, role, kommune, land).await;
        let client = self.new_client();
        let response = self.login(&client, email, PASSWORD).await;
        assert_eq!(response.status(), 303, "login of {email} failed");
        // On to the page the login leads to, as a browser goes: the start page, which counts
        // the session's tasks, so that later pages are measured as every page after it is.
        let next = response.headers()["location"].to_str().unwrap().to_owned();
        self.get(&client, &next).await;
        client
    }

    /// The page a redirecting response (303, as after every save) leads to, as `client` sees it.
    pub async fn followed(&self, client: &reqwest::Client, response: reqwest::Response) -> String {
        assert_eq!(response.status(), 303, "{}", response.url());
        let next = response.headers()["location"].to_str().unwrap().to_owned();
        let page = self.get(client, &next).await;
        assert_eq!(page.status(), 200, "{next}");
        page.text().await.unwrap()
    }

    /// A network of municipality `ags`, straight into the database.
    pub async fn create_network(&self, ags: &str, name: &str) -> i64 {
        sqlx::query_scalar(
            "INSERT INTO networks (kommune_ags, name, anchoring) VALUES ($1, $2, 'jugendhilfeplanung') RETURNING id",
        )
        .bind(ags)
        .bind(name)
        .fetch_one(&self.pool)
        .await
        .unwrap()
    }

    pub async fn audit_actions(&self) -> Vec<String> {
        sqlx::query_scalar("SELECT action FROM audit_log ORDER BY id")
            .fetch_all(&self.pool)
            .await
            .unwrap()
    }
}

fn new_client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .unwrap()
}

/// The value of the session cookie a response sets, if any.
pub fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.contains("kinderchancen_sitzung="))
        .map(str::to_owned)
}

/// The raw response to an urlencoded POST of one field of `mebibytes` MiB sent in chunks, without a
/// `Content-Length` (which reqwest always sets for a body it has whole), with `cookie`.
pub async fn post_chunked(
    app: &TestApp,
    path: &str,
    cookie: Option<&str>,
    mebibytes: usize,
) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let mut stream = tokio::net::TcpStream::connect(app.url.trim_start_matches("http://"))
        .await
        .unwrap();
    let cookie = cookie
        .map(|c| format!("Cookie: {c}\r\n"))
        .unwrap_or_default();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n{cookie}\
         Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    // One long field, as a pasted text: `csv_inhalt=xxx…`.
    let field = b"csv_inhalt=";
    let framed = format!("{:x}\r\ncsv_inhalt=\r\n", field.len());
    stream.write_all(framed.as_bytes()).await.unwrap();
    let chunk = "x".repeat(1024 * 1024);
    for _ in 0..mebibytes {
        let framed = format!("{:x}\r\n{chunk}\r\n", chunk.len());
        // The server may answer and close before it has read everything.
        if stream.write_all(framed.as_bytes()).await.is_err() {
            break;
        }
    }
    let _ = stream.write_all(b"0\r\n\r\n").await;
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response).await;
    String::from_utf8_lossy(&response).into_owned()
}
