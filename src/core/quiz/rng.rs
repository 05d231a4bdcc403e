//! The generator's randomness: splitmix64 seeded from the seed text (FNV-1a), the
//! same on every platform, and the new seeds the setup form offers.

/// A new seed from some entropy (the app passes a random number): 8 base-36 digits.
pub fn seed_text(entropy: u64) -> String {
    let mut x = Rng::new(entropy).next_u64();
    (0..8)
        .map(|_| {
            let d = (x % 36) as u8;
            x /= 36;
            (if d < 10 { b'0' + d } else { b'a' + d - 10 }) as char
        })
        .collect()
}

/// splitmix64: small, fast, and the same on every platform.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// Seeded from text (FNV-1a of its bytes).
    pub fn from_text(text: &str) -> Rng {
        Rng(fnv(FNV_OFFSET, text.as_bytes()))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when n is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

pub(super) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

pub(super) fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::quiz::spec::valid_seed;

    #[test]
    fn the_rng_is_splitmix64() {
        // Reference values of splitmix64 from seed 0 (as published with the algorithm).
        let mut r = Rng::new(0);
        assert_eq!(r.next_u64(), 0xe220_a839_7b1d_cdaf);
        assert_eq!(r.next_u64(), 0x6e78_9e6a_a1b9_65f4);
        // FNV-1a 64 of "a".
        assert_eq!(fnv(FNV_OFFSET, b"a"), 0xaf63_dc4c_8601_ec8c);
        let s = seed_text(12345);
        assert_eq!(s.len(), 8);
        assert!(valid_seed(&s));
        assert_eq!(s, seed_text(12345));
        assert_ne!(s, seed_text(12346));
    }
}
