//! The confirmation step before anything is deleted: what goes, what follows from it.

use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use super::Layout;

#[derive(Template, WebTemplate)]
#[template(path = "confirm_delete.html")]
pub struct ConfirmDeletePage {
    pub layout: Layout,
    /// "das Netzwerk „…“", "die Maßnahme „…“".
    pub what: String,
    /// What else happens, one sentence each.
    pub consequences: Vec<String>,
    /// Where the confirmation is posted.
    pub action: String,
    /// Where "Abbrechen" leads.
    pub cancel: String,
    /// The version the user saw; a changed record is not deleted.
    pub version: i32,
}

/// The posted confirmation.
#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    pub version: String,
}
