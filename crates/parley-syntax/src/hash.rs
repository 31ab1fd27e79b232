//! Feature hashing: every feature is a `u64` made by mixing a template id
//! with small integer or pre-hashed values, so prediction never builds a
//! string. The mixing step is FxHash's; a final avalanche (MurmurHash3's
//! `fmix64`) spreads the bits so that low bits can index a table.

const K: u64 = 0x517c_c1b7_2722_0a95;

/// One FxHash step.
#[inline]
pub(crate) const fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

/// MurmurHash3's 64-bit finaliser; never returns 0 (0 marks an empty slot).
#[inline]
pub(crate) const fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    if h == 0 {
        1
    } else {
        h
    }
}

/// A feature from a template id and one value.
#[inline]
pub(crate) const fn f1(template: u64, a: u64) -> u64 {
    finish(mix(mix(template, a), 1))
}

/// A feature from a template id and two values.
#[inline]
pub(crate) fn f2(template: u64, a: u64, b: u64) -> u64 {
    finish(mix(mix(mix(template, a), b), 2))
}

/// A feature from a template id and three values.
#[inline]
pub(crate) fn f3(template: u64, a: u64, b: u64, c: u64) -> u64 {
    finish(mix(mix(mix(mix(template, a), b), c), 3))
}

/// Hash of a string's chars, as written.
pub(crate) fn hash_str(s: &str) -> u64 {
    finish(s.chars().fold(0x9e37_79b9_7f4a_7c15, |h, c| mix(h, u64::from(c))))
}

/// Hash of a string's chars, lowercased (no allocation).
pub(crate) fn hash_lower(s: &str) -> u64 {
    hash_lower_chars(s.chars())
}

/// Hash of chars, lowercased; equal to [`hash_lower`] of the same text.
pub(crate) fn hash_lower_chars(chars: impl Iterator<Item = char>) -> u64 {
    let mut h = 0x9e37_79b9_7f4a_7c15;
    for c in chars {
        for l in c.to_lowercase() {
            h = mix(h, u64::from(l));
        }
    }
    finish(h)
}

/// A `BuildHasher` for maps keyed by already-hashed `u64` features.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct IdentityBuild;

/// Passes a `u64` key through (keys are already well mixed).
#[derive(Debug, Default)]
pub(crate) struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl std::hash::BuildHasher for IdentityBuild {
    type Hasher = IdentityHasher;
    fn build_hasher(&self) -> IdentityHasher {
        IdentityHasher(0)
    }
}

/// A deterministic pseudo-random generator (SplitMix64) for shuffling and
/// exploration, so training reproduces bit for bit from a seed.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    pub(crate) fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Fisher-Yates shuffle.
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_differ_by_template_and_order() {
        let a = hash_str("bank");
        let b = hash_str("river");
        assert_ne!(f1(1, a), f1(2, a));
        assert_ne!(f2(1, a, b), f2(1, b, a));
        assert_ne!(f2(1, a, b), f3(1, a, b, 0));
        assert_eq!(f2(7, a, b), f2(7, a, b));
        assert_ne!(f1(0, 0), 0);
    }

    #[test]
    fn lower_hash_ignores_case_only() {
        assert_eq!(hash_lower("Bank"), hash_lower("bANK"));
        assert_eq!(hash_lower("Bank"), hash_lower_chars("BANK".chars()));
        assert_ne!(hash_lower("bank"), hash_lower("banks"));
        assert_ne!(hash_str("Bank"), hash_str("bank"));
    }

    #[test]
    fn rng_is_deterministic() {
        let mut a = Rng::new(42);
        let mut b = Rng::new(42);
        let mut xs: Vec<u32> = (0..20).collect();
        let mut ys = xs.clone();
        a.shuffle(&mut xs);
        b.shuffle(&mut ys);
        assert_eq!(xs, ys);
        assert_ne!(xs, (0..20).collect::<Vec<_>>());
        let f = a.next_f64();
        assert!((0.0..1.0).contains(&f));
    }
}
