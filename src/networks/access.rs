use sqlx::PgPool;

use std::future::Future;
use std::sync::Arc;

use crate::computed::{Computed, Revision};
use crate::error::{AppError, AppResult};
use crate::identity::SessionUser;
use crate::policy::{Action, Territory, allows, authorize};

/// How many networks' pages of each kind a node keeps (the most recently viewed).
const KEPT: usize = 1000;

/// What a page needs to do with a network.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    Read,
    Edit,
}

/// A network the current user may see, with what the workspace pages show in their header.
#[derive(Clone, Debug)]
pub struct NetworkContext {
    pub id: i64,
    pub name: String,
    pub kommune_ags: String,
    pub kommune_name: String,
    pub land_code: String,
    pub is_public: bool,
    /// Whether the user may change it (the template shows edit links only then).
    pub can_edit: bool,
    /// How often its data changed: the key of what its pages keep (`computed`, migration 0022).
    pub revision: Revision,
}

/// A network's context as one statement reads it, for the network `$network` names (by its
/// id, or through a record of it).
struct ContextRow {
    id: i64,
    name: String,
    kommune_ags: String,
    kommune_name: String,
    land_code: String,
    is_public: bool,
    revision: i64,
}

macro_rules! context_row {
    ($network:literal, $key:expr) => {
        sqlx::query_as!(
            ContextRow,
            r#"SELECT n.id, n.name, n.kommune_ags, k.name AS kommune_name, k.land_code::text AS "land_code!",
                      n.is_public,
                      (SELECT coalesce(sum(r.revision), 0) FROM network_revisions r
                       WHERE r.network_id IN (0, n.id))::bigint AS "revision!"
               FROM networks n JOIN kommunen k ON k.ags = n.kommune_ags
               WHERE n.id = "# + $network,
            $key
        )
    };
}

impl NetworkContext {
    /// Loads network `id` and asks the policy whether `user` may `need` it: 404 if there is no
    /// such network, 403 if it belongs to a territory the user does not cover. One query,
    /// which also reads the network's revision (its own and that of the data networks share).
    pub async fn load(pool: &PgPool, user: &SessionUser, id: i64, need: Need) -> AppResult<Self> {
        let row = context_row!("$1", id).fetch_optional(pool).await?;
        Self::of_row(user, need, row)
    }

    /// As [`load`](Self::load), for the network of funding `funding_id` (404 if there is no
    /// such funding): a funding's page reaches its network through it in the same statement.
    pub async fn load_of_funding(
        pool: &PgPool,
        user: &SessionUser,
        funding_id: i64,
        need: Need,
    ) -> AppResult<Self> {
        let row = context_row!(
            "(SELECT f.network_id FROM fundings f WHERE f.id = $1)",
            funding_id
        )
        .fetch_optional(pool)
        .await?;
        Self::of_row(user, need, row)
    }

    fn of_row(user: &SessionUser, need: Need, row: Option<ContextRow>) -> AppResult<Self> {
        let row = row.ok_or(AppError::NotFound)?;
        Self::authorized(
            user,
            need,
            Self {
                id: row.id,
                name: row.name,
                kommune_ags: row.kommune_ags,
                kommune_name: row.kommune_name,
                land_code: row.land_code,
                is_public: row.is_public,
                can_edit: false,
                revision: Revision {
                    day: crate::clock::today(),
                    number: row.revision,
                },
            },
        )
    }

    fn authorized(user: &SessionUser, need: Need, network: Self) -> AppResult<Self> {
        let territory = Territory {
            ags: &network.kommune_ags,
            land_code: &network.land_code,
        };
        let actor = user.actor();
        authorize(&actor, Action::ReadMunicipality(territory))?;
        let can_edit = allows(&actor, Action::EditMunicipality(territory));
        if need == Need::Edit && !can_edit {
            return Err(AppError::Forbidden);
        }
        Ok(Self {
            can_edit,
            ..network
        })
    }

    /// What `page` loaded of this network (for `item` of it, e.g. a measure's id), kept per
    /// revision of the network's data: loaded again only after a change. The same for every
    /// reader, so the caller checks access first (as [`load`](Self::load) did).
    pub async fn kept<T, F, Fut>(
        &self,
        computed: &Computed,
        page: &'static str,
        item: Option<i64>,
        load: F,
    ) -> AppResult<Arc<T>>
    where
        T: Send + Sync + 'static,
        F: FnOnce() -> Fut,
        Fut: Future<Output = AppResult<T>>,
    {
        kept(computed, self.id, self.revision, page, item, load).await
    }

    /// As [`kept`](Self::kept), for a page that shows what the user chose (filters, sorting,
    /// a page of a list): `choice` names it, in one canonical form (the list's own link).
    pub async fn kept_for<T, F, Fut>(
        &self,
        computed: &Computed,
        page: &'static str,
        choice: &str,
        load: F,
    ) -> AppResult<Arc<T>>
    where
        T: Send + Sync + 'static,
        F: FnOnce() -> Fut,
        Fut: Future<Output = AppResult<T>>,
    {
        let scope = format!("{}?{choice}", self.id);
        computed
            .get_or_compute_kept(page, &scope, self.revision, KEPT, load)
            .await
    }

    /// The base of every workspace URL of this network.
    pub fn href(&self) -> String {
        format!("/netzwerke/{}", self.id)
    }
}

/// What `page` loaded of network `network_id` (for `item` of it), kept per the network's
/// `revision`: see [`NetworkContext::kept`], for pages that read the revision themselves (the
/// public profile, whose access differs).
pub async fn kept<T, F, Fut>(
    computed: &Computed,
    network_id: i64,
    revision: Revision,
    page: &'static str,
    item: Option<i64>,
    load: F,
) -> AppResult<Arc<T>>
where
    T: Send + Sync + 'static,
    F: FnOnce() -> Fut,
    Fut: Future<Output = AppResult<T>>,
{
    let scope = match item {
        Some(item) => format!("{network_id}/{item}"),
        None => network_id.to_string(),
    };
    computed
        .get_or_compute_kept(page, &scope, revision, KEPT, load)
        .await
}
