"""The components as Pulumi's component analyzer sees them (what `pulumi package add` turns into the SDKs of
other languages): every component accepted, no field refused, dropped or emptied, validation still naming the field."""

import inspect
import typing
from pathlib import Path

import pulumi
import pytest
from pulumi.provider.experimental.analyzer import PropertyDefinition
from pulumi.provider.experimental.component import ComponentProvider
from pulumi.provider.experimental.util import camel_case
from pydantic import BaseModel, SecretStr

from stackguard.components import COMPONENTS, ComponentArgsError, _wire_types, inputs
from stackguard.components._args import ComponentArgs, StrInput, validate_args

COMPONENTS_DIR = Path(inputs.__file__).parent


@pytest.fixture(scope="module")
def provider() -> ComponentProvider:
    return ComponentProvider(COMPONENTS, "stackguard", version="0.0.0")


def args_model(component: type) -> type[ComponentArgs]:
    return _wire_types.component_args()[inspect.get_annotations(component.__init__)["args"].__name__]


def all_properties(provider: ComponentProvider):
    for component in provider._component_defs.values():
        for name, prop in {**component.inputs, **component.outputs}.items():
            yield f"{component.name}.{name}", prop
    for type_def in provider._type_defs.values():
        for name, prop in type_def.properties.items():
            yield f"{type_def.name}.{name}", prop


def test_the_inputs_module_is_what_the_models_generate():
    """components/inputs.py is generated from the pydantic models: a model changed without regenerating fails here."""
    assert (COMPONENTS_DIR / "inputs.py").read_text() == _wire_types.render(), (
        "components/inputs.py is stale: run .venv/bin/python -m stackguard.components._wire_types"
    )


def test_every_component_is_served(provider):
    served = set(provider._component_defs)
    exported = {
        name
        for name, value in vars(__import__("stackguard.components", fromlist=["*"])).items()
        if inspect.isclass(value) and issubclass(value, pulumi.ComponentResource)
    }
    assert served == exported == {c.__name__ for c in COMPONENTS}
    assert len(served) == 11


@pytest.mark.parametrize("component", COMPONENTS, ids=lambda c: c.__name__)
def test_every_args_field_reaches_the_schema(provider, component):
    """Each field of the args model is an input of the same name (camelCase), required exactly when the model
    requires it: nothing refused, nothing dropped on the way."""
    model = args_model(component)
    definition = provider._component_defs[component.__name__]
    assert set(definition.inputs) == {camel_case(name) for name in model.model_fields}
    for name, info in model.model_fields.items():
        assert definition.inputs[camel_case(name)].optional is not info.is_required(), name


def _nested_models(model: type[BaseModel]):
    """Every args model `model` nests, at any depth."""
    stack = [info.annotation for info in model.model_fields.values()]
    while stack:
        hint = stack.pop()
        if inspect.isclass(hint) and issubclass(hint, ComponentArgs):
            yield hint
            stack.extend(info.annotation for info in hint.model_fields.values())
        stack.extend(typing.get_args(hint))


def test_every_nested_model_is_an_object_type_with_all_its_fields(provider):
    seen = set()
    for component in COMPONENTS:
        for nested in _nested_models(args_model(component)):
            seen.add(nested.__name__)
            type_def = provider._type_defs[_wire_types.wire_name(nested)]
            assert set(type_def.properties) == {camel_case(name) for name in nested.model_fields}, nested.__name__
    assert {"RiskAcceptance", "RotationArgs", "MonitoredApiArgs", "IntegrationArgs"} <= seen


def test_no_property_is_silently_emptied(provider):
    """Path and SecretStr used to become object types without properties; an empty object type, a property
    with neither a type nor a reference, or an enum without values is a field other languages cannot set."""
    for type_def in provider._type_defs.values():
        if type_def.enum is not None:
            assert type_def.enum, type_def.name
        else:
            assert type_def.properties, f"{type_def.name} has no properties"

    def typed(where: str, prop: PropertyDefinition) -> None:
        assert prop.type is not None or prop.ref is not None, f"{where} has no type"
        for inner in (prop.items, prop.additional_properties):
            if inner is not None:
                typed(where, inner)

    for where, prop in all_properties(provider):
        typed(where, prop)


