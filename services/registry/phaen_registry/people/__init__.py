"""People known to the network; national ID and phone are personal data (masked, never logged)."""
