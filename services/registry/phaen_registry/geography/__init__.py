"""Reference geography: regions, provinces, districts and subdistricts (DOPA codes, from GeoThai)."""
