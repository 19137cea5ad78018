//! The life cycles of the portal's records: the state of a measure, a goal, a funding, a report
//! and a knowledge entry. Each is an enum stored as its code in a `text` column (whose `CHECK`
//! lists the same codes), with its German label and the rules for moving between states.

use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::postgres::{PgArgumentBuffer, PgHasArrayType, PgTypeInfo, PgValueRef};
use sqlx::{Decode, Encode, Postgres, Type};

use crate::vocab::Term;

/// What forms, filters and CSV need of every state enum.
pub trait StoredState: Copy + 'static {
    /// In the order forms and filters list them; the first is where a new record starts.
    const ALL: &'static [Self];
    fn code(self) -> &'static str;

    fn parse(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|state| state.code() == code)
    }
}

/// Declares a state enum with its stored code and German label per variant, `ALL` in the
/// order forms and filters list them, `TERMS` for select boxes and CSV, and its mapping to a
/// `text` column.
macro_rules! stored_state {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident = ($code:literal, $label:literal),)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$variant_meta])* $variant,)+
        }

        impl $name {
            pub const ALL: &[Self] = &[$(Self::$variant,)+];
            pub const TERMS: &[Term] = &[$(Term { code: $code, label: $label },)+];

            pub const fn code(self) -> &'static str {
                match self {
                    $(Self::$variant => $code,)+
                }
            }

            pub const fn label(self) -> &'static str {
                match self {
                    $(Self::$variant => $label,)+
                }
            }

            pub fn parse(code: &str) -> Option<Self> {
                <Self as StoredState>::parse(code)
            }
        }

        impl StoredState for $name {
            const ALL: &'static [Self] = $name::ALL;

            fn code(self) -> &'static str {
                $name::code(self)
            }
        }

        /// Where a new record starts.
        impl Default for $name {
            fn default() -> Self {
                Self::ALL[0]
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }

        impl Type<Postgres> for $name {
            fn type_info() -> PgTypeInfo {
                <&str as Type<Postgres>>::type_info()
            }

            fn compatible(ty: &PgTypeInfo) -> bool {
                <&str as Type<Postgres>>::compatible(ty)
            }
        }

        impl PgHasArrayType for $name {
            fn array_type_info() -> PgTypeInfo {
                <&str as PgHasArrayType>::array_type_info()
            }
        }

        impl Encode<'_, Postgres> for $name {
            fn encode_by_ref(&self, buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
                <&str as Encode<Postgres>>::encode(self.code(), buf)
            }
        }

        impl Decode<'_, Postgres> for $name {
            fn decode(value: PgValueRef<'_>) -> Result<Self, BoxDynError> {
                let code = <&str as Decode<Postgres>>::decode(value)?;
                Self::parse(code).ok_or_else(|| {
                    format!("unbekannter Zustand {code:?} für {}", stringify!($name)).into()
                })
            }
        }
    };
}

stored_state! {
    pub enum MeasureStatus {
        Planned = ("geplant", "Geplant"),
        Running = ("laufend", "Laufend"),
        Paused = ("pausiert", "Pausiert"),
        Ended = ("beendet", "Beendet"),
    }
}

stored_state! {
    pub enum GoalStatus {
        Open = ("offen", "Offen"),
        InProgress = ("in_arbeit", "In Arbeit"),
        Achieved = ("erreicht", "Erreicht"),
        Deferred = ("zurueckgestellt", "Zurückgestellt"),
    }
}

stored_state! {
    pub enum FundingStatus {
        Applied = ("beantragt", "Beantragt"),
        Granted = ("bewilligt", "Bewilligt"),
        Refused = ("abgelehnt", "Abgelehnt"),
        Running = ("laufend", "Laufend"),
        Finished = ("abgeschlossen", "Abgeschlossen"),
    }
}

impl FundingStatus {
    /// Granted, running or finished fundings owe reports; applied-for or refused ones don't.
    pub fn owes_reports(self) -> bool {
        matches!(self, Self::Granted | Self::Running | Self::Finished)
    }
}

stored_state! {
    /// A report (Sachbericht): written by the municipality, reviewed by the Land.
    pub enum ReportStatus {
        Draft = ("entwurf", "Entwurf"),
        Submitted = ("eingereicht", "Eingereicht"),
        InReview = ("in_pruefung", "In Prüfung"),
        Returned = ("zurueckgegeben", "Zurückgegeben"),
        Accepted = ("angenommen", "Angenommen"),
    }
}

impl ReportStatus {
    /// Drafts and returned reports are open to the coordinator; everything else is with the
    /// Land or done.
    pub const OPEN: &[Self] = &[Self::Draft, Self::Returned];

    pub fn is_open(self) -> bool {
        Self::OPEN.contains(&self)
    }

    pub fn awaits_review(self) -> bool {
        matches!(self, Self::Submitted | Self::InReview)
    }

    pub fn is_final(self) -> bool {
        self == Self::Accepted
    }
}

/// What the Land does with a submitted report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportReview {
    Begin,
    Accept,
    Return,
}

