"""Committees (คณะกรรมการ / คณะประสานงาน), their members and the zones inside a region."""
