//! Decimal numbers written and read without Rust's float formatting and
//! parsing machinery (tens of kilobytes of wasm the map would otherwise bring
//! into the first load): fixed decimals by integer arithmetic.

/// `v` with `decimals` digits after the point (trailing zeros dropped), e.g.
/// `fixed(12.345, 1)` = "12.3", `fixed(-0.04, 1)` = "0", `fixed(3.0, 2)` = "3".
pub fn fixed(v: f64, decimals: u32) -> String {
    if !v.is_finite() {
        return "0".into();
    }
    let scale = 10i64.pow(decimals);
    let n = (v * scale as f64).round() as i64;
    let (neg, n) = (n < 0, n.unsigned_abs());
    let (int, mut frac) = (n / scale as u64, n % scale as u64);
    let mut s = if neg {
        format!("-{int}")
    } else {
        int.to_string()
    };
    if frac > 0 {
        let mut digits = decimals;
        while frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
        s.push_str(&format!(".{frac:0width$}", width = digits as usize));
    }
    s
}

/// Reads `-12.5`, `3`, `+0.25`, `.5` (no exponent); `None` for anything else.
pub fn decimal(s: &str) -> Option<f64> {
    let s = s.trim();
    let (neg, s) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if (int.is_empty() && frac.is_empty())
        || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
        || int.len() + frac.len() > 15
    {
        return None;
    }
    let whole: u64 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let part: u64 = if frac.is_empty() {
        0
    } else {
        frac.parse().ok()?
    };
    let v = whole as f64 + part as f64 / 10f64.powi(frac.len() as i32);
    Some(if neg { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_fixed_decimals() {
        assert_eq!(fixed(12.345, 1), "12.3");
        assert_eq!(fixed(12.35, 2), "12.35");
        assert_eq!(fixed(3.0, 2), "3");
        assert_eq!(fixed(0.5, 0), "1");
        assert_eq!(fixed(-7.25, 1), "-7.3");
        assert_eq!(fixed(-0.04, 1), "0");
        assert_eq!(fixed(0.00123, 5), "0.00123");
        assert_eq!(fixed(f64::NAN, 2), "0");
    }

    #[test]
    fn reads_decimals() {
        assert_eq!(decimal("-12.5"), Some(-12.5));
        assert_eq!(decimal("3"), Some(3.0));
        assert_eq!(decimal("+.25"), Some(0.25));
        assert_eq!(decimal(" 66.90 "), Some(66.9));
        for bad in ["", "-", ".", "1e3", "abc", "1.2.3", "NaN", "inf", "1,5"] {
            assert_eq!(decimal(bad), None, "{bad:?}");
        }
    }
}
