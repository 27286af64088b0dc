"""Reconciling legacy budget statements typed from paper: every derived cell recomputed."""
