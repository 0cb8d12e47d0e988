package javaregex

import (
	"strings"
	"testing"
)

// FuzzCheck checks patterns of any shape. Asserted: no panic; the verdict
// is the same twice; a rejection has a reason; and what Java accepts stays
// accepted in contexts that cannot change its syntax: inside a
// non-capturing group, and next to a quoted literal \Q...\E. (A pattern
// holding \Q is left out of the group test: an unclosed \Q quotes the
// group's ')' too, in Java as here.)
func FuzzCheck(f *testing.F) {
	for _, c := range cases {
		f.Add(c.pattern)
	}
	for _, p := range gaps {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p string) {
		err := Check(p)
		if again := Check(p); (err == nil) != (again == nil) || err != nil && err.Error() != again.Error() {
			t.Fatalf("%q: two checks differ: %v, then %v", p, err, again)
		}
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("%q: rejected without a reason", p)
			}
			return
		}
		if !strings.Contains(p, `\Q`) {
			if err := Check("(?:" + p + ")"); err != nil {
				t.Fatalf("%q is accepted, but (?:%s) is not: %v", p, p, err)
			}
		}
		if err := Check(p + `\Qx)(\E`); err != nil && !strings.Contains(p, `\Q`) {
			t.Fatalf("%q is accepted, but not followed by a quoted literal: %v", p, err)
		}
	})
}
