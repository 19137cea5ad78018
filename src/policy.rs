//! Who may do what. Every handler asks here; nothing else decides about access.

use crate::error::AppError;
use crate::states::{EntryStatus, ReportStatus};

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

/// A knowledge entry as the policy sees it: its status and who drafted it from where.
#[derive(Clone, Copy, Debug)]
pub struct EntryRef<'a> {
    pub status: EntryStatus,
    pub author_user_id: Option<i64>,
    pub author_kommune_ags: Option<&'a str>,
    pub author_land_code: Option<&'a str>,
}

impl EntryRef<'_> {
    fn is_published(&self) -> bool {
        self.status == EntryStatus::Published
    }

    fn is_open_draft(&self) -> bool {
        self.status.is_open_draft()
    }

    /// Drafted by `actor`, or by someone of the same municipality (or, for a Land's own
    /// entries, the same Land).
    fn drafted_by_team_of(&self, actor: &Actor) -> bool {
        self.author_user_id == Some(actor.user_id)
            || match &actor.scope {
                Scope::Kommune { ags, .. } => self.author_kommune_ags == Some(ags.as_str()),
                Scope::Land { land_code } => {
                    self.author_kommune_ags.is_none()
                        && self.author_land_code == Some(land_code.as_str())
                }
                Scope::Nationwide => false,
            }
    }
}

/// A report (Sachbericht) as the policy sees it: whose it is, where it stands, and whether the
/// acting user has written in it (four eyes: who edited a report does not accept it).
#[derive(Clone, Copy, Debug)]
pub struct ReportRef<'a> {
    pub territory: Territory<'a>,
    pub status: ReportStatus,
    pub edited_by_actor: bool,
}

impl ReportRef<'_> {
    fn is_open(&self) -> bool {
        self.status.is_open()
    }

    fn awaits_review(&self) -> bool {
        self.status.awaits_review()
    }
}

