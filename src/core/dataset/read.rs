//! Reads the dataset blob back (the writer is `crates/tarikh-data/src/codegen.rs`):
//! the [`Read`] of each plain value here, the records' in the generated code.
//! The blob is the build's own output, so it is trusted: a malformed one is a
//! bug of the build and panics on the first read (the native tests read it all).

use super::super::date::{self, Date};
use super::super::model::{DisputeKind, SeeAlso};

/// Cursors over the blob's two parts — the records, then the distinct texts
/// (each ended by a NUL) — with the texts seen so far.
pub struct Reader {
    blob: &'static [u8],
    at: usize,
    end: usize,
    text: usize,
    strings: Vec<&'static str>,
}

impl Reader {
    pub fn new(blob: &'static [u8]) -> Reader {
        let mut r = Reader {
            blob,
            at: 0,
            end: 0,
            text: 0,
            strings: Vec::new(),
        };
        let len = r.varint() as usize;
        r.end = r.at + len;
        r.text = r.end;
        r
    }

    /// The next value, of the type the caller asks for.
    pub fn read<T: Read>(&mut self) -> T {
        T::read(self)
    }

    /// Checks the whole blob was read (the reader and the writer agree).
    pub fn finish(self) {
        assert!(
            self.at == self.end && self.text == self.blob.len(),
            "the dataset blob was not read to its end"
        );
    }

    fn byte(&mut self) -> u8 {
        let b = self.blob[self.at];
        self.at += 1;
        b
    }

    fn varint(&mut self) -> u64 {
        let (mut v, mut shift) = (0u64, 0);
        loop {
            let b = self.byte();
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return v;
            }
            shift += 7;
        }
    }
}

/// A value the blob holds.
pub trait Read {
    fn read(r: &mut Reader) -> Self;
}

impl Read for &'static str {
    fn read(r: &mut Reader) -> Self {
        match r.varint() as usize {
            0 => {
                let rest = &r.blob[r.text..];
                let len = rest
                    .iter()
                    .position(|&b| b == 0)
                    .expect("a NUL ends each text");
                r.text += len + 1;
                let s =
                    std::str::from_utf8(&rest[..len]).expect("the dataset blob's text is UTF-8");
                r.strings.push(s);
                s
            }
            n => r.strings[n - 1],
        }
    }
}

impl Read for bool {
    fn read(r: &mut Reader) -> Self {
        r.byte() != 0
    }
}

impl Read for u8 {
    fn read(r: &mut Reader) -> Self {
        r.varint() as u8
    }
}

impl Read for u16 {
    fn read(r: &mut Reader) -> Self {
        r.varint() as u16
    }
}

impl Read for u32 {
    fn read(r: &mut Reader) -> Self {
        r.varint() as u32
    }
}

impl Read for f64 {
    fn read(r: &mut Reader) -> Self {
        let mut b = [0; 8];
        b.copy_from_slice(&r.blob[r.at..r.at + 8]);
        r.at += 8;
        f64::from_le_bytes(b)
    }
}

impl<T: Read> Read for Option<T> {
    fn read(r: &mut Reader) -> Self {
        (r.byte() != 0).then(|| r.read())
    }
}

/// A list becomes a `'static` slice: the dataset lives as long as the app.
impl<T: Read> Read for &'static [T] {
    fn read(r: &mut Reader) -> Self {
        let n = r.varint() as usize;
        let items: Vec<T> = (0..n).map(|_| r.read()).collect();
        Box::leak(items.into_boxed_slice())
    }
}

impl Read for Date {
    fn read(r: &mut Reader) -> Self {
        date::packed::get(r.blob, &mut r.at)
    }
}

impl Read for DisputeKind {
    fn read(r: &mut Reader) -> Self {
        match <&str>::read(r) {
            "BetweenSources" => DisputeKind::BetweenSources,
            "WithinSource" => DisputeKind::WithinSource,
            _ => DisputeKind::Unsupported,
        }
    }
}

impl Read for SeeAlso {
    fn read(r: &mut Reader) -> Self {
        let tag = r.byte();
        let i = r.varint();
        match tag {
            0 => SeeAlso::Org(i as u16),
            1 => SeeAlso::Event(i as u32),
            2 => SeeAlso::Dispute(i as u16),
            _ => SeeAlso::Person(i as u16),
        }
    }
}
