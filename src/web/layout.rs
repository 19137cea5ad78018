//! What the base template needs on every page: who is signed in, and the navigation.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;

use crate::identity::SessionUser;
use crate::policy::{Action, allows};

tokio::task_local! {
    /// The path of the request being rendered, so the navigation can mark where the user is.
    static REQUEST_PATH: String;
}

/// Makes the request path available to [`Layout::new`] while the request is handled.
pub async fn remember_path(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    REQUEST_PATH.scope(path, next.run(request)).await
}

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
    /// The page shown is this section (`aria-current="page"`).
    pub current: bool,
}

impl NavLink {
    fn new(href: &'static str, label: &'static str) -> Self {
        Self {
            href,
            label,
            current: is_current(href, href == "/"),
        }
    }
}

/// Whether the page being rendered is `href` (`exact`) or lies below it.
pub fn is_current(href: &str, exact: bool) -> bool {
    REQUEST_PATH
        .try_with(|path| {
            path == href
                || (!exact && path.starts_with(href) && path[href.len()..].starts_with('/'))
        })
        .unwrap_or(false)
}

impl Layout {
    pub fn new(user: Option<&SessionUser>) -> Self {
        let mut nav = vec![
            NavLink::new("/", "Start"),
            NavLink::new("/wissen", "Wissensplattform"),
            NavLink::new("/verzeichnis", "Kommunen"),
        ];
        if let Some(user) = user {
            let actor = user.actor();
            nav.insert(1, NavLink::new("/netzwerke", "Netzwerke"));
            nav.insert(2, NavLink::new("/foerderprogramme", "Förderprogramme"));
            if allows(&actor, Action::ListReports) {
                nav.insert(3, NavLink::new("/berichte", "Berichte"));
            }
            if allows(&actor, Action::OpenLandOverview) {
                nav.insert(3, NavLink::new("/land/uebersicht", "Landesübersicht"));
            }
            if allows(&actor, Action::ManageUsers) {
                nav.push(NavLink::new("/verwaltung/benutzer", "Benutzerverwaltung"));
            }
            nav.push(NavLink::new("/konto/passwort", "Passwort ändern"));
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
