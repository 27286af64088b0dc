"""Errors of the audit package."""

from phaen_common.errors import ServiceUnavailable


class AuditKeyUnavailable(ServiceUnavailable):
    code, title = "audit_key_unavailable", "The audit signing key is not available"
