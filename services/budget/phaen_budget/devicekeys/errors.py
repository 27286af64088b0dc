"""Errors of device keys and offline signatures."""

from phaen_common.errors import Conflict, Forbidden, NotFound, ProblemError, register_thai


class DeviceKeyNotFound(NotFound):
    code, title = "device_key_not_found", "Device key not found"


class KeyRevoked(Forbidden):
    code, title = "key_revoked", "The device key was revoked"


class BadSignature(ProblemError):
    status, code, title = 422, "bad_signature", "The signature does not verify over the signing payload"


class UnknownKey(ProblemError):
    status, code, title = 422, "unknown_key", "No device key has this id"


class InvalidPublicKey(ProblemError):
    status, code, title = 422, "invalid_public_key", "Not a valid Ed25519 public key"


class KeyAlreadyRegistered(Conflict):
    code, title = "key_already_registered", "This public key is already registered"


class SignatoryOnly(Forbidden):
    code, title = "signatory_only", "Only a signatory registers device keys"


register_thai(
    {
        "device_key_not_found": "ไม่พบกุญแจของอุปกรณ์",
        "key_revoked": "กุญแจของอุปกรณ์นี้ถูกเพิกถอนแล้ว",
        "bad_signature": "ลายมือชื่ออิเล็กทรอนิกส์ไม่ถูกต้อง",
        "unknown_key": "ไม่พบกุญแจที่ใช้ลงนาม",
        "invalid_public_key": "กุญแจสาธารณะไม่ถูกต้อง",
        "key_already_registered": "กุญแจสาธารณะนี้ลงทะเบียนไว้แล้ว",
        "signatory_only": "เฉพาะผู้มีอำนาจลงนามเท่านั้นที่ลงทะเบียนกุญแจได้",
    }
)
