"""Errors of the identity domain (stable codes; OAuth2 names for the token endpoint)."""

from __future__ import annotations

from phaen_common.errors import BadRequest, Conflict, NotFound, Unauthorized, Unprocessable


class InvalidGrant(Unauthorized):
    code, title = "invalid_grant", "Invalid credentials or grant"


class InvalidClient(Unauthorized):
    code, title = "invalid_client", "Invalid client credentials"


class UnsupportedGrantType(BadRequest):
    code, title = "unsupported_grant_type", "Unsupported grant type"


class InvalidRequest(BadRequest):
    code, title = "invalid_request", "Invalid token request"


class UserNotFound(NotFound):
    code, title = "user_not_found", "User not found"


class ClientNotFound(NotFound):
    code, title = "client_not_found", "Client not found"


class UsernameTaken(Conflict):
    code, title = "username_taken", "Username already taken"


class LastAdmin(Conflict):
    code, title = "last_admin", "The last enabled administrator cannot be disabled"


class UnknownRole(Unprocessable):
    code, title = "unknown_role", "Unknown role"


class BankRequired(Unprocessable):
    code, title = "bank_required", "A bank partner client needs its bank"


class BankNotAllowed(Unprocessable):
    code, title = "bank_not_allowed", "Only a client with the bank role carries a bank"


class ScopeClaimRequired(Unprocessable):
    code, title = "scope_claim_required", "The role needs a region, province or tambon"


class UnknownPerson(Unprocessable):
    code, title = "unknown_person", "No such person in the registry"


class PersonWithoutNationalId(Unprocessable):
    code, title = "person_without_national_id", "The person has no valid national ID on record"


# Thai titles of these codes; the app registers them (create_app), importing this module does not.
THAI: dict[str, str] = {
    "invalid_grant": "ชื่อผู้ใช้ รหัสผ่าน หรือโทเคนไม่ถูกต้อง",
    "invalid_client": "รหัสลูกข่ายหรือรหัสลับไม่ถูกต้อง",
    "unsupported_grant_type": "ไม่รองรับประเภทการขอโทเคนนี้",
    "invalid_request": "คำขอโทเคนไม่ถูกต้อง",
    "user_not_found": "ไม่พบผู้ใช้",
    "client_not_found": "ไม่พบระบบลูกข่าย",
    "username_taken": "ชื่อผู้ใช้นี้ถูกใช้แล้ว",
    "last_admin": "ไม่สามารถระงับผู้ดูแลระบบคนสุดท้ายได้",
    "unknown_role": "ไม่รู้จักบทบาทนี้",
    "bank_required": "ระบบลูกข่ายของธนาคารต้องระบุธนาคาร",
    "bank_not_allowed": "ระบุธนาคารได้เฉพาะระบบลูกข่ายที่มีบทบาทธนาคาร",
    "scope_claim_required": "บทบาทนี้ต้องระบุภาค จังหวัด หรือตำบล",
    "unknown_person": "ไม่พบบุคคลนี้ในทะเบียน",
    "person_without_national_id": "บุคคลนี้ไม่มีเลขประจำตัวประชาชนที่ถูกต้องในทะเบียน",
}
