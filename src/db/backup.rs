//! Backup and restore of the portal's database with `pg_dump`/`pg_restore` (custom format),
//! taken from the PostgreSQL installation the embedded server runs from, against the embedded
//! cluster or the server of `DATABASE_URL`.

use std::ffi::OsString;
use std::path::Path;

use anyhow::{Context, bail};
use tokio::process::Command;

use super::Database;
use super::embedded::find_binaries;
use crate::config::Config;

/// Tables whose rows are not backed up: sign-ins (a restored backup must not bring back a
/// session that has since ended), counted login failures and unconfirmed import previews.
const NOT_BACKED_UP: &[&str] = &["sessions", "login_failures", "measure_import_previews"];

/// Writes the whole database to `to`; the file appears only once the dump is complete.
pub async fn backup(config: &Config, to: &Path) -> anyhow::Result<()> {
    let database = Database::open(config).await?;
    let result = async {
        let mut partial = to.as_os_str().to_owned();
        partial.push(".unvollstaendig");
        let mut command = database.tool("pg_dump")?;
        command.args(["--format=custom", "--no-owner", "--no-acl"]);
        for table in NOT_BACKED_UP {
            command.arg(format!("--exclude-table-data={table}"));
        }
        command.arg("--file").arg(&partial);
        run(command).await?;
        std::fs::rename(&partial, to)
            .with_context(|| format!("{} nicht schreibbar / not writable", to.display()))
    }
    .await;
    database.close().await;
    result
}

/// Restores a backup into the portal's database, which must be empty unless `force`: then its
/// content is dropped first. The file is checked before anything is dropped, and restored in
/// one transaction.
pub async fn restore(config: &Config, from: &Path, force: bool) -> anyhow::Result<()> {
    let database = Database::open(config).await?;
    let result = async {
        let mut check = database.tool("pg_restore")?;
        check.arg("--list").arg(from);
        run(check)
            .await
            .context("keine lesbare Sicherung / not a readable backup")?;
        if database.has_tables().await? {
            if !force {
                bail!(
                    "Die Datenbank enthält bereits Daten; Wiederherstellen ersetzt sie nur mit \
                     --force. / The database is not empty; use --force to replace its content."
                );
            }
            sqlx::raw_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
                .execute(&database.pool)
                .await?;
        }
        let mut command = database.tool("pg_restore")?;
        command.args([
            "--exit-on-error",
            "--single-transaction",
            "--no-owner",
            "--no-acl",
        ]);
        command.arg(from);
        run(command).await
    }
    .await;
    database.close().await;
    result
}

impl Database {
    /// `name` (`pg_dump`, `pg_restore`) connected to this database; the password goes through
    /// the environment, not the command line that every user can see.
    fn tool(&self, name: &str) -> anyhow::Result<Command> {
        let binary = find_binaries()?.join(name);
        if !binary.is_file() {
            bail!(
                "{} fehlt (Debian: apt-get install postgresql-client) / {} is missing",
                binary.display(),
                binary.display()
            );
        }
        let mut url = self.libpq_url.clone();
        let password = url.password().map(|p| {
            percent_encoding::percent_decode_str(p)
                .decode_utf8_lossy()
                .into_owned()
        });
        if password.is_some() {
            url.set_password(None)
                .expect("a URL with a password has a host");
        }
        let mut command = Command::new(binary);
        command.arg(OsString::from(format!("--dbname={url}")));
        if let Some(password) = password {
            command.env("PGPASSWORD", password);
        }
        Ok(command)
    }

    /// Whether any table exists outside PostgreSQL's own schemas.
    async fn has_tables(&self) -> sqlx::Result<bool> {
        sqlx::query_scalar!(
            r#"SELECT EXISTS (
                   SELECT 1 FROM pg_catalog.pg_tables
                   WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
               ) AS "exists!""#
        )
        .fetch_one(&self.pool)
        .await
    }
}

/// Runs a PostgreSQL tool; its messages become the error when it fails.
async fn run(mut command: Command) -> anyhow::Result<()> {
    let program = command
        .as_std()
        .get_program()
        .to_string_lossy()
        .into_owned();
    let output = command
        .output()
        .await
        .with_context(|| format!("{program} nicht ausführbar / cannot run"))?;
    if !output.status.success() {
        bail!(
            "{program} ist fehlgeschlagen / failed ({}):\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(())
}
