//! Entry bodies are Markdown written by users: rendered without any raw HTML, then cleaned
//! by ammonia as a second line of defence.

use pulldown_cmark::{Event, Options, Parser, TagEnd, html};

fn parser(markdown: &str) -> Parser<'_> {
    Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    )
}

pub fn to_html(markdown: &str) -> String {
    // Raw HTML in the Markdown is shown as text, never interpreted.
    let parser = parser(markdown).map(|event| match event {
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

/// The HTML without a closing paragraph that names the source ("Quelle: …"), for pages that
/// show the source by itself.
pub fn without_source_line(html: &str) -> &str {
    let trimmed = html.trim_end();
    match trimmed.rfind("<p>Quelle:") {
        Some(at) if trimmed.ends_with("</p>") && !trimmed[at + 3..].contains("<p>") => &html[..at],
        _ => html,
    }
}

/// The words of a body without its markup, for search snippets: blocks, list items, table
/// cells and line breaks are separated by a space; raw HTML stays text (escaped when shown).
pub fn to_plain_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    for event in parser(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                text.push_str(&t)
            }
            Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image,
            ) => {}
            Event::End(_) | Event::SoftBreak | Event::HardBreak
                if !text.is_empty() && !text.ends_with(' ') =>
            {
                text.push(' ');
            }
            _ => {}
        }
    }
    text.truncate(text.trim_end().len());
    text
}

#[cfg(test)]
mod tests {
    use super::{to_html, to_plain_text, without_source_line};

    #[test]
    fn the_source_line_goes_only_at_the_end() {
        let html = to_html("Text.\n\nQuelle: Papier, Kapitel I.");
        assert_eq!(without_source_line(&html), "<p>Text.</p>\n");
        let html = to_html("Quelle: am Anfang.\n\nText.");
        assert_eq!(without_source_line(&html), html);
    }

    #[test]
    fn plain_text_keeps_the_words_and_drops_the_markup() {
        assert_eq!(
            to_plain_text(
                "## Wie es funktioniert\n\nDas **Familien**rathaus, [hier](https://example.org) `Code`\n- eins\n- zwei\n\n<b>roh</b>"
            ),
            "Wie es funktioniert Das Familienrathaus, hier Code eins zwei <b>roh</b>"
        );
    }

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
