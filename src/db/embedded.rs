//! A private PostgreSQL cluster started from the installed PostgreSQL binaries.
//!
//! The cluster lives in `<root>/pgdata` and listens only on a Unix socket in `<root>/run`
//! (no TCP port), so `trust` authentication is safe: only the owner of the socket
//! directory (and root) can connect. As root, PostgreSQL refuses to run, so the server is
//! started as the `postgres` user.

use std::ffi::CString;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use sqlx::postgres::PgConnectOptions;

const PORT: u16 = 5432;
pub const SUPERUSER: &str = "kinderchancen";

pub struct EmbeddedPostgres {
    socket_dir: PathBuf,
    server: Arc<Server>,
    supervisor: Option<JoinHandle<std::io::Result<ExitStatus>>>,
}

/// The server process as the supervisor thread and [`EmbeddedPostgres::stop`] share it.
struct Server {
    state: Mutex<ServerState>,
    /// Wakes the supervisor from its wait before a restart when the cluster is stopped.
    stopped: Condvar,
}

struct ServerState {
    /// The running server; `None` between an unexpected exit and the restart. Only the
    /// supervisor reaps it, and only under the lock, so while a `Child` is here its pid is still
    /// ours (at worst a zombie) and cannot have been reused by another process.
    child: Option<Child>,
    /// Set once the server first answered: from then on an exit means a restart.
    supervised: bool,
    stopping: bool,
}

/// First wait before a restart; it doubles with every exit up to [`MAX_BACKOFF`] and starts
/// again once a server has run for [`STABLE_RUN`].
const FIRST_BACKOFF: Duration = Duration::from_millis(250);
const MAX_BACKOFF: Duration = Duration::from_secs(30);
const STABLE_RUN: Duration = Duration::from_secs(60);

/// The user the server runs as: ourselves, or `postgres` when we are root.
struct RunAs {
    uid: u32,
    gid: u32,
}

