//! The one way records are created, changed and deleted: the domain writes in a [`Change`],
//! which then records the write in the audit log and commits both together. Dropping a
//! change without finishing it (an error, or a version someone else has saved meanwhile)
//! writes nothing.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use sqlx::{PgConnection, Postgres, Transaction};

use super::form::FieldErrors;
use super::{Ctx, see_other};
use crate::audit::{self, Event, HistoryLine};
use crate::error::{AppError, AppResult};

/// A record as the audit log names it: its kind (`"partner"`) and its id.
#[derive(Clone, Copy, Debug)]
pub struct Record {
    pub entity: &'static str,
    pub id: i64,
}

impl Record {
    pub fn new(entity: &'static str, id: i64) -> Self {
        Self { entity, id }
    }
}

/// A write in progress on behalf of the signed-in user of `ctx`.
pub struct Change<'c> {
    ctx: &'c Ctx,
    tx: Transaction<'static, Postgres>,
}

impl<'c> Change<'c> {
    pub async fn begin(ctx: &'c Ctx) -> sqlx::Result<Self> {
        Ok(Self {
            ctx,
            tx: ctx.state.pool.begin().await?,
        })
    }

    /// Where the domain writes (and reads what must be read in the same transaction).
    pub fn tx(&mut self) -> &mut Transaction<'static, Postgres> {
        &mut self.tx
    }

    pub fn conn(&mut self) -> &mut PgConnection {
        &mut self.tx
    }

    pub async fn created(self, record: Record, values: Value) -> sqlx::Result<()> {
        self.finish(Event::new("angelegt", record.entity, record.id).new_values(values))
            .await
    }

    pub async fn updated(self, record: Record, old: Value, new: Value) -> sqlx::Result<()> {
        self.finish(
            Event::new("geaendert", record.entity, record.id)
                .old(old)
                .new_values(new),
        )
        .await
    }

    pub async fn deleted(self, record: Record, old: Value) -> sqlx::Result<()> {
        self.finish(Event::new("geloescht", record.entity, record.id).old(old))
            .await
    }

    /// Records the `S` the domain inserted under `key`, with its values as stored, and commits.
    pub async fn inserted<S: Versioned>(mut self, key: S::Key) -> AppResult<()> {
        let created = S::find(self.conn(), key).await?.ok_or(AppError::NotFound)?;
        let record = Record::new(S::ENTITY, S::id(key));
        Ok(self.created(record, created.audit_values()).await?)
    }

    /// Records any other event (e.g. a status change) and commits.
    pub async fn finish(mut self, event: Event<'_>) -> sqlx::Result<()> {
        let by = (&self.ctx.user).into();
        audit::record(&mut *self.tx, &self.ctx.meta, by, event).await?;
        self.tx.commit().await
    }
}

/// A record that is changed under a version check. The domain says where the record is;
/// [`Edit`] does the rest the same way for every kind of record: 404 for a record that is
/// not there, 409 for a stale version, the audit log in the same transaction.
pub trait Versioned: Sized + Send + Sync {
    /// Where the record is found, e.g. (network id, record id): the owner is part of the
    /// key, so that a record is only ever found where the policy let the user in.
    type Key: Copy + Send + Sync;
    /// The kind of record as the audit log names it ("partner").
    const ENTITY: &'static str;
    /// The audit action of an update.
    const UPDATED: &'static str = "geaendert";

    fn id(key: Self::Key) -> i64;
    fn find(
        db: &mut PgConnection,
        key: Self::Key,
    ) -> impl Future<Output = sqlx::Result<Option<Self>>> + Send;
    fn version(&self) -> i32;
    /// The values the audit log records before and after a change.
    fn audit_values(&self) -> Value;
}

/// A [`Versioned`] record that users delete ([`delete`]).
pub trait Deletable: Versioned {
    /// "Der Partner": the subject of the message when someone changed it before a delete.
    const SUBJECT: &'static str;
    /// Deletes the record if `version` is still current; `false` (nothing deleted) otherwise.
    fn delete(
        db: &mut PgConnection,
        key: Self::Key,
        version: i32,
    ) -> impl Future<Output = sqlx::Result<bool>> + Send;
}

