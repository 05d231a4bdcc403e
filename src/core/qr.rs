//! The quiz link as a QR code, for a projector or a printed sheet: the
//! `qrcodegen` crate's encoder (small, no dependencies), drawn as one SVG path
//! (a horizontal run of dark modules is one rectangle).

use qrcodegen::{QrCode, QrCodeEcc, QrSegment, Version};

/// A QR code ready to draw: `size` modules a side plus a quiet zone of
/// [`BORDER`] on each side, the dark modules as SVG path data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Qr {
    pub size: i32,
    pub path: String,
}

/// The quiet zone the standard asks for, in modules.
pub const BORDER: i32 = 4;

impl Qr {
    /// The code of `text` at error correction level M (a projected or
    /// photocopied code survives some damage); `None` if the text is too long
    /// for any QR version.
    pub fn new(text: &str) -> Option<Qr> {
        let segs = QrSegment::make_segments(text);
        // Level M kept (not raised where the version would allow): the same
        // code as other encoders make, so a reader's result is predictable.
        let code = QrCode::encode_segments_advanced(
            &segs,
            QrCodeEcc::Medium,
            Version::MIN,
            Version::MAX,
            None,
            false,
        )
        .ok()?;
        let size = code.size();
        let mut path = String::new();
        for y in 0..size {
            let mut x = 0;
            while x < size {
                if !code.get_module(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < size && code.get_module(x, y) {
                    x += 1;
                }
                let w = x - start;
                path.push_str(&format!("M{} {}h{w}v1h-{w}z", start + BORDER, y + BORDER));
            }
        }
        Some(Qr { size, path })
    }

    /// The SVG's `viewBox`: the code and its quiet zone.
    pub fn view_box(&self) -> String {
        let side = self.size + 2 * BORDER;
        format!("0 0 {side} {side}")
    }

    /// The dark modules read back from the path (for tests): row-major.
    pub fn modules(&self) -> Vec<bool> {
        let n = self.size as usize;
        let mut out = vec![false; n * n];
        for run in self.path.split('M').filter(|r| !r.is_empty()) {
            let (xy, rest) = run.split_once('h').unwrap_or_default();
            let (x, y) = xy.split_once(' ').unwrap_or_default();
            let w: usize = rest.split('v').next().unwrap_or("0").parse().unwrap_or(0);
            let (x, y): (usize, usize) = (x.parse().unwrap_or(0), y.parse().unwrap_or(0));
            for i in 0..w {
                out[(y - BORDER as usize) * n + x - BORDER as usize + i] = true;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same text encoded by an independent encoder (Python's `qrcode` 8.2:
    /// `QRCode(version=4, error_correction=ERROR_CORRECT_M, mask_pattern=5)`,
    /// `add_data(text, optimize=0)`), one row a line, 1 = dark. (`segno` 1.6.6
    /// chooses the same version, level and mask but pads differently; both decode.)
    const INDEPENDENT: [&str; 33] = [
        "111111100011000001100110001111111",
        "100000101110011010100010101000001",
        "101110101011010010001110101011101",
        "101110101000100101101100101011101",
        "101110100100100100011001001011101",
        "100000100011000010101010001000001",
        "111111101010101010101010101111111",
        "000000001010001000000001100000000",
        "100000101101111101011010011001110",
        "010111001101100110010011000011110",
        "011100111110000111101110010010100",
        "001100000100001100111010001111101",
        "100101101000011111100000001100010",
        "110011011111001010110001011001011",
        "000011101110111001100110111101010",
        "101111011011001100110001010011101",
        "011100110001110001000000110110001",
        "010011001000001101110001001001111",
        "000101110001100100010101001101101",
        "000001010011001111111000101011110",
        "110111111101100010000000100011001",
        "111001011100000011110101110011000",
        "100011111000110110101010110000010",
        "100001001011100000010001110000101",
        "111010110100110110011001111110001",
        "000000001001100100111100100010101",
        "111111100011001100100111101010110",
        "100000100001101010011001100011111",
        "101110100101011000101010111111010",
        "101110100110100011010100110111011",
        "101110100101110010110001000110111",
        "100000100110011110010011011110100",
        "111111101101001001011010110101010",
    ];

    #[test]
    fn a_link_encodes_as_an_independent_encoder_does() {
        let qr = Qr::new("https://example.org/tarikh/#/quiz?n=10&v=2&seed=k3f9a2").unwrap();
        assert_eq!(qr.size, 33);
        let want: Vec<bool> = INDEPENDENT
            .iter()
            .flat_map(|r| r.bytes().map(|b| b == b'1'))
            .collect();
        let rows = |m: &[bool]| -> Vec<String> {
            m.chunks(33)
                .map(|r| r.iter().map(|&d| if d { '1' } else { '0' }).collect())
                .collect()
        };
        assert_eq!(rows(&qr.modules()), rows(&want));
        assert_eq!(qr.view_box(), "0 0 41 41");
    }

    #[test]
    fn a_long_quiz_link_still_fits() {
        let long = format!(
            "https://example.org/#/quiz?{}",
            "also=place:khiva/from:1918&".repeat(20)
        );
        let qr = Qr::new(&long).unwrap();
        assert!(qr.size > 33 && qr.size <= 177, "{}", qr.size);
        assert!(Qr::new(&"x".repeat(5000)).is_none());
    }
}
