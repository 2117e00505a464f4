"""Readers: bytes in any format a user has → Article (clean text + metadata)."""

from __future__ import annotations

from dyads.read.dispatch import read_bytes, read_input, read_path

__all__ = ["read_bytes", "read_input", "read_path"]
