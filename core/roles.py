"""Kept for the migrations that import ``core.roles`` (roles live in core/editorial/roles.py)."""

from core.editorial.roles import editorial_roles

__all__ = ["editorial_roles"]
