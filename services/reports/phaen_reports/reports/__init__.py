"""The network's reports, computed from the read model."""
