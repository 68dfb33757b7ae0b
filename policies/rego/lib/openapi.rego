# METADATA
# description: |
#   Helpers for REST APIs defined by an OpenAPI (or Swagger) document in the `body` of an
#   aws.apigateway.RestApi, written as JSON or YAML text: the parsed document, its operations,
#   their x-amazon-apigateway-integration objects, and whether an operation authenticates its
#   callers (a security requirement of an awsSigv4, cognito_user_pools or custom scheme, or
#   x-amazon-apigateway-auth AWS_IAM).
package lib.openapi

import data.lib.pulumi

# document(props) is the parsed body of a RestApi, undefined when the body is absent, unknown
# during a preview or not a JSON/YAML object.
document(props) := doc if {
	text := readable_body(props)
	json.is_valid(text)
	doc := json.unmarshal(text)
	is_object(doc)
} else := doc if {
	text := readable_body(props)
	not json.is_valid(text)
	yaml.is_valid(text)
	doc := yaml.unmarshal(text)
	is_object(doc)
}

readable_body(props) := text if {
	text := props.body
	is_string(text)
	not pulumi.is_unknown(text)
}

http_methods := {"get", "put", "post", "delete", "options", "head", "patch", "x-amazon-apigateway-any-method"}

# operations(doc) is the set of {"path", "method" (upper case, ANY), "operation"} of the document.
operations(doc) := {{"path": path, "method": method_name(key), "operation": op} |
	some path, item in object.get(doc, "paths", {})
	is_object(item)
	some key, op in item
	key in http_methods
	is_object(op)
}

method_name(key) := "ANY" if key == "x-amazon-apigateway-any-method"

else := upper(key)

# integration(op) is the operation's x-amazon-apigateway-integration object, {} when none.
integration(op) := i if {
	i := op["x-amazon-apigateway-integration"]
	is_object(i)
} else := {}

# security_schemes(doc) maps scheme names to schemes (OpenAPI 3 and Swagger 2).
security_schemes(doc) := object.union(
	object.get(doc, ["components", "securitySchemes"], {}),
	object.get(doc, "securityDefinitions", {}),
)

authenticating_types := {"awssigv4", "cognito_user_pools", "custom"}

# authenticating(doc) is the set of scheme names that authenticate the caller.
authenticating(doc) := {name |
	some name, scheme in security_schemes(doc)
	is_object(scheme)
	lower(object.get(scheme, "x-amazon-apigateway-authtype", "")) in authenticating_types
}

# cognito(doc) is the set of scheme names backed by a Cognito user pool authorizer.
cognito(doc) := {name |
	some name, scheme in security_schemes(doc)
	is_object(scheme)
	lower(object.get(scheme, "x-amazon-apigateway-authtype", "")) == "cognito_user_pools"
}

# security(doc, op) is the operation's list of security requirements (or the document's).
security(doc, op) := s if {
	s := op.security
	is_array(s)
} else := s if {
	s := doc.security
	is_array(s)
} else := []

# authenticated(doc, op) holds when every alternative security requirement names an
# authenticating scheme (an empty requirement {} admits anonymous callers), or the operation
# uses IAM through x-amazon-apigateway-auth.
authenticated(_, op) if upper(object.get(op, ["x-amazon-apigateway-auth", "type"], "")) == "AWS_IAM"

authenticated(doc, op) if {
	requirements := security(doc, op)
	count(requirements) > 0
	every requirement in requirements {
		is_object(requirement)
		some name, _ in requirement
		name in authenticating(doc)
	}
}

# mock_preflight(entry) holds for an OPTIONS operation answered by API Gateway itself (a MOCK
# integration): a CORS preflight that reaches no backend.
mock_preflight(entry) if {
	entry.method == "OPTIONS"
	lower(object.get(integration(entry.operation), "type", "")) == "mock"
}

# api_key_only(doc, op) holds when the only protection is an API key scheme (x-api-key).
api_key_only(doc, op) if {
	requirements := security(doc, op)
	count(requirements) > 0
	every requirement in requirements {
		is_object(requirement)
		count(requirement) > 0
		every name, _ in requirement {
			api_key_scheme(doc, name)
		}
	}
}

api_key_scheme(doc, name) if {
	scheme := security_schemes(doc)[name]
	lower(object.get(scheme, "type", "")) == "apikey"
	lower(object.get(scheme, "name", "")) == "x-api-key"
	not scheme["x-amazon-apigateway-authtype"]
}
