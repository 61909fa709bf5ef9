//! One stable sort for the whole crate. `slice::sort_by` is generic over the element and the
//! comparator, so each of the crate's dozen call sites carried its own copy of the standard
//! library's sort (about 4 KB of WebAssembly each, 50 KB in all). Here the sorting itself runs
//! once, on indices, through a `dyn` comparator; each call site adds only the few bytes that
//! apply the order. The sort is stable, like `sort_by`.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut order, &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots.get_mut(i).and_then(Option::take)));
}

/// Sorts `v` by the key `key` gives each element, stably (the key is computed per comparison).
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in its natural order.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

#[inline(never)]
fn sort_indices(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorts_like_the_standard_library_and_stays_stable() {
        let input: Vec<(u8, usize)> = [5u8, 3, 5, 1, 3, 9, 0, 5].iter().enumerate().map(|(i, &k)| (k, i)).collect();
        let mut ours = input.clone();
        super::sort_by_key(&mut ours, |&(k, _)| k);
        let mut std = input.clone();
        std.sort_by_key(|&(k, _)| k);
        assert_eq!(ours, std, "equal keys keep their order");
        let mut words = vec!["配偶", "本人", "子女", "b", "a"];
        super::sort(&mut words);
        assert_eq!(words, ["a", "b", "子女", "本人", "配偶"]);
        let mut none: Vec<u8> = vec![];
        super::sort(&mut none);
        assert!(none.is_empty());
    }
}