impl ReportReview {
    /// The states the review may start from.
    pub fn from(self) -> &'static [ReportStatus] {
        match self {
            Self::Begin => &[ReportStatus::Submitted],
            Self::Accept | Self::Return => &[ReportStatus::Submitted, ReportStatus::InReview],
        }
    }

    pub fn to(self) -> ReportStatus {
        match self {
            Self::Begin => ReportStatus::InReview,
            Self::Accept => ReportStatus::Accepted,
            Self::Return => ReportStatus::Returned,
        }
    }

    /// The event the report's thread and the audit log record.
    pub fn event(self) -> &'static str {
        match self {
            Self::Begin => "pruefung_begonnen",
            Self::Accept => "angenommen",
            Self::Return => "zurueckgegeben",
        }
    }
}

stored_state! {
    /// A knowledge entry: drafted, handed in for review, published (or returned with a comment).
    pub enum EntryStatus {
        Draft = ("entwurf", "Entwurf"),
        Submitted = ("eingereicht", "Eingereicht"),
        Published = ("veroeffentlicht", "Veröffentlicht"),
        Returned = ("zurueckgegeben", "Zurückgegeben"),
    }
}

impl EntryStatus {
    /// Drafts and returned entries can still be edited by their authors and handed in.
    pub fn is_open_draft(self) -> bool {
        matches!(self, Self::Draft | Self::Returned)
    }
}

/// What can happen to a knowledge entry, as the buttons on its page name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryMove {
    /// An author hands a draft in for review.
    Submit,
    Publish,
    /// The reviewer sends a submission back with a comment.
    Return,
    /// A published entry goes back to being a draft.
    Withdraw,
}

impl EntryMove {
    /// The value of the button that asks for this move.
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "einreichen" => Some(Self::Submit),
            "veroeffentlichen" => Some(Self::Publish),
            "zurueckgeben" => Some(Self::Return),
            "zurueckziehen" => Some(Self::Withdraw),
            _ => None,
        }
    }

    /// Whether the move fits the entry's state; who may make it is the policy's question.
    pub fn fits(self, from: EntryStatus) -> bool {
        match self {
            // Only open drafts can be handed in; the policy refuses the rest (403), since
            // who drafted the entry decides whether its existence may be known at all.
            Self::Submit => true,
            Self::Publish => from != EntryStatus::Published,
            Self::Return => from == EntryStatus::Submitted,
            Self::Withdraw => from == EntryStatus::Published,
        }
    }

    pub fn to(self) -> EntryStatus {
        match self {
            Self::Submit => EntryStatus::Submitted,
            Self::Publish => EntryStatus::Published,
            Self::Return => EntryStatus::Returned,
            Self::Withdraw => EntryStatus::Draft,
        }
    }

    /// The action the audit log records.
    pub fn audit_action(self) -> &'static str {
        match self {
            Self::Submit => "eingereicht",
            Self::Publish => "veroeffentlicht",
            Self::Return => "zurueckgegeben",
            Self::Withdraw => "zurueckgezogen",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_terms_follow_the_variants() {
        for state in MeasureStatus::ALL {
            assert_eq!(MeasureStatus::parse(state.code()), Some(*state));
        }
        for (state, term) in ReportStatus::ALL.iter().zip(ReportStatus::TERMS) {
            assert_eq!((state.code(), state.label()), (term.code, term.label));
        }
        assert_eq!(
            EntryStatus::parse("veroeffentlicht"),
            Some(EntryStatus::Published)
        );
        assert_eq!(GoalStatus::parse("fertig"), None);
        assert_eq!(FundingStatus::Granted.to_string(), "Bewilligt");
    }

    #[test]
    fn review_starts_only_from_waiting_reports() {
        for review in [
            ReportReview::Begin,
            ReportReview::Accept,
            ReportReview::Return,
        ] {
            assert!(review.from().iter().all(|s| s.awaits_review()));
            assert!(!review.from().contains(&review.to()));
        }
    }
}

stored_state! {
    /// An indicator of the common catalog: in use, or retired (kept for the values networks
    /// have recorded, no longer offered for adoption).
    pub enum CatalogStatus {
        Active = ("aktiv", "Aktiv"),
        Retired = ("ausgemustert", "Nicht mehr geführt"),
    }
}

stored_state! {
    /// Which development of a catalog indicator is good.
    pub enum Direction {
        HigherIsBetter = ("hoeher_besser", "Höher ist besser"),
        LowerIsBetter = ("niedriger_besser", "Niedriger ist besser"),
    }
}

stored_state! {
    /// The smallest area the data source of a catalog indicator reports it for.
    pub enum SpatialLevel {
        Kreis = ("kreis", "Kreis oder kreisfreie Stadt"),
        Gemeinde = ("gemeinde", "Gemeinde"),
        Sozialraum = ("sozialraum", "Sozialraum"),
    }
}

impl Direction {
    pub fn higher_is_better(self) -> bool {
        self == Direction::HigherIsBetter
    }
}
