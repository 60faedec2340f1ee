//! nianbao: a linter for 法治政府建设年度报告 (annual reports on building rule-of-law
//! government).
//!
//! Data flows one way: bytes → [`decode`] / [`docx`] → [`source::Source`] →
//! [`outline::Outline`] (pest) → [`rules`] → [`diagnostic::Diagnostic`]s → [`render`]ers;
//! [`fix`] and [`writeback`] turn findings' fixes into a rewritten file.

pub mod config;
pub mod copied;
pub mod decode;
pub mod diagnostic;
pub mod display;
pub mod docx;
pub mod files;
pub mod fix;
pub mod hant;
pub mod html;
pub mod inline;
pub mod input;
pub mod lint;
pub mod outline;
pub mod pdf;
pub mod protect;
pub mod render;
pub mod rules;
pub mod run_in;
pub mod sentence;
pub mod source;
pub mod suppress;
pub mod words;
pub mod writeback;
