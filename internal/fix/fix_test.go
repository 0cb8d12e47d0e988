package fix

import (
	"bytes"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/rules"
)

func finding(edits ...rules.Edit) rules.Finding {
	return rules.Finding{Fixes: []rules.Fix{{Description: "d", Edits: edits}}}
}

// TestApply: edits keep every other byte, overlapping fixes after the first
// are skipped, out-of-range ones never applied, and a byte order mark
// (which edits count) stays.
func TestApply(t *testing.T) {
	src := []byte("a: aws # keep\r\nb: GET\r\n")
	out, applied := Apply(src, []rules.Finding{
		finding(rules.Edit{Start: 3, End: 6, New: "AWS"}),
		{}, // no fix
		finding(rules.Edit{Start: 18, End: 21, New: "POST"}),
		finding(rules.Edit{Start: 4, End: 5, New: "X"}),    // overlaps the first
		finding(rules.Edit{Start: 90, End: 95, New: "no"}), // past the end
	})
	if string(out) != "a: AWS # keep\r\nb: POST\r\n" {
		t.Errorf("got %q", out)
	}
	if want := []bool{true, false, true, false, false}; !equal(applied, want) {
		t.Errorf("applied %v, want %v", applied, want)
	}
	withBOM := append([]byte("\xef\xbb\xbf"), src...)
	out, _ = Apply(withBOM, []rules.Finding{finding(rules.Edit{Start: 6, End: 9, New: "AWS"})})
	if string(out) != "\xef\xbb\xbfa: AWS # keep\r\nb: GET\r\n" {
		t.Errorf("with a BOM: got %q", out)
	}
}

func equal(a, b []bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestDiff: hunks with three lines of context, merged when close, and a
// missing final newline said as git says it.
func TestDiff(t *testing.T) {
	old := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20"
	new := strings.Replace(strings.Replace(old, "\n2\n", "\nTWO\n", 1), "\n20", "\nTWENTY", 1)
	var buf bytes.Buffer
	if err := Diff(&buf, "api.yaml", []byte(old), []byte(new)); err != nil {
		t.Fatal(err)
	}
	want := `--- a/api.yaml
+++ b/api.yaml
@@ -1,5 +1,5 @@
 1
-2
+TWO
 3
 4
 5
@@ -17,4 +17,4 @@
 17
 18
 19
-20
\ No newline at end of file
+TWENTY
\ No newline at end of file
`
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
	buf.Reset()
	Diff(&buf, "x", []byte("same"), []byte("same"))
	if buf.Len() != 0 {
		t.Errorf("equal texts gave %q", buf.String())
	}
}
