"""The outputs training-stack-reference-app reads from its base-infrastructure stack."""
import pulumi

pulumi.export("vpc_id", "vpc-0e2e0000000000001")
pulumi.export("subnet_id", "subnet-0e2e0000000000001")
