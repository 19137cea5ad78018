use std::path::PathBuf;

use clap::{Parser, Subcommand};
use kinderchancen::config::{Config, Mode};
use kinderchancen::policy::Role;
use kinderchancen::users::db::Assignment;

/// Kinderchancen-Portal: Präventionsnetzwerke gegen Kinderarmut planen, steuern und
/// voneinander lernen.
///
/// Ohne DATABASE_URL startet das Portal ein eigenes PostgreSQL im Ordner DATA_DIR
/// (Standard: .data). Weitere Einstellungen: BIND, PORT, HTTPS, MAX_BODY_BYTES, METRICS_PORT,
/// METRICS_BIND, LOG_FORMAT (json), RUST_LOG.
#[derive(Parser)]
#[command(version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Startet das Portal für den Betrieb: ohne Demodaten und ohne Demokonten.
    Serve,
    /// Startet das Portal mit Demodaten und Demokonten (Passwort: kinderchancen-demo).
    Demo,
    /// Führt nur die Datenbankmigrationen aus und lädt die Referenzdaten.
    Migrate,
    /// Erzeugt N synthetische, veröffentlichte Wissenseinträge (nur für Lastmessungen).
    #[command(hide = true)]
    SyntheticKnowledge {
        #[arg(long, default_value_t = 10_000)]
        count: i32,
    },
    /// Erzeugt N synthetische Netzwerke über alle Kommunen verteilt, mit Sozialräumen, Partnern,
    /// Maßnahmen, Zielen, Kennzahlen und Messwerten, für jedes dritte eine Förderung mit
    /// Berichten – für Lasttests eines Betriebs in bundesweitem Umfang.
    SyntheticWorkspace {
        #[arg(long, default_value_t = 5_000)]
        networks: i32,
    },
    /// Sichert die Datenbank in eine Datei (pg_dump, Custom-Format). Anmeldungen (Sitzungen)
    /// werden nicht mitgesichert.
    Backup {
        /// Zieldatei
        #[arg(long)]
        to: PathBuf,
    },
    /// Stellt die Datenbank aus einer Sicherung wieder her (pg_restore). Das Portal muss dabei
    /// gestoppt sein; alle Anmeldungen sind danach beendet.
    Restore {
        /// Sicherungsdatei (von `backup`)
        #[arg(long)]
        from: PathBuf,
        /// Ersetzt eine nicht leere Datenbank (ihr Inhalt geht verloren)
        #[arg(long)]
        force: bool,
    },
    /// Legt ein Konto mit zufälligem Anfangspasswort an (wird einmal angezeigt und muss bei
    /// der ersten Anmeldung geändert werden).
    CreateUser {
        /// E-Mail-Adresse (Anmeldename)
        #[arg(long)]
        email: String,
        /// Rolle: admin, bund, land oder kommune
        #[arg(long)]
        role: String,
        /// Angezeigter Name (Standard: die E-Mail-Adresse)
        #[arg(long)]
        name: Option<String>,
        /// Gemeindeschlüssel (AGS) der Kommune, für die Rolle kommune
        #[arg(long)]
        kommune: Option<String>,
        /// Landesschlüssel (01–16), für die Rolle land
        #[arg(long)]
        land: Option<String>,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let logs = tracing_subscriber::fmt().with_env_filter(
        tracing_subscriber::EnvFilter::try_from_default_env()
            .unwrap_or_else(|_| "info,sqlx=warn,tower_http=info".into()),
    );
    match std::env::var("LOG_FORMAT").unwrap_or_default().as_str() {
        // One JSON object per line, with the request's span (method, path, request id).
        "json" => logs
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .init(),
        "" | "text" => logs.init(),
        other => {
            logs.init();
            tracing::warn!("LOG_FORMAT={other} unbekannt (json oder text), Text-Protokoll");
        }
    }
    let cli = Cli::parse();
    match cli.command {
        Command::Serve => kinderchancen::run(Config::from_env(Mode::Production)?).await,
        Command::Demo => kinderchancen::run(Config::from_env(Mode::Demo)?).await,
        Command::Migrate => kinderchancen::migrate_only(Config::from_env(Mode::Production)?).await,
        Command::Backup { to } => {
            let config = Config::from_env(Mode::Production)?;
            kinderchancen::db::backup::backup(&config, &to).await?;
            println!("Sicherung geschrieben: {}", to.display());
            Ok(())
        }
        Command::Restore { from, force } => {
            let config = Config::from_env(Mode::Production)?;
            kinderchancen::db::backup::restore(&config, &from, force).await?;
            println!("Wiederhergestellt aus {}", from.display());
            Ok(())
        }
        Command::SyntheticKnowledge { count } => {
            let added =
                kinderchancen::synthetic_knowledge(Config::from_env(Mode::Production)?, count)
                    .await?;
            println!("{added} synthetische Einträge angelegt.");
            Ok(())
        }
        Command::SyntheticWorkspace { networks } => {
            let started = std::time::Instant::now();
            let added =
                kinderchancen::synthetic_workspace(Config::from_env(Mode::Production)?, networks)
                    .await?;
            println!(
                "{added} synthetische Netzwerke angelegt ({:.0} s).",
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::CreateUser {
            email,
            role,
            name,
            kommune,
            land,
        } => {
            let role = Role::parse(&role).ok_or_else(|| {
                anyhow::anyhow!("Unbekannte Rolle {role:?}: admin, bund, land oder kommune")
            })?;
            let email = email.trim().to_lowercase();
            let assignment = Assignment {
                role,
                kommune_ags: kommune,
                land_code: land,
            };
            let display_name = name.unwrap_or_else(|| email.clone());
            let config = Config::from_env(Mode::Production)?;
            let password =
                kinderchancen::create_user(config, &email, &display_name, assignment).await?;
            println!(
                "Konto {email} angelegt. Anfangspasswort (wird nur jetzt angezeigt): {password}"
            );
            Ok(())
        }
    }
}
