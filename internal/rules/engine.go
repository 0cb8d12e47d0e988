package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"runtime"
	"sort"
	"sync"
)

// Config selects and weighs rules for a run.
type Config struct {
	Options
	Disabled map[string]bool     // rule ids switched off
	Severity map[string]Severity // rule id -> severity overriding the default
}

// Check runs every enabled rule over every integration of a loaded file and
// returns the findings sorted by position. Identical findings (an integration
// reached through two YAML aliases or Fn::If branches) are reported once. A
// panic is re-raised as a *RulePanic naming the rule that was running
// (panic.go), for the driver to report with the file.
func Check(res *doc.Result, cfg *Config) (out []Finding) {
	var running *Rule
	defer func() {
		if v := recover(); v != nil {
			panic(tag(running, v))
		}
	}()
	if cfg == nil {
		cfg = &Config{Options: DefaultOptions}
	}
	// A value that is not an object, or is computed by an intrinsic
	// function, is only judged by the rule about value types.
	objects := make([]bool, len(res.Integrations))
	for i, in := range res.Integrations {
		objects[i] = doc.Classify(in.Node).Kind == doc.KindMap
	}
	var integrationRules []*Rule
	for _, r := range All {
		if cfg.Disabled[r.ID] || r.check.integration == nil && r.check.document == nil && r.check.file == nil {
			continue // switched off, or without a check (suppression: internal/suppress)
		}
		running = r
		rep := reporter{rule: r, file: res.File, out: &out}
		switch {
		case r.check.file != nil:
			r.check.file(&FilePass{reporter: rep, Result: res, Opts: &cfg.Options})
		case r.check.document != nil:
			for _, api := range res.APIs {
				r.check.document(&DocPass{reporter: rep, API: api, Result: res, Opts: &cfg.Options})
			}
		default:
			integrationRules = append(integrationRules, r)
		}
	}
	running = nil
	out = append(out, checkIntegrations(res, cfg, integrationRules, objects)...)
	for i := range out {
		if s, ok := cfg.Severity[out[i].RuleID]; ok {
			out[i].Severity = s
		}
	}
	Sort(out)
	return dedupe(out)
}

// parallelFrom is the number of integrations from which the integration
// rules of one file run on all cores: a large generated API is one file, and
// checking its integrations is independent work. Below it the file is
// checked by one goroutine (many small files already use every core).
const parallelFrom = 500

// checkIntegrations runs the integration rules over every integration, in
// contiguous chunks on several goroutines for large files. The order of the
// findings does not matter: Check sorts them. A panic in a goroutine is
// carried to the caller's, where Check's recover and the driver's see it.
func checkIntegrations(res *doc.Result, cfg *Config, rs []*Rule, objects []bool) []Finding {
	ins := res.Integrations
	workers := 1
	if len(ins) >= parallelFrom {
		workers = min(runtime.GOMAXPROCS(0), 8)
	}
	parts := make([][]Finding, workers)
	panics := make([]*RulePanic, workers)
	chunk := (len(ins) + workers - 1) / workers
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := min(w*chunk, len(ins)), min((w+1)*chunk, len(ins))
		run := func() {
			var running *Rule
			defer func() {
				if v := recover(); v != nil {
					panics[w] = tag(running, v)
				}
			}()
			for _, r := range rs {
				running = r
				p := &Pass{reporter: reporter{rule: r, file: res.File, out: &parts[w]}, Opts: &cfg.Options}
				for i := lo; i < hi; i++ {
					// A value that is not an object, or is computed by an
					// intrinsic, is only judged by the rule about value types.
					if !objects[i] && r.Name != "value-type" {
						continue
					}
					// API Gateway V2 integrations are checked only by the
					// rules that say they apply to them (v2_util.go).
					if !r.check.v2.applies(ins[i]) {
						continue
					}
					p.In = ins[i]
					p.speak = nil
					switch p.In.Shape {
					case doc.ShapeV2Terraform:
						p.speak = doc.TerraformV2Words
					case doc.ShapeTerraform:
						p.speak = doc.TerraformWords
					}
					r.check.integration(p)
				}
			}
		}
		if workers == 1 {
			run()
			break
		}
		wg.Add(1)
		go func() { defer wg.Done(); run() }()
	}
	wg.Wait()
	var out []Finding
	for w := range workers {
		if panics[w] != nil {
			panic(panics[w])
		}
		out = append(out, parts[w]...)
	}
	return out
}

// Sort orders findings by file, position, rule and message.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		switch {
		case a.File != b.File:
			return a.File < b.File
		case a.Line != b.Line:
			return a.Line < b.Line
		case a.Col != b.Col:
			return a.Col < b.Col
		case a.RuleID != b.RuleID:
			return a.RuleID < b.RuleID
		}
		return a.Message < b.Message
	})
}

func dedupe(fs []Finding) []Finding {
	out := fs[:0]
	for i, f := range fs {
		if i > 0 {
			p := fs[i-1]
			if p.File == f.File && p.Line == f.Line && p.Col == f.Col && p.RuleID == f.RuleID && p.Message == f.Message {
				continue
			}
		}
		out = append(out, f)
	}
	return out
}