impl EmbeddedPostgres {
    /// Initialises the cluster on first use, starts the server and waits until it accepts
    /// connections; from then on a server that exits unexpectedly is started again (with
    /// backoff) until [`stop`](Self::stop). `tuned_for_tests` trades durability for speed.
    pub fn start(root: &Path, tuned_for_tests: bool) -> anyhow::Result<Self> {
        let bin = find_binaries()?;
        let run_as = run_as()?;
        std::fs::create_dir_all(root)
            .with_context(|| format!("Datenordner {} nicht anlegbar", root.display()))?;
        let root = root.canonicalize()?;
        let data_dir = root.join("pgdata");
        let socket_dir = short_socket_dir(&root)?;
        prepare_dir(&socket_dir, &run_as)?;

        if !data_dir.join("PG_VERSION").exists() {
            prepare_dir(&data_dir, &run_as)?;
            let output = Command::new(bin.join("initdb"))
                .arg("-D")
                .arg(&data_dir)
                .args([
                    "-U",
                    SUPERUSER,
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C.UTF-8",
                ])
                .uid(run_as.uid)
                .gid(run_as.gid)
                .output()
                .context("initdb konnte nicht gestartet werden")?;
            if !output.status.success() {
                bail!(
                    "initdb ist fehlgeschlagen / initdb failed (Datenordner {}; als root muss der \
                     Benutzer 'postgres' den Ordner erreichen können):\n{}",
                    data_dir.display(),
                    String::from_utf8_lossy(&output.stderr)
                );
            }
        }

        let mut command = Command::new(bin.join("postgres"));
        command
            .arg("-D")
            .arg(&data_dir)
            .arg("-k")
            .arg(&socket_dir)
            .args(["-p", &PORT.to_string(), "-c", "listen_addresses="])
            .args([
                "-c",
                "unix_socket_permissions=0700",
                "-c",
                "log_min_messages=fatal",
                "-c",
                "log_checkpoints=off",
            ])
            .uid(run_as.uid)
            .gid(run_as.gid)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        if tuned_for_tests {
            command.args(["-c", "fsync=off", "-c", "synchronous_commit=off"]);
            command.args(["-c", "full_page_writes=off", "-c", "max_connections=300"]);
        }
        // SAFETY: prctl is async-signal-safe and touches no memory of the parent.
        unsafe {
            // If we die without stopping it (SIGKILL, panic=abort), the server goes too.
            command.pre_exec(|| {
                if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }

        let server = Arc::new(Server {
            state: Mutex::new(ServerState {
                child: None,
                supervised: false,
                stopping: false,
            }),
            stopped: Condvar::new(),
        });
        // The server is spawned from, and waited on by, a thread of its own: the parent-death
        // signal fires when the spawning *thread* ends, and this one lives as long as the
        // cluster, restarts included.
        let (started_tx, started_rx) = std::sync::mpsc::channel();
        let supervisor = std::thread::Builder::new()
            .name("embedded-postgres".into())
            .spawn({
                let server = server.clone();
                move || server.supervise(command, started_tx)
            })?;
        if started_rx.recv().is_err() {
            let error = supervisor
                .join()
                .expect("embedded-postgres thread panicked");
            bail!(
                "PostgreSQL konnte nicht gestartet werden: {:?}",
                error.err()
            );
        }
        let mut this = Self {
            socket_dir,
            server,
            supervisor: Some(supervisor),
        };
        this.wait_until_ready(&bin)?;
        this.server.lock().supervised = true;
        Ok(this)
    }

    fn wait_until_ready(&mut self, bin: &Path) -> anyhow::Result<()> {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if self.supervisor.as_ref().is_some_and(|s| s.is_finished()) {
                bail!(
                    "PostgreSQL hat sich sofort beendet (siehe Meldungen oben; läuft bereits ein \
                     anderer Server auf diesem Datenordner?) / PostgreSQL exited at start"
                );
            }
            let ready = Command::new(bin.join("pg_isready"))
                .arg("-q")
                .arg("-h")
                .arg(&self.socket_dir)
                .args(["-p", &PORT.to_string(), "-U", SUPERUSER, "-d", "postgres"])
                .status()
                .context("pg_isready nicht ausführbar")?;
            if ready.success() {
                return Ok(());
            }
            if Instant::now() > deadline {
                bail!("PostgreSQL ist nach 60 s nicht bereit / PostgreSQL not ready after 60 s");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn connect_options(&self, database: &str) -> PgConnectOptions {
        PgConnectOptions::new()
            .socket(&self.socket_dir)
            .port(PORT)
            .username(SUPERUSER)
            .database(database)
    }

    /// The same as [`connect_options`](Self::connect_options) as a libpq connection URI.
    pub fn libpq_url(&self, database: &str) -> url::Url {
        let mut url = url::Url::parse("postgresql://").expect("a valid URI");
        url.set_path(database);
        url.query_pairs_mut()
            .append_pair("host", &self.socket_dir.to_string_lossy())
            .append_pair("port", &PORT.to_string())
            .append_pair("user", SUPERUSER);
        url
    }

    /// Fast shutdown: disconnects clients, then stops cleanly; no restart after it.
    pub fn stop(&mut self) {
        let Some(supervisor) = self.supervisor.take() else {
            return;
        };
        {
            let mut state = self.server.lock();
            state.stopping = true;
            if let Some(child) = &state.child {
                fast_shutdown(child);
            }
            self.server.stopped.notify_all();
        }
        match supervisor.join() {
            Ok(Ok(status)) => tracing::info!(%status, "PostgreSQL beendet"),
            Ok(Err(error)) => tracing::warn!(%error, "PostgreSQL: Warten fehlgeschlagen"),
            Err(_) => tracing::warn!("PostgreSQL: Überwachungsthread abgestürzt"),
        }
    }
}

impl Drop for EmbeddedPostgres {
    fn drop(&mut self) {
        self.stop();
    }
}

impl Server {
    fn lock(&self) -> MutexGuard<'_, ServerState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs the server until it is stopped, starting it again whenever it exits on its own
    /// after it first answered. `started` hears once that the first process runs. Returns the
    /// last exit status.
    fn supervise(
        &self,
        mut command: Command,
        started: std::sync::mpsc::Sender<()>,
    ) -> std::io::Result<ExitStatus> {
        let mut backoff = FIRST_BACKOFF;
        let mut restarts = 0u32;
        loop {
            let child = match command.spawn() {
                Ok(child) => child,
                // At the first start the caller reports it; later, try again after the wait.
                Err(error) if restarts == 0 => return Err(error),
                Err(error) => {
                    tracing::error!(%error, "PostgreSQL: Neustart fehlgeschlagen");
                    if self.wait_before_restart(&mut backoff) {
                        return Err(error);
                    }
                    continue;
                }
            };
            let pid = child.id();
            {
                let mut state = self.lock();
                // `stop` came while we were spawning: this child is ours and alive, stop it.
                if state.stopping {
                    fast_shutdown(&child);
                }
                state.child = Some(child);
            }
            if restarts == 0 {
                let _ = started.send(());
            } else {
                tracing::warn!(pid, restarts, "PostgreSQL neu gestartet");
            }
            let running_since = Instant::now();
            let exited = wait_without_reaping(pid);
            let (status, restart) = {
                let mut state = self.lock();
                let mut child = state.child.take().expect("the child waited on");
                let status = exited.and_then(|()| child.wait())?;
                (status, state.supervised && !state.stopping)
            };
            if !restart {
                return Ok(status);
            }
            if running_since.elapsed() >= STABLE_RUN {
                backoff = FIRST_BACKOFF;
            }
            tracing::error!(
                %status,
                restart_in_ms = backoff.as_millis() as u64,
                "PostgreSQL hat sich unerwartet beendet; Neustart folgt"
            );
            if self.wait_before_restart(&mut backoff) {
                return Ok(status);
            }
            restarts += 1;
        }
    }

    /// Sleeps for `backoff` (then doubles it) unless the cluster is stopped meanwhile; true
    /// when it was.
    fn wait_before_restart(&self, backoff: &mut Duration) -> bool {
        let state = self.lock();
        let (state, _) = self
            .stopped
            .wait_timeout_while(state, *backoff, |s| !s.stopping)
            .unwrap_or_else(PoisonError::into_inner);
        *backoff = (*backoff * 2).min(MAX_BACKOFF);
        state.stopping
    }
}

/// SIGINT is PostgreSQL's fast shutdown: clients are disconnected, then it stops cleanly.
/// Only ever sent to a child still held in [`ServerState::child`], that is, not yet reaped.
fn fast_shutdown(child: &Child) {
    // SAFETY: a plain signal to our own child, whose pid cannot be reused before it is reaped.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
}

/// Blocks until our child `pid` has exited, but leaves it unreaped (`WNOWAIT`), so that its
/// pid stays reserved until the supervisor reaps it under the lock.
fn wait_without_reaping(pid: u32) -> std::io::Result<()> {
    loop {
        // SAFETY: waitid only writes the siginfo we hand it.
        let result = unsafe {
            let mut info: libc::siginfo_t = std::mem::zeroed();
            libc::waitid(
                libc::P_PID,
                pid as libc::id_t,
                &mut info,
                libc::WEXITED | libc::WNOWAIT,
            )
        };
        if result == 0 {
            return Ok(());
        }
        let error = std::io::Error::last_os_error();
        if error.kind() != std::io::ErrorKind::Interrupted {
            return Err(error);
        }
    }
}

/// Locates `initdb`, `postgres` and `pg_isready` (and so the PostgreSQL tools installed beside
/// them): `PG_BIN_DIR`, then the newest `/usr/lib/postgresql/*/bin`, then `PATH`.
pub fn find_binaries() -> anyhow::Result<PathBuf> {
    let has_all = |dir: &Path| {
        ["initdb", "postgres", "pg_isready"]
            .iter()
            .all(|b| dir.join(b).is_file())
    };
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Ok(dir) = std::env::var("PG_BIN_DIR") {
        candidates.push(dir.into());
    }
    if let Ok(entries) = std::fs::read_dir("/usr/lib/postgresql") {
        let mut versions: Vec<(u32, PathBuf)> = entries
            .flatten()
            .filter_map(|e| {
                let version = e.file_name().to_str()?.parse().ok()?;
                Some((version, e.path().join("bin")))
            })
            .collect();
        versions.sort_by_key(|v| std::cmp::Reverse(v.0));
        candidates.extend(versions.into_iter().map(|(_, p)| p));
    }
    if let Some(path) = std::env::var_os("PATH") {
        candidates.extend(std::env::split_paths(&path));
    }
    candidates.into_iter().find(|d| has_all(d)).ok_or_else(|| {
        anyhow::anyhow!(
            "PostgreSQL-Programme (initdb, postgres, pg_isready) nicht gefunden. Bitte installieren, \
             z. B. `apt-get install postgresql`, oder PG_BIN_DIR bzw. DATABASE_URL setzen.\n\
             PostgreSQL binaries (initdb, postgres, pg_isready) not found. Install them, e.g. \
             `apt-get install postgresql`, or set PG_BIN_DIR or DATABASE_URL."
        )
    })
}

fn run_as() -> anyhow::Result<RunAs> {
    // SAFETY: getuid/getgid cannot fail.
    let (uid, gid) = unsafe { (libc::getuid(), libc::getgid()) };
    if uid != 0 {
        return Ok(RunAs { uid, gid });
    }
    let name = CString::new("postgres").expect("no NUL in literal");
    // SAFETY: getpwnam returns a pointer into static storage or null; we copy out at once.
    let entry = unsafe { libc::getpwnam(name.as_ptr()) };
    if entry.is_null() {
        bail!(
            "Als root läuft PostgreSQL nur als Benutzer 'postgres', den es hier nicht gibt \
             (`apt-get install postgresql` legt ihn an). / Running as root needs the 'postgres' user."
        );
    }
    // SAFETY: checked for null above.
    let entry = unsafe { &*entry };
    Ok(RunAs {
        uid: entry.pw_uid,
        gid: entry.pw_gid,
    })
}

fn prepare_dir(dir: &Path, run_as: &RunAs) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    std::os::unix::fs::chown(dir, Some(run_as.uid), Some(run_as.gid))
        .with_context(|| format!("{} kann nicht übereignet werden", dir.display()))?;
    Ok(())
}

/// Unix socket paths are limited to 107 bytes; a deep data folder gets its socket in /tmp.
fn short_socket_dir(root: &Path) -> anyhow::Result<PathBuf> {
    let preferred = root.join("run");
    if preferred.as_os_str().len() + ".s.PGSQL.5432".len() < 100 {
        return Ok(preferred);
    }
    let digest = {
        use sha2::Digest;
        let hash = sha2::Sha256::digest(root.as_os_str().as_encoded_bytes());
        hash[..6]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    Ok(std::env::temp_dir().join(format!("kinderchancen-{digest}")))
}
