"""Helpers shared by the budget service's domain packages."""
