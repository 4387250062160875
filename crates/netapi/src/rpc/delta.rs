//! Membership changes made one at a time and undone on failure: the set-membership functions
//! (NetGroupSetUsers, NetLocalGroupSetMembers, NetUserSetGroups) compute the difference
//! between the current and the wanted membership ([`diff`]), the multi-member ones
//! (NetLocalGroupAddMembers / DelMembers) list their changes, and [`apply`] sends them.
//!
//! SAMR changes one membership per call ([MS-SAMR] 3.1.5.8), so a list of changes is not atomic
//! on the wire. When a change fails, the changes already made in the call are undone in reverse
//! order, so the membership is as it was before the call; the error (the server's, translated)
//! says which change failed, and — if undoing failed too — what is left changed. Every name
//! and SID is resolved before the first change, so a bad member costs nothing on the server.

use std::collections::HashSet;
use std::hash::Hash;

use crate::{Error, Result};

/// One membership change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Change<T> {
    Add(T),
    Remove(T),
}

impl<T: Clone> Change<T> {
    /// The change that undoes this one.
    fn inverse(&self) -> Change<T> {
        match self {
            Change::Add(m) => Change::Remove(m.clone()),
            Change::Remove(m) => Change::Add(m.clone()),
        }
    }
}

/// The changes turning `current` into `wanted`: additions (in `wanted`'s order), then
/// removals (in `current`'s order); a member listed twice counts once.
pub(crate) fn diff<T: Eq + Hash + Clone>(current: &[T], wanted: &[T]) -> Vec<Change<T>> {
    let have: HashSet<&T> = current.iter().collect();
    let want: HashSet<&T> = wanted.iter().collect();
    let mut seen = HashSet::new();
    let adds = wanted
        .iter()
        .filter(|m| !have.contains(m) && seen.insert(*m))
        .map(|m| Change::Add(m.clone()));
    let removes = current
        .iter()
        .filter(|m| !want.contains(m))
        .map(|m| Change::Remove(m.clone()));
    adds.chain(removes).collect()
}

/// Make `changes` with `step`, in order; on a failure undo the changes made (last first) and
/// return the failure, its detail saying which change failed (`describe`) and how the undo
/// went.
pub(crate) async fn apply<T: Clone>(
    changes: &[Change<T>],
    mut step: impl AsyncFnMut(&Change<T>) -> Result<()>,
    describe: impl Fn(&Change<T>) -> String,
) -> Result<()> {
    for (i, change) in changes.iter().enumerate() {
        let Err(e) = step(change).await else {
            continue;
        };
        let mut left = Vec::new();
        for done in changes[..i].iter().rev() {
            if let Err(undo) = step(&done.inverse()).await {
                tracing::debug!(error = %undo, "undoing a membership change failed");
                left.push(describe(done));
            }
        }
        let what = format!(
            "{} (change {} of {}) failed",
            describe(change),
            i + 1,
            changes.len()
        );
        let after = match (i, left.is_empty()) {
            (0, _) => "nothing was changed".to_string(),
            (n, true) => format!("the {n} change(s) made before were undone"),
            (_, false) => format!("undoing failed; still changed: {}", left.join(", ")),
        };
        return Err(with_context(e, format!("{what}; {after}")));
    }
    Ok(())
}

/// `e` with `context` before its own detail.
fn with_context(e: Error, context: String) -> Error {
    let detail = match e.detail() {
        Some(d) => format!("{context}: {d}"),
        None => context,
    };
    e.with_detail(detail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_adds_then_removes_each_member_once() {
        let d = diff(&[1, 2, 3], &[3, 4, 4, 5]);
        assert_eq!(
            d,
            vec![
                Change::Add(4),
                Change::Add(5),
                Change::Remove(1),
                Change::Remove(2)
            ]
        );
        assert!(diff(&[1, 2], &[2, 1]).is_empty());
    }

    #[test]
    fn a_failed_change_undoes_the_ones_before() {
        let changes = diff(&[1], &[2, 3, 4]);
        let mut state = vec![1];
        let mut log = Vec::new();
        let r = crate::blocking::run(apply(
            &changes,
            async |c: &Change<i32>| {
                log.push(c.clone());
                match c {
                    Change::Add(4) => Err(Error::nt_status("NetGroupSetUsers", 0xC000_0067)),
                    Change::Add(m) => {
                        state.push(*m);
                        Ok(())
                    }
                    Change::Remove(m) => {
                        state.retain(|x| x != m);
                        Ok(())
                    }
                }
            },
            |c| format!("{c:?}"),
        ));
        let e = r.unwrap_err();
        assert_eq!(state, vec![1]);
        assert_eq!(
            e.code(),
            crate::Code::Nt(netapi_codes::NtStatus(0xC000_0067))
        );
        let detail = e.detail().unwrap();
        assert!(detail.contains("Add(4) (change 3 of 4) failed"), "{detail}");
        assert!(
            detail.contains("2 change(s) made before were undone"),
            "{detail}"
        );
        assert_eq!(log.len(), 5);
    }
}
