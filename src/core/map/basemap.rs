//! The basemap file the build writes (`scripts/basemap.mjs`), read back: SVG
//! path data per layer and a few labels. Its header names the projection and
//! frame it was drawn in; a file made for another one is refused (markers and
//! coastlines would not line up).

use super::project::{FRAME, HEIGHT, LAMBDA0, PHI0, PHI1, PHI2, WIDTH};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Basemap {
    /// Land (filled; the Caspian is a hole in it).
    pub land: String,
    /// Lakes (the Aral Sea, Balkhash, …).
    pub lakes: String,
    /// Present-day borders (lines).
    pub borders: String,
    /// Sea names: x, y (map units), text.
    pub labels: Vec<(f64, f64, String)>,
}

impl Basemap {
    /// Reads the file; an error says what does not fit.
    pub fn parse(text: &str) -> Result<Basemap, String> {
        let mut lines = text.lines();
        if lines.next() != Some("tarikh-basemap 1") {
            return Err("not a Tarikh basemap (version 1)".into());
        }
        let nums = |l: Option<&str>, key: &str| -> Result<Vec<f64>, String> {
            let l = l
                .and_then(|l| l.strip_prefix(key))
                .ok_or(format!("no {key}line"))?;
            l.split_whitespace()
                .map(|v| super::num::decimal(v).ok_or(format!("bad number in {key}line: {v}")))
                .collect()
        };
        let frame = nums(lines.next(), "frame ")?;
        let want = [FRAME[0], FRAME[1], FRAME[2], FRAME[3], WIDTH, HEIGHT];
        if frame.len() != 6 || frame.iter().zip(want).any(|(a, b)| (a - b).abs() > 1e-9) {
            return Err("drawn in another frame than the app's".into());
        }
        let proj = nums(lines.next(), "proj albers ")?;
        if proj != [PHI1, PHI2, PHI0, LAMBDA0] {
            return Err("drawn in another projection than the app's".into());
        }
        let mut map = Basemap::default();
        for line in lines {
            let (key, rest) = line.split_once(' ').unwrap_or((line, ""));
            match key {
                "land" => map.land = rest.to_string(),
                "lakes" => map.lakes = rest.to_string(),
                "borders" => map.borders = rest.to_string(),
                "label" => {
                    let mut p = rest.splitn(3, ' ');
                    let x = p.next().and_then(super::num::decimal);
                    let y = p.next().and_then(super::num::decimal);
                    if let (Some(x), Some(y), Some(t)) = (x, y, p.next()) {
                        map.labels.push((x, y, t.to_string()));
                    }
                }
                _ => {}
            }
        }
        if map.land.is_empty() {
            return Err("the basemap has no land".into());
        }
        Ok(map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(frame: &str) -> String {
        format!("tarikh-basemap 1\nframe {frame}\nproj albers 35 55 45 60\nland M0 0l10 0 0 10z\nlakes \nborders M1 1l2 2\nlabel 828 690 Caspian Sea\n")
    }

    #[test]
    fn reads_the_layers_and_labels() {
        let m = Basemap::parse(&file("-0.68 -0.45 0.68 0.43 2000 1294")).unwrap();
        assert_eq!(m.land, "M0 0l10 0 0 10z");
        assert_eq!(m.borders, "M1 1l2 2");
        assert_eq!(m.labels, vec![(828.0, 690.0, "Caspian Sea".to_string())]);
    }

    #[test]
    fn refuses_a_file_drawn_for_another_frame() {
        let e = Basemap::parse(&file("-1 -0.45 0.68 0.43 2000 1294")).unwrap_err();
        assert!(e.contains("another frame"), "{e}");
        assert!(Basemap::parse("<html>").is_err());
    }
}
