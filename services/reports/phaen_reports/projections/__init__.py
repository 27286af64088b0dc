"""The read model: tables upserted from the registry's and budget's event feeds."""
