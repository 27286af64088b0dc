"""Bulk CSV import of network tambons for the secretariat."""
