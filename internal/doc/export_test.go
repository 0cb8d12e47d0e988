package doc

// Unescape is unescape, for the tests of package doc_test.
var Unescape = unescape
