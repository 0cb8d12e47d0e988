package doc

// What the files of a Terraform module say together, for the whole-stack
// rules (method-without-integration, lambda-permission,
// lambda-permission-source-arn): a Terraform module is a folder, and
// whether a method has an integration, or a function a permission, can
// only be told from all of its files. The Terraform front-end fills it in
// only when it read every file of the module (internal/terraform,
// LoadAllIn) and the module settles these facts: no module block, which
// could add integrations or permissions; Result.TerraformModule is nil
// otherwise, and the rules say nothing.

// TerraformModule is the module-wide view of one linted .tf file.
type TerraformModule struct {
	// Orphans are the aws_api_gateway_method resources of this file for
	// which no aws_api_gateway_integration of the module can be the
	// integration: their rest_api_id, resource_id and http_method are
	// certain (references to resources of the module and a literal), and
	// every integration of the module names another method.
	Orphans []*TerraformMethod
	// Lambda is nil when the module's Lambda permissions cannot all be
	// told apart (a permission whose function_name the module does not
	// settle).
	Lambda *TerraformLambda
}

// TerraformMethod is an aws_api_gateway_method of the linted file.
type TerraformMethod struct {
	Resource string // aws_api_gateway_method.NAME
	Label    *Node  // the name label
	Pointer  string
	Method   string // the http_method, upper case
}

// TerraformLambda is what the module says about who may invoke its Lambda
// functions.
type TerraformLambda struct {
	// Invocations are the integrations of the module (aws_api_gateway_
	// integration of type AWS or AWS_PROXY, aws_apigatewayv2_integration)
	// that invoke, without credentials, a function of the module whose
	// permissions the module settles (not one an output exposes), in
	// module order.
	Invocations []*LambdaInvocation
	// Permissions are the aws_lambda_permission resources that may let API
	// Gateway invoke each function (aws_lambda_function.NAME): principal
	// apigateway.amazonaws.com, "*" or not a literal; in module order.
	Permissions map[string][]*LambdaPermission
}

// LambdaInvocation is an integration invoking a function of the module,
// and the source ARN API Gateway invokes it with, as far as the module
// settles it.
type LambdaInvocation struct {
	Resource string // aws_api_gateway_integration.NAME or aws_apigatewayv2_integration.NAME
	Function string // aws_lambda_function.NAME
	// Pointer is the integration's pointer when the linted file holds it
	// (the Pointer of its Integration), else "".
	Pointer string
	// API is the address of the API (aws_api_gateway_rest_api.NAME,
	// aws_apigatewayv2_api.NAME), "" when unknown. REST is set for an
	// aws_api_gateway_integration; Method (upper case, "" when unknown or
	// ANY) and Path ("" when unknown) are then what the module settles.
	API          string
	REST         bool
	Method, Path string
}

// LambdaPermission is an aws_lambda_permission of the module.
type LambdaPermission struct {
	Resource string // aws_lambda_permission.NAME
	// Here: the linted file holds it; SourceArn is then its source_arn
	// value (nil when it has none) and Pointer the resource's pointer.
	Here      bool
	SourceArn *Node
	Pointer   string
	// HasSourceArn: the permission restricts the caller. Pattern is the
	// source_arn as literal text and references, nil when it is not one
	// the module settles (a reference or a function call as a whole).
	HasSourceArn bool
	Pattern      []ArnPart
}

// ArnPart is a piece of a source_arn: literal text, or a reference
// (TYPE.NAME.ATTR) when Ref is set; both empty is a part Terraform
// computes.
type ArnPart struct {
	Text string
	Ref  string
}
