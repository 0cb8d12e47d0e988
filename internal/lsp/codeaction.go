package lsp

import (
	"encoding/json"
	"strings"

	"github.com/apigwlint/apigwlint/internal/rules"
)

// codeActions offers, for each apigwlint diagnostic of the request, its
// fixes (the edits --fix would make), preferred, and a quick fix that
// disables its rule on that line: an apigwlint:ignore comment on its own
// line above it, at the line's indentation. JSON has no comments, so a
// JSON document gets no such comment.
func (s *Server) codeActions(params json.RawMessage) (any, *rpcError) {
	var p struct {
		TextDocument struct {
			URI string `json:"uri"`
		} `json:"textDocument"`
		Context struct {
			Diagnostics []diagnostic `json:"diagnostics"`
		} `json:"context"`
	}
	if err := json.Unmarshal(params, &p); err != nil {
		return nil, badParams("textDocument/codeAction", err)
	}
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	text := ""
	var fixes []published
	if d != nil {
		text, fixes = d.text, d.fixes
	}
	s.mu.Unlock()
	actions := []any{}
	if d == nil {
		return actions, nil
	}
	for _, diag := range p.Context.Diagnostics {
		for _, f := range fixes {
			if f.code == diag.Code && f.rng == diag.Range {
				actions = append(actions, map[string]any{
					"title": "Fix: " + f.description, "kind": "quickfix", "isPreferred": true,
					"diagnostics": []diagnostic{diag},
					"edit":        map[string]any{"changes": map[string]any{p.TextDocument.URI: f.edits}},
				})
			}
		}
	}
	if strings.HasPrefix(strings.TrimSpace(text), "{") || strings.HasPrefix(strings.TrimSpace(text), "[") {
		return actions, nil
	}
	x := newLineIndex(text)
	for _, diag := range p.Context.Diagnostics {
		r := rules.ByID(diag.Code)
		if diag.Source != "apigwlint" || r == nil || r.Name == rules.SuppressionRule {
			continue
		}
		line := x.line(diag.Range.Start.Line + 1)
		indent := line[:len(line)-len(strings.TrimLeft(line, " "))]
		comment := indent + "# apigwlint:ignore " + r.ID + " TODO: say why this is right here\n"
		at := position{Line: diag.Range.Start.Line, Character: 0}
		actions = append(actions, map[string]any{
			"title":       "Disable " + r.ID + " (" + r.Name + ") on this line",
			"kind":        "quickfix",
			"diagnostics": []diagnostic{diag},
			"edit": map[string]any{"changes": map[string]any{
				p.TextDocument.URI: []any{map[string]any{"range": lspRange{at, at}, "newText": comment}},
			}},
		})
	}
	return actions, nil
}
