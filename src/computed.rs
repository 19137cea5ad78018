//! Figures computed from a whole Land or the whole country, kept in memory while the data
//! they come from is unchanged. The database counts changes per Land (`land_revisions`,
//! bumped by triggers in the writing transaction); a page reads the revision of what it sums
//! up (one statement) and gets the figures computed for that revision and day, or computes
//! them once while the requests arriving meanwhile wait for that one computation instead of
//! repeating it. Each node of a deployment keeps its own copy; the revision keeps them exact.
//!
//! A network's detail pages are kept the same way, by the network's revision
//! (`network_revisions`, migration 0022); there are thousands of networks, so only the most
//! recently used of them stay ([`Computed::get_or_compute_kept`]).

use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use time::Date;
use tokio::sync::OnceCell;

/// What a computation depends on: the revision of its Länder and the day (due dates turn
/// overdue at midnight without any write).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Revision {
    pub day: Date,
    pub number: i64,
}

type Value = Arc<dyn Any + Send + Sync>;

struct Slot {
    revision: Revision,
    value: OnceCell<Value>,
    /// When the slot was last asked for (a tick of [`Computed::clock`]).
    used: AtomicU64,
}

/// One slot per kind of figures and scope (a Land's code, "" for the country, a network's
/// id): the latest revision's value only, so memory stays bounded by the kinds and the 16
/// Länder, and for networks by the number kept per kind.
#[derive(Default)]
pub struct Computed {
    slots: Mutex<Slots>,
    clock: AtomicU64,
}

/// The slots, and how many there are of each kind (so a new scope does not count them).
#[derive(Default)]
struct Slots {
    by_key: HashMap<(&'static str, String), Arc<Slot>>,
    per_kind: HashMap<&'static str, usize>,
}

impl Computed {
    /// The value of `kind` for `scope` at `revision`, computed by `compute` unless a request
    /// already did (or is doing) that for this or a later revision. A failed computation is
    /// not kept: the next request tries again.
    pub async fn get_or_compute<T, E, F, Fut>(
        &self,
        kind: &'static str,
        scope: &str,
        revision: Revision,
        compute: F,
    ) -> Result<Arc<T>, E>
    where
        T: Send + Sync + 'static,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        self.get_or_compute_kept(kind, scope, revision, usize::MAX, compute)
            .await
    }

    /// As [`get_or_compute`](Self::get_or_compute), keeping at most `kept` scopes of `kind`:
    /// a new scope beyond that replaces the one asked for least recently.
    pub async fn get_or_compute_kept<T, E, F, Fut>(
        &self,
        kind: &'static str,
        scope: &str,
        revision: Revision,
        kept: usize,
        compute: F,
    ) -> Result<Arc<T>, E>
    where
        T: Send + Sync + 'static,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        let now = self.clock.fetch_add(1, Ordering::Relaxed);
        let slot = {
            let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
            let key = (kind, scope.to_owned());
            if !slots.by_key.contains_key(&key) {
                slots.make_room(kind, kept);
                *slots.per_kind.entry(kind).or_default() += 1;
            }
            let slot = slots
                .by_key
                .entry(key)
                .or_insert_with(|| Slot::empty(revision));
            // A request that read an older revision than another (a write committed between
            // the two reads) takes the newer figures rather than replacing them.
            if slot.revision < revision {
                *slot = Slot::empty(revision);
            }
            slot.used.store(now, Ordering::Relaxed);
            Arc::clone(slot)
        };
        let value = slot
            .value
            .get_or_try_init(|| async { compute().await.map(|v| Arc::new(v) as Value) })
            .await?;
        Ok(Arc::clone(value)
            .downcast::<T>()
            .expect("one type of value per kind"))
    }
}

impl Slots {
    /// Drops the least recently used scope of `kind` while `kind` has `kept` or more: a scan
    /// of the slots, only when a new scope arrives at a full kind.
    fn make_room(&mut self, kind: &'static str, kept: usize) {
        while self.per_kind.get(kind).copied().unwrap_or_default() >= kept {
            let Some(oldest) = self
                .by_key
                .iter()
                .filter(|((k, _), _)| *k == kind)
                .min_by_key(|(_, slot)| slot.used.load(Ordering::Relaxed))
                .map(|(key, _)| key.clone())
            else {
                return;
            };
            self.by_key.remove(&oldest);
            *self.per_kind.entry(kind).or_default() -= 1;
        }
    }
}

