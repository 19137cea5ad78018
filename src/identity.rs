//! The signed-in user of a request: who they are, their role and their scope.

use crate::policy::{Actor, Role, Scope};

/// The signed-in user of a request, with the names the header shows.
#[derive(Clone, Debug)]
pub struct SessionUser {
    pub session_hash: Vec<u8>,
    pub user_id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub kommune_ags: Option<String>,
    pub kommune_name: Option<String>,
    /// The user's Land: their own (role `land`) or their municipality's (role `kommune`).
    pub land_code: Option<String>,
    pub land_name: Option<String>,
    pub must_change_password: bool,
    /// Open tasks as last counted in this session today (`None`: not yet, or a change of
    /// tasks cleared the count; see `home::tasks::count_when_stale`).
    pub open_tasks: Option<i32>,
    /// How often a change of tasks cleared the session's count: a count is stored only if it
    /// is still this number (`auth::session::set_open_tasks`).
    pub open_tasks_changes: i32,
}

impl SessionUser {
    pub fn actor(&self) -> Actor {
        let scope = match (self.role, &self.kommune_ags, &self.land_code) {
            (Role::Kommune, Some(ags), Some(land_code)) => Scope::Kommune {
                ags: ags.clone(),
                land_code: land_code.clone(),
            },
            (Role::Land, _, Some(land_code)) => Scope::Land {
                land_code: land_code.clone(),
            },
            _ => Scope::Nationwide,
        };
        Actor {
            user_id: self.user_id,
            role: self.role,
            scope,
        }
    }

    pub fn scope_label(&self) -> String {
        match self.role {
            Role::Kommune => self.kommune_name.clone().unwrap_or_default(),
            Role::Land => self.land_name.clone().unwrap_or_default(),
            Role::Bund | Role::Admin => "bundesweit".into(),
        }
    }
}
