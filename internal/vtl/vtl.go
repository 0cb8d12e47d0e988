// Package vtl reads API Gateway mapping templates the way Apache
// Velocity's lexer does, without evaluating them: enough to know their
// block structure (#if ... #end), the references they make
// ($input.json(...)) and the variables they assign. Mapping templates are
// described in the API Gateway developer guide, "Mapping templates for
// REST APIs"
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/models-mappings.html);
// the language is the Velocity Template Language
// (https://velocity.apache.org/engine/1.7/vtl-reference.html).
//
// API Gateway runs Velocity 1.7 semantics (hyphens are allowed in
// identifiers: the documented #set($context.requestOverride.
// header.X-Amz-Target = ...) only parses there); where 1.7 and 2.x differ
// in a way that changes the structure, the scan says it is unsure instead
// of guessing.
//
// Lexer facts the scan relies on (Velocity's Parser.jj):
//   - after '#', a directive name is the longest run of [A-Za-z0-9_] (WORD);
//     "#endpoint" and "#iffy" are words, not #end and #if;
//   - #{name} is the same as #name;
//   - ## comments to the end of the line, #* ... *# and #[[ ... ]]# anywhere;
//   - an odd number of backslashes before #name escapes it;
//   - inside directive and method arguments, "..." and '...' are string
//     tokens, so a # or ) inside them is not structure;
//   - a '#' followed by anything else, or a word that names no directive or
//     macro ("#fff" in CSS, "#n_owner" in a DynamoDB expression), is text.
package vtl

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Result is what a scan learnt about one template.
type Result struct {
	// Problem is the first structural error, or nil.
	Problem *Problem
	// Unsure is set when the structure cannot be judged for certain (a
	// construct whose meaning differs between Velocity versions, a
	// Terraform %{ } directive); no Problem is reported after it is set.
	Unsure bool
	// HasVTL reports whether the template holds anything Velocity acts on:
	// a '$', a directive, a comment, an escape or unparsed content.
	HasVTL bool
	// Refs are the references read, in order.
	Refs []Ref
	// Vars are the variables the template defines with #set, #foreach,
	// #macro parameters or #define; ContextSet the $context members it
	// assigns with #set($context.NAME...).
	Vars       map[string]bool
	ContextSet map[string]bool
}

// Problem is a structural error at byte offset Off of the template. Msg
// names template lines (1-based) where it refers to places.
type Problem struct {
	Off int
	Msg string
}

// Ref is one reference: $root.name.name(...) at byte offset Off (its '$').
// Names holds the root and the member names that follow it up to the first
// index ([...]); Call[i] tells whether Names[i] is followed by an argument
// list.
type Ref struct {
	Off   int
	Names []string
	Call  []bool
}

// block is an open block directive.
type block struct {
	name    string // "if", "foreach", "macro", "define" or "@name"
	off     int
	hasElse bool
}

type scanner struct {
	s      string
	base   int // offset of s in the whole template (for string literals)
	out    *Result
	stack  []block
	macros map[string]bool
	failed bool // a Problem was recorded: structure is no longer followed
	inner  bool // reading the inside of a string literal: references only
	depth  int  // nesting of argument lists being read
}

// maxDepth bounds the nesting of argument lists ($a.b($c.d(...))) the
// scan follows; deeper templates are not judged.
const maxDepth = 200

// Scan reads template text. It never fails: what it cannot follow makes
// the result Unsure.
func Scan(text string) *Result {
	out := &Result{} // Vars and ContextSet are made on first use (setVar)
	sc := &scanner{s: text, out: out, macros: map[string]bool{}}
	sc.run(0, len(text))
	if !sc.failed && !out.Unsure && len(sc.stack) > 0 {
		sc.unclosed()
	}
	return out
}

// Line returns the 1-based line of byte offset off in s: the template
// line a Problem message counts in. An offset past the end counts as the
// end.
func Line(s string, off int) int {
	return 1 + strings.Count(s[:min(off, len(s))], "\n")
}

