//! One-time tokens of import previews (`measure_import_previews`), so that an import is
//! confirmed once.

use sha2::{Digest, Sha256};
use sqlx::{PgExecutor, PgPool};
use uuid::Uuid;

/// How long a preview can be confirmed.
const VALID_HOURS: i32 = 24;

fn content_hash(text: &str) -> Vec<u8> {
    Sha256::digest(text.as_bytes()).to_vec()
}

/// A new token for confirming the import of `text` into the network, by this user.
pub async fn issue(
    db: impl PgExecutor<'_>,
    network_id: i64,
    user_id: i64,
    text: &str,
) -> sqlx::Result<Uuid> {
    let token = Uuid::new_v4();
    sqlx::query!(
        "INSERT INTO measure_import_previews (token, network_id, user_id, content_hash)
         VALUES ($1, $2, $3, $4)",
        token,
        network_id,
        user_id,
        content_hash(text)
    )
    .execute(db)
    .await?;
    Ok(token)
}

/// Uses the token up; whether it was there for exactly this import. Run in the transaction
/// that imports: a second confirmation waits for the first and then finds nothing.
pub async fn redeem(
    db: impl PgExecutor<'_>,
    token: Uuid,
    network_id: i64,
    user_id: i64,
    text: &str,
) -> sqlx::Result<bool> {
    let redeemed = sqlx::query!(
        "DELETE FROM measure_import_previews
         WHERE token = $1 AND network_id = $2 AND user_id = $3 AND content_hash = $4
           AND created_at > now() - make_interval(hours => $5)",
        token,
        network_id,
        user_id,
        content_hash(text),
        VALID_HOURS
    )
    .execute(db)
    .await?;
    Ok(redeemed.rows_affected() == 1)
}

/// Removes tokens of previews that were never confirmed; run now and then.
pub async fn purge_stale(pool: &PgPool) -> sqlx::Result<u64> {
    let result = sqlx::query!(
        "DELETE FROM measure_import_previews WHERE created_at < now() - make_interval(hours => $1)",
        VALID_HOURS
    )
    .execute(pool)
    .await?;
    Ok(result.rows_affected())
}
