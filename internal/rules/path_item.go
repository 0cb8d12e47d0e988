package rules

import (
	"github.com/apigwlint/apigwlint/internal/doc"
	"strings"
)

// pathItemKeys are the keys a path item may hold besides x- extensions:
// its operations and the OpenAPI path item fields.
var (
	pathItemMethods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace", "x-amazon-apigateway-any-method"}
	pathItemFields  = []string{"parameters", "summary", "description", "servers", "$ref"}
	// misplacedRoot are root-level keys that written under paths are one
	// level too deep.
	misplacedRoot = []string{"components", "securitySchemes", "securityDefinitions", "definitions", "parameters", "responses", "info", "servers", "tags", "schemes", "basePath", "host"}
)

// checkPathItem: API Gateway imports an operation only from a key of
// paths that starts with "/", and from a key of that path item that is an
// HTTP method or x-amazon-apigateway-any-method. Anything else is ignored
// with everything under it: an "any" or "gett" key, a path item nested in
// another ("/upload" then "/{key}" under it), or a key under paths without
// its leading "/" (securitySchemes written one level too deep, an HTTP API's
// $default route in a REST API). x- extensions are extension-name's business, and
// intrinsics (Fn::If around a path item) are not judged.
func checkPathItem(p *DocPass) {
	_, paths := doc.Get(p.API.Root, "paths")
	if v := doc.Classify(paths); v.Kind != doc.KindMap {
		return
	}
	ptr := doc.Join(p.API.Pointer, "paths")
	doc.Pairs(paths, func(k, item *doc.Node) {
		key, at := k.Value, doc.Join(ptr, k.Value)
		switch {
		case strings.HasPrefix(key, "/"):
			checkPathItemKeys(p, key, item, at)
		case strings.HasPrefix(key, "x-") || strings.HasPrefix(key, "Fn::") || key == "Ref" || key == "Condition":
		case contains(misplacedRoot, key):
			p.Report(k, at, "%q under paths is not a path, so API Gateway imports nothing from it; %s belongs at the document root, one level up", key, key)
		case key == "$default":
			// The default route of an HTTP API is written so (AWS SAM
			// generates it); only a REST API has no such route.
			if kind, certain := extCertainKind(p.API, p.Result); certain && kind == doc.REST {
				p.Report(k, at, "%q is an HTTP API's default route; a REST API imports no path that does not start with /: its catch-all is /{proxy+} with x-amazon-apigateway-any-method", key)
			}
		default:
			p.Report(k, at, "%q under paths is not a path (paths start with /), so its operations are never imported; did you mean %q?", key, "/"+strings.TrimLeft(key, "/"))
		}
	})
}

// checkPathItemKeys reports the keys of path item path that API Gateway
// reads no operation from.
func checkPathItemKeys(p *DocPass, path string, item *doc.Node, ptr string) {
	if v := doc.Classify(item); v.Kind != doc.KindMap {
		return // a computed path item, or one that is not an object
	}
	doc.Pairs(item, func(k, v *doc.Node) {
		key, at := k.Value, doc.Join(ptr, k.Value)
		switch {
		case contains(pathItemMethods, key) || contains(pathItemFields, key):
		case strings.HasPrefix(key, "x-") || strings.HasPrefix(key, "Fn::") || key == "Ref" || key == "Condition":
		case strings.HasPrefix(key, "/"):
			p.Report(k, at, "path item %q is nested inside %q, where API Gateway does not look: its operations are never imported; write it at the top level of paths as %q", key, path, strings.TrimRight(path, "/")+key)
		case strings.EqualFold(key, "any"):
			p.Report(k, at, "%q is not an HTTP method key, so this operation of %s is never imported; the catch-all method is x-amazon-apigateway-any-method", key, path)
		case contains(pathItemMethods, strings.ToLower(key)):
			p.Report(k, at, "%q is not an operation key: OpenAPI method keys are lower case, so this operation of %s is never imported; write %q", key, path, strings.ToLower(key))
		default:
			msg := "%q is not an operation or path item field, so API Gateway ignores it and everything under it in %s; expected an HTTP method (get, post ...), x-amazon-apigateway-any-method, parameters, summary, description, servers or $ref"
			if s := didYouMean(key, pathItemMethods); s != "" {
				msg += " (did you mean " + s + "?)"
			}
			p.Report(k, at, msg, key, path)
		}
	})
}
