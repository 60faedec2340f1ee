//! OLE compound files (the `cfb` crate): what Word stores in one is either an old
//! binary document (`.doc`, `.wps`: a `WordDocument` stream) or a password-protected
//! `.docx` (the zip package encrypted: `EncryptionInfo` + `EncryptedPackage` streams).

use std::io::Cursor;

/// The signature every OLE compound file starts with.
const MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compound {
    /// A password-protected Office Open XML document.
    Encrypted,
    /// An old binary Word or WPS document.
    LegacyWord,
    /// Some other compound file (Excel, PowerPoint, a damaged file …).
    Other,
}

/// What the compound file in `bytes` holds; `None` when `bytes` is not one.
pub fn classify(bytes: &[u8]) -> Option<Compound> {
    if !bytes.starts_with(MAGIC) {
        return None;
    }
    let Ok(file) = cfb::CompoundFile::open(Cursor::new(bytes)) else {
        return Some(Compound::Other);
    };
    Some(
        if file.is_stream("/EncryptionInfo") || file.is_stream("/EncryptedPackage") {
            Compound::Encrypted
        } else if file.is_stream("/WordDocument") {
            Compound::LegacyWord
        } else {
            Compound::Other
        },
    )
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use std::io::Write;

    /// A compound file holding empty-ish streams of these names.
    pub fn compound(streams: &[&str]) -> Vec<u8> {
        let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
        for name in streams {
            let mut stream = file.create_stream(format!("/{name}")).unwrap();
            stream.write_all(b"\x01\x02\x03\x04").unwrap();
        }
        file.flush().unwrap();
        file.into_inner().into_inner()
    }

    #[test]
    fn tells_encrypted_from_legacy() {
        let encrypted = compound(&["EncryptionInfo", "EncryptedPackage"]);
        assert_eq!(classify(&encrypted), Some(Compound::Encrypted));
        let doc = compound(&["WordDocument", "1Table"]);
        assert_eq!(classify(&doc), Some(Compound::LegacyWord));
        assert_eq!(classify(&compound(&["Workbook"])), Some(Compound::Other));
        let mut damaged = MAGIC.to_vec();
        damaged.resize(600, 0);
        assert_eq!(classify(&damaged), Some(Compound::Other));
        assert_eq!(classify(b"PK\x03\x04"), None);
    }
}
