"""The editors' admin UI at /admin: server-rendered pages over the content service."""

from sern_graph.admin.app import ADMIN_PATH, admin_app, close_admin

__all__ = ["ADMIN_PATH", "admin_app", "close_admin"]
