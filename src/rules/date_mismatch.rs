//! `date-mismatch`: the metadata 成文日期 disagrees with the signature date.

use super::report_dates::{self, chinese};
use super::{Document, Rule};
use crate::config::{Config, Level};
use crate::diagnostic::Diagnostic;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub severity: Level,
    /// Metadata keys whose value is the document's 成文日期.
    pub written_keys: Vec<String>,
}

pub const SUMMARY: &str = "网页元数据的成文日期与落款日期不一致";

pub const DOC: &str = "\
检查内容
  网页元数据中的成文日期（written-keys，如“成文日期”）与文末落款日期是否为同一天。
  不一致时在落款日期处报告，并注明元数据中的日期。发布时间、公开日期等不是成文日期，
  不参与比较。

依据
  GB/T 9704-2012《党政机关公文格式》规定落款中的日期即成文日期；
  《政府信息公开条例》要求公开的信息准确。两处成文日期不同，
  说明发布的不是定稿，或元数据填错，读者无法确定公文何时形成。

示例
  落款 2023年12月25日，网页“成文日期” 2024-02-19
  → 核对定稿，使落款与元数据一致。

设置
  [rules.date-mismatch] written-keys = [\"成文日期\"]";

pub struct Check {
    written_keys: Vec<String>,
}

impl Check {
    pub fn new(settings: &Settings, _: &Config) -> Self {
        Check {
            written_keys: settings.written_keys.clone(),
        }
    }
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let Some(signed) = report_dates::signature(doc) else {
            return;
        };
        let written = report_dates::from_meta(doc, &self.written_keys);
        let Some(other) = written.iter().find(|m| m.value != signed.value) else {
            return;
        };
        let (s, m) = (chinese(signed.value), chinese(other.value));
        let line = doc.source.position(other.span.start).0;
        out.push(
            Diagnostic::new(
                signed.span.clone(),
                format!("落款日期（{s}）与{}（{m}）不一致", other.origin.describe()),
            )
            .label(format!("落款为{s}"))
            .note(format!("第 {line} 行{}为{m}", other.origin.describe()))
            .help("核对定稿的成文日期，使落款与网页元数据一致"),
        );
    }
}
