//! The tasks on the start page, per role, from real data: overdue and soon-due milestones,
//! returned and submitted reports, evidence, knowledge entries to review and to revise; the
//! count in the navigation; a fixed number of statements whatever the number of networks.

use kinderchancen::policy::Role;

use crate::funding::{funding, program};
use crate::networks::{DETMOLD, HAMM};
use crate::support::browser::Browser;
use crate::support::{PASSWORD, TestApp, queries};

fn days_from_today(days: i64) -> String {
    let day = kinderchancen::clock::today() + time::Duration::days(days);
    day.to_string()
}

/// A Kernziel of `network` with milestones due `days` from today (open).
async fn goal_with_milestones(app: &TestApp, network: i64, title: &str, days: &[(i64, &str)]) {
    let goal: i64 = sqlx::query_scalar(
        "INSERT INTO goals (network_id, level, title, status) VALUES ($1, 'kernziel', $2, 'in_arbeit')
         RETURNING id",
    )
    .bind(network)
    .bind(title)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    for (offset, name) in days {
        sqlx::query("INSERT INTO milestones (goal_id, title, due_on) VALUES ($1, $2, $3::date)")
            .bind(goal)
            .bind(name)
            .bind(days_from_today(*offset))
            .execute(&app.pool)
            .await
            .unwrap();
    }
}

async fn report(app: &TestApp, funding: i64, seq: i32, status: &str, submitted_days_ago: i64) {
    sqlx::query(
        "INSERT INTO reports (funding_id, seq, kind, period_start, period_end, due_on, status,
                              snapshot, submitted_at)
         SELECT $1, $2, 'zwischenbericht', f.start_date, (f.start_date + interval '1 year' - interval '1 day')::date,
                (f.start_date + interval '1 year' + interval '89 days')::date, $3, '{}',
                now() - make_interval(days => $4::int)
         FROM fundings f WHERE f.id = $1",
    )
    .bind(funding)
    .bind(seq)
    .bind(status)
    .bind(submitted_days_ago as i32)
    .execute(&app.pool)
    .await
    .unwrap();
}

async fn entry(app: &TestApp, slug: &str, status: &str, author: &str) {
    sqlx::query(
        "INSERT INTO knowledge_entries (slug, title, kind, level, status, author_user_id, updated_at)
         SELECT $1, $2, 'good_practice', 'kommune', $3, u.id, now() - interval '3 days'
         FROM users u WHERE u.email = $4",
    )
    .bind(slug)
    .bind(format!("Eintrag {slug}"))
    .bind(status)
    .bind(author)
    .execute(&app.pool)
    .await
    .unwrap();
}

async fn start(app: &TestApp, client: &reqwest::Client) -> String {
    let response = app.get(client, "/").await;
    assert_eq!(response.status(), 200);
    response.text().await.unwrap()
}