// LineCol returns the 1-based line and column (in code points) of byte
// offset off in s. An offset past the end counts as the end.
func LineCol(s string, off int) (line, col int) {
	off = min(off, len(s))
	start := strings.LastIndexByte(s[:off], '\n') + 1
	return Line(s, off), 1 + utf8.RuneCountInString(s[start:off])
}

// setVar adds name to a set of Result, making it on first use: most
// templates set nothing, and a large document has thousands of them.
func setVar(m *map[string]bool, name string) {
	if *m == nil {
		*m = map[string]bool{}
	}
	(*m)[name] = true
}

func (sc *scanner) line(off int) int { return Line(sc.s, off) }

// lineAt is a message argument standing for the template line of an
// offset, worked out only when the message is kept.
type lineAt int

// fail records a structural problem unless one is recorded already or the
// structure is uncertain.
func (sc *scanner) fail(off int, format string, args ...any) {
	if sc.inner || sc.failed || sc.out.Unsure {
		return
	}
	for i, a := range args {
		if l, ok := a.(lineAt); ok {
			args[i] = sc.line(int(l))
		}
	}
	sc.failed = true
	sc.out.Problem = &Problem{Off: sc.base + off, Msg: fmt.Sprintf(format, args...)}
}

func (sc *scanner) unsure() {
	if !sc.inner {
		sc.out.Unsure = true
	}
}

// run reads s[i:end] as template text (Velocity's DEFAULT state).
func (sc *scanner) run(i, end int) {
	for i < end {
		switch sc.s[i] {
		case '\\':
			i = sc.backslash(i)
		case '#':
			i = sc.hash(i)
		case '$':
			var ok bool
			if i, ok = sc.ref(i); !ok {
				sc.unsure() // Velocity may read a call left open as text, or fail
			}
		case '%':
			if i+1 < len(sc.s) && sc.s[i+1] == '{' {
				sc.unsure() // a Terraform template directive decides what VTL remains
			}
			i++
		default:
			i++
		}
	}
}

// backslash reads a run of backslashes at i and what it escapes.
func (sc *scanner) backslash(i int) int {
	j := i
	for j < len(sc.s) && sc.s[j] == '\\' {
		j++
	}
	odd := (j-i)%2 == 1
	if j >= len(sc.s) || !odd {
		return j // an even run escapes nothing: what follows is read as usual
	}
	switch sc.s[j] {
	case '#':
		name, after := sc.word(j + 1)
		if name == "" {
			return j
		}
		if directives[name] || sc.macros[name] {
			sc.out.HasVTL = true // \#if renders as #if
		}
		return after
	case '$':
		sc.out.HasVTL = true
		return j + 1 // \$ref renders as text: its name is not a reference
	}
	return j
}

// directives are Velocity's built-in directives.
var directives = map[string]bool{
	"if": true, "elseif": true, "else": true, "end": true, "set": true, "foreach": true,
	"macro": true, "define": true, "break": true, "stop": true, "include": true,
	"parse": true, "evaluate": true,
}

// word reads a directive name after a '#' at i: a WORD or a {WORD}. It
// returns the name ("" when there is none) and the offset after it.
func (sc *scanner) word(i int) (string, int) {
	s := sc.s
	if i < len(s) && s[i] == '{' {
		n := wordLen(s, i+1)
		if n > 0 && i+1+n < len(s) && s[i+1+n] == '}' {
			return s[i+1 : i+1+n], i + n + 2
		}
		return "", i
	}
	n := wordLen(s, i)
	return s[i : i+n], i + n
}

// wordLen is the length of the WORD at s[i:]: a letter, _ or @, then
// letters, digits and _.
func wordLen(s string, i int) int {
	if i >= len(s) || !(isLetter(s[i]) || s[i] == '_' || s[i] == '@') {
		return 0
	}
	j := i + 1
	for j < len(s) && (isLetter(s[j]) || isDigit(s[j]) || s[j] == '_') {
		j++
	}
	return j - i
}

