//! nianbao: a linter for 法治政府建设年度报告 (annual rule-of-law government reports).
