//! Partners of a network. Every query names the network, so an id of another network finds
//! nothing.

use sqlx::{PgExecutor, PgPool, Postgres, Transaction};

use crate::vocab::{NETZWERK_ROLLEN, PARTNER_ARTEN, RESSORTS, label};

/// A partner as its form and the list show it.
#[derive(Clone, Debug)]
pub struct Partner {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub ressort: String,
    pub network_role: String,
    pub contact: String,
    pub version: i32,
    /// Measures this partner is responsible for.
    pub measures: i64,
}

// Its measures stay, without a responsible partner (the foreign key sets it to NULL).
crate::web::edit::versioned!(Partner, "partner", find: find, delete_from: "partners", "Der Partner");

impl Partner {
    pub fn audit_values(&self) -> serde_json::Value {
        serde_json::json!({
            "Name": self.name,
            "Art": label(PARTNER_ARTEN, &self.kind),
            "Ressort": label(RESSORTS, &self.ressort),
            "Rolle im Netzwerk": label(NETZWERK_ROLLEN, &self.network_role),
            "Kontakt": self.contact,
        })
    }

    pub fn kind_label(&self) -> &str {
        label(PARTNER_ARTEN, &self.kind)
    }

    pub fn ressort_label(&self) -> &str {
        label(RESSORTS, &self.ressort)
    }
}

/// The fields the partner form writes.
#[derive(Clone, Debug)]
pub struct PartnerFields {
    pub name: String,
    pub kind: String,
    pub ressort: String,
    pub network_role: String,
    pub contact: String,
}

/// How the list is ordered (`?sortierung=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PartnerOrder {
    #[default]
    Name,
    Kind,
    Ressort,
    Role,
}

impl PartnerOrder {
    pub const ALL: [PartnerOrder; 4] = [Self::Name, Self::Kind, Self::Ressort, Self::Role];

    pub fn code(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Kind => "art",
            Self::Ressort => "ressort",
            Self::Role => "rolle",
        }
    }

    /// Unknown codes fall back to the name.
    pub fn parse(code: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|o| o.code() == code)
            .unwrap_or_default()
    }
}

/// The partners of a network with the number of measures each is responsible for. One query.
pub async fn list(
    pool: &PgPool,
    network_id: i64,
    order: PartnerOrder,
) -> sqlx::Result<Vec<Partner>> {
    let mut partners = sqlx::query_as!(
        Partner,
        r#"SELECT p.id, p.name, p.kind, p.ressort, p.network_role, p.contact, p.version,
                  count(m.id) AS "measures!"
           FROM partners p
           LEFT JOIN measures m ON m.network_id = p.network_id AND m.partner_id = p.id
           WHERE p.network_id = $1
           GROUP BY p.id
           ORDER BY p.name COLLATE "de-x-icu", p.id"#,
        network_id
    )
    .fetch_all(pool)
    .await?;
    // Ordered by the German labels people read, not by the stored codes; stable, so partners
    // stay alphabetical within a group.
    match order {
        PartnerOrder::Name => {}
        PartnerOrder::Kind => partners.sort_by(|a, b| a.kind_label().cmp(b.kind_label())),
        PartnerOrder::Ressort => partners.sort_by(|a, b| a.ressort_label().cmp(b.ressort_label())),
        PartnerOrder::Role => partners.sort_by_key(|p| {
            NETZWERK_ROLLEN
                .iter()
                .position(|t| t.code == p.network_role)
        }),
    }
    Ok(partners)
}

/// Partner `id` if it belongs to network `network_id`.
pub async fn find(
    db: impl PgExecutor<'_>,
    network_id: i64,
    id: i64,
) -> sqlx::Result<Option<Partner>> {
    sqlx::query_as!(
        Partner,
        r#"SELECT p.id, p.name, p.kind, p.ressort, p.network_role, p.contact, p.version,
                  (SELECT count(*) FROM measures m
                   WHERE m.network_id = p.network_id AND m.partner_id = p.id) AS "measures!"
           FROM partners p
           WHERE p.network_id = $1 AND p.id = $2"#,
        network_id,
        id
    )
    .fetch_optional(db)
    .await
}

/// Whether another partner of the network already has this name (ignoring case).
pub async fn name_taken(
    db: impl PgExecutor<'_>,
    network_id: i64,
    name: &str,
    except: Option<i64>,
) -> sqlx::Result<bool> {
    sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM partners
                          WHERE network_id = $1 AND lower(name) = lower($2)
                            AND id IS DISTINCT FROM $3) AS "taken!""#,
        network_id,
        name,
        except
    )
    .fetch_one(db)
    .await
}

/// The unique name of a partner in its network (two people saving at once), at the form's
/// name field.
pub const NAME_TAKEN: &[(&str, &str)] = &[("partners_name_key", "name")];

pub async fn insert(
    tx: &mut Transaction<'_, Postgres>,
    network_id: i64,
    fields: &PartnerFields,
) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        "INSERT INTO partners (network_id, name, kind, ressort, network_role, contact)
         VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id",
        network_id,
        fields.name,
        fields.kind,
        fields.ressort,
        fields.network_role,
        fields.contact,
    )
    .fetch_one(&mut **tx)
    .await
}

/// Writes the fields if `version` is still current; `false` (nothing written) otherwise.
pub async fn update(
    tx: &mut Transaction<'_, Postgres>,
    network_id: i64,
    id: i64,
    version: i32,
    fields: &PartnerFields,
) -> sqlx::Result<bool> {
    Ok(sqlx::query!(
        "UPDATE partners SET name = $4, kind = $5, ressort = $6, network_role = $7, contact = $8,
                version = version + 1, updated_at = now()
         WHERE network_id = $1 AND id = $2 AND version = $3",
        network_id,
        id,
        version,
        fields.name,
        fields.kind,
        fields.ressort,
        fields.network_role,
        fields.contact,
    )
    .execute(&mut **tx)
    .await?
    .rows_affected()
        == 1)
}
