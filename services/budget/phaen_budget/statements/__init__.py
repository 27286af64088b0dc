"""Bank statements (รายการเดินบัญชี): imported as camt.053 or CSV and reconciled with the ledger."""
