package lazyre

import "testing"

func TestNew(t *testing.T) {
	re := New(`^a+b$`)
	if re() != re() {
		t.Fatal("New compiled the expression twice")
	}
	if !re().MatchString("aab") || re().MatchString("ba") {
		t.Fatal("wrong matches")
	}
	if err := CompileAll(); err != nil {
		t.Fatal(err)
	}
	New(`(`)
	if err := CompileAll(); err == nil {
		t.Fatal("CompileAll accepted an invalid expression")
	}
	patterns = patterns[:len(patterns)-1]
}
