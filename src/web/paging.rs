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

/// The page a `seite` parameter asks for, before the list's total is known: for lists that
/// count their total in the statement that reads the page (or beside it, at once). The
/// statement takes its limit and offset; `paging` then makes the page shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Requested {
    /// 1-based; may lie past the end of the list.
    pub page: i64,
    size: i64,
}

/// No list reaches this page; it keeps the offset's arithmetic far from overflowing.
const LAST_PAGE: i64 = 1_000_000;

impl Requested {
    /// `requested` is the `seite` parameter as typed: anything that is not a page number asks
    /// for the first page.
    pub fn new(requested: &str, size: i64) -> Self {
        Self {
            page: Self::number(requested).unwrap_or(1),
            size,
        }
    }

    /// The page number `requested` names, if it names one (lists that tell the user that a
    /// part of the address was not used).
    pub fn number(requested: &str) -> Option<i64> {
        let page = requested.trim().parse::<i64>().ok().filter(|p| *p >= 1)?;
        Some(page.min(LAST_PAGE))
    }

    pub fn limit(&self) -> i64 {
        self.size
    }

    pub fn offset(&self) -> i64 {
        (self.page - 1) * self.size
    }

    /// The page shown of a list of `total` items: the one asked for, or the last one if that
    /// lies past the end.
    pub fn paging(self, total: i64, link: String) -> Paging {
        let pages = ((total + self.size - 1) / self.size).max(1);
        Paging {
            page: self.page.min(pages),
            pages,
            total,
            size: self.size,
            link,
        }
    }
}

impl Paging {
    /// `requested` is the `seite` parameter as typed: anything that is not a page number
    /// shows the first page, a number past the end the last one, so no URL leads to an error.
    pub fn new(requested: &str, total: i64, size: i64, link: String) -> Self {
        Requested::new(requested, size).paging(total, link)
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

    /// The numbers of the first and the last item on the page, counted from 1.
    pub fn shown(&self) -> (i64, i64) {
        (
            self.offset() + 1,
            (self.offset() + self.size).min(self.total),
        )
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

        let huge = Paging::new("99999999999999999", 120, 50, "/netzwerke".into());
        assert_eq!(huge.page, 3);
    }

    #[test]
    fn a_page_asked_for_before_the_total_is_known() {
        let requested = Requested::new("3", 20);
        assert_eq!((requested.limit(), requested.offset()), (20, 40));
        let shown = requested.paging(53, "/wissen".into());
        assert_eq!((shown.page, shown.pages, shown.shown()), (3, 3, (41, 53)));
        assert_eq!(shown.next(), None);
        // Past the end: the last page is shown.
        assert_eq!(Requested::new("7", 20).paging(53, String::new()).page, 3);
        assert_eq!(Requested::new("x", 20).page, 1);
        assert_eq!(Requested::number("x"), None);
        assert_eq!(Requested::number("-2"), None);
        assert_eq!(Requested::number(" 2 "), Some(2));
        assert_eq!(
            Requested::new("9223372036854775807", 20).offset(),
            (LAST_PAGE - 1) * 20
        );
    }
}
