//! The pages every public-sector site needs: Impressum, Datenschutz, the accessibility
//! statement (BITV 2.0), and the explanations in Leichte Sprache and Gebärdensprache
//! (BITV 2.0 § 4). The operator's details come from the configuration.

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::config::{Config, Operator};
use crate::error::AppResult;
use crate::state::AppState;
use crate::web::Layout;
use crate::web::PublicCtx;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/impressum", get(impressum))
        .route("/datenschutz", get(datenschutz))
        .route("/barrierefreiheit", get(barrierefreiheit))
        .route("/leichte-sprache", get(leichte_sprache))
        .route("/gebaerdensprache", get(gebaerdensprache))
}

/// When the texts of these pages were written and last reviewed; the accessibility statement
/// must carry its date (BITV 2.0 § 7).
const AS_OF: &str = "29.11.2026";

/// A legal page: the layout and the operator it names.
macro_rules! legal_page {
    ($name:ident, $path:literal, $handler:ident) => {
        #[derive(Template, WebTemplate)]
        #[template(path = $path)]
        struct $name {
            layout: Layout,
            config: Arc<Config>,
            as_of: &'static str,
        }

        impl $name {
            fn operator(&self) -> &Operator {
                &self.config.operator
            }
        }

        async fn $handler(ctx: PublicCtx) -> AppResult<Response> {
            Ok($name {
                layout: ctx.layout,
                config: ctx.state.config.clone(),
                as_of: AS_OF,
            }
            .into_response())
        }
    };
}

legal_page!(Impressum, "site/impressum.html", impressum);
legal_page!(Datenschutz, "site/datenschutz.html", datenschutz);
legal_page!(
    Barrierefreiheit,
    "site/barrierefreiheit.html",
    barrierefreiheit
);
legal_page!(LeichteSprache, "site/leichte_sprache.html", leichte_sprache);
legal_page!(
    Gebaerdensprache,
    "site/gebaerdensprache.html",
    gebaerdensprache
);
