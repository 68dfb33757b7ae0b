"""`stackguard scan`: every deployed stack of a Pulumi DIY backend, checked on a schedule, with history and alerts.

sources (where the states are) -> settings (profile, exemptions and SLA per stack, from stackguard.yaml)
-> runner (one private OPA per scan, each stack through the same gate as `check`) -> history (SQLite or PostgreSQL)
-> summary (new, fixed, open, SLA, exemptions, trend) -> renderers and alerts.
"""
