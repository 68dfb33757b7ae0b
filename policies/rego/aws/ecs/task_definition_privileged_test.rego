package aws.ecs.task_definition_privileged_test

import data.aws.ecs.task_definition_privileged as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:ecs/taskDefinition:TaskDefinition",
	"urn": "urn:pulumi:prod::app::aws:ecs/taskDefinition:TaskDefinition::main",
	"name": "main",
	"properties": object.union({"family": "web"}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({"containerDefinitions": "[{\"name\": \"web\", \"image\": \"public.ecr.aws/nginx/nginx:1.27\", \"essential\": true, \"logConfiguration\": {\"logDriver\": \"awslogs\", \"options\": {\"awslogs-group\": \"/ecs/web\", \"awslogs-region\": \"us-east-1\", \"awslogs-stream-prefix\": \"web\"}}, \"privileged\": true}]"})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({"containerDefinitions": "[{\"name\": \"web\", \"image\": \"public.ecr.aws/nginx/nginx:1.27\", \"essential\": true, \"logConfiguration\": {\"logDriver\": \"awslogs\", \"options\": {\"awslogs-group\": \"/ecs/web\", \"awslogs-region\": \"us-east-1\", \"awslogs-stream-prefix\": \"web\"}}}]"})
	count(rule.deny) == 0 with input as resource({"containerDefinitions": "[{\"name\": \"web\", \"image\": \"public.ecr.aws/nginx/nginx:1.27\", \"essential\": true, \"logConfiguration\": {\"logDriver\": \"awslogs\", \"options\": {\"awslogs-group\": \"/ecs/web\", \"awslogs-region\": \"us-east-1\", \"awslogs-stream-prefix\": \"web\"}}, \"privileged\": false}]"})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"containerDefinitions": unknown})
}
