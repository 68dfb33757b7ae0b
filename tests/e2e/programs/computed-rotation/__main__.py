"""Rotation computed from another resource's output: a preview cannot know it, the update can."""
import pulumi_aws as aws

flag = aws.ssm.Parameter("rotation-flag", type="String", value="off")
aws.kms.Key("computed", description="rotation decided by another resource",
            enable_key_rotation=flag.arn.apply(lambda _arn: False))