impl Slot {
    fn empty(revision: Revision) -> Arc<Self> {
        Arc::new(Self {
            revision,
            value: OnceCell::new(),
            used: AtomicU64::new(0),
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use time::macros::date;

    use super::*;

    fn at(number: i64) -> Revision {
        Revision {
            day: date!(2026 - 11 - 29),
            number,
        }
    }

    #[tokio::test]
    async fn computes_once_per_revision_and_scope() {
        let computed = Computed::default();
        let runs = AtomicUsize::new(0);
        let compute = |n: i64| {
            let runs = &runs;
            move || async move {
                runs.fetch_add(1, Ordering::SeqCst);
                Ok::<_, ()>(n)
            }
        };
        let first = computed.get_or_compute("x", "05", at(1), compute(1));
        let second = computed.get_or_compute("x", "05", at(1), compute(2));
        let (first, second) = tokio::join!(first, second);
        assert_eq!((*first.unwrap(), *second.unwrap()), (1, 1));
        assert_eq!(runs.load(Ordering::SeqCst), 1, "the second request waited");

        let other_land = computed.get_or_compute("x", "08", at(1), compute(8)).await;
        assert_eq!(*other_land.unwrap(), 8);
        let newer = computed.get_or_compute("x", "05", at(2), compute(3)).await;
        assert_eq!(*newer.unwrap(), 3);
        let older = computed.get_or_compute("x", "05", at(1), compute(4)).await;
        assert_eq!(
            *older.unwrap(),
            3,
            "an older revision takes the newer figures"
        );
        let next_day = Revision {
            day: date!(2026 - 11 - 30),
            number: 2,
        };
        let tomorrow = computed
            .get_or_compute("x", "05", next_day, compute(5))
            .await;
        assert_eq!(*tomorrow.unwrap(), 5);
        assert_eq!(runs.load(Ordering::SeqCst), 4);
    }

    #[tokio::test]
    async fn keeps_the_most_recently_used_scopes_of_a_kind() {
        let computed = Computed::default();
        let runs = AtomicUsize::new(0);
        let get = |kind: &'static str, scope: &'static str| {
            let runs = &runs;
            let computed = &computed;
            async move {
                *computed
                    .get_or_compute_kept(kind, scope, at(1), 2, || async move {
                        runs.fetch_add(1, Ordering::SeqCst);
                        Ok::<_, ()>(scope)
                    })
                    .await
                    .unwrap()
            }
        };
        assert_eq!(get("netz", "1").await, "1");
        assert_eq!(get("netz", "2").await, "2");
        assert_eq!(get("netz", "1").await, "1", "kept");
        assert_eq!(runs.load(Ordering::SeqCst), 2);
        assert_eq!(
            get("andere", "9").await,
            "9",
            "other kinds have their own room"
        );
        assert_eq!(
            get("netz", "3").await,
            "3",
            "replaces 2, used least recently"
        );
        assert_eq!(runs.load(Ordering::SeqCst), 4);
        assert_eq!(get("netz", "1").await, "1");
        assert_eq!(get("andere", "9").await, "9");
        assert_eq!(
            runs.load(Ordering::SeqCst),
            4,
            "1 and the other kind stayed"
        );
        assert_eq!(get("netz", "2").await, "2");
        assert_eq!(runs.load(Ordering::SeqCst), 5, "2 was dropped");
    }

    #[tokio::test]
    async fn a_failure_is_not_kept() {
        let computed = Computed::default();
        let failed = computed
            .get_or_compute("x", "", at(1), || async { Err::<i64, _>("kaputt") })
            .await;
        assert_eq!(failed.unwrap_err(), "kaputt");
        let retried = computed
            .get_or_compute("x", "", at(1), || async { Ok::<_, &str>(7) })
            .await;
        assert_eq!(*retried.unwrap(), 7);
    }
}
