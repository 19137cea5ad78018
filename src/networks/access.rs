use sqlx::PgPool;

use super::db::Network;
use crate::error::{AppError, AppResult};
use crate::identity::SessionUser;
use crate::policy::{Action, Territory, allows, authorize};

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
}

impl NetworkContext {
    /// Loads network `id` and asks the policy whether `user` may `need` it: 404 if there is no
    /// such network, 403 if it belongs to a territory the user does not cover. One query.
    pub async fn load(pool: &PgPool, user: &SessionUser, id: i64, need: Need) -> AppResult<Self> {
        let row = sqlx::query!(
            r#"SELECT n.id, n.name, n.kommune_ags, k.name AS kommune_name, k.land_code::text AS "land_code!",
                      n.is_public
               FROM networks n JOIN kommunen k ON k.ags = n.kommune_ags
               WHERE n.id = $1"#,
            id
        )
        .fetch_optional(pool)
        .await?
        .ok_or(AppError::NotFound)?;
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
            },
        )
    }

    /// The context of a network whose whole record a page has read anyway (the overview),
    /// without reading it a second time: 403 as [`load`](Self::load).
    pub fn of_record(user: &SessionUser, network: &Network, need: Need) -> AppResult<Self> {
        Self::authorized(
            user,
            need,
            Self {
                id: network.id,
                name: network.name.clone(),
                kommune_ags: network.kommune_ags.clone(),
                kommune_name: network.kommune_name.clone(),
                land_code: network.land_code.clone(),
                is_public: network.is_public,
                can_edit: false,
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

    /// The base of every workspace URL of this network.
    pub fn href(&self) -> String {
        format!("/netzwerke/{}", self.id)
    }
}