#[derive(Clone, Copy, Debug)]
pub enum Action<'a> {
    /// List, create and change user accounts.
    ManageUsers,
    /// Add Gemeinden to the municipality directory.
    ManageDirectory,
    /// Change one's own password.
    ChangeOwnPassword,
    /// The list of one's own tasks (`/aufgaben`): every role, each its own.
    ListOwnTasks,
    /// Start a new network (for one's own municipality; administrators for any).
    CreateNetwork,
    /// Read a municipality's workspace (networks, measures, goals …).
    ReadMunicipality(Territory<'a>),
    /// Change a municipality's workspace.
    EditMunicipality(Territory<'a>),
    /// See a network's public profile (only of networks switched "öffentlich sichtbar").
    ReadPublicProfile { is_public: bool },
    /// Start a knowledge entry (a draft).
    DraftKnowledge,
    /// See a knowledge entry (published ones: everybody, also without login).
    ReadKnowledge(EntryRef<'a>),
    /// Change a knowledge entry's text.
    EditKnowledge(EntryRef<'a>),
    /// Hand a draft in for review.
    SubmitKnowledge(EntryRef<'a>),
    /// Publish, return with a comment, or unpublish entries.
    ReviewKnowledge,
    /// Add and remove the synonyms of the knowledge search.
    ManageSynonyms,
    /// See the funding programs of a Land (code).
    ReadFundingPrograms(&'a str),
    /// Start a new funding program (for one's own Land; administrators for any).
    CreateFundingProgram,
    /// Create and change a Land's funding programs, phases and deliverables.
    ManageFundingProgram(&'a str),
    /// Record and change fundings of a municipality's networks, confirm their deliverables.
    ManageFunding(Territory<'a>),
    /// Give evidence for a required deliverable of one's own funding.
    ProvideEvidence(Territory<'a>),
    /// Open, write and submit a report of one's own funding.
    EditReport(ReportRef<'a>),
    /// Begin the review of, accept or return a submitted report.
    ReviewReport(ReportRef<'a>),
    /// Write in a report's comment thread.
    CommentReport(ReportRef<'a>),
    /// The list of reports one writes or reviews.
    ListReports,
    /// Open the Landesübersicht at all (one's own Land; the nationwide roles any Land).
    OpenLandOverview,
    /// The overview of all networks, fundings and reports of a Land (code).
    ViewLandOverview(&'a str),
    /// Create, change and retire indicators of the common catalog.
    ManageCatalog,
    /// The NAP progress report across Länder (page and CSV).
    ViewNapReport,
    /// Take a published good-practice entry over as a planned measure of one's own network.
    AdoptPractice,
    /// The national overview: every Land's networks, fundings, reports and measures, and the
    /// map of all Kreise.
    ViewNationalOverview,
}

/// What a visitor without login may do: read published knowledge entries, nothing else.
pub fn allows_visitor(action: Action<'_>) -> bool {
    match action {
        Action::ReadKnowledge(entry) => entry.is_published(),
        Action::ReadPublicProfile { is_public } => is_public,
        _ => false,
    }
}

pub fn allows(actor: &Actor, action: Action<'_>) -> bool {
    use Action::*;
    match (action, actor.role) {
        (ChangeOwnPassword | DraftKnowledge, _) => true,
        (ListOwnTasks, _) => true,
        (ReadPublicProfile { is_public }, _) => is_public,
        (ReadKnowledge(entry), _) if entry.is_published() => true,
        // Only open drafts can be handed in, by anybody.
        (SubmitKnowledge(entry), _) if !entry.is_open_draft() => false,
        // A report's state binds everybody, administrators included.
        (EditReport(r), _) if !r.is_open() => false,
        (ReviewReport(r), _) if !r.awaits_review() || r.edited_by_actor => false,
        (CommentReport(r), _) if r.status.is_final() => false,
        // Into one's own network: administrators have none.
        (AdoptPractice, role) => role == Role::Kommune,
        (_, Role::Admin) => true,
        (ViewNationalOverview, Role::Bund) => true,
        (ViewNationalOverview, _) => false,
        (ReadKnowledge(_) | EditKnowledge(_) | ReviewKnowledge, Role::Bund) => true,
        (SubmitKnowledge(_), Role::Bund) => true,
        (ManageSynonyms, Role::Bund) => true,
        (ReviewKnowledge, _) => false,
        (ManageSynonyms, _) => false,
        (ReadKnowledge(entry), _) => entry.drafted_by_team_of(actor),
        (EditKnowledge(entry) | SubmitKnowledge(entry), _) => {
            entry.is_open_draft() && entry.drafted_by_team_of(actor)
        }
        (ManageUsers | ManageDirectory, _) => false,
        (ManageCatalog | ViewNapReport, Role::Bund) => true,
        (ManageCatalog | ViewNapReport, _) => false,
        (CreateNetwork, Role::Kommune) => true,
        (CreateNetwork, _) => false,
        (CreateFundingProgram | OpenLandOverview, Role::Land) => true,
        (CreateFundingProgram, _) => false,
        (OpenLandOverview, Role::Bund) => true,
        (OpenLandOverview, Role::Kommune) => false,
        (ListReports, Role::Kommune | Role::Land) => true,
        // The Bund's view of reports is the national overview, not the working list.
        (ListReports, Role::Bund) => false,
        // Funding is the Land's business; municipalities answer with evidence and reports, and
        // nobody changes what the other side is responsible for.
        (ReadFundingPrograms(_) | ViewLandOverview(_), Role::Bund) => true,
        (ReadFundingPrograms(land), Role::Kommune) => {
            matches!(&actor.scope, Scope::Kommune { land_code, .. } if land_code == land)
        }
        (
            ReadFundingPrograms(land) | ManageFundingProgram(land) | ViewLandOverview(land),
            Role::Land,
        ) => covers_land(&actor.scope, land),
        (ManageFunding(t), Role::Land) => covers_land(&actor.scope, t.land_code),
        (ProvideEvidence(t), Role::Kommune) => is_own(&actor.scope, t.ags),
        (EditReport(r), Role::Kommune) => r.is_open() && is_own(&actor.scope, r.territory.ags),
        (ReviewReport(r), Role::Land) => {
            r.awaits_review()
                && !r.edited_by_actor
                && covers_land(&actor.scope, r.territory.land_code)
        }
        (CommentReport(r), Role::Land) => {
            !r.status.is_final() && covers_land(&actor.scope, r.territory.land_code)
        }
        (CommentReport(r), Role::Kommune) => {
            !r.status.is_final() && is_own(&actor.scope, r.territory.ags)
        }
        (
            ManageFundingProgram(_)
            | ManageFunding(_)
            | ProvideEvidence(_)
            | EditReport(_)
            | ReviewReport(_)
            | CommentReport(_),
            _,
        ) => false,
        (ViewLandOverview(_), Role::Kommune) => false,
        (ReadMunicipality(_), Role::Bund) => true,
        (ReadMunicipality(t), Role::Land) => covers_land(&actor.scope, t.land_code),
        (ReadMunicipality(t) | EditMunicipality(t), Role::Kommune) => is_own(&actor.scope, t.ags),
        (EditMunicipality(_), Role::Land | Role::Bund) => false,
    }
}

/// Which municipalities' data `actor` may read in lists (network lists, report lists, tasks):
/// exactly the territories [`Action::ReadMunicipality`] allows, as a filter for queries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Readable {
    Municipality { ags: String },
    Land { land_code: String },
    Everything,
}

pub fn readable(actor: &Actor) -> Readable {
    match &actor.scope {
        Scope::Kommune { ags, .. } => Readable::Municipality { ags: ags.clone() },
        Scope::Land { land_code } => Readable::Land {
            land_code: land_code.clone(),
        },
        Scope::Nationwide => Readable::Everything,
    }
}

/// Whose values of a catalog indicator a viewer sees by name in comparisons: everybody sees the
/// networks with a public profile; beyond them a Land its Land, a coordinator the own
/// municipality's networks, and the nationwide roles every network. A coordinator sees the own
/// networks against the distribution of the own Land (median and quartiles, no names).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Comparison {
    Everything,
    Land { land_code: String },
    Own { ags: String, land_code: String },
    PublicOnly,
}

/// The comparison view of `actor`; `None` is a visitor without login.
pub fn comparison(actor: Option<&Actor>) -> Comparison {
    match actor.map(|a| &a.scope) {
        None => Comparison::PublicOnly,
        Some(Scope::Nationwide) => Comparison::Everything,
        Some(Scope::Land { land_code }) => Comparison::Land {
            land_code: land_code.clone(),
        },
        Some(Scope::Kommune { ags, land_code }) => Comparison::Own {
            ags: ags.clone(),
            land_code: land_code.clone(),
        },
    }
}

impl Comparison {
    /// Whether a network of `territory` appears by name (with its value).
    pub fn names(&self, territory: Territory<'_>, is_public: bool) -> bool {
        is_public
            || match self {
                Comparison::Everything => true,
                Comparison::Land { land_code } => land_code == territory.land_code,
                Comparison::Own { ags, .. } => ags == territory.ags,
                Comparison::PublicOnly => false,
            }
    }

    /// The same decision as a query filter: (Land, municipality) whose networks are named
    /// besides the public ones, and whether only public ones are (see [`Comparison::names`]).
    pub fn filter(&self) -> (Option<&str>, Option<&str>, bool) {
        match self {
            Comparison::Everything => (None, None, false),
            Comparison::Land { land_code } => (Some(land_code), None, false),
            Comparison::Own { ags, .. } => (None, Some(ags), false),
            Comparison::PublicOnly => (None, None, true),
        }
    }

    /// The Land whose distribution a coordinator's own networks are shown against.
    pub fn home_land(&self) -> Option<&str> {
        match self {
            Comparison::Own { land_code, .. } => Some(land_code),
            _ => None,
        }
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
        let rows: [(Action, [bool; 4]); 17] = [
            //                                  kommune land   bund   admin
            (ManageUsers, [false, false, false, true]),
            (CreateNetwork, [true, false, false, true]),
            (CreateFundingProgram, [false, true, false, true]),
            (ListReports, [true, true, false, true]),
            (OpenLandOverview, [false, true, true, true]),
            (ManageDirectory, [false, false, false, true]),
            (ManageSynonyms, [false, false, true, true]),
            (ChangeOwnPassword, [true, true, true, true]),
            (ListOwnTasks, [true, true, true, true]),
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

    /// Checks each action against every role (Hamm / NRW scoped) and a visitor without login.
    fn assert_rows_with_visitor(rows: &[(Action, [bool; 4], bool)]) {
        for &(action, expected, visitor) in rows {
            for (role, expected) in Role::ALL.into_iter().zip(expected) {
                assert_eq!(
                    allows(&actor(role), action),
                    expected,
                    "{role:?} {action:?}"
                );
            }
            assert_eq!(allows_visitor(action), visitor, "visitor {action:?}");
        }
    }

    /// Knowledge entries: a Hamm draft, a Hamm submission, an NRW draft, a published entry —
    /// against every role (Hamm / NRW scoped), and visitors without login.
    #[test]
    fn knowledge_matrix() {
        use Action::*;
        let entry = |status, ags: Option<&'static str>, land: Option<&'static str>| EntryRef {
            status,
            author_user_id: Some(99),
            author_kommune_ags: ags,
            author_land_code: land,
        };
        let hamm_draft = entry(EntryStatus::Draft, Some("05915"), Some("05"));
        let hamm_submitted = entry(EntryStatus::Submitted, Some("05915"), Some("05"));
        let detmold_returned = entry(EntryStatus::Returned, Some("05766020"), Some("05"));
        let nrw_draft = entry(EntryStatus::Draft, None, Some("05"));
        let published = entry(EntryStatus::Published, Some("05766020"), Some("05"));
        let rows: [(Action, [bool; 4], bool); 18] = [
            //                                   kommune land   bund   admin  visitor
            (DraftKnowledge, [true, true, true, true], false),
            (ReviewKnowledge, [false, false, true, true], false),
            (ReadKnowledge(published), [true, true, true, true], true),
            (ReadKnowledge(hamm_draft), [true, false, true, true], false),
            (
                ReadKnowledge(detmold_returned),
                [false, false, true, true],
                false,
            ),
            (ReadKnowledge(nrw_draft), [false, true, true, true], false),
            (EditKnowledge(hamm_draft), [true, false, true, true], false),
            (
                EditKnowledge(hamm_submitted),
                [false, false, true, true],
                false,
            ),
            (
                EditKnowledge(detmold_returned),
                [false, false, true, true],
                false,
            ),
            (EditKnowledge(nrw_draft), [false, true, true, true], false),
            (EditKnowledge(published), [false, false, true, true], false),
            (
                SubmitKnowledge(hamm_draft),
                [true, false, true, true],
                false,
            ),
            (
                SubmitKnowledge(hamm_submitted),
                [false, false, false, false],
                false,
            ),
            (SubmitKnowledge(nrw_draft), [false, true, true, true], false),
            (
                SubmitKnowledge(published),
                [false, false, false, false],
                false,
            ),
            (ManageUsers, [false, false, false, true], false),
            (
                ReadPublicProfile { is_public: true },
                [true, true, true, true],
                true,
            ),
            (
                ReadPublicProfile { is_public: false },
                [false, false, false, false],
                false,
            ),
        ];
        assert_rows_with_visitor(&rows);
        // The author always reaches their own draft, wherever they sit now.
        let own = EntryRef {
            author_user_id: Some(1),
            ..nrw_draft
        };
        assert!(allows(&actor(Role::Kommune), EditKnowledge(own)));
    }

    /// Funding: programs, fundings, evidence, reports and the Land overview, for a Hamm
    /// coordinator, an NRW officer, the Bund and an admin; Hamm and Detmold are in NRW,
    /// Tübingen in Baden-Württemberg.
    #[test]
    fn funding_matrix() {
        use Action::*;
        let report = |territory, status, edited_by_actor| ReportRef {
            territory,
            status,
            edited_by_actor,
        };
        let rows: [(Action, [bool; 4]); 28] = [
            //                                                   kommune land   bund   admin
            (ReadFundingPrograms("05"), [true, true, true, true]),
            (ReadFundingPrograms("08"), [false, false, true, true]),
            (ManageFundingProgram("05"), [false, true, false, true]),
            (ManageFundingProgram("08"), [false, false, false, true]),
            (ManageFunding(HAMM), [false, true, false, true]),
            (ManageFunding(DETMOLD), [false, true, false, true]),
            (ManageFunding(TUEBINGEN), [false, false, false, true]),
            (ProvideEvidence(HAMM), [true, false, false, true]),
            (ProvideEvidence(DETMOLD), [false, false, false, true]),
            (
                EditReport(report(HAMM, ReportStatus::Draft, false)),
                [true, false, false, true],
            ),
            (
                EditReport(report(HAMM, ReportStatus::Returned, true)),
                [true, false, false, true],
            ),
            (
                EditReport(report(HAMM, ReportStatus::Submitted, true)),
                [false, false, false, false],
            ),
            (
                EditReport(report(HAMM, ReportStatus::Accepted, true)),
                [false, false, false, false],
            ),
            (
                EditReport(report(DETMOLD, ReportStatus::Draft, false)),
                [false, false, false, true],
            ),
            (
                ReviewReport(report(HAMM, ReportStatus::Submitted, false)),
                [false, true, false, true],
            ),
            (
                ReviewReport(report(DETMOLD, ReportStatus::InReview, false)),
                [false, true, false, true],
            ),
            (
                ReviewReport(report(TUEBINGEN, ReportStatus::Submitted, false)),
                [false, false, false, true],
            ),
            // Four eyes: whoever wrote in the report does not review it, admins included.
            (
                ReviewReport(report(HAMM, ReportStatus::Submitted, true)),
                [false, false, false, false],
            ),
            (
                ReviewReport(report(HAMM, ReportStatus::Draft, false)),
                [false, false, false, false],
            ),
            (
                ReviewReport(report(HAMM, ReportStatus::Accepted, false)),
                [false, false, false, false],
            ),
            (
                CommentReport(report(HAMM, ReportStatus::Submitted, false)),
                [true, true, false, true],
            ),
            (
                CommentReport(report(DETMOLD, ReportStatus::Returned, false)),
                [false, true, false, true],
            ),
            (
                CommentReport(report(TUEBINGEN, ReportStatus::Submitted, false)),
                [false, false, false, true],
            ),
            (
                CommentReport(report(HAMM, ReportStatus::Accepted, false)),
                [false, false, false, false],
            ),
            (ViewLandOverview("05"), [false, true, true, true]),
            (ViewLandOverview("08"), [false, false, true, true]),
            (ReadMunicipality(TUEBINGEN), [false, false, true, true]),
            (EditMunicipality(HAMM), [true, false, false, true]),
        ];
        for (action, expected) in rows {
            for (role, expected) in Role::ALL.into_iter().zip(expected) {
                assert_eq!(
                    allows(&actor(role), action),
                    expected,
                    "{role:?} {action:?}"
                );
            }
            assert!(!allows_visitor(action), "visitor {action:?}");
        }
    }

    /// The national overview: Bund and admins only; Land officers, coordinators and visitors
    /// are refused. The public map is the list of public profiles, one each as before.
    #[test]
    fn national_matrix() {
        use Action::*;
        let rows: [(Action, [bool; 4], bool); 3] = [
            //                                       kommune land   bund   admin  visitor
            (ViewNationalOverview, [false, false, true, true], false),
            (
                ReadPublicProfile { is_public: true },
                [true, true, true, true],
                true,
            ),
            (
                ReadPublicProfile { is_public: false },
                [false, false, false, false],
                false,
            ),
        ];
        assert_rows_with_visitor(&rows);
    }

    /// The list filter and the single-record rule agree for every role and territory.
    #[test]
    fn readable_matches_read_municipality() {
        for role in Role::ALL {
            let actor = actor(role);
            for territory in [HAMM, DETMOLD, TUEBINGEN] {
                let in_filter = match readable(&actor) {
                    Readable::Municipality { ags } => ags == territory.ags,
                    Readable::Land { land_code } => land_code == territory.land_code,
                    Readable::Everything => true,
                };
                assert_eq!(
                    in_filter,
                    allows(&actor, Action::ReadMunicipality(territory)),
                    "{role:?} {territory:?}"
                );
            }
        }
    }

    /// The catalog, the NAP report and taking good practice over, for every role and visitors.
    #[test]
    fn catalog_matrix() {
        use Action::*;
        let rows: [(Action, [bool; 4]); 3] = [
            //                    kommune land   bund   admin
            (ManageCatalog, [false, false, true, true]),
            (ViewNapReport, [false, false, true, true]),
            (AdoptPractice, [true, false, false, false]),
        ];
        for (action, expected) in rows {
            for (role, expected) in Role::ALL.into_iter().zip(expected) {
                assert_eq!(
                    allows(&actor(role), action),
                    expected,
                    "{role:?} {action:?}"
                );
            }
            assert!(!allows_visitor(action), "visitor {action:?}");
        }
    }

    /// Who appears by name in a catalog comparison: own vs foreign municipality and Land,
    /// public vs not, for every role (Hamm / NRW scoped) and visitors; the query filter says
    /// the same as the rule.
    #[test]
    fn comparison_matrix() {
        let visitor = comparison(None);
        let views = [
            comparison(Some(&actor(Role::Kommune))),
            comparison(Some(&actor(Role::Land))),
            comparison(Some(&actor(Role::Bund))),
            comparison(Some(&actor(Role::Admin))),
            visitor.clone(),
        ];
        //                                   kommune land  bund  admin visitor
        let rows: [(Territory, bool, [bool; 5]); 6] = [
            (HAMM, false, [true, true, true, true, false]),
            (HAMM, true, [true, true, true, true, true]),
            (DETMOLD, false, [false, true, true, true, false]),
            (DETMOLD, true, [true, true, true, true, true]),
            (TUEBINGEN, false, [false, false, true, true, false]),
            (TUEBINGEN, true, [true, true, true, true, true]),
        ];
        for (territory, is_public, expected) in rows {
            for (view, expected) in views.iter().zip(expected) {
                assert_eq!(
                    view.names(territory, is_public),
                    expected,
                    "{view:?} {territory:?} public {is_public}"
                );
                let (land, ags, public_only) = view.filter();
                let filtered = is_public
                    || (!public_only
                        && land.is_none_or(|l| l == territory.land_code)
                        && ags.is_none_or(|a| a == territory.ags));
                assert_eq!(filtered, expected, "filter of {view:?} {territory:?}");
            }
        }
        assert_eq!(views[0].home_land(), Some("05"));
        assert!(views[1..].iter().all(|v| v.home_land().is_none()));
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
