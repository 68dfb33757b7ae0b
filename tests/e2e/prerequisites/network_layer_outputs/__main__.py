"""The outputs tests/programs/brontomerus-container-layer reads from its network-layer stack."""
import pulumi

pulumi.export("vcp_id", "vpc-0e2e0000000000002")
pulumi.export("vpc_azs", ["us-east-2a", "us-east-2b"])
pulumi.export("private_subnet_1_id", "subnet-0e2e0000000000021")
pulumi.export("private_subnet_2_id", "subnet-0e2e0000000000022")
pulumi.export("public_subnet_1_id", "subnet-0e2e0000000000011")
pulumi.export("public_subnet_2_id", "subnet-0e2e0000000000012")
