package aws.kinesis.firehose_delivery_stream_encryption

import data.lib.pulumi

# METADATA
# title: Firehose delivery streams encrypt the records they buffer
# description: |
#   A Firehose stream with a Direct PUT source buffers records unencrypted unless
#   serverSideEncryption.enabled is true. Streams that read from a Kinesis data stream
#   (kinesisSourceConfiguration) or an MSK cluster (mskSourceConfiguration) take their
#   encryption from the source and are not judged here. An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-kinesis-firehose-delivery-stream-encryption
#   severity: medium
#   concern: encryption
#   remediation: Set server_side_encryption=aws.kinesis.FirehoseDeliveryStreamServerSideEncryptionArgs(enabled=True, key_type="CUSTOMER_MANAGED_CMK", key_arn=key.arn) on aws.kinesis.FirehoseDeliveryStream.
#   compliance:
#     fsbp: ["DataFirehose.1"]
#     nist-800-53: ["SC-28"]
#     pci-dss: ["3.5.1"]
deny contains msg if {
	input.type in resource_types
	pulumi.absent(input.properties, "kinesisSourceConfiguration")
	pulumi.absent(input.properties, "mskSourceConfiguration")
	sse := object.get(input.properties, "serverSideEncryption", {})
	not pulumi.is_unknown(sse)
	not sse.enabled == true
	not pulumi.unknown(sse, "enabled")
	msg := sprintf("Firehose delivery stream %q does not encrypt the records it buffers: set serverSideEncryption.enabled to true.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream"})
