//! What the base template needs on every page: who is signed in, and the navigation.

use crate::auth::SessionUser;
use crate::policy::Role;

pub struct Layout {
    pub user: Option<HeaderUser>,
    pub nav: Vec<NavLink>,
}

pub struct HeaderUser {
    pub display_name: String,
    pub role_label: &'static str,
    /// "Hamm, Stadt", "Nordrhein-Westfalen" or "bundesweit".
    pub scope_label: String,
}

pub struct NavLink {
    pub href: &'static str,
    pub label: &'static str,
}

impl Layout {
    pub fn new(user: Option<&SessionUser>) -> Self {
        let mut nav = vec![
            NavLink {
                href: "/",
                label: "Start",
            },
            NavLink {
                href: "/wissen",
                label: "Wissensplattform",
            },
            NavLink {
                href: "/verzeichnis",
                label: "Kommunen",
            },
        ];
        if let Some(user) = user {
            if user.role == Role::Admin {
                nav.push(NavLink {
                    href: "/verwaltung/benutzer",
                    label: "Benutzerverwaltung",
                });
            }
            nav.push(NavLink {
                href: "/konto/passwort",
                label: "Passwort ändern",
            });
        }
        Self {
            user: user.map(|u| HeaderUser {
                display_name: u.display_name.clone(),
                role_label: u.role.label(),
                scope_label: u.scope_label(),
            }),
            nav,
        }
    }
}
