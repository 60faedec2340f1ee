//! Build steps that make a process start sooner (a linter run on every save starts often):
//!
//! - The built-in rule set, `rules/default.toml`, is converted to JSON: every run starts
//!   from these defaults, and serde_json reads them in a fraction of the time a TOML
//!   parser takes (parsing the 60 KB file was a third of a one-report run).
//! - On Linux the binary is linked as a fixed-address executable (`-no-pie`): as a
//!   position-independent one, the loader first patched about 38,000 addresses in
//!   800 KB of tables (the dependencies' static string tables), a quarter of a one-report
//!   run. The cost is that the program's own code is not placed at a random address
//!   (the libraries, stack and heap still are); the program is safe Rust with one
//!   reviewed `unsafe` block.

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=rules/default.toml");
    println!("cargo::rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
    let text = std::fs::read_to_string("rules/default.toml").expect("rules/default.toml");
    let value: toml::Table = toml::from_str(&text).expect("rules/default.toml is valid TOML");
    let json = serde_json::to_string(&value).expect("a TOML table converts to JSON");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("default.json"), json).expect("OUT_DIR is writable");
}
