//! Headless Chromium through ChromeDriver (Debian packages `chromium` and `chromium-driver`),
//! with axe-core injected to check every page.

use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

const AXE: &str = include_str!("../../browser/axe.min.js");

/// ChromeDriver, started once per test run on a free port; it dies with the test process.
static DRIVER_URL: LazyLock<String> = LazyLock::new(|| {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let binary = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
        .expect("chromedriver fehlt: apt-get install chromium chromium-driver");
    let (tx, rx) = std::sync::mpsc::channel();
    // Spawned from a thread that lives as long as the driver: the parent-death signal is
    // tied to the spawning thread.
    std::thread::spawn(move || {
        let mut command = Command::new(binary);
        command
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        unsafe {
            command.pre_exec(|| {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM);
                Ok(())
            });
        }
        let mut child = command.spawn().expect("start chromedriver");
        tx.send(()).unwrap();
        let _ = child.wait();
    });
    rx.recv().unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    format!("http://127.0.0.1:{port}")
});

pub struct Browser {
    pub client: Client,
    base: String,
}

impl Browser {
    pub async fn open(base: &str) -> Self {
        let driver = tokio::task::spawn_blocking(|| LazyLock::force(&DRIVER_URL).clone())
            .await
            .unwrap();
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": "/usr/bin/chromium",
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--no-first-run", "--disable-quic",
                         "--window-size=1280,1000", "--lang=de-DE"]
            }),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&driver)
            .await
            .expect("WebDriver-Sitzung");
        Self {
            client,
            base: base.to_owned(),
        }
    }

    pub async fn goto(&self, path: &str) {
        self.client
            .goto(&format!("{}{path}", self.base))
            .await
            .unwrap();
    }

    pub async fn path(&self) -> String {
        self.client.current_url().await.unwrap().path().to_owned()
    }

    pub async fn text(&self, css: &str) -> String {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} not found: {e}"))
            .text()
            .await
            .unwrap()
    }

    /// Types into the input whose `<label>` reads `label`, as a user finds it.
    pub async fn fill_labelled(&self, label: &str, value: &str) {
        let xpath = format!("//*[@id=//label[normalize-space(.)='{label}']/@for]");
        let input = self
            .client
            .find(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|e| panic!("no input labelled {label}: {e}"));
        input.clear().await.unwrap();
        input.send_keys(value).await.unwrap();
    }

    /// Presses the button with this text from the keyboard (Enter) and waits for the page it
    /// leads to.
    pub async fn click_button(&self, text: &str) {
        let xpath = format!("//button[normalize-space(.)='{text}']");
        let button = self
            .client
            .find(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|e| panic!("no button {text}: {e}"));
        self.client
            .execute("window.__alteSeite = true;", vec![])
            .await
            .unwrap();
        button.send_keys("\u{E007}").await.unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let navigated = self
                .client
                .execute(
                    "return window.__alteSeite === undefined && document.readyState === 'complete';",
                    vec![],
                )
                .await
                .map(|v| v == Value::Bool(true))
                .unwrap_or(false);
            if navigated {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "no new page after clicking {text}"
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// Selects the radio button or checkbox whose `<label>` reads `text`, with the space bar.
    pub async fn choose(&self, text: &str) {
        let xpath = format!("//input[@id=//label[normalize-space(.)='{text}']/@for]");
        self.client
            .find(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|e| panic!("no choice {text}: {e}"))
            .send_keys(" ")
            .await
            .unwrap();
    }

    /// Picks `option` in the select labelled `label` (also within an `<optgroup>`).
    pub async fn select(&self, label: &str, option: &str) {
        let xpath = format!(
            "//select[@id=//label[normalize-space(.)='{label}']/@for]//option[normalize-space(.)='{option}']"
        );
        self.client
            .find(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|e| panic!("no option {option} in {label}: {e}"))
            .click()
            .await
            .unwrap();
    }

    /// Ticks (or unticks) the checkbox with this id from the keyboard.
    pub async fn tick(&self, id: &str) {
        self.client
            .find(Locator::Id(id))
            .await
            .unwrap_or_else(|e| panic!("no checkbox #{id}: {e}"))
            .send_keys(" ")
            .await
            .unwrap();
    }

    pub async fn login(&self, email: &str, password: &str) {
        self.goto("/anmelden").await;
        self.fill_labelled("E-Mail", email).await;
        self.fill_labelled("Passwort", password).await;
        self.click_button("Anmelden").await;
    }

    /// Runs axe-core (WCAG 2.1 A/AA and best practices) on the current page and panics with
    /// the violations, if any.
    pub async fn assert_accessible(&self) {
        self.client.execute(AXE, vec![]).await.unwrap();
        let result = self
            .client
            .execute(
                "return axe.run(document, { runOnly: { type: 'tag', values: \
                 ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })\
                 .then(r => r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, \
                 nodes: v.nodes.map(n => n.target.join(' ')) })));",
                vec![],
            )
            .await
            .unwrap();
        let url = self.client.current_url().await.unwrap();
        let violations = result.as_array().cloned().unwrap_or_default();
        assert!(
            violations.is_empty(),
            "axe-core: {} Verstöße auf {url}:\n{}",
            violations.len(),
            serde_json::to_string_pretty(&Value::Array(violations)).unwrap()
        );
        self.assert_page_basics().await;
    }

    /// What DESIGN.md promises of every page: one h1, lang="de", a skip link first.
    async fn assert_page_basics(&self) {
        let facts = self
            .client
            .execute(
                "return { h1: document.querySelectorAll('h1').length, lang: document.documentElement.lang, \
                 first: document.querySelector('a, button, input, select, textarea').getAttribute('href') };",
                vec![],
            )
            .await
            .unwrap();
        let url = self.client.current_url().await.unwrap();
        assert_eq!(facts["h1"], 1, "genau eine h1 auf {url}");
        assert_eq!(facts["lang"], "de", "lang=de auf {url}");
        assert_eq!(facts["first"], "#inhalt", "Sprunglink zuerst auf {url}");
    }

    /// Makes the window `width` pixels wide (a phone: 390).
    pub async fn resize(&self, width: u32) {
        self.client.set_window_size(width, 1000).await.unwrap();
    }

    /// Fails if the page is wider than the window, so that it scrolls sideways.
    pub async fn assert_no_sideways_scroll(&self) {
        let widths = self
            .client
            .execute(
                "return [document.documentElement.scrollWidth, window.innerWidth];",
                vec![],
            )
            .await
            .unwrap();
        let (page, window) = (widths[0].as_i64().unwrap(), widths[1].as_i64().unwrap());
        let url = self.client.current_url().await.unwrap();
        assert!(
            page <= window,
            "{url} ist {page} px breit bei {window} px Fensterbreite: die Seite scrollt seitwärts"
        );
    }

    /// The current page as Chromium prints it (A4, print stylesheet), as text laid out like
    /// the paper (`pdftotext -layout`, Debian package poppler-utils). The PDF is kept under
    /// `target/screenshots/` for a human to look at.
    pub async fn printed_text(&self, name: &str) -> String {
        let pdf = self
            .client
            .print(fantoccini::wd::PrintConfiguration::default())
            .await
            .unwrap();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join(format!("{name}.pdf"));
        std::fs::write(&file, pdf).unwrap();
        let output = Command::new("pdftotext")
            .arg("-layout")
            .arg(&file)
            .arg("-")
            .output()
            .expect("pdftotext fehlt: apt-get install poppler-utils");
        assert!(output.status.success(), "pdftotext: {output:?}");
        String::from_utf8(output.stdout).unwrap()
    }

    /// Saves a screenshot under `target/screenshots/` for a human to look at.
    pub async fn screenshot(&self, name: &str) {
        let png = self.client.screenshot().await.unwrap();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }

    pub async fn close(self) {
        self.client.close().await.unwrap();
    }
}
