package loader

import (
	"strconv"
	"strings"
	"time"

	"github.com/apigwlint/apigwlint/internal/lazyre"
)

// resolvePlain returns the tag the YAML library resolves an untagged plain
// scalar to: a port of resolve in go.yaml.in/yaml/v4's
// internal/libyaml/resolver.go, reduced to the tag (YAML 1.2 booleans and
// nulls, ints in any base with underscores, floats, timestamps, "<<").
// TestResolvePlainMatchesLibrary holds it to the library.
func resolvePlain(s string) string {
	if s == "" {
		return "!!null"
	}
	hint := resolveHint(s[0])
	if hint == 0 {
		return "!!str" // the common case: a letter, "/", ...
	}
	switch s {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool"
	case "~", "null", "Null", "NULL":
		return "!!null"
	case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "-0", "-0.0":
		return "!!float"
	case "<<":
		return "!!merge"
	}
	switch hint {
	case '.':
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return "!!float"
		}
	case 'D', 'S':
		if isTimestamp(s) {
			return "!!timestamp"
		}
		plain := strings.ReplaceAll(s, "_", "")
		if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
			return "!!int"
		}
		if _, err := strconv.ParseUint(strings.TrimPrefix(plain, "+"), 0, 64); err == nil {
			return "!!int"
		}
		if yamlStyleFloat().MatchString(plain) {
			if _, err := strconv.ParseFloat(plain, 64); err == nil {
				return "!!float"
			}
		}
	}
	return "!!str"
}

// resolveHint is the library's resolveTable: which first characters may
// make a plain scalar anything but a string.
func resolveHint(c byte) byte {
	switch {
	case c == '+' || c == '-':
		return 'S'
	case c >= '0' && c <= '9':
		return 'D'
	case c == '.':
		return '.'
	}
	switch c {
	case 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O', '~', '<':
		return 'M'
	}
	return 0
}

var yamlStyleFloat = lazyre.New(`^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$`)

var timestampFormats = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

// isTimestamp is the library's parseTimestamp: four digits and a "-",
// then one of its formats.
func isTimestamp(s string) bool {
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; c < '0' || c > '9' {
			break
		}
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for _, f := range timestampFormats {
		if _, err := time.Parse(f, s); err == nil {
			return true
		}
	}
	return false
}
