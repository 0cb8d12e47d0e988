// Package javaregex checks the syntax of Java regular expressions, the
// language of java.util.regex.Pattern
// (https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/regex/Pattern.html).
// API Gateway compiles the selectionPattern of an integration response
// with it, so a pattern Go's regexp (RE2) rejects may be valid there, and
// the other way round.
//
// The check follows Pattern's own parser without compiling anything; it
// never runs a pattern.
package javaregex

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Check reports why Java would reject pattern, as an error whose text is a
// short lower-case reason ("unclosed group"), or nil when Java would accept
// it or when the checker cannot tell. It is a syntax check that follows
// Pattern's own parser, not Go's regexp: lookaround, atomic groups,
// possessive quantifiers, backreferences and Java-only escapes are valid.
//
// It is conservative where Java's verdict depends on data it does not model:
// property names (\p{...}) and Unicode character names (\N{...}) are not
// looked up, look-behind groups are not checked for a bounded length, and a
// pattern that turns on comments mode (the x flag) or is not valid UTF-8 is
// not judged at all.
func Check(pattern string) (err error) {
	if !utf8.ValidString(pattern) {
		return nil
	}
	j := &parser{s: []rune(pattern), names: map[string]bool{}}
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(failure)
			if !ok {
				panic(r)
			}
			if e != giveUp {
				err = errors.New(string(e))
			}
		}
	}()
	j.expr()
	if j.i < len(j.s) {
		j.fail("unmatched closing ')'") // expr stops only at ')' or the end
	}
	return nil
}

// failure carries a syntax error out of the recursive parser; the giveUp
// failure means the pattern is not judged.
type failure string

const giveUp failure = ""

type parser struct {
	s     []rune
	i     int
	names map[string]bool // named groups defined so far
}

func (j *parser) fail(format string, args ...any) {
	panic(failure(fmt.Sprintf(format, args...)))
}

func (j *parser) end() bool { return j.i >= len(j.s) }

// peek returns the rune at offset k from the cursor, or -1 past the end.
func (j *parser) peek(k int) rune {
	if j.i+k < len(j.s) {
		return j.s[j.i+k]
	}
	return -1
}

// expr parses alternatives up to a ')' or the end of the pattern.
func (j *parser) expr() {
	for {
		j.sequence()
		if j.peek(0) != '|' {
			return
		}
		j.i++
	}
}

// sequence parses atoms, each followed by at most one quantifier.
func (j *parser) sequence() {
	for !j.end() {
		switch c := j.s[j.i]; c {
		case '|', ')':
			return
		case '(':
			if !j.group() {
				continue // an inline-flags group such as (?i) takes no quantifier
			}
		case '[':
			j.class()
		case '\\':
			j.escape(false)
		case '?', '*', '+':
			j.fail("dangling meta character '%c'", c)
		case '{':
			// Java reads an empty atom here: "{2}" is valid, "{a" is not.
		default:
			j.i++ // a literal, '^', '$', '.', or a dangling ']' or '}'
		}
		j.quantifier()
	}
}

// quantifier parses one optional quantifier after an atom.
func (j *parser) quantifier() {
	switch j.peek(0) {
	case '?', '*', '+':
		j.i++
	case '{':
		if !isDigit(j.peek(1)) {
			j.fail("illegal repetition: '{' must start a counted quantifier {n}, {n,} or {n,m}; escape it as \\{")
		}
		j.i++
		lo := j.number()
		hi := lo
		if j.peek(0) == ',' {
			j.i++
			hi = -1
			if isDigit(j.peek(0)) {
				hi = j.number()
			}
		}
		if j.peek(0) != '}' {
			j.fail("unclosed counted quantifier")
		}
		j.i++
		if lo < 0 || (hi != -1 && (hi < 0 || hi < lo)) {
			j.fail("illegal repetition range")
		}
	default:
		return
	}
	if c := j.peek(0); c == '?' || c == '+' {
		j.i++ // lazy or possessive
	}
}

// number reads decimal digits; it returns -1 when the value overflows an
// int32, which Java reports as an illegal repetition range.
func (j *parser) number() int {
	n := 0
	for isDigit(j.peek(0)) {
		if n >= 0 {
			n = n*10 + int(j.s[j.i]-'0')
			if n > 1<<31-1 {
				n = -1
			}
		}
		j.i++
	}
	return n
}

