//! What the base template needs on every page: who is signed in, and the navigation with the
//! section of the page shown marked.

use super::assets::{self, Urls};
use crate::identity::SessionUser;
use crate::policy::{Action, allows};

#[derive(Clone)]
pub struct Layout {
    pub user: Option<HeaderUser>,
    pub nav: Vec<NavLink>,
    /// The stylesheet, font and icon the page links to.
    pub assets: &'static Urls,
    /// The path of the page shown.
    path: String,
}

#[derive(Clone)]
pub struct HeaderUser {
    pub display_name: String,
    pub role_label: &'static str,
    /// "Hamm, Stadt", "Nordrhein-Westfalen" or "bundesweit".
    pub scope_label: String,
}

#[derive(Clone)]
pub struct NavLink {
    pub href: &'static str,
    pub label: &'static str,
    /// The page shown is this section (`aria-current="page"`).
    pub current: bool,
    /// Open tasks, shown beside the start page's link.
    pub open_tasks: Option<i32>,
}

/// Whether `path` is `href` (`exact`) or lies below it.
fn is_at(path: &str, href: &str, exact: bool) -> bool {
    path == href || (!exact && path.starts_with(href) && path[href.len()..].starts_with('/'))
}

impl Layout {
    /// The layout of the page at `path` for `user` (or a visitor).
    pub fn new(user: Option<&SessionUser>, path: &str) -> Self {
        let link = |href: &'static str, label: &'static str| NavLink {
            href,
            label,
            current: is_at(path, href, href == "/"),
            open_tasks: None,
        };
        let mut nav = vec![
            NavLink {
                open_tasks: user.and_then(|u| u.open_tasks),
                ..link("/", "Start")
            },
            link("/wissen", "Wissensplattform"),
            link("/verzeichnis", "Kommunen"),
            link("/katalog", "Indikatorenkatalog"),
        ];
        if let Some(user) = user {
            let actor = user.actor();
            nav.insert(1, link("/netzwerke", "Netzwerke"));
            nav.insert(2, link("/foerderprogramme", "Förderprogramme"));
            if allows(&actor, Action::ListReports) {
                nav.insert(3, link("/berichte", "Berichte"));
            }
            // The nationwide roles reach every Land from the national overview.
            if allows(&actor, Action::ViewNationalOverview) {
                nav.insert(3, link("/bund/uebersicht", "Bundesübersicht"));
            } else if allows(&actor, Action::OpenLandOverview) {
                nav.insert(3, link("/land/uebersicht", "Landesübersicht"));
            }
            if allows(&actor, Action::ViewNapReport) {
                nav.push(link("/bund/nap-bericht", "NAP-Bericht"));
            }
            if allows(&actor, Action::ManageUsers) {
                nav.push(link("/verwaltung/benutzer", "Benutzerverwaltung"));
            }
            nav.push(link("/konto/passwort", "Passwort ändern"));
        }
        Self {
            user: user.map(|u| HeaderUser {
                display_name: u.display_name.clone(),
                role_label: u.role.label(),
                scope_label: u.scope_label(),
            }),
            nav,
            assets: &assets::URLS,
            path: path.to_owned(),
        }
    }

    /// The number of open tasks the start page has just counted.
    pub fn set_open_tasks(&mut self, open: i32) {
        if let Some(start) = self.nav.iter_mut().find(|l| l.href == "/") {
            start.open_tasks = Some(open);
        }
    }

    /// Whether the page shown is `href` (`exact`) or lies below it, for sub-navigations.
    pub fn is_current(&self, href: &str, exact: bool) -> bool {
        is_at(&self.path, href, exact)
    }
}
