//! The one way records are created, changed and deleted: the domain writes in a [`Change`],
//! which then records the write in the audit log and commits both together. Dropping a
//! change without finishing it (an error, or a version someone else has saved meanwhile)
//! writes nothing.

use serde_json::Value;
use sqlx::{PgConnection, Postgres, Transaction};

use super::Ctx;
use crate::audit::{self, Event};

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

    /// Records any other event (e.g. a status change) and commits.
    pub async fn finish(mut self, event: Event<'_>) -> sqlx::Result<()> {
        let by = (&self.ctx.user).into();
        audit::record(&mut *self.tx, &self.ctx.meta, by, event).await?;
        self.tx.commit().await
    }
}