// group parses a group at '('. It returns false for an inline-flags group
// such as (?i), which Java does not let a quantifier follow.
func (j *parser) group() bool {
	j.i++
	if j.peek(0) == '?' {
		j.i++
		switch c := j.peek(0); c {
		case ':', '=', '!', '>':
			j.i++
		case '<':
			j.i++
			switch c2 := j.peek(0); {
			case c2 == '=' || c2 == '!':
				j.i++ // look-behind
			case isLetter(c2):
				name := j.groupName()
				if j.names[name] {
					j.fail("named capturing group <%s> is already defined", name)
				}
				j.names[name] = true
			default:
				j.fail("unknown look-behind group")
			}
		case '$', '@':
			j.fail("unknown group type")
		default:
			j.flags()
			switch j.peek(0) {
			case ')':
				j.i++
				return false
			case ':':
				j.i++
			default:
				j.fail("unknown inline modifier")
			}
		}
	}
	j.expr()
	if j.peek(0) != ')' {
		j.fail("unclosed group")
	}
	j.i++
	return true
}

// flags reads the letters of (?idmsuxU-idmsuxU); comments mode (x) changes
// how the rest of the pattern is read, so such a pattern is not judged.
func (j *parser) flags() {
	for {
		switch c := j.peek(0); c {
		case 'x':
			panic(giveUp)
		case 'i', 'm', 's', 'd', 'u', 'c', 'U', '-':
			j.i++
		default:
			return
		}
	}
}

// groupName reads the name of a named group or \k reference and its '>'.
func (j *parser) groupName() string {
	start := j.i
	for isLetter(j.peek(0)) || isDigit(j.peek(0)) {
		j.i++
	}
	if j.peek(0) != '>' {
		j.fail("named capturing group is missing trailing '>' (names are ASCII letters and digits)")
	}
	name := string(j.s[start:j.i])
	j.i++
	return name
}

// class parses a character class at '[', nested classes and && included.
func (j *parser) class() {
	j.i++
	if j.peek(0) == '^' {
		j.i++
	}
	empty := true // a ']' before any member is a literal
	for {
		switch c := j.peek(0); {
		case c == -1:
			j.fail("unclosed character class")
		case c == '[':
			j.class()
		case c == '&' && j.peek(1) == '&':
			j.i += 2
		case c == ']' && !empty:
			j.i++
			return
		default:
			j.rangeMember()
		}
		empty = false
	}
}

// rangeMember parses a single character, a class escape or a range a-z.
func (j *parser) rangeMember() {
	lo, isChar := j.classChar()
	if !isChar || j.peek(0) != '-' {
		return
	}
	switch j.peek(1) {
	case '[', ']', -1:
		return // the '-' is a literal, read next
	}
	j.i++
	hi, isChar := j.classChar()
	if isChar && hi < lo {
		j.fail("illegal character range %c-%c", lo, hi)
	}
}

// classChar reads one member of a class; isChar is false for escapes that
// stand for a set (\d, \p{L}) or for several characters (\Q...\E).
func (j *parser) classChar() (rune, bool) {
	if j.peek(0) == '\\' {
		return j.escape(true)
	}
	c := j.s[j.i]
	j.i++
	return c, true
}

