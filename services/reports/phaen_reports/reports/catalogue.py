"""Fixed domain vocabulary the reports print (regions, expense categories, the seed's checklist)."""

from __future__ import annotations

from phaen_common.access import REGION_NAMES_TH, REGIONS

REGION_TH = dict(REGION_NAMES_TH)
REGION_CODES = list(REGIONS)

TIER_TH = {"model": "ตำบลต้นแบบ", "pilot": "ตำบลนำร่อง", "expansion": "ตำบลขยาย"}
LEVEL_TH = {"community": "ระดับชุมชน", "intensive": "ระดับเข้มข้น"}

# Expense categories as the seed (§1.4) lists them.
CATEGORY_GROUPS: dict[str, str] = {
    "1": "ค่าใช้จ่ายในการจัดกิจกรรม/เวที",
    "2": "ค่าใช้จ่ายในการเดินทางปฏิบัติงาน",
    "3": "ค่าใช้จ่ายในการจัดพิมพ์เอกสาร และจัดทำรายงาน",
    "4": "ค่าวัสดุ เผยแพร่ สื่อสาร วัสดุทัศน",
    "5": "ค่าสาธารณูปโภค",
    "6": "ค่าใช้จ่ายเบ็ดเตล็ด",
}
CATEGORIES: list[tuple[str, str]] = [
    ("1.1", "ค่าเช่าห้องประชุม อบรม สัมมนา"),
    ("1.2", "ค่าเช่าอุปกรณ์ โสต ในการประชุม"),
    ("1.3", "ค่าอาหารในการจัดประชุม"),
    ("1.4", "ค่าอาหารว่าง"),
    ("1.5", "ค่าตอบแทนวิทยากร"),
    ("2.1", "ค่าที่พัก"),
    ("2.2", "ค่าพาหนะ"),
    ("2.3", "ค่าเช่ารถ"),
    ("2.4", "ค่าน้ำมัน"),
    ("3", CATEGORY_GROUPS["3"]),
    ("4", CATEGORY_GROUPS["4"]),
    ("5", CATEGORY_GROUPS["5"]),
    ("6", CATEGORY_GROUPS["6"]),
]
CATEGORY_TH = dict(CATEGORIES)

# The seed's retention checklist (§1.4, item 3): documents kept 5-10 years for the State Audit Office.
CHECKLIST: list[tuple[str, str, str]] = [
    ("3.1", "โครงการและแผนงานที่ได้รับอนุมัติงบประมาณ", "approved project and plan"),
    ("3.2", "โครงสร้างการบริหารจัดการ", "management structure"),
    ("3.3", "รายชื่อคณะกรรมการ", "committee list"),
    (
        "3.4",
        "เอกสารการใช้จ่ายเงินเพื่อดำเนินโครงการ/กิจกรรม (ใบเสร็จรับเงิน หรือใบสำคัญรับเงิน ตั๋วรถยนต์/รถไฟ รายชื่อผู้เข้าร่วม)",
        "receipts, vouchers, tickets, attendance lists",
    ),
    ("3.5", "รายงานการประชุมการดำเนินโครงการ/กิจกรรมแต่ละครั้ง", "minutes of each meeting"),
    ("3.6", "รายงานสรุปผลการปฏิบัติงานตามแผนงานแต่ละงวด", "activity report for each tranche"),
    ("3.7", "รายงานสรุปผลการปฏิบัติงานตามแผนงานงวดสุดท้าย", "final activity report"),
    ("3.8", "รายชื่อผู้รับประโยชน์", "beneficiaries"),
    ("3.9", "สมุดบัญชี สมุดรายรับ – รายจ่าย", "books of account, income-expense book"),
    (
        "3.10",
        "บัญชีเงินฝากธนาคารที่รับเงินจากเครือข่ายแผนแม่บทชุมชนพึ่งตนเอง ระดับภาค และรายละเอียดเงื่อนไขการส่งจ่ายเงิน",
        "bank account and its signing rules",
    ),
    (
        "3.11",
        "เอกสารอื่น ๆ ที่เกี่ยวข้อง เช่น หนังสือขยายเวลาโครงการ/กิจกรรม หนังสือการเปลี่ยนแปลงกิจกรรม",
        "other documents: extensions, changes",
    ),
]
