//! Counts the SQL statements a request issues, from sqlx's own per-statement tracing events.
//! Tests run on a current-thread runtime, so the server's tasks run on the test's thread and
//! a thread-local counter sees exactly that test's statements.

use std::cell::Cell;
use std::sync::Once;

use tracing::Subscriber;
use tracing_subscriber::Layer;
use tracing_subscriber::layer::{Context, SubscriberExt};

thread_local! {
    static STATEMENTS: Cell<usize> = const { Cell::new(0) };
}

struct CountStatements;

impl<S: Subscriber> Layer<S> for CountStatements {
    fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
        if event.metadata().target() == "sqlx::query" {
            STATEMENTS.with(|n| n.set(n.get() + 1));
        }
    }
}

fn install() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let subscriber = tracing_subscriber::registry().with(CountStatements);
        tracing::subscriber::set_global_default(subscriber).expect("no other subscriber");
    });
}

/// The number of statements `request` caused.
pub async fn count<F: Future>(request: F) -> (usize, F::Output) {
    install();
    let before = STATEMENTS.with(Cell::get);
    let output = request.await;
    (STATEMENTS.with(Cell::get) - before, output)
}