def test_secret_and_path_fields_are_strings(provider):
    secret_store = provider._component_defs["SecretStore"].inputs
    assert secret_store["initialValue"].type.value == "string" and secret_store["initialValue"].plain is None
    assert provider._component_defs["SecureFunction"].inputs["codePath"].type.value == "string"


def test_outputs_are_the_components_output_annotations(provider):
    """Outputs are what a consumer reads: ids and ARNs, DNS targets; never child resources (other languages would
    need the AWS SDK to receive them)."""
    rest = provider._component_defs["RestApi"].outputs
    assert {"restApiId", "stageName", "accessLogGroupName", "domainTargetName", "domainHostedZoneId"} <= set(rest)
    for component in provider._component_defs.values():
        for name, prop in component.outputs.items():
            assert prop.ref is None or prop.ref.startswith("#/types/"), f"{component.name}.{name} is a resource"


def test_an_input_from_another_language_is_validated_naming_the_field(provider):
    """What the provider hands a component (camelCase mapped back, enums as members) goes through the same
    pydantic model, and a bad value is refused naming the Python field."""
    from stackguard.components.rest_api import RestApiArgs
    from stackguard.components.secret_store import SecretStoreArgs

    key = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    bad = provider.map_inputs(
        {"kmsKeyArn": key, "recoveryWindowInDays": 3.0, "allowNoRotation": {"reason": "vendor portal only"}}, provider._component_defs["SecretStore"]
    )
    with pytest.raises(ComponentArgsError, match=r"SecretStore: invalid args: recovery_window_in_days: Input should be greater than or equal to 7"):
        validate_args("SecretStore", SecretStoreArgs, bad)

    routes = [{"path": "/orders", "httpMethod": "GET", "authorization": "AWS_IAM", "integration": {"httpsUrl": "https://orders.example.com"}}]
    mapped = provider.map_inputs(
        {"kmsKeyArn": key, "routes": routes, "allowWithoutWaf": {"reason": "private API behind a VPC endpoint"}}, provider._component_defs["RestApi"]
    )
    assert isinstance(mapped["routes"][0]["http_method"], inputs.HttpMethod)
    args = validate_args("RestApi", RestApiArgs, mapped)
    assert (args.routes[0].http_method, args.routes[0].authorization) == ("GET", "AWS_IAM")


def test_a_field_without_an_analyzer_type_is_refused_by_the_generator():
    class OddArgs(ComponentArgs):
        """Not a real component."""

        labels: set[str]

    with pytest.raises(_wire_types.UnsupportedField, match=r"OddArgs.labels: set\[str\] has no analyzer type"):
        _wire_types._Renderer().model(OddArgs)


def test_the_generator_renders_outputs_secrets_and_paths_as_strings():
    class ProbeArgs(ComponentArgs):
        """A probe."""

        arn: StrInput
        token: typing.Optional[typing.Union[SecretStr, pulumi.Output]] = None
        code: Path

    renderer = _wire_types._Renderer()
    renderer.model(ProbeArgs)
    source = renderer.classes["Probe"]
    assert "arn: Required[pulumi.Input[str]]" in source
    assert "token: pulumi.Input[str]" in source
    assert "code: Required[str]" in source


def test_the_plugin_folder_runs_the_component_provider_host():
    assert (COMPONENTS_DIR / "PulumiPlugin.yaml").read_text().strip().endswith("runtime: python")
    main = (COMPONENTS_DIR / "__main__.py").read_text()
    assert 'component_provider_host(COMPONENTS, name="stackguard"' in main


def test_components_keep_an_alias_to_their_former_type_token():
    """`stackguard:index:<Name>` is the form the component provider serves; the alias to the former token keeps
    the resources of stacks deployed before (no replacement), and the caller's own options stay."""
    from stackguard.components._args import with_former_type

    mine = pulumi.ResourceOptions(protect=True, aliases=[pulumi.Alias(name="old-name")])
    merged = with_former_type(mine, "stackguard:security:SecretStore")
    assert merged.protect is True
    assert [(a.name, a.type_) for a in merged.aliases] == [("old-name", ...), (..., "stackguard:security:SecretStore")]
    assert [a.type_ for a in with_former_type(None, "stackguard:api:RestApi").aliases] == ["stackguard:api:RestApi"]
    sources = {component.__name__: inspect.getsource(component.__init__) for component in COMPONENTS}
    for name, source in sources.items():
        assert f'"stackguard:index:{name}"' in source and "with_former_type(opts, " in source, name