/// The number in the navigation beside "Start", if shown.
fn nav_count(page: &str) -> Option<u32> {
    let at = page.find(r#"<span class="app-nav__count">"#)?;
    let rest = &page[at + r#"<span class="app-nav__count">"#.len()..];
    rest[..rest.find('<')?].parse().ok()
}

#[tokio::test]
async fn every_role_sees_what_waits_for_it_and_nothing_else() {
    let app = TestApp::spawn().await;
    let hamm_net = app.create_network(HAMM, "Präventionskette Hamm").await;
    let detmold_net = app.create_network(DETMOLD, "Netzwerk Detmold").await;
    goal_with_milestones(
        &app,
        hamm_net,
        "Gesund aufwachsen",
        &[
            (-20, "Bedarfsanalyse vorgelegt"),
            (5, "Elternbefragung ausgewertet"),
            (60, "Konzept beschlossen"),
        ],
    )
    .await;
    goal_with_milestones(
        &app,
        detmold_net,
        "Detmolder Ziel",
        &[(-3, "Detmolder Meilenstein")],
    )
    .await;
    let (program, aufbau, _) = program(&app, "05", "kinderstark").await;
    // Hamm: the first report returned; Detmold: the first report submitted 4 days ago.
    let hamm_funding = funding(&app, hamm_net, program, aufbau, "2023-01-01").await;
    report(&app, hamm_funding, 1, "zurueckgegeben", 30).await;
    let detmold_funding = funding(&app, detmold_net, program, aufbau, "2023-01-01").await;
    report(&app, detmold_funding, 1, "eingereicht", 4).await;

    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let detmold = app
        .signed_in("k@detmold.de", Role::Kommune, Some(DETMOLD), None)
        .await;
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let bw = app.signed_in("l@bw.de", Role::Land, None, Some("08")).await;
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;
    entry(&app, "familienbuero-hamm", "eingereicht", "k@hamm.de").await;
    entry(&app, "lotsen-detmold", "zurueckgegeben", "k@detmold.de").await;

    // Coordinator of Hamm: the overdue milestone first, then the returned report, then the
    // report due and the milestone due in 5 days; the one in 60 days and Detmold's are not hers.
    let page = start(&app, &hamm).await;
    let overdue = page
        .find("Meilenstein „Bedarfsanalyse vorgelegt“ erledigen")
        .expect("overdue milestone");
    assert!(page.contains("seit 20 Tagen überfällig"), "{page}");
    let returned = page
        .find("Zurückgegebenen Bericht überarbeiten")
        .expect("returned report");
    let soon = page
        .find("Meilenstein „Elternbefragung ausgewertet“ erledigen")
        .expect("milestone due soon");
    assert!(page.contains("in 5 Tagen"));
    assert!(overdue < returned && returned < soon, "most urgent first");
    assert!(page.contains(&format!(
        r##"href="/netzwerke/{hamm_net}/ziele#meilenstein-"##
    )));
    assert!(!page.contains("Konzept beschlossen"));
    assert!(!page.contains("Detmolder Meilenstein"));
    assert!(
        !page.contains("familienbuero-hamm"),
        "a submitted entry is not her task"
    );
    assert!(!page.contains("Bericht prüfen"));
    let count = nav_count(&page).expect("count in the navigation");
    assert_eq!(
        page.matches(r#"<li class="kern-body"><span class="kern-badge"#)
            .count() as u32,
        count
    );
    // Every other page shows the same count without counting again.
    let other = app.get(&hamm, "/katalog").await.text().await.unwrap();
    assert_eq!(nav_count(&other), Some(count));

    // Coordinator of Detmold: her overdue milestone and her returned knowledge entry.
    let page = start(&app, &detmold).await;
    assert!(page.contains("Detmolder Meilenstein"));
    assert!(page.contains("Zurückgegebenen Wissenseintrag überarbeiten: „Eintrag lotsen-detmold“"));
    assert!(page.contains("zurückgegeben am"));
    assert!(!page.contains("Bedarfsanalyse vorgelegt"));
    assert!(!page.contains("Zurückgegebenen Bericht"));

    // The Land: Detmold's submitted report with its waiting time; Hamm's overdue second
    // report to follow up; no milestones, no knowledge entries.
    let page = start(&app, &nrw).await;
    assert!(page.contains("Bericht prüfen"), "{page}");
    assert!(page.contains("(vor 4 Tagen)"), "{page}");
    assert!(page.contains("Überfälligen Bericht nachfragen"));
    assert!(!page.contains("Meilenstein"));
    assert!(!page.contains("Wissenseintrag"));
    // Another Land sees none of it.
    let page = start(&app, &bw).await;
    assert!(!page.contains("Bericht prüfen"));
    assert!(!page.contains("nachfragen"));
    assert_eq!(nav_count(&page), None, "no tasks, no count");

    // The Bund: the submitted entry with its waiting time, not the returned one.
    let page = start(&app, &bund).await;
    assert!(page.contains("Wissenseintrag prüfen: „Eintrag familienbuero-hamm“"));
    assert!(page.contains("eingereicht am"));
    assert!(page.contains("(vor 3 Tagen)"));
    assert!(!page.contains("lotsen-detmold"));
    assert_eq!(nav_count(&page), Some(1));
}

/// The start page's tasks, the pages of `/aufgaben` and the navigation count cost a fixed
/// number of statements: the same with 2 and with 80 networks of one municipality (about 10
/// and 400 tasks), and no statement at all on the other pages (the session lookup returns the
/// count). The start page shows ten tasks however many there are.
#[tokio::test]
async fn the_tasks_cost_the_same_statements_for_few_and_many_networks() {
    let app = TestApp::spawn().await;
    let (program, aufbau, _) = program(&app, "05", "kinderstark").await;
    let add = |n: usize| {
        let app = &app;
        async move {
            for i in 0..n {
                let network = app.create_network(HAMM, &format!("Netzwerk {i}")).await;
                goal_with_milestones(app, network, "Ziel", &[(-10, "Alt"), (3, "Bald")]).await;
                let f = funding(app, network, program, aufbau, "2023-01-01").await;
                report(app, f, 1, "zurueckgegeben", 10).await;
            }
        }
    };
    add(2).await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    // First visits write the count into the session; measured are the visits after.
    start(&app, &hamm).await;
    start(&app, &nrw).await;
    let (few, _) = queries::count(app.get(&hamm, "/")).await;
    let (few_land, _) = queries::count(app.get(&nrw, "/")).await;
    let (few_list, _) = queries::count(app.get(&hamm, "/aufgaben")).await;
    let (few_land_list, _) = queries::count(app.get(&nrw, "/aufgaben")).await;
    // Another page: the catalog, whose statements depend on nothing kept (a knowledge entry
    // written as a task would make the knowledge search find again).
    let (other_before, _) = queries::count(app.get(&hamm, "/katalog")).await;
    add(78).await;
    let page = start(&app, &hamm).await;
    assert!(
        nav_count(&page).unwrap() >= 80 * 3,
        "{:?}",
        nav_count(&page)
    );
    start(&app, &nrw).await;
    let (many, response) = queries::count(app.get(&hamm, "/")).await;
    assert_eq!(task_texts(&response.text().await.unwrap()).len(), 10);
    let (many_land, response) = queries::count(app.get(&nrw, "/")).await;
    assert_eq!(task_texts(&response.text().await.unwrap()).len(), 10);
    let (many_list, _) = queries::count(app.get(&hamm, "/aufgaben")).await;
    let (many_list_next, response) = queries::count(app.get(&hamm, "/aufgaben?seite=5")).await;
    assert_eq!(task_texts(&response.text().await.unwrap()).len(), 50);
    let (many_land_list, _) = queries::count(app.get(&nrw, "/aufgaben")).await;
    let (other_after, response) = queries::count(app.get(&hamm, "/katalog")).await;
    assert!(nav_count(&response.text().await.unwrap()).is_some());
    println!(
        "Startseite Kommune: {few} / {many} Statements, Land: {few_land} / {many_land}, \
         /aufgaben Kommune: {few_list} / {many_list} / {many_list_next}, \
         Land: {few_land_list} / {many_land_list}, /katalog: {other_before} / {other_after}"
    );
    assert_eq!(
        few, many,
        "coordinator's start page grows with the networks"
    );
    assert_eq!(
        few_land, many_land,
        "Land start page grows with the networks"
    );
    assert_eq!(
        (few_list, few_land_list),
        (many_list, many_land_list),
        "/aufgaben grows with the tasks"
    );
    assert_eq!(many_list_next, many_list, "a later page costs the same");
    assert!(many <= 5, "{many} statements");
    assert!(many_land <= 7, "{many_land} statements");
    assert!(many_list <= 4, "{many_list} statements");
    assert_eq!(
        other_before, other_after,
        "the count costs other pages nothing"
    );
}

/// The count in the navigation stays true between visits of the start page: what changes a
/// user's tasks – their own step or somebody else's – clears the count kept in the session,
/// and the next page counts again, once.
/// A coordinator's milestones are kept until one of her municipality's networks changes: her
/// start page then reads the session and one statement for the tasks and her first networks (the
/// revisions they are kept by and the knowledge entries); a change in one of her networks, a
/// new or deleted network shows at once, a change in another municipality's costs nothing.
#[tokio::test]
async fn the_coordinators_milestones_are_kept_until_her_networks_change() {
    let app = TestApp::spawn().await;
    let first = app.create_network(HAMM, "Netzwerk Mitte").await;
    let second = app.create_network(HAMM, "Netzwerk Süd").await;
    let detmold = app.create_network(DETMOLD, "Netzwerk Detmold").await;
    goal_with_milestones(&app, first, "Gut ankommen", &[(-3, "Lotsen benannt")]).await;
    goal_with_milestones(&app, second, "Gut essen", &[(5, "Mittagstisch eröffnet")]).await;
    goal_with_milestones(
        &app,
        detmold,
        "Detmolder Ziel",
        &[(-1, "Detmolder Meilenstein")],
    )
    .await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let page = start(&app, &hamm).await;
    assert!(
        page.contains(
            "Meilenstein „Lotsen benannt“ erledigen (Ziel „Gut ankommen“, Netzwerk Mitte)"
        )
    );
    assert!(page.contains("Mittagstisch eröffnet"));
    let (kept, _) = queries::count(app.get(&hamm, "/")).await;
    assert_eq!(
        kept, 2,
        "the session, and the tasks' revisions (which the first networks are kept by too) and entries"
    );

    // Another municipality's milestone leaves hers kept (milestones move their network's
    // revision only; goals, measures and networks move the Land's too, and with it hers once).
    sqlx::query("UPDATE milestones SET due_on = due_on - 1 WHERE title = 'Detmolder Meilenstein'")
        .execute(&app.pool)
        .await
        .unwrap();
    let (kept, response) = queries::count(app.get(&hamm, "/")).await;
    assert_eq!(kept, 2);
    assert!(!response.text().await.unwrap().contains("Detmolder"));

    // A goal renamed (which leaves the count alone) and a milestone done show at once.
    sqlx::query("UPDATE goals SET title = 'Gut begleitet ankommen' WHERE network_id = $1")
        .bind(first)
        .execute(&app.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE milestones SET done_on = $1::date WHERE title = 'Mittagstisch eröffnet'")
        .bind(days_from_today(0))
        .execute(&app.pool)
        .await
        .unwrap();
    let page = start(&app, &hamm).await;
    assert!(page.contains("Ziel „Gut begleitet ankommen“"), "{page}");
    assert!(!page.contains("Mittagstisch eröffnet"), "{page}");
    assert_eq!(nav_count(&page), Some(1));

    // A new network with a due milestone, then the first network deleted.
    let third = app.create_network(HAMM, "Netzwerk Nord").await;
    goal_with_milestones(&app, third, "Gut lernen", &[(2, "Lernhaus geöffnet")]).await;
    let page = start(&app, &hamm).await;
    assert!(page.contains("Lernhaus geöffnet") && page.contains("Lotsen benannt"));
    sqlx::query("DELETE FROM networks WHERE id = $1")
        .bind(first)
        .execute(&app.pool)
        .await
        .unwrap();
    let page = start(&app, &hamm).await;
    assert!(page.contains("Lernhaus geöffnet") && !page.contains("Lotsen benannt"));
    assert_eq!(nav_count(&page), Some(1));
}

#[tokio::test]
async fn the_navigation_count_follows_every_change_of_tasks() {
    let app = TestApp::spawn().await;
    let network = app.create_network(HAMM, "Präventionskette Hamm").await;
    goal_with_milestones(&app, network, "Ziel", &[(-10, "Alt"), (-5, "Älter")]).await;
    let (program, aufbau, _) = program(&app, "05", "kinderstark").await;
    // The first report's period ended a month ago; it is due in about two months.
    let start_date = days_from_today(-400);
    let f = funding(&app, network, program, aufbau, &start_date).await;
    report(&app, f, 1, "entwurf", 0).await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let bund = app.signed_in("b@bund.de", Role::Bund, None, None).await;
    let admin = app.signed_in("a@portal.de", Role::Admin, None, None).await;
    let nav = |client: &reqwest::Client| {
        let app = &app;
        let client = client.clone();
        async move {
            let (statements, response) = queries::count(app.get(&client, "/katalog")).await;
            (
                nav_count(&response.text().await.unwrap()).unwrap_or(0),
                statements,
            )
        }
    };
    let (hamm_before, statements) = nav(&hamm).await;
    let (nrw_before, _) = nav(&nrw).await;
    let (bund_before, _) = nav(&bund).await;
    let (admin_before, _) = nav(&admin).await;
    assert!(
        hamm_before >= 3,
        "two milestones and the report: {hamm_before}"
    );

    // Ticking an overdue milestone done: one less on the next page, counted once.
    let milestone: i64 = sqlx::query_scalar("SELECT id FROM milestones WHERE title = 'Alt'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let response = app
        .post(
            &hamm,
            &format!("/netzwerke/{network}/meilensteine/{milestone}/erledigt"),
            &[("version", "1")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (after_tick, recounting) = nav(&hamm).await;
    assert_eq!(after_tick, hamm_before - 1);
    assert!(
        recounting > statements,
        "the page after the change counts again"
    );
    assert_eq!(nav(&hamm).await, (after_tick, statements), "and only once");
    // The Land is not concerned by milestones: its count stays, without counting.
    let (nrw_count, nrw_statements) = nav(&nrw).await;
    assert_eq!(nrw_count, nrw_before);
    assert_eq!(nrw_statements, statements);

    // The coordinator submits the report: one task less for her, one more for the Land.
    let rid: i64 = sqlx::query_scalar("SELECT id FROM reports WHERE funding_id = $1")
        .bind(f)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let response = app
        .post(
            &hamm,
            &format!("/berichte/{rid}/bearbeiten"),
            &[
                ("what_worked", "Familienbüro eröffnet."),
                ("what_did_not", "Noch nicht alle Schulen."),
                ("participation", "Kinderkonferenz."),
                ("plans", "Jobcenter einbinden."),
                ("version", "1"),
                ("aktion", "einreichen"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(nav(&hamm).await.0, after_tick - 1);
    assert_eq!(nav(&nrw).await.0, nrw_before + 1, "the report to review");

    // A knowledge entry handed in: the reviewers (Bund and administrators) have one more.
    entry(&app, "elterncafe-hamm", "entwurf", "k@hamm.de").await;
    assert_eq!(nav(&bund).await.0, bund_before, "a draft is nobody's task");
    sqlx::query(
        "UPDATE knowledge_entries SET status = 'eingereicht' WHERE slug = 'elterncafe-hamm'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    assert_eq!(nav(&bund).await.0, bund_before + 1);
    assert_eq!(nav(&admin).await.0, admin_before + 1);

    // A count of yesterday is stale: milestones fall due as days pass.
    sqlx::query("UPDATE sessions SET open_tasks_on = open_tasks_on - 1")
        .execute(&app.pool)
        .await
        .unwrap();
    let (_, next_day) = nav(&nrw).await;
    assert!(next_day > statements, "counted again on a new day");

    // Every kind of change clears the counts of exactly the users it concerns, whoever
    // writes it (here: straight into the database).
    let second = app.create_network(HAMM, "Zweites Netzwerk").await;
    goal_with_milestones(&app, second, "Zweites Ziel", &[(3, "Bald")]).await;
    let cleared = |email: &'static str| {
        let pool = app.pool.clone();
        async move {
            sqlx::query_scalar::<_, bool>(
                "SELECT bool_and(s.open_tasks IS NULL) FROM sessions s
                 JOIN users u ON u.id = s.user_id WHERE u.email = $1",
            )
            .bind(email)
            .fetch_one(&pool)
            .await
            .unwrap()
        }
    };
    for (change, coordinator, land) in [
        (
            "UPDATE funding_programs SET report_due_days = 60",
            true,
            true,
        ),
        ("UPDATE funding_phases SET name = name || ' '", true, true),
        ("DELETE FROM phase_deliverables", true, true),
        ("UPDATE fundings SET note = 'geprüft'", true, true),
        ("UPDATE milestones SET title = 'Neu'", true, false),
        ("DELETE FROM goals WHERE title = 'Ziel'", true, false),
        (
            "DELETE FROM networks WHERE name = 'Zweites Netzwerk'",
            true,
            false,
        ),
        (
            "UPDATE knowledge_entries SET title = 'Umbenannt'",
            false,
            false,
        ),
    ] {
        nav(&hamm).await;
        nav(&nrw).await;
        sqlx::raw_sql(sqlx::AssertSqlSafe(change))
            .execute(&app.pool)
            .await
            .unwrap();
        assert_eq!(cleared("k@hamm.de").await, coordinator, "{change}");
        assert_eq!(cleared("l@nrw.de").await, land, "{change}");
    }
}

/// The texts of the tasks listed on `page`, in their order.
fn task_texts(page: &str) -> Vec<String> {
    page.split(r#"<li class="kern-body"><span class="kern-badge"#)
        .skip(1)
        .map(|item| {
            let link = &item[item.find(r#"<a class="kern-link" href=""#).unwrap()..];
            let text = &link[link.find('>').unwrap() + 1..];
            text[..text.find("</a>").unwrap()].to_owned()
        })
        .collect()
}

/// Where the task whose text contains `text` stands in `tasks`.
fn position(tasks: &[String], text: &str) -> usize {
    tasks
        .iter()
        .position(|t| t.contains(text))
        .unwrap_or_else(|| panic!("{text} not in {tasks:#?}"))
}

/// Hamm: 45 overdue milestones, 14 due within two weeks and one later, a funding with a
/// returned report (and older overdue ones), a returned knowledge entry of the coordinator;
/// Detmold: 20 overdue milestones of its own and a submitted report. The milestones are
/// numbered in the order they are due.
async fn many_tasks(app: &TestApp) {
    let hamm_net = app.create_network(HAMM, "Präventionskette Hamm").await;
    let overdue: Vec<(i64, String)> = (1..=45)
        .map(|i| (i - 90, format!("Hamm überfällig {i:02}")))
        .collect();
    let soon: Vec<(i64, String)> = (1..=14)
        .map(|i| (i - 1, format!("Hamm bald {i:02}")))
        .chain([(30, "Hamm später".to_owned())])
        .collect();
    for (title, milestones) in [("Gesund aufwachsen", overdue), ("Bildung", soon)] {
        let milestones: Vec<(i64, &str)> =
            milestones.iter().map(|(d, t)| (*d, t.as_str())).collect();
        goal_with_milestones(app, hamm_net, title, &milestones).await;
    }
    let detmold_net = app.create_network(DETMOLD, "Netzwerk Detmold").await;
    let detmold: Vec<(i64, String)> = (1..=20)
        .map(|i| (-i, format!("Detmold überfällig {i:02}")))
        .collect();
    let detmold: Vec<(i64, &str)> = detmold.iter().map(|(d, t)| (*d, t.as_str())).collect();
    goal_with_milestones(app, detmold_net, "Detmolder Ziel", &detmold).await;
    let (program, aufbau, _) = program(app, "05", "kinderstark").await;
    let hamm_funding = funding(app, hamm_net, program, aufbau, "2023-01-01").await;
    report(app, hamm_funding, 1, "zurueckgegeben", 30).await;
    let detmold_funding = funding(app, detmold_net, program, aufbau, "2023-01-01").await;
    report(app, detmold_funding, 1, "eingereicht", 4).await;
}

/// The start page shows the ten most urgent tasks, the total and the way to all of them;
/// `/aufgaben` lists all of them in the same order, fifty to a page, each user only their own.
#[tokio::test]
async fn the_start_page_shows_the_most_urgent_tasks_and_aufgaben_all_of_them() {
    let app = TestApp::spawn().await;
    many_tasks(&app).await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let detmold = app
        .signed_in("k@detmold.de", Role::Kommune, Some(DETMOLD), None)
        .await;
    entry(&app, "familienbuero-hamm", "zurueckgegeben", "k@hamm.de").await;
    entry(&app, "lotsen-detmold", "eingereicht", "k@detmold.de").await;

    let page = start(&app, &hamm).await;
    let total = nav_count(&page).expect("count in the navigation") as usize;
    assert!(total > 45 + 14 + 2, "{total}");
    let first = task_texts(&page);
    assert_eq!(first.len(), 10, "the ten most urgent");
    assert!(page.contains(&format!("Aufgaben ({total})")));
    assert!(page.contains(&format!(
        r#"<a class="kern-link" href="/aufgaben">Alle {total} Aufgaben anzeigen</a>"#
    )));

    let list = |client: &reqwest::Client, query: &'static str| {
        let app = &app;
        let client = client.clone();
        async move {
            let response = app.get(&client, &format!("/aufgaben{query}")).await;
            assert_eq!(response.status(), 200, "{query}");
            response.text().await.unwrap()
        }
    };
    let one = list(&hamm, "").await;
    assert!(one.contains("<title>Ihre Aufgaben"), "{one}");
    assert!(one.contains(r#"href="/aufgaben?seite=2" rel="next""#));
    assert_eq!(nav_count(&one), Some(total as u32));
    let two = list(&hamm, "?seite=2").await;
    assert!(two.contains(r#"href="/aufgaben?seite=1" rel="prev""#));
    let (one, two) = (task_texts(&one), task_texts(&two));
    assert_eq!(one.len(), 50);
    assert_eq!(two.len(), total - 50);
    assert_eq!(one[..10], first[..], "the start page shows the first ten");
    let all: Vec<String> = one.into_iter().chain(two.clone()).collect();
    let distinct: std::collections::HashSet<&String> = all.iter().collect();
    assert_eq!(distinct.len(), total, "every task once");
    // Milestones in due order across both pages; the returned report and entry after the
    // overdue milestones and before the ones due soon; nothing of Detmold's, nothing later.
    let overdue: Vec<usize> = (1..=45)
        .map(|i| position(&all, &format!("Hamm überfällig {i:02}")))
        .collect();
    let soon: Vec<usize> = (1..=14)
        .map(|i| position(&all, &format!("Hamm bald {i:02}")))
        .collect();
    assert!(overdue.is_sorted() && soon.is_sorted(), "{all:#?}");
    let report = position(&all, "Zurückgegebenen Bericht überarbeiten");
    let entry = position(&all, "Zurückgegebenen Wissenseintrag überarbeiten");
    assert!(
        overdue[44] < report && report < entry && entry < soon[0],
        "{all:#?}"
    );
    assert!(
        !all.iter()
            .any(|t| t.contains("Detmold") || t.contains("später"))
    );
    // A page past the end shows the last one; nonsense the first.
    assert_eq!(task_texts(&list(&hamm, "?seite=99").await), two);
    assert_eq!(
        task_texts(&list(&hamm, "?seite=abc").await)[..10],
        first[..]
    );

    // Detmold's coordinator sees her own tasks only, on every page.
    for query in ["", "?seite=2", "?seite=99"] {
        let page = list(&detmold, query).await;
        assert!(page.contains("Detmold überfällig 20"), "{query}");
        assert!(!page.contains("Hamm"), "{query}");
        assert!(!page.contains("familienbuero-hamm"), "{query}");
    }
    // The Land, the Bund and the administrators: theirs, on the same page.
    let nrw = app
        .signed_in("l@nrw.de", Role::Land, None, Some("05"))
        .await;
    let page = list(&nrw, "").await;
    assert!(page.contains("Bericht prüfen"), "{page}");
    assert!(page.contains("Überfälligen Bericht nachfragen"));
    assert!(!page.contains("Meilenstein"));
    for (email, role) in [("b@bund.de", Role::Bund), ("a@portal.de", Role::Admin)] {
        let reviewer = app.signed_in(email, role, None, None).await;
        let page = list(&reviewer, "").await;
        assert_eq!(
            task_texts(&page),
            ["Wissenseintrag prüfen: „Eintrag lotsen-detmold“"],
            "{email}"
        );
    }
    let bw = app.signed_in("l@bw.de", Role::Land, None, Some("08")).await;
    assert!(
        list(&bw, "")
            .await
            .contains("Zurzeit wartet keine Aufgabe auf Sie.")
    );

    // Without login: to the login page, and back afterwards.
    let response = app.get(&app.new_client(), "/aufgaben?seite=2").await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers()["location"],
        "/anmelden?weiter=%2Faufgaben%3Fseite%3D2"
    );
}

/// The list keeps the count in the session itself, as the start page does, so the page after
/// it does not count again.
#[tokio::test]
async fn the_task_list_keeps_the_count_for_the_next_pages() {
    let app = TestApp::spawn().await;
    many_tasks(&app).await;
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let page = app.get(&hamm, "/aufgaben").await.text().await.unwrap();
    let total = nav_count(&page).unwrap();
    let kept: Option<i32> = sqlx::query_scalar(
        "SELECT s.open_tasks FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE u.email = 'k@hamm.de'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(kept, Some(total as i32));
    let (before, _) = queries::count(app.get(&hamm, "/katalog")).await;
    sqlx::query("UPDATE sessions SET open_tasks = NULL")
        .execute(&app.pool)
        .await
        .unwrap();
    let (counting, _) = queries::count(app.get(&hamm, "/katalog")).await;
    assert!(counting > before, "a cleared count is counted again");
    sqlx::query("UPDATE sessions SET open_tasks = NULL")
        .execute(&app.pool)
        .await
        .unwrap();
    app.get(&hamm, "/aufgaben?seite=2").await;
    let (after, response) = queries::count(app.get(&hamm, "/katalog")).await;
    assert_eq!(after, before, "/aufgaben counted and kept it");
    assert_eq!(nav_count(&response.text().await.unwrap()), Some(total));
}

/// `/aufgaben` in headless Chromium at desktop and phone width: axe-core finds nothing, nothing
/// scrolls sideways, and the pages link to each other.
#[tokio::test]
async fn the_task_list_in_the_browser() {
    let app = TestApp::spawn().await;
    many_tasks(&app).await;
    app.create_user("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let browser = Browser::open(&app.url).await;
    browser.login("k@hamm.de", PASSWORD).await;
    for width in [1280, 390] {
        browser.resize(width).await;
        browser.goto("/").await;
        browser.screenshot(&format!("aufgaben_start_{width}")).await;
        browser.assert_accessible().await;
        browser.assert_no_sideways_scroll().await;
        for page in [1, 2] {
            browser.goto(&format!("/aufgaben?seite={page}")).await;
            assert!(browser.text("h1").await.contains("Ihre Aufgaben"));
            assert!(
                browser
                    .text("main")
                    .await
                    .contains(&format!("Seite {page} von 2"))
            );
            browser
                .screenshot(&format!("aufgaben_{page}_{width}"))
                .await;
            browser.assert_accessible().await;
            browser.assert_no_sideways_scroll().await;
        }
    }
    browser.close().await;
}
