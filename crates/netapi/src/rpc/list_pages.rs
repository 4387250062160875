//! Pages of a list the server answers whole: the members of a group or a local group
//! (SamrGetMembersInGroup / SamrGetMembersInAlias, [MS-SAMR] 3.1.5.8.3 / 3.1.5.8.6, have no
//! enumeration context), paged on the client as NetGroupGetUsers / NetLocalGroupGetMembers
//! page them: the resume handle is the index of the next entry, and `prefmaxlen` bounds the
//! page by netapi32's buffer arithmetic (each entry's structure plus its variable data), with
//! at least one entry per page. Only the entries of the page are then translated (names
//! looked up), so a page costs the same round trips whatever the list's length.
//!
//! A resume handle past the end (the list shrank between two pages) gives an empty last page.

use std::ops::Range;

/// The entries of one page and the resume handle to report (0: this is the last page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Slice {
    pub range: Range<usize>,
    pub resume: u32,
}

impl Slice {
    /// Whether more pages follow.
    pub(crate) fn more(&self) -> bool {
        self.resume != 0
    }
}

/// The page of a `total`-entry list starting at `resume`, filled while the entries' sizes
/// (`size_of(index)`, in bytes) fit in `pref_max_len`.
pub(crate) fn slice(
    total: usize,
    resume: u32,
    pref_max_len: u32,
    size_of: impl Fn(usize) -> usize,
) -> Slice {
    let start = resume as usize;
    if start >= total {
        return Slice {
            range: total..total,
            resume: 0,
        };
    }
    let budget = pref_max_len as usize;
    let mut end = start;
    let mut used = 0usize;
    while end < total {
        let next = used.saturating_add(size_of(end));
        if end > start && next > budget {
            break;
        }
        used = next;
        end += 1;
    }
    let resume = if end < total {
        u32::try_from(end).unwrap_or(u32::MAX)
    } else {
        0
    };
    Slice {
        range: start..end,
        resume,
    }
}

/// Bytes netapi32 counts for a pointer in a returned structure (64-bit Windows).
pub(crate) const POINTER: usize = 8;

/// Bytes counted for a name not yet looked up (a 20-character name).
pub(crate) const NAME_ESTIMATE: usize = 42;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_is_in_exactly_one_page() {
        for (total, pref) in [(1500, 64), (1500, u32::MAX), (7, 100), (0, 64), (3, 1)] {
            let mut seen = Vec::new();
            let mut resume = 0;
            let mut pages = 0;
            loop {
                let s = slice(total, resume, pref, |i| 30 + i % 20);
                assert!(!s.range.is_empty() || total == 0);
                seen.extend(s.range.clone());
                pages += 1;
                if !s.more() {
                    break;
                }
                resume = s.resume;
            }
            assert_eq!(seen, (0..total).collect::<Vec<_>>(), "{total} at {pref}");
            if pref == u32::MAX {
                assert_eq!(pages, 1);
            }
        }
        // Past the end: an empty last page.
        assert_eq!(
            slice(3, 9, 64, |_| 1),
            Slice {
                range: 3..3,
                resume: 0
            }
        );
    }

    proptest::proptest! {
        /// Any list, page size and entry sizes: the pages cover the list exactly once, each
        /// page ends at the next resume handle, and no page is empty while more follow.
        #[test]
        fn pages_cover_any_list_exactly_once(
            total in 0usize..300,
            pref in proptest::prop_oneof![0u32..200, proptest::strategy::Just(u32::MAX)],
            sizes in proptest::collection::vec(0usize..500, 1..20),
        ) {
            let mut seen = 0;
            let mut resume = 0;
            loop {
                let s = slice(total, resume, pref, |i| sizes[i % sizes.len()]);
                proptest::prop_assert_eq!(s.range.start, seen);
                proptest::prop_assert!(!s.more() || !s.range.is_empty());
                seen = s.range.end;
                if !s.more() {
                    break;
                }
                proptest::prop_assert_eq!(s.resume as usize, s.range.end);
                resume = s.resume;
            }
            proptest::prop_assert_eq!(seen, total);
        }
    }
}
