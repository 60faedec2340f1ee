//! Drift checks: the rule registry, `rules/default.toml` and the README agree.

use nianbao::config::{Config, DEFAULT_TOML};
use nianbao::rules::{self, RULES};

fn default_rule_ids() -> Vec<String> {
    let table: toml::Table = DEFAULT_TOML.parse().unwrap();
    table["rules"].as_table().unwrap().keys().cloned().collect()
}

#[test]
fn every_rule_has_a_default_severity_in_default_toml() {
    let table: toml::Table = DEFAULT_TOML.parse().unwrap();
    for r in RULES {
        let entry = table["rules"]
            .get(r.id)
            .unwrap_or_else(|| panic!("{} missing from rules/default.toml", r.id));
        assert!(
            entry.get("severity").is_some(),
            "{} has no severity in rules/default.toml",
            r.id
        );
    }
    assert_eq!(default_rule_ids().len(), RULES.len());
    let config = Config::builtin();
    assert!(
        default_rule_ids()
            .iter()
            .all(|id| config.rules.level(id).is_some() && rules::info(id).is_some())
    );
}

#[test]
fn every_rule_is_documented() {
    for r in RULES {
        assert!(!r.summary.is_empty(), "{} has no summary", r.id);
        for heading in ["检查内容", "依据", "示例", "设置"] {
            assert!(r.doc.contains(heading), "{}'s doc lacks “{heading}”", r.id);
        }
    }
}

#[test]
fn readme_lists_every_rule() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for r in RULES {
        assert!(
            readme.contains(&format!("`{}`", r.id)),
            "README rule table lacks {}",
            r.id
        );
    }
}