// identLen is the length of the identifier at s[i:]: a letter or _, then
// letters, digits, _ and - (Velocity 1.7 identifiers).
func identLen(s string, i int) int {
	if i >= len(s) || !(isLetter(s[i]) || s[i] == '_') {
		return 0
	}
	j := i + 1
	for j < len(s) && (isLetter(s[j]) || isDigit(s[j]) || s[j] == '_' || s[j] == '-') {
		j++
	}
	return j - i
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// skipSpace skips spaces and tabs, and newlines too when nl is set.
func (sc *scanner) skipSpace(i int, nl bool) int {
	for i < len(sc.s) {
		switch sc.s[i] {
		case ' ', '\t':
		case '\n', '\r':
			if !nl {
				return i
			}
		default:
			return i
		}
		i++
	}
	return i
}

// hash reads what starts with the '#' at i.
func (sc *scanner) hash(i int) int {
	s := sc.s
	if strings.HasPrefix(s[i:], "##") {
		sc.out.HasVTL = true
		if k := strings.IndexByte(s[i:], '\n'); k >= 0 {
			return i + k
		}
		return len(s)
	}
	for _, b := range skipped {
		if !strings.HasPrefix(s[i:], b.open) {
			continue
		}
		sc.out.HasVTL = true
		if k := strings.Index(s[i+len(b.open):], b.close); k >= 0 {
			return i + len(b.open) + k + len(b.close)
		}
		sc.fail(i, "%s %s at template line %d is never closed by %s", b.open, b.what, lineAt(i), b.close)
		return len(s)
	}
	name, after := sc.word(i + 1)
	if name == "" {
		return i + 1 // a lone '#', "#1", "# " ...: text
	}
	switch {
	case name == "if" || name == "elseif":
		sc.out.HasVTL = true
		j := sc.skipSpace(after, true)
		if j >= len(s) || s[j] != '(' {
			sc.fail(i, "#%s at template line %d has no condition; expected #%s(condition)", name, lineAt(i), name)
			return after
		}
		end, ok := sc.group(j)
		if !ok {
			sc.fail(i, "condition of #%s at template line %d has an unclosed parenthesis; expected #%s(condition)", name, lineAt(i), name)
			return end
		}
		if name == "if" {
			sc.push("if", i)
		} else {
			sc.branch(i, "elseif")
		}
		return end
	case name == "else":
		sc.out.HasVTL = true
		sc.branch(i, "else")
		return after
	case name == "end":
		sc.out.HasVTL = true
		if len(sc.stack) == 0 {
			sc.fail(i, "#end at template line %d closes no block; every #end must match an #if, #foreach, #macro or #define", lineAt(i))
		} else if !sc.failed {
			sc.stack = sc.stack[:len(sc.stack)-1]
		}
		return after
	case name == "set":
		j := sc.skipSpace(after, false)
		sc.out.HasVTL = true
		if j >= len(s) || s[j] != '(' {
			return after // not the #set( token: Velocity reads the word as text
		}
		n := len(sc.out.Refs)
		end, ok := sc.group(j)
		if !ok {
			sc.fail(i, "#set at template line %d has an unclosed parenthesis; expected #set($name = value)", lineAt(i))
			return end
		}
		if n < len(sc.out.Refs) && !sc.inner {
			lhs := sc.out.Refs[n]
			switch {
			case len(lhs.Names) == 1:
				setVar(&sc.out.Vars, lhs.Names[0])
			case lhs.Names[0] == "context":
				setVar(&sc.out.ContextSet, lhs.Names[1])
			}
		}
		return end
	case name == "foreach" || name == "macro" || name == "define" || name[0] == '@':
		sc.out.HasVTL = true
		if name[0] == '@' && !sc.macros[name[1:]] {
			sc.unsure() // a block macro call of a macro not defined here
		}
		j := sc.skipSpace(after, true)
		end := after
		if j < len(s) && s[j] == '(' {
			n := len(sc.out.Refs)
			var ok bool
			end, ok = sc.group(j)
			if !ok {
				sc.fail(i, "#%s at template line %d has an unclosed parenthesis; expected #%s(...)", name, lineAt(i), name)
				return end
			}
			if !sc.inner {
				sc.defines(name, s[j+1:end-1], sc.out.Refs[n:])
			}
		}
		sc.push(name, i)
		return end
	case directives[name] || sc.macros[name]: // break, stop, include, parse, evaluate, macro calls
		sc.out.HasVTL = true
		j := sc.skipSpace(after, true)
		if j < len(s) && s[j] == '(' {
			end, ok := sc.group(j)
			if !ok {
				sc.fail(i, "#%s at template line %d has an unclosed parenthesis", name, lineAt(i))
			}
			return end
		}
		return after
	}
	// An unknown word: text for Velocity 1.7. Velocity 2 reads a following
	// (...) as arguments, so a '#' inside them would be read differently.
	if j := sc.skipSpace(after, false); j < len(s) && s[j] == '(' {
		sc.out.HasVTL = true
		if k := strings.IndexByte(s[j:], ')'); k < 0 || strings.ContainsAny(s[j:j+k], "#\"'") {
			sc.unsure()
		}
	}
	return after
}

// defines records what a #foreach, #macro or #define defines, from its
// argument text args and the references read in it.
func (sc *scanner) defines(name, args string, refs []Ref) {
	switch name {
	case "foreach", "define":
		if len(refs) > 0 && len(refs[0].Names) == 1 {
			setVar(&sc.out.Vars, refs[0].Names[0])
		}
	case "macro":
		a := strings.TrimLeft(args, " \t\r\n")
		if n := wordLen(a, 0); n > 0 {
			sc.macros[a[:n]] = true
		}
		for _, r := range refs {
			if len(r.Names) == 1 {
				setVar(&sc.out.Vars, r.Names[0])
			}
		}
	}
}

func (sc *scanner) push(name string, off int) {
	if !sc.failed && !sc.inner {
		sc.stack = append(sc.stack, block{name: name, off: off})
	}
}

// branch checks an #elseif or #else at off against the open block.
func (sc *scanner) branch(off int, name string) {
	if sc.failed || sc.inner {
		return
	}
	if len(sc.stack) == 0 {
		sc.fail(off, "#%s at template line %d is outside any #if; it must sit between an #if and its #end", name, lineAt(off))
		return
	}
	top := &sc.stack[len(sc.stack)-1]
	switch {
	case top.name == "foreach" && name == "else" && !top.hasElse:
		// Velocity 2 takes #foreach ... #else ... #end; 1.7 does not
		sc.unsure()
		top.hasElse = true
	case top.name != "if":
		sc.fail(off, "#%s at template line %d is inside #%s (template line %d), not an #if; close the #%s with #end first", name, lineAt(off), top.name, lineAt(top.off), top.name)
	case top.hasElse:
		sc.fail(off, "#%s at template line %d follows the #else of the #if at template line %d; #else must be the last branch", name, lineAt(off), lineAt(top.off))
	case name == "else":
		top.hasElse = true
	}
}

// unclosed reports the blocks left open at the end of the template, at the
// innermost one.
func (sc *scanner) unclosed() {
	var names []string
	for _, b := range sc.stack {
		names = append(names, fmt.Sprintf("#%s at template line %d", b.name, sc.line(b.off)))
	}
	last := sc.stack[len(sc.stack)-1]
	if len(names) == 1 {
		sc.fail(last.off, "%s is never closed; add its #end", names[0])
		return
	}
	sc.fail(last.off, "%s are never closed; add an #end for each", andList(names))
}

// andList renders a list as "a, b and c".
func andList(list []string) string {
	return strings.Join(list[:len(list)-1], ", ") + " and " + list[len(list)-1]
}

// ref reads the reference whose '$' is at i and returns the offset after
// it. A '$' that starts no reference is text. ok is false when a method
// call of the reference is not closed before the end of the template.
func (sc *scanner) ref(i int) (int, bool) {
	s := sc.s
	sc.out.HasVTL = true
	j := i + 1
	if j < len(s) && s[j] == '!' {
		j++
	}
	formal := j < len(s) && s[j] == '{'
	if formal {
		j++
	}
	n := identLen(s, j)
	if n == 0 {
		return i + 1, true
	}
	r := Ref{Off: sc.base + i, Names: []string{s[j : j+n]}, Call: []bool{false}}
	k := len(sc.out.Refs)
	sc.out.Refs = append(sc.out.Refs, r)
	j += n
	named := true // still recording member names
	for j < len(s) {
		if s[j] == '[' {
			n := len(sc.out.Refs)
			end, ok := sc.groupOf(j, '[', ']')
			if !ok {
				// not an index: the text after '[' is read again, and
				// with it the references it holds
				sc.out.Refs = sc.out.Refs[:n]
				break
			}
			named = false
			j = end
			continue
		}
		if s[j] == '.' {
			m := identLen(s, j+1)
			if m == 0 {
				break
			}
			name := s[j+1 : j+1+m]
			j += 1 + m
			call := j < len(s) && s[j] == '('
			if named {
				sc.out.Refs[k].Names = append(sc.out.Refs[k].Names, name)
				sc.out.Refs[k].Call = append(sc.out.Refs[k].Call, call)
			}
			if call {
				end, ok := sc.group(j)
				if !ok {
					return end, false
				}
				j = end
			}
			continue
		}
		break
	}
	if formal {
		if j < len(s) && s[j] == '|' { // ${name|alternate}
			if k := strings.IndexByte(s[j:], '}'); k >= 0 {
				return j + k + 1, true
			}
		}
		if j < len(s) && s[j] == '}' {
			j++
		}
	}
	return j, true
}

// group reads the parenthesised argument list starting at s[j] == '('.
func (sc *scanner) group(j int) (int, bool) { return sc.groupOf(j, '(', ')') }

// groupOf reads a bracketed group starting at s[j] == open as Velocity's
// DIRECTIVE and REFMOD2 states do: string literals are tokens, brackets
// nest and references are read. It returns the offset after the closing
// bracket; ok is false when the template ends first. That is certain even
// when a '#' comes before the end: no closing bracket is left anywhere.
func (sc *scanner) groupOf(j int, open, close byte) (int, bool) {
	s := sc.s
	if sc.depth >= maxDepth {
		sc.unsure()
		return len(s), true
	}
	sc.depth++
	defer func() { sc.depth-- }()
	depth := 0
	hash := false // a comment or directive inside the arguments
	for k := j; k < len(s); {
		switch c := s[k]; {
		case c == open:
			depth++
			k++
		case c == close:
			depth--
			k++
			if depth == 0 {
				if hash {
					sc.unsure() // Velocity may not take it as the closing bracket
				}
				return k, true
			}
		case c == '"' || c == '\'':
			end, ok := sc.stringLit(k)
			if !ok {
				sc.unsure()
				return len(s), true // not judged: an unterminated string is reported by nobody
			}
			k = end
		case c == '$':
			var ok bool
			if k, ok = sc.ref(k); !ok {
				return k, false // the call inside is left open, and so is this group
			}
		case c == '#':
			hash = true
			k++
		default:
			k++
		}
	}
	return len(s), false
}

// stringLit reads the string literal whose quote is at i and returns the
// offset after it. Double-quoted strings are interpolated: their references
// are read too. ok is false when the string is not closed on its line, or
// holds \" (an escaped quote for Velocity 1.7, the end of the string for 2).
func (sc *scanner) stringLit(i int) (int, bool) {
	s := sc.s
	q := s[i]
	for k := i + 1; k < len(s); k++ {
		switch s[k] {
		case '\n', '\r':
			return k, false
		case '\\':
			if q == '"' && k+1 < len(s) && s[k+1] == '"' {
				return k, false
			}
		case q:
			if k+1 < len(s) && s[k+1] == q { // "" and '' stand for a quote
				k++
				continue
			}
			if q == '"' {
				sc.interpolate(i+1, k)
			}
			return k + 1, true
		}
	}
	return len(s), false
}

// interpolate reads the references in the double-quoted string s[i:end].
func (sc *scanner) interpolate(i, end int) {
	if !strings.ContainsRune(sc.s[i:end], '$') {
		return
	}
	in := &scanner{s: sc.s[i:end], base: sc.base + i, out: sc.out, macros: sc.macros, inner: true, depth: sc.depth}
	in.run(0, len(in.s))
}

// skipped are the spans VTL skips whole: block comments and unparsed
// content.
var skipped = []struct{ open, close, what string }{
	{"#*", "*#", "comment"},
	{"#[[", "]]#", "unparsed content"},
}
