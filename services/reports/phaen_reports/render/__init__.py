"""Rendering reports as CSV (UTF-8 with BOM), XLSX and Thai PDF."""
