//! Entry bodies are Markdown written by users: rendered without any raw HTML, then cleaned
//! by ammonia as a second line of defence.

use pulldown_cmark::{Event, Options, Parser, html};

pub fn to_html(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    )
    // Raw HTML in the Markdown is shown as text, never interpreted.
    .map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    let mut rendered = String::new();
    html::push_html(&mut rendered, parser);
    ammonia::Builder::default()
        .url_schemes(["http", "https", "mailto"].into())
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(&rendered)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::to_html;

    #[test]
    fn markdown_without_html() {
        assert_eq!(
            to_html("## Titel\n\n- **fett**"),
            "<h2>Titel</h2>\n<ul>\n<li><strong>fett</strong></li>\n</ul>\n"
        );
        let hostile = to_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> [x](javascript:alert(1))",
        );
        assert!(
            !hostile.contains("<script") && !hostile.contains("<img"),
            "{hostile}"
        );
        assert!(hostile.contains("&lt;script&gt;"), "{hostile}");
        assert!(!hostile.contains("javascript:"), "{hostile}");
    }
}
