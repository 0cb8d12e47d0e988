// Package doc is apigwlint's document model: the tree of a parsed file
// (Node, with the position of every value), the API Gateway model read
// from it (APIs, operations, integrations and their fields, whatever the
// file's shape), and the small value API rules use to read it (Get, Pairs,
// Classify, Join, SpanOf ...).
//
// It imports no parser: the loader fills the tree from YAML or JSON, and
// rules see only this package. That is what lets a faster tree, or a new
// input language, arrive without touching a rule.
//
// Columns are 1-based and count Unicode code points (a tab is one column), as
// the YAML parser does; SARIF output declares columnKind "unicodeCodePoints".
package doc