// escape parses an escape sequence at '\'. It returns the character it
// stands for and true, or false when it is not a single character.
func (j *parser) escape(inClass bool) (rune, bool) {
	j.i++
	if j.end() {
		j.fail("trailing backslash")
	}
	c := j.s[j.i]
	j.i++
	switch c {
	case 'Q':
		for j.i < len(j.s) && !(j.s[j.i] == '\\' && j.peek(1) == 'E') {
			j.i++
		}
		j.i = min(j.i+2, len(j.s))
		return 0, false
	case '0':
		if !isOctal(j.peek(0)) {
			j.fail("illegal octal escape sequence: \\0 must be followed by octal digits")
		}
		n := j.s[j.i] - '0'
		j.i++
		if isOctal(j.peek(0)) {
			m := j.s[j.i] - '0'
			j.i++
			n = n*8 + m
			if isOctal(j.peek(0)) && n < 040 {
				n = n*8 + (j.s[j.i] - '0')
				j.i++
			}
		}
		return n, true
	case '1', '2', '3', '4', '5', '6', '7', '8', '9':
		if inClass {
			j.fail("illegal escape sequence \\%c in a character class", c)
		}
		for isDigit(j.peek(0)) {
			j.i++ // a backreference
		}
		return 0, false
	case 'A', 'G', 'Z', 'z', 'B', 'R', 'X':
		if inClass {
			j.fail("illegal escape sequence \\%c in a character class", c)
		}
		return 0, false
	case 'b':
		if inClass {
			j.fail("illegal escape sequence \\b in a character class")
		}
		if j.peek(0) == '{' {
			j.braced("unclosed boundary escape sequence")
		}
		return 0, false
	case 'k':
		if inClass {
			j.fail("illegal escape sequence \\k in a character class")
		}
		if j.peek(0) != '<' {
			j.fail("\\k is not followed by '<' for a named capturing group")
		}
		j.i++
		if name := j.groupName(); !j.names[name] {
			j.fail("named capturing group <%s> does not exist", name)
		}
		return 0, false
	case 'N':
		if j.peek(0) != '{' {
			j.fail("illegal character name escape sequence")
		}
		j.braced("unclosed character name escape sequence")
		return 0, false
	case 'p', 'P':
		switch n := j.peek(0); {
		case n == '{':
			if j.peek(1) == '}' {
				j.fail("empty character family \\%c{}", c)
			}
			j.braced("unclosed character family")
		case strings.ContainsRune("CLMNPSZ", n):
			j.i++ // a one-letter general category such as \pL
		default:
			j.fail("unknown character property: a one-letter \\%c takes C, L, M, N, P, S or Z; write other names as \\%c{Name}", c, c)
		}
		return 0, false
	case 'c':
		if j.end() {
			j.fail("illegal control escape sequence")
		}
		j.i++
		return 0, false
	case 'x':
		if isHex(j.peek(0)) && isHex(j.peek(1)) {
			j.i += 2
			return 0, false
		}
		if j.peek(0) == '{' && isHex(j.peek(1)) {
			j.i++
			n := 0
			for isHex(j.peek(0)) {
				n = n*16 + hexVal(j.s[j.i])
				if n > utf8.MaxRune {
					j.fail("hexadecimal codepoint is too big")
				}
				j.i++
			}
			if j.peek(0) != '}' {
				j.fail("unclosed hexadecimal escape sequence")
			}
			j.i++
			return rune(n), true
		}
		j.fail("illegal hexadecimal escape sequence: \\x takes two hex digits or {hex}")
	case 'u':
		n := 0
		for k := 0; k < 4; k++ {
			if !isHex(j.peek(0)) {
				j.fail("illegal Unicode escape sequence: \\u takes four hex digits")
			}
			n = n*16 + hexVal(j.s[j.i])
			j.i++
		}
		return rune(n), true
	case 'd', 'D', 's', 'S', 'w', 'W', 'h', 'H', 'v', 'V':
		return 0, false
	case 't':
		return '\t', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 'f':
		return '\f', true
	case 'a':
		return '\a', true
	case 'e':
		return 0x1b, true
	}
	if isLetter(c) {
		j.fail("illegal/unsupported escape sequence \\%c", c)
	}
	return c, true // an escaped punctuation or non-ASCII character is itself
}

// braced skips a {...} argument of an escape, failing with msg if unclosed.
func (j *parser) braced(msg string) {
	for j.i++; !j.end() && j.s[j.i] != '}'; j.i++ {
	}
	if j.end() {
		j.fail("%s", msg)
	}
	j.i++
}

func isDigit(c rune) bool  { return c >= '0' && c <= '9' }
func isLetter(c rune) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isOctal(c rune) bool  { return c >= '0' && c <= '7' }
func isHex(c rune) bool {
	return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func hexVal(c rune) int {
	switch {
	case isDigit(c):
		return int(c - '0')
	case c >= 'a':
		return int(c-'a') + 10
	}
	return int(c-'A') + 10
}
