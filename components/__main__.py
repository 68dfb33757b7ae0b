"""The component provider: serves every stackguard component to TypeScript, Go, .NET, Java and YAML programs.

`pulumi package add <this folder>` runs this file with the Python of `venv/` in this folder (PulumiPlugin.yaml:
Pulumi's Python component providers take the pip toolchain and a virtualenv named `venv`), reads the schema
from the components' args and outputs, and generates the SDK of the consuming program's language.
https://www.pulumi.com/docs/iac/using-pulumi/extending-pulumi/build-a-component/
"""

from pulumi.provider.experimental import component_provider_host

from stackguard import __version__
from stackguard.components import COMPONENTS

if __name__ == "__main__":
    component_provider_host(COMPONENTS, name="stackguard", version=__version__)
