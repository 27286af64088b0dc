"""Errors of alerts."""

from phaen_common.errors import Conflict, NotFound, register_thai


class AlertNotFound(NotFound):
    code, title = "alert_not_found", "Alert not found"


class AlertAlreadyResolved(Conflict):
    code, title = "alert_already_resolved", "The alert is already resolved"


register_thai({"alert_not_found": "ไม่พบการแจ้งเตือน", "alert_already_resolved": "การแจ้งเตือนนี้ปิดแล้ว"})
