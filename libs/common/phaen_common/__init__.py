"""The small library every Phaen process shares: settings, database, errors, money, auth, outbox.

Importing it changes no global state: a service asks for what it needs (for example
``phaen_common.db.use_naming_convention()``).
"""
