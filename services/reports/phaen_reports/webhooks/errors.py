"""Errors of the webhook endpoints (stable codes)."""

from __future__ import annotations

from phaen_common.errors import Forbidden, NotFound, Unprocessable


class SubscriptionNotFound(NotFound):
    code, title = "subscription_not_found", "Webhook subscription not found"


class DeliveryNotFound(NotFound):
    code, title = "delivery_not_found", "Webhook delivery not found"


class EventNotPermitted(Forbidden):
    code, title = "event_not_permitted", "Your role may not receive this event"


class UnknownEventType(Unprocessable):
    code, title = "unknown_event_type", "No such event type"


class TargetRefused(Unprocessable):
    code, title = "webhook_target_refused", "This webhook URL may not be used"


# Thai titles of these codes; the app registers them.
THAI: dict[str, str] = {
    "subscription_not_found": "ไม่พบการสมัครรับเว็บฮุกที่ระบุ",
    "delivery_not_found": "ไม่พบรายการส่งเว็บฮุกที่ระบุ",
    "event_not_permitted": "สิทธิ์ของท่านรับเหตุการณ์นี้ไม่ได้",
    "unknown_event_type": "ไม่มีเหตุการณ์ประเภทนี้",
    "webhook_target_refused": "ใช้ที่อยู่เว็บฮุกนี้ไม่ได้",
}
