"""Consuming the registry's and budget's event feeds into the read model."""
