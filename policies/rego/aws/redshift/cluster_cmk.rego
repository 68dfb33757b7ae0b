package aws.redshift.cluster_cmk

import data.lib.kms
import data.lib.pulumi

# METADATA
# title: Redshift clusters are encrypted with a customer-managed KMS key
# description: |
#   An encrypted cluster without kmsKeyId uses the AWS-managed key alias/aws/redshift,
#   whose key policy cannot be changed: access to the warehouse's data and snapshots
#   cannot be limited or revoked through the key, and snapshots cannot be shared with
#   another account. Where the profile asks for customer-managed keys
#   (requireCustomerManagedKey, on unless turned off, as for the other data stores),
#   kmsKeyId must name one. An unencrypted cluster is reported by
#   aws-redshift-cluster-encrypted; an unknown key is not judged.
# scope: document
# custom:
#   id: aws-redshift-cluster-cmk
#   severity: medium
#   concern: encryption
#   remediation: Set kms_key_id=key.arn (with encrypted=True) on aws.redshift.Cluster.
#   compliance:
#     nist-800-53: ["SC-12", "SC-28"]
#   config:
#     requireCustomerManagedKey:
#       type: boolean
#       default: true
#       description: Ask for a customer-managed KMS key; false accepts the AWS-managed key alias/aws/redshift.
deny contains msg if {
	input.type in resource_types
	not input.properties.encrypted == false
	kms.required("aws-redshift-cluster-cmk")
	kms.without_customer_key(input.properties, "kmsKeyId")
	msg := sprintf("Redshift cluster %q is encrypted with the AWS-managed key alias/aws/redshift: set kmsKeyId to a customer-managed KMS key.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:redshift/cluster:Cluster"})
