package lib.ecs_test

import data.lib.ecs

test_containers_read_from_json_text if {
	ecs.containers({"containerDefinitions": "[{\"name\": \"web\"}]"}) == [{"name": "web"}]
}

test_containers_read_from_a_list if {
	ecs.containers({"containerDefinitions": [{"name": "web"}]}) == [{"name": "web"}]
}

test_unreadable_definitions_are_no_containers if {
	ecs.containers({}) == []
	ecs.containers({"containerDefinitions": "[secret]"}) == []
	ecs.containers({"containerDefinitions": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"}) == []
}
