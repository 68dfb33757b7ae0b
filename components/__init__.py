"""Secure-by-default Pulumi components for API integrations on AWS.

    from stackguard.components import ApiGatewayAccount, EncryptionKey, SecretStore, WebAcl, RestApi, HttpApi, PrivateEndpoints, \
        ServiceRole, SecurityMonitoring, UserDirectory, SecureFunction

Each component validates its args model at construction (errors name the field), sets every
security-relevant property explicitly, and makes every weaker choice a named opt-out that the
stackguard policy pack reports.

Other Pulumi languages use them through the component provider in this folder (PulumiPlugin.yaml,
__main__.py): `pulumi package add` reads each component's args as `inputs.<Name>Args` (generated from the
args models by _wire_types.py) and its outputs from its `pulumi.Output` annotations. docs/components.md.
"""
from ._args import ComponentArgsError
from .api_gateway_account import ApiGatewayAccount, ApiGatewayAccountArgs
from .encryption_key import EncryptionKey, EncryptionKeyArgs
from .function import SecureFunction, SecureFunctionArgs, execution_role_statements
from .http_api import HttpApi, HttpApiArgs
from .private_endpoints import PrivateEndpoints, PrivateEndpointsArgs
from .rest_api import RestApi, RestApiArgs
from .secret_store import SecretStore, SecretStoreArgs
from .security_monitoring import SecurityMonitoring, SecurityMonitoringArgs
from .service_role import ServiceRole, ServiceRoleArgs
from .user_directory import UserDirectory, UserDirectoryArgs
from .web_acl import WebAcl, WebAclArgs

# What `pulumi package add` serves to other languages (components/__main__.py), in the schema's order.
COMPONENTS = [ApiGatewayAccount, EncryptionKey, HttpApi, PrivateEndpoints, RestApi, SecretStore, SecureFunction,
              SecurityMonitoring, ServiceRole, UserDirectory, WebAcl]

__all__ = [
    "COMPONENTS",
    "ApiGatewayAccount", "ApiGatewayAccountArgs",
    "ComponentArgsError",
    "EncryptionKey", "EncryptionKeyArgs",
    "HttpApi", "HttpApiArgs",
    "PrivateEndpoints", "PrivateEndpointsArgs",
    "RestApi", "RestApiArgs",
    "SecretStore", "SecretStoreArgs",
    "SecureFunction", "SecureFunctionArgs",
    "SecurityMonitoring", "SecurityMonitoringArgs",
    "ServiceRole", "ServiceRoleArgs",
    "UserDirectory", "UserDirectoryArgs",
    "WebAcl", "WebAclArgs",
    "execution_role_statements",
]