/// Implements [`Versioned`] for a record keyed (owner id, record id) – the owner being its
/// network or program – with the domain's `find(db, owner_id, id)` and `audit_values`
/// method; with `find_by_id:` for a record keyed by its id alone. With `delete_from:` the
/// record is also [`Deletable`]: a row of that table with a `network_id` column; with
/// `delete:` through the domain's `delete(db, owner_id, id, version)`.
macro_rules! versioned {
    ($record:ty, $entity:literal, find_by_id: $find:path $(, updated: $updated:literal)?) => {
        impl $crate::web::edit::Versioned for $record {
            type Key = i64;
            const ENTITY: &'static str = $entity;
            $(const UPDATED: &'static str = $updated;)?

            fn id(id: i64) -> i64 {
                id
            }

            async fn find(db: &mut sqlx::PgConnection, id: i64) -> sqlx::Result<Option<Self>> {
                $find(db, id).await
            }

            fn version(&self) -> i32 {
                self.version
            }

            fn audit_values(&self) -> serde_json::Value {
                <$record>::audit_values(self)
            }
        }
    };
    ($record:ty, $entity:literal, find: $find:path) => {
        impl $crate::web::edit::Versioned for $record {
            /// (owner id, record id)
            type Key = (i64, i64);
            const ENTITY: &'static str = $entity;

            fn id((_, id): Self::Key) -> i64 {
                id
            }

            async fn find(
                db: &mut sqlx::PgConnection,
                (owner_id, id): Self::Key,
            ) -> sqlx::Result<Option<Self>> {
                $find(db, owner_id, id).await
            }

            fn version(&self) -> i32 {
                self.version
            }

            fn audit_values(&self) -> serde_json::Value {
                <$record>::audit_values(self)
            }
        }
    };
    ($record:ty, $entity:literal, find: $find:path, delete: $delete:path, $subject:literal) => {
        $crate::web::edit::versioned!($record, $entity, find: $find);

        impl $crate::web::edit::Deletable for $record {
            const SUBJECT: &'static str = $subject;

            async fn delete(
                db: &mut sqlx::PgConnection,
                (owner_id, id): Self::Key,
                version: i32,
            ) -> sqlx::Result<bool> {
                $delete(db, owner_id, id, version).await
            }
        }
    };
    ($record:ty, $entity:literal, find: $find:path, delete_from: $table:literal, $subject:literal) => {
        $crate::web::edit::versioned!($record, $entity, find: $find);

        impl $crate::web::edit::Deletable for $record {
            const SUBJECT: &'static str = $subject;

            async fn delete(
                db: &mut sqlx::PgConnection,
                (network_id, id): Self::Key,
                version: i32,
            ) -> sqlx::Result<bool> {
                let deleted = sqlx::query!(
                    "DELETE FROM " + $table + " WHERE network_id = $1 AND id = $2 AND version = $3",
                    network_id,
                    id,
                    version
                )
                .execute(db)
                .await?;
                Ok(deleted.rows_affected() == 1)
            }
        }
    };
}
pub(crate) use versioned;

/// A form page that edits a [`Versioned`] record: it shows the user's input, the errors at
/// each field, the record's history and, after someone else saved first, the values now
/// stored. Implement it with [`edit_page!`].
pub trait EditPage: IntoResponse {
    type Stored: Versioned;
    fn show_errors(&mut self, errors: FieldErrors);
    fn show_history(&mut self, history: Vec<HistoryLine>);
    /// The values stored now beside the user's, and their version in the form: saving again
    /// after reading them is a deliberate overwrite.
    fn show_conflict(&mut self, current: Self::Stored);
}

/// Implements [`EditPage`] for a page with the fields `errors`, `history`,
/// `conflict: Option<Stored>` and `form.version`.
macro_rules! edit_page {
    ($page:ty, $stored:ty) => {
        impl $crate::web::edit::EditPage for $page {
            type Stored = $stored;
            fn show_errors(&mut self, errors: $crate::web::form::FieldErrors) {
                self.errors = errors;
            }
            fn show_history(&mut self, history: Vec<$crate::audit::HistoryLine>) {
                self.history = history;
            }
            fn show_conflict(&mut self, current: $stored) {
                self.form.version = $crate::web::edit::Versioned::version(&current).to_string();
                self.conflict = Some(current);
            }
        }
    };
}
pub(crate) use edit_page;

/// Editing one stored record: load it (404 if it is not there), show it, take the user's
/// changes or give them back with what is wrong.
pub struct Edit<'c, S: Versioned> {
    ctx: &'c Ctx,
    key: S::Key,
    /// The record as stored when the request came in.
    pub before: S,
}

