//! Paged lists: which page of how many, and the links between them. A list that can grow with
//! the country is shown a page at a time, so its page costs the same at 5 and at 5,000 networks.

/// One page of a list of `total` items, `size` to a page; `link` is the list's URL with its
/// filters, to which `seite=N` is added.
#[derive(Clone, Debug, PartialEq)]
pub struct Paging {
    /// 1-based; always a page that exists (1 for an empty list).
    pub page: i64,
    pub pages: i64,
    pub total: i64,
    size: i64,
    link: String,
}

impl Paging {
    /// `requested` is the `seite` parameter as typed: anything that is not a page number
    /// shows the first page, a number past the end the last one, so no URL leads to an error.
    pub fn new(requested: &str, total: i64, size: i64, link: String) -> Self {
        let pages = ((total + size - 1) / size).max(1);
        let page = requested.trim().parse::<i64>().unwrap_or(1).clamp(1, pages);
        Self {
            page,
            pages,
            total,
            size,
            link,
        }
    }

    pub fn limit(&self) -> i64 {
        self.size
    }

    pub fn offset(&self) -> i64 {
        (self.page - 1) * self.size
    }

    pub fn previous(&self) -> Option<String> {
        (self.page > 1).then(|| self.link_to(self.page - 1))
    }

    pub fn next(&self) -> Option<String> {
        (self.page < self.pages).then(|| self.link_to(self.page + 1))
    }

    fn link_to(&self, page: i64) -> String {
        let separator = if self.link.contains('?') { '&' } else { '?' };
        format!("{}{separator}seite={page}", self.link)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_clamped_and_linked_with_the_filters() {
        let paging = Paging::new("2", 120, 50, "/netzwerke?land=05".into());
        assert_eq!((paging.page, paging.pages, paging.offset()), (2, 3, 50));
        assert_eq!(
            paging.previous().as_deref(),
            Some("/netzwerke?land=05&seite=1")
        );
        assert_eq!(paging.next().as_deref(), Some("/netzwerke?land=05&seite=3"));

        let past_the_end = Paging::new("99", 120, 50, "/netzwerke".into());
        assert_eq!(past_the_end.page, 3);
        assert_eq!(past_the_end.next(), None);
        assert_eq!(
            past_the_end.previous().as_deref(),
            Some("/netzwerke?seite=2")
        );

        for nonsense in ["", "abc", "-4", "0", "1e9"] {
            let paging = Paging::new(nonsense, 120, 50, "/netzwerke".into());
            assert_eq!(paging.page, 1, "{nonsense:?}");
            assert_eq!(paging.previous(), None);
        }

        let empty = Paging::new("3", 0, 50, "/netzwerke".into());
        assert_eq!((empty.page, empty.pages, empty.offset()), (1, 1, 0));
        assert_eq!((empty.previous(), empty.next()), (None, None));
    }
}
