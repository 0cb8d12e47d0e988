package doc

import (
	"strings"
)

// LookupRef returns the node a local $ref ("#/components/schemas/Pet")
// names inside the document root, aliases resolved, or nil when it names
// nothing there. A $ref to another file or a URL names nothing: apigwlint
// never reads other files or the network.
func LookupRef(root *Node, ref string) *Node {
	if !strings.HasPrefix(ref, "#/") {
		return nil
	}
	n, _ := lookupPointer(root, ref[1:])
	return n
}