impl<'c, S: Versioned> Edit<'c, S> {
    pub async fn load(ctx: &'c Ctx, key: S::Key) -> AppResult<Self> {
        let before = stored::<S>(ctx, key).await?;
        Ok(Self { ctx, key, before })
    }

    /// For a record the domain has already loaded (e.g. because the policy needed it).
    pub fn of(ctx: &'c Ctx, key: S::Key, before: S) -> Self {
        Self { ctx, key, before }
    }

    async fn history(&self) -> sqlx::Result<Vec<HistoryLine>> {
        audit::history(
            &self.ctx.state.pool,
            S::ENTITY,
            &S::id(self.key).to_string(),
        )
        .await
    }

    /// The form `page` with the record's history (200).
    pub async fn show(&self, mut page: impl EditPage<Stored = S>) -> AppResult<Response> {
        page.show_history(self.history().await?);
        Ok(page.into_response())
    }

    /// The form `page` again, with the user's input and what is wrong with it (422).
    pub async fn rejected(
        &self,
        mut page: impl EditPage<Stored = S>,
        errors: FieldErrors,
    ) -> AppResult<Response> {
        page.show_errors(errors);
        page.show_history(self.history().await?);
        Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
    }

    /// Ends the versioned update the domain wrote in `change` (`written`: whether the version
    /// was current, or the constraint errors): records old and new values and redirects to
    /// `done`; after someone else's save, `page` shows both (409), and nothing is written.
    pub async fn saved(
        self,
        mut change: Change<'_>,
        written: Result<bool, FieldErrors>,
        mut page: impl EditPage<Stored = S>,
        done: &str,
    ) -> AppResult<Response> {
        match written {
            Ok(true) => {
                let after = S::find(change.conn(), self.key)
                    .await?
                    .ok_or(AppError::NotFound)?;
                let event = Event::new(S::UPDATED, S::ENTITY, S::id(self.key))
                    .old(self.before.audit_values())
                    .new_values(after.audit_values());
                change.finish(event).await?;
                Ok(see_other(done))
            }
            Ok(false) => {
                drop(change);
                page.show_conflict(stored::<S>(self.ctx, self.key).await?);
                page.show_history(self.history().await?);
                Ok((StatusCode::CONFLICT, page).into_response())
            }
            Err(errors) => {
                drop(change);
                self.rejected(page, errors).await
            }
        }
    }
}

/// The record as stored now, or 404.
pub async fn stored<S: Versioned>(ctx: &Ctx, key: S::Key) -> AppResult<S> {
    let mut db = ctx.state.pool.acquire().await?;
    S::find(&mut db, key).await?.ok_or(AppError::NotFound)
}

/// Deletes the record if it still has the `version` the user confirmed (409 otherwise) and
/// records its last values in the audit log. Returns the record as it was, for where to go next.
pub async fn delete<S: Deletable>(ctx: &Ctx, key: S::Key, version: i32) -> AppResult<S> {
    let mut change = Change::begin(ctx).await?;
    let before = S::find(change.conn(), key)
        .await?
        .ok_or(AppError::NotFound)?;
    if !S::delete(change.conn(), key, version).await? {
        return Err(AppError::stale_delete(S::SUBJECT));
    }
    change
        .deleted(Record::new(S::ENTITY, S::id(key)), before.audit_values())
        .await?;
    Ok(before)
}
