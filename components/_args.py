"""The base of every component's args model: strict pydantic validation with errors that name the field."""
from __future__ import annotations

import enum
import re
from typing import Annotated, Any, Optional, TypeVar, Union

import pulumi
from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints, ValidationError, WithJsonSchema

# A value known now or an Output of another resource (an ARN, an id): pydantic checks the type
# of plain values and lets Outputs through, since they only resolve during the deployment.
StrInput = Annotated[Union[str, pulumi.Output], WithJsonSchema({"type": "string"})]
IntInput = Annotated[Union[int, pulumi.Output], WithJsonSchema({"type": "integer"})]
AccountId = Annotated[str, StringConstraints(pattern=r"^\d{12}$")]
Region = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}(-[a-z]+)+-\d$")]


def matches(regex: re.Pattern, what: str) -> AfterValidator:
    """A validator for Annotated types: a plain string must match `regex` ("must be <what>"); Outputs pass."""
    def check(value):
        if isinstance(value, str) and not regex.match(value):
            raise ValueError(f"must be {what}")
        return value
    return AfterValidator(check)


class ComponentArgs(BaseModel):
    """Strict base: unknown fields are errors, values are validated on assignment too."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True, validate_assignment=True)


class ComponentArgsError(ValueError):
    """Invalid component arguments; the message names the component, each bad field and what is allowed."""


Args = TypeVar("Args", bound=ComponentArgs)


def _plain(value: Any) -> Any:
    """`value` with enum members (what Pulumi's component provider hands over for enum inputs) as their values."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def validate_args(component: str, model: type[Args], args: Args | dict[str, Any] | None) -> Args:
    """Return args (a model, or a dict as Python callers and Pulumi's component provider pass them) as a
    validated `model`, raising ComponentArgsError that names every bad field."""
    try:
        if isinstance(args, model):
            return model.model_validate(args.model_dump(round_trip=True))
        return model.model_validate(_plain(args or {}))
    except ValidationError as err:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in e['loc']) or '(args)'}: {e['msg']}" for e in err.errors()
        )
        raise ComponentArgsError(f"{component}: invalid args: {problems}") from None


def with_former_type(opts: Optional[pulumi.ResourceOptions], former_type: str) -> pulumi.ResourceOptions:
    """`opts` plus an alias to the component's type token before 0.4 moved every component to
    `stackguard:index:<Name>` (the form Pulumi's component provider serves), so stacks deployed with the old
    token keep their resources instead of replacing them."""
    return pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(aliases=[pulumi.Alias(type_=former_type)]))
