"""Runners feed many inputs through the same Pipeline (no domain logic)."""
