//! Who may do what. Every handler asks here; nothing else decides about access.

use crate::error::AppError;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Kommune,
    Land,
    Bund,
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Kommune, Role::Land, Role::Bund, Role::Admin];

    pub fn code(self) -> &'static str {
        match self {
            Role::Kommune => "kommune",
            Role::Land => "land",
            Role::Bund => "bund",
            Role::Admin => "admin",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Kommune => "Kommunale Koordination",
            Role::Land => "Landesprogrammstelle",
            Role::Bund => "Geschäftsstelle Kinderchancen (Bund)",
            Role::Admin => "Administration",
        }
    }
}

/// The signed-in user as the policy sees them: a role and the territory it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub user_id: i64,
    pub role: Role,
    pub scope: Scope,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// One municipality (AGS) in one Land.
    Kommune {
        ags: String,
        land_code: String,
    },
    Land {
        land_code: String,
    },
    Nationwide,
}

/// A municipality a request is about, as stored: its AGS and its Land.
#[derive(Clone, Copy, Debug)]
pub struct Territory<'a> {
    pub ags: &'a str,
    pub land_code: &'a str,
}

#[derive(Clone, Copy, Debug)]
pub enum Action<'a> {
    /// List, create and change user accounts.
    ManageUsers,
    /// Add Gemeinden to the municipality directory.
    ManageDirectory,
    /// Change one's own password.
    ChangeOwnPassword,
    /// Read a municipality's workspace (networks, measures, goals …).
    ReadMunicipality(Territory<'a>),
    /// Change a municipality's workspace.
    EditMunicipality(Territory<'a>),
}

pub fn allows(actor: &Actor, action: Action<'_>) -> bool {
    use Action::*;
    match (action, actor.role) {
        (ChangeOwnPassword, _) => true,
        (_, Role::Admin) => true,
        (ManageUsers | ManageDirectory, _) => false,
        (ReadMunicipality(_), Role::Bund) => true,
        (ReadMunicipality(t), Role::Land) => covers_land(&actor.scope, t.land_code),
        (ReadMunicipality(t) | EditMunicipality(t), Role::Kommune) => is_own(&actor.scope, t.ags),
        (EditMunicipality(_), Role::Land | Role::Bund) => false,
    }
}

/// [`allows`] as a handler wants it: `Forbidden` (403) when refused.
pub fn authorize(actor: &Actor, action: Action<'_>) -> Result<(), AppError> {
    if allows(actor, action) {
        Ok(())
    } else {
        tracing::warn!(user_id = actor.user_id, ?action, "Zugriff verweigert");
        Err(AppError::Forbidden)
    }
}

fn covers_land(scope: &Scope, land_code: &str) -> bool {
    matches!(scope, Scope::Land { land_code: own } if own == land_code)
}

fn is_own(scope: &Scope, ags: &str) -> bool {
    matches!(scope, Scope::Kommune { ags: own, .. } if own == ags)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role) -> Actor {
        let scope = match role {
            Role::Kommune => Scope::Kommune {
                ags: "05915".into(),
                land_code: "05".into(),
            },
            Role::Land => Scope::Land {
                land_code: "05".into(),
            },
            Role::Bund | Role::Admin => Scope::Nationwide,
        };
        Actor {
            user_id: 1,
            role,
            scope,
        }
    }

    const HAMM: Territory = Territory {
        ags: "05915",
        land_code: "05",
    };
    const DETMOLD: Territory = Territory {
        ags: "05766020",
        land_code: "05",
    };
    const TUEBINGEN: Territory = Territory {
        ags: "08416041",
        land_code: "08",
    };

    /// The whole matrix: every role (scoped to Hamm / NRW) against every action, with the
    /// expected answer spelled out row by row.
    #[test]
    fn matrix() {
        use Action::*;
        let rows: [(Action, [bool; 4]); 11] = [
            //                                  kommune land   bund   admin
            (ManageUsers, [false, false, false, true]),
            (ManageDirectory, [false, false, false, true]),
            (ChangeOwnPassword, [true, true, true, true]),
            (ReadMunicipality(HAMM), [true, true, true, true]),
            (ReadMunicipality(DETMOLD), [false, true, true, true]),
            (ReadMunicipality(TUEBINGEN), [false, false, true, true]),
            (EditMunicipality(HAMM), [true, false, false, true]),
            (EditMunicipality(DETMOLD), [false, false, false, true]),
            (EditMunicipality(TUEBINGEN), [false, false, false, true]),
            (
                ReadMunicipality(Territory {
                    ags: "05915000",
                    land_code: "05",
                }),
                [false, true, true, true],
            ),
            (
                EditMunicipality(Territory {
                    ags: "0591",
                    land_code: "05",
                }),
                [false, false, false, true],
            ),
        ];
        for (action, expected) in rows {
            for (role, expected) in Role::ALL.into_iter().zip(expected) {
                assert_eq!(
                    allows(&actor(role), action),
                    expected,
                    "{role:?} {action:?}"
                );
            }
        }
    }

    #[test]
    fn authorize_maps_refusal_to_forbidden() {
        let result = authorize(&actor(Role::Kommune), Action::ManageUsers);
        assert!(matches!(result, Err(AppError::Forbidden)));
        assert!(authorize(&actor(Role::Admin), Action::ManageUsers).is_ok());
    }

    #[test]
    fn role_codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.code()), Some(role));
        }
        assert_eq!(Role::parse("superuser"), None);
    }
}
