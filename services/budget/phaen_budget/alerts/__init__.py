"""Alerts: what reconciling a bank statement found wrong (an unauthorised debit is the gravest)."""
