//! JSON as every output prints it: pretty-printed like `serde_json::to_string_pretty`
//! (two spaces a level), but from any depth of an enclosing document, and with the
//! characters that could drive a terminal written as `\uXXXX` escapes as the strings
//! are written (see [`crate::display::write_json_safe`]).

use serde::Serialize;
use serde_json::ser::Formatter;
use std::io::{self, Write};

/// One level of indentation.
const INDENT: &[u8] = b"  ";

/// A pretty-printing formatter whose value starts `depth` levels deep: its inner lines
/// are indented one level more, its closing bracket `depth` levels.
pub struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    pub fn at(depth: usize) -> Pretty {
        Pretty {
            depth,
            has_value: false,
        }
    }
}

/// Writes `depth` levels of indentation.
pub fn indent<W: ?Sized + Write>(out: &mut W, depth: usize) -> io::Result<()> {
    const SPACES: &[u8] = &[b' '; 64];
    let mut left = INDENT.len() * depth;
    while left > 0 {
        let n = left.min(SPACES.len());
        out.write_all(&SPACES[..n])?;
        left -= n;
    }
    Ok(())
}

impl Pretty {
    /// Opens an array or object with `bracket`, one level deeper.
    fn open<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    /// Closes an array or object with `bracket`, on a line of its own if it has values.
    fn close<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            out.write_all(b"\n")?;
            indent(out, self.depth)?;
        }
        out.write_all(bracket)
    }

    /// Starts an element or a key on a new line, after a comma unless it is the first.
    fn item<W: ?Sized + Write>(&self, out: &mut W, first: bool) -> io::Result<()> {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        indent(out, self.depth)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.item(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.item(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    /// serde_json escapes C0 controls, quotes and backslashes itself (through
    /// `write_char_escape`); the other unsafe characters come here.
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        out: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        crate::display::write_json_safe(out, fragment)
    }
}

/// Writes `value` as it prints `depth` levels deep (its first line not indented).
pub fn write<W: ?Sized + Write>(
    out: &mut W,
    value: &impl Serialize,
    depth: usize,
) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, Pretty::at(depth));
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// `value` as a document of its own.
pub fn to_string(value: &impl Serialize) -> String {
    let mut out = Vec::with_capacity(256);
    write(&mut out, value, 0).expect("values serialise to memory");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn at(value: &serde_json::Value, depth: usize) -> String {
        let mut out = Vec::new();
        indent(&mut out, depth).unwrap();
        write(&mut out, value, depth).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn prints_as_serde_json_does_indented_by_the_depth() {
        let value = json!({
            "a": [1, {"b": [], "c": {}}, [[]], "x"],
            "d": {"e": null, "f": [true, 2.5]},
            "g": "法治“政府”\t\"\\",
        });
        let plain = serde_json::to_string_pretty(&value).unwrap();
        assert_eq!(to_string(&value), plain);
        for depth in [1, 3, 40] {
            let pad = "  ".repeat(depth);
            let expected: Vec<String> = plain.lines().map(|l| format!("{pad}{l}")).collect();
            assert_eq!(at(&value, depth), expected.join("\n"), "depth {depth}");
        }
        assert_eq!(at(&json!([]), 2), "    []");
    }

    #[test]
    fn unsafe_characters_come_out_escaped() {
        let text = "a\u{1b}[31m\u{202e}b\u{85}\u{7f}\u{9b}\u{61c}\u{2066}“c”";
        let value = json!({ text: [text] });
        let printed = to_string(&value);
        assert_eq!(
            printed,
            "{\n  \"a\\u001b[31m\\u202eb\\u0085\\u007f\\u009b\\u061c\\u2066“c”\": [\n    \
             \"a\\u001b[31m\\u202eb\\u0085\\u007f\\u009b\\u061c\\u2066“c”\"\n  ]\n}"
        );
        let back: serde_json::Value = serde_json::from_str(&printed).unwrap();
        assert_eq!(back, value);
    }
}
