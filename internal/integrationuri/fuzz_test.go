package integrationuri

import (
	"slices"
	"strings"
	"testing"
)

// FuzzParse reads uris of any shape, as plain strings and as Fn::Sub
// templates. Asserted: no panic; the template renders back to the uri;
// its pieces are never empty and literal text is never split in two;
// cutting a template (Split, CutLast, CutPrefix, TrimLeft) loses and adds
// nothing, and never cuts inside a hole; Literal holds exactly when there
// is no hole; PartitionOfRegion names a known partition or none.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f:live/invocations",
		"arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations",
		"arn:aws:apigateway:eu-west-1:sqs:path/${AWS::AccountId}/queue",
		"arn:aws:apigateway:us-west-2:s3:action/GetObject&Bucket={bucket}&Key={key}",
		"arn:aws-cn:apigateway:cn-north-1:dynamodb:action/Query",
		"https://${stageVariables.host}/pets/{petId}?q={{q}}",
		"http://REPLACE_ME_NLB_DNS:8080/<path>",
		"${!Literal}:${ x }:{proxy+}",
		"arn:aws:apigateway:REGION:lambda:path//2015-03-31/functions/arn:aws:lambda:<region>:ACCOUNT_ID:function:f/invocations",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, uri string, sub bool) {
		tm := Parse(uri, sub)
		if tm.String() != uri {
			t.Fatalf("Parse(%q, %v) renders as %q", uri, sub, tm.String())
		}
		holes := false
		for i, p := range tm {
			if p.Text == "" {
				t.Fatalf("Parse(%q, %v): piece %d is empty", uri, sub, i)
			}
			if i > 0 && p.Hole == NoHole && tm[i-1].Hole == NoHole {
				t.Fatalf("Parse(%q, %v): literal text split at piece %d", uri, sub, i)
			}
			holes = holes || p.Hole != NoHole
		}
		if s, ok := tm.Literal(); ok == holes || ok && s != uri {
			t.Fatalf("Parse(%q, %v).Literal() = %q, %v with holes %v", uri, sub, s, ok, holes)
		}
		for _, sep := range []string{":", "/"} {
			for _, n := range []int{-1, 3} {
				fields := tm.Split(sep, n)
				if n > 0 && len(fields) > n {
					t.Fatalf("Split(%q, %d) of %q gives %d fields", sep, n, uri, len(fields))
				}
				var parts []string
				for _, f := range fields {
					parts = append(parts, f.String())
					keepsHoles(t, tm, f)
				}
				if strings.Join(parts, sep) != uri {
					t.Fatalf("Split(%q, %d) of %q: %q", sep, n, uri, parts)
				}
			}
			if before, after, ok := tm.CutLast(sep); ok {
				if before.String()+sep+after.String() != uri {
					t.Fatalf("CutLast(%q) of %q: %q, %q", sep, uri, before.String(), after.String())
				}
				keepsHoles(t, tm, before)
				keepsHoles(t, tm, after)
			}
		}
		// no hole starts with a character of "arn:", so the prefix is literal
		if rest, ok := tm.CutPrefix("arn:"); ok != strings.HasPrefix(uri, "arn:") || ok && "arn:"+rest.String() != uri {
			t.Fatalf("CutPrefix(arn:) of %q: %q, %v", uri, rest.String(), ok)
		}
		if got := tm.TrimLeft("/").String(); got != strings.TrimLeft(uri, "/") {
			t.Fatalf("TrimLeft(/) of %q = %q", uri, got)
		}
		if p := PartitionOfRegion(uri); p != "" && !slices.Contains(Partitions(), p) {
			t.Fatalf("PartitionOfRegion(%q) = %q", uri, p)
		}
	})
}

// keepsHoles fails unless every hole of part is a hole of whole: a cut
// must not split one.
func keepsHoles(t *testing.T, whole, part Template) {
	t.Helper()
	for _, p := range part {
		if p.Hole != NoHole && !slices.Contains(whole, p) {
			t.Fatalf("%q: a cut made the hole %q", whole.String(), p.Text)
		}
	}
}
