package gen

import (
	"bufio"
	"strconv"
	"strings"
)

// The document is built as a small ordered tree and written by one of two
// emitters. Everything is ordered (no Go maps), so output is byte-for-byte
// deterministic.
type (
	kv struct {
		k string
		v any
	}
	obj []kv
	arr []any
	// lit is multi-line text: a YAML literal block (|-), a JSON string.
	lit string
	// tagged is a CloudFormation short-form intrinsic such as !Sub or
	// !GetAtt on a scalar. It only appears in YAML-only formats; JSON
	// renders it in the long form {"Fn::Sub": "..."}.
	tagged struct{ tag, val string }
	// lazy is a mapping whose entries are produced while it is written, so a
	// document of any size is streamed with little memory.
	lazy func(yield func(kv))
)

// yamlEnc writes block-style YAML with two-space indentation.
type yamlEnc struct{ w *bufio.Writer }

func (e yamlEnc) indent(n int) {
	for ; n > 0; n-- {
		e.w.WriteByte(' ')
	}
}

// mapping writes the entries of m, each at indent; when inline is set, the
// first entry continues the current line (after "- ").
func (e yamlEnc) mapping(m any, indent int, inline bool) {
	first := inline
	each(m, func(p kv) {
		if !first {
			e.indent(indent)
		}
		first = false
		e.entry(p, indent)
	})
}

func (e yamlEnc) entry(p kv, indent int) {
	e.scalar(p.k)
	e.w.WriteByte(':')
	e.value(p.v, indent)
}

// value writes what follows "key:" up to and including the end of line.
func (e yamlEnc) value(v any, indent int) {
	switch v := v.(type) {
	case obj, lazy:
		n := 0
		each(v, func(p kv) {
			if n == 0 {
				e.w.WriteByte('\n')
			}
			n++
			e.indent(indent + 2)
			e.entry(p, indent+2)
		})
		if n == 0 {
			e.w.WriteString(" {}\n")
		}
	case arr:
		if len(v) == 0 {
			e.w.WriteString(" []\n")
			return
		}
		e.w.WriteByte('\n')
		e.seq(v, indent+2)
	case lit:
		e.w.WriteString(" |-\n")
		for _, line := range strings.Split(string(v), "\n") {
			if line != "" {
				e.indent(indent + 2)
				e.w.WriteString(line)
			}
			e.w.WriteByte('\n')
		}
	default:
		e.w.WriteByte(' ')
		e.scalarValue(v)
		e.w.WriteByte('\n')
	}
}

func (e yamlEnc) seq(a arr, indent int) {
	for _, item := range a {
		e.indent(indent)
		e.w.WriteString("- ")
		switch item := item.(type) {
		case obj:
			e.mapping(item, indent+2, true)
		case arr, lit, lazy:
			panic("gen: unsupported sequence item")
		default:
			e.scalarValue(item)
			e.w.WriteByte('\n')
		}
	}
}

func (e yamlEnc) scalarValue(v any) {
	switch v := v.(type) {
	case string:
		e.scalar(v)
	case int:
		e.w.WriteString(strconv.Itoa(v))
	case bool:
		e.w.WriteString(strconv.FormatBool(v))
	case tagged:
		e.w.WriteString(v.tag)
		e.w.WriteByte(' ')
		e.scalar(v.val)
	default:
		panic("gen: unsupported scalar")
	}
}

// scalar writes a string plain when YAML reads it back as the same string,
// double-quoted (with JSON-compatible escapes) otherwise.
func (e yamlEnc) scalar(s string) {
	if plainSafe(s) {
		e.w.WriteString(s)
		return
	}
	writeQuoted(e.w, s)
}

func plainSafe(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '$' || c == '_') {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.IndexByte("-_./{}+$()=,;@&'", c) >= 0:
		case c == ':':
			if i == len(s)-1 || s[i+1] == ' ' {
				return false
			}
		case c == ' ':
			if i == len(s)-1 || s[i+1] == '#' {
				return false
			}
		default:
			return false
		}
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null":
		return false
	}
	return true
}

// writeQuoted writes s as a double-quoted string that JSON and YAML read
// alike.
func writeQuoted(w *bufio.Writer, s string) {
	w.WriteByte('"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var esc string
		switch {
		case c == '"':
			esc = `\"`
		case c == '\\':
			esc = `\\`
		case c == '\n':
			esc = `\n`
		case c == '\t':
			esc = `\t`
		case c < 0x20:
			esc = `\u00` + string("0123456789abcdef"[c>>4]) + string("0123456789abcdef"[c&15])
		default:
			continue
		}
		w.WriteString(s[start:i])
		w.WriteString(esc)
		start = i + 1
	}
	w.WriteString(s[start:])
	w.WriteByte('"')
}

// jsonEnc writes JSON indented by two spaces, as AWS exports do.
type jsonEnc struct{ w *bufio.Writer }

func (e jsonEnc) newline(indent int) {
	e.w.WriteByte('\n')
	for ; indent > 0; indent-- {
		e.w.WriteByte(' ')
	}
}

func (e jsonEnc) value(v any, indent int) {
	switch v := v.(type) {
	case obj, lazy:
		n := 0
		e.w.WriteByte('{')
		each(v, func(p kv) {
			if n > 0 {
				e.w.WriteByte(',')
			}
			n++
			e.newline(indent + 2)
			writeQuoted(e.w, p.k)
			e.w.WriteString(": ")
			e.value(p.v, indent+2)
		})
		if n > 0 {
			e.newline(indent)
		}
		e.w.WriteByte('}')
	case arr:
		e.w.WriteByte('[')
		for i, item := range v {
			if i > 0 {
				e.w.WriteByte(',')
			}
			e.newline(indent + 2)
			e.value(item, indent+2)
		}
		if len(v) > 0 {
			e.newline(indent)
		}
		e.w.WriteByte(']')
	case string:
		writeQuoted(e.w, v)
	case lit:
		writeQuoted(e.w, string(v))
	case int:
		e.w.WriteString(strconv.Itoa(v))
	case bool:
		e.w.WriteString(strconv.FormatBool(v))
	case tagged:
		name := "Fn::" + strings.TrimPrefix(v.tag, "!")
		if v.tag == "!GetAtt" {
			res, attr, _ := strings.Cut(v.val, ".")
			e.value(obj{{name, arr{res, attr}}}, indent)
			return
		}
		e.value(obj{{name, v.val}}, indent)
	default:
		panic("gen: unsupported value")
	}
}

// each calls fn for every entry of an obj or lazy.
func each(m any, fn func(kv)) {
	switch m := m.(type) {
	case obj:
		for _, p := range m {
			fn(p)
		}
	case lazy:
		m(fn)
	}
}
