package loader

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestLongLineSpans checks exact columns and end columns on a minified
// one-line JSON document much longer than the checkpoint spacing, with
// multi-byte characters before the values.
func TestLongLineSpans(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"swagger":"2.0","info":{"title":"é€","version":"1"},"paths":{`)
	for i := 0; i < 400; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"/p%d€":{"get":{"x-amazon-apigateway-integration":{"type":"mock","uri":"u%d"}}}`, i, i)
	}
	b.WriteString("}}")
	src := b.String()
	res, err := Load("min.json", []byte(src), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Integrations) != 400 {
		t.Fatalf("got %d integrations", len(res.Integrations))
	}
	for i, in := range res.Integrations {
		v := in.Field("uri").Value
		sp := res.File.SpanOf(v)
		want := fmt.Sprintf(`"u%d"`, i)
		byteOff := strings.Index(src, `"uri":`+want) + len(`"uri":`)
		col := utf8.RuneCountInString(src[:byteOff]) + 1
		if sp.Line != 1 || sp.Col != col || sp.EndCol != col+utf8.RuneCountInString(want) {
			t.Fatalf("integration %d: span %+v, want line 1 col %d end %d", i, sp, col, col+len(want))
		}
	}
}
