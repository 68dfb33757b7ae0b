"""Secure-by-default Pulumi components for API integrations on AWS."""
