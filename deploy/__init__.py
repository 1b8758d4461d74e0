"""Deployment: HAProxy configuration, systemd units and the helpers they use."""
