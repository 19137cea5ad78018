//! Password hashing (argon2id at the OWASP parameters) and the password rules.

use std::sync::LazyLock;

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::RngExt;

use crate::error::AppError;

/// OWASP Password Storage Cheat Sheet: m = 19 MiB, t = 2, p = 1.
fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Verified against when the e-mail is unknown, so that unknown e-mails and wrong passwords
/// cost the same time.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash_blocking("kein-echtes-passwort").expect("hashing works"));

fn hash_blocking(password: &str) -> anyhow::Result<String> {
    let hash = argon2()
        .hash_password(password.as_bytes())
        .map_err(|e| anyhow::anyhow!("argon2: {e}"))?;
    Ok(hash.to_string())
}

fn verify_blocking(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        argon2()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// At most one hash per core at a time: a burst of logins (or an attack on the login) waits
/// its turn instead of taking a thread and 19 MiB each and starving every page of CPU.
static HASHING: LazyLock<tokio::sync::Semaphore> = LazyLock::new(|| {
    tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get()))
});

/// Runs `work` off the async runtime (argon2 takes tens of milliseconds of CPU), once a core
/// is free for it.
async fn hashing<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    let _turn = HASHING
        .acquire()
        .await
        .expect("the semaphore is never closed");
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| AppError::Internal(e.into()))
}

pub async fn hash(password: String) -> Result<String, AppError> {
    hashing(move || hash_blocking(&password))
        .await?
        .map_err(AppError::Internal)
}

/// Checks `password` against `hash`, or against a dummy hash when there is no account, so both
/// cases take the same time.
pub async fn verify(password: String, hash: Option<String>) -> Result<bool, AppError> {
    hashing(move || match hash {
        Some(hash) => verify_blocking(&password, &hash),
        None => {
            verify_blocking(&password, &DUMMY_HASH);
            false
        }
    })
    .await
}

/// Computes the dummy hash ahead of the first login, so that login does not pay for it.
pub fn warm_up() {
    LazyLock::force(&DUMMY_HASH);
}

pub const MIN_LENGTH: usize = 12;
const MAX_LENGTH: usize = 512;

/// The rules for a new password, as a German message when broken. `context` are words the
/// password must not be built from (e-mail, name).
pub fn check_new(password: &str, context: &[&str]) -> Result<(), String> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        return Err(format!(
            "Das Passwort muss mindestens {MIN_LENGTH} Zeichen lang sein."
        ));
    }
    if length > MAX_LENGTH {
        return Err(format!(
            "Das Passwort darf höchstens {MAX_LENGTH} Zeichen lang sein."
        ));
    }
    // zxcvbn knows the most common passwords, keyboard walks, repeats and dictionary words.
    let estimate = zxcvbn::zxcvbn(password, context);
    if (estimate.score() as u8) < 3 {
        return Err(
            "Dieses Passwort ist zu leicht zu erraten (z. B. ein häufig verwendetes Passwort, \
             eine Tastaturfolge oder Ihr Name). Bitte wählen Sie ein anderes, etwa einen Satz \
             aus mehreren Wörtern."
                .into(),
        );
    }
    Ok(())
}

/// A random initial password, shown once; easy to type (no 0/O, 1/l/I).
pub fn generate_initial() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    let chars: String = (0..20)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect();
    // Groups of five read and type more easily.
    chars
        .as_bytes()
        .chunks(5)
        .map(|c| std::str::from_utf8(c).expect("ASCII"))
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_and_verify() {
        let hash = hash_blocking("ein langes geheimes Passwort").unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify_blocking("ein langes geheimes Passwort", &hash));
        assert!(!verify_blocking("ein anderes Passwort", &hash));
        assert!(!verify_blocking("egal", "kein-hash"));
    }

    #[test]
    fn rules_reject_short_and_common_passwords() {
        assert!(
            check_new("kurz", &[])
                .unwrap_err()
                .contains("mindestens 12")
        );
        assert!(check_new("password1234", &[]).is_err());
        assert!(check_new("123456789012", &[]).is_err());
        assert!(check_new("qwertzuiopasdf", &[]).is_err());
        assert!(check_new("anna.schmidt@example.org", &["anna.schmidt@example.org"]).is_err());
        assert!(check_new("Fahrrad Leuchtturm Kinderchancen 42", &[]).is_ok());
    }

    #[test]
    fn initial_passwords_are_random_and_strong() {
        let a = generate_initial();
        let b = generate_initial();
        assert_ne!(a, b);
        assert_eq!(a.len(), 23);
        assert!(check_new(&a, &[]).is_ok());
    }
}
