//! Which element draws what from one frame to the next, so a zoom or pan step
//! changes attributes instead of making and removing elements.
//!
//! [`assign`] gives each item of a frame (a mark, by its key) a slot — an
//! element — numbered `0..n` for `n` items: the slot it had in the last frame
//! when that is still in range, else one that items gone from the frame left
//! free (lowest first). The slots are exactly `0..n`, so the view keeps `n`
//! elements in slot order and only adds or removes at the end.

/// The slot of each of `next` (a permutation of `0..next.len()`), given the
/// keys the slots showed last (`prev[s]`: the key of slot `s`). Keys are unique.
pub fn assign<K: Ord + Copy>(prev: &[K], next: &[K]) -> Vec<u32> {
    let n = next.len();
    // The slots of the last frame, by key (a sorted list: less code than a map).
    let mut had: Vec<(K, usize)> = prev.iter().copied().zip(0..).collect();
    had.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let slot_of = |k: &K| had.binary_search_by(|e| e.0.cmp(k)).ok().map(|i| had[i].1);
    let mut taken = vec![false; n];
    let mut out: Vec<Option<u32>> = next
        .iter()
        .map(|k| {
            let s = slot_of(k).filter(|&s| s < n)?;
            taken[s] = true;
            Some(s as u32)
        })
        .collect();
    let mut free = (0..n).filter(|&s| !taken[s]);
    for o in out.iter_mut().filter(|o| o.is_none()) {
        *o = free.next().map(|s| s as u32);
    }
    out.into_iter().map(|o| o.unwrap_or_default()).collect()
}

#[cfg(test)]
mod tests {
    use super::assign;
    use proptest::prelude::*;

    #[test]
    fn kept_items_keep_their_element_and_new_ones_take_the_freed() {
        // 7 and 9 stay, 8 is gone: 5 takes its slot, 6 a new one.
        assert_eq!(assign(&[7, 8, 9], &[5, 7, 9, 6]), vec![1, 0, 2, 3]);
        // Fewer items: the one in a slot beyond the count moves into a freed one.
        assert_eq!(assign(&[1, 2, 3], &[3, 1]), vec![1, 0]);
        assert_eq!(assign::<u32>(&[], &[]), Vec::<u32>::new());
    }

    proptest! {
        #[test]
        fn slots_are_a_permutation_and_kept_keys_stay(
            prev in proptest::collection::btree_set(0u16..60, 0..40),
            next in proptest::collection::btree_set(0u16..60, 0..40),
            seed in any::<u64>(),
        ) {
            // Any order of keys (the frame's order is not the key order).
            let mut prev: Vec<u16> = prev.into_iter().collect();
            let mut next: Vec<u16> = next.into_iter().collect();
            let rot = |v: &mut Vec<u16>| if !v.is_empty() { let k = (seed as usize) % v.len(); v.rotate_left(k) };
            rot(&mut prev);
            rot(&mut next);
            let slots = assign(&prev, &next);
            let mut sorted = slots.clone();
            sorted.sort_unstable();
            prop_assert_eq!(sorted, (0..next.len() as u32).collect::<Vec<_>>());
            for (i, k) in next.iter().enumerate() {
                if let Some(s) = prev.iter().position(|p| p == k) {
                    if s < next.len() {
                        prop_assert_eq!(slots[i] as usize, s, "key {} kept its slot", k);
                    }
                }
            }
        }
    }
}
