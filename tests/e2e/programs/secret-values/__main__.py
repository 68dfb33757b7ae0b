"""Rotation off and SSH open to the internet, each wrapped as a Pulumi secret."""
import pulumi
import pulumi_aws as aws

aws.kms.Key("data-key", description="rotation given as a secret", enable_key_rotation=pulumi.Output.secret(False))
aws.ec2.SecurityGroup("bastion", description="ssh from a secret source", ingress=[aws.ec2.SecurityGroupIngressArgs(
    protocol="tcp", from_port=22, to_port=22, cidr_blocks=[pulumi.Output.secret("0.0.0.0/0")])])
