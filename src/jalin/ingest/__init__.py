"""Ingest: raw files, folders, JSONL and manifests -> ``Article | Rejection``."""

from .readers import guess_title, parse_published, read_inputs, read_jsonl, read_manifest

__all__ = ["guess_title", "parse_published", "read_inputs", "read_jsonl", "read_manifest"]
