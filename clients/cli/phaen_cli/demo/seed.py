"""The seed document's facts the demo plays (seed §1.1, §1.4, §1.5); where the seed is silent, plain examples."""

from __future__ import annotations

# §1.4: CODI's grant of 20,455,500 THB in 10 plan lines (planned amounts as printed; they sum to the grant).
GRANT_AMOUNT = "20455500.00"
GRANT_NAME = "ทุนสนับสนุนเครือข่ายแผนแม่บทชุมชนพึ่งตนเอง 4 ภาค ปี 2547"
PROJECT_NAME = "แผนแม่บทชุมชนตำบลไม้เรียง ปี 2547"
GRANT_LINES: list[tuple[int, str, str]] = [
    (1, "ส่งเสริมการปฏิบัติการพื้นที่ต้นแบบ 49 ตำบล", "2205000.00"),
    (2, "ส่งเสริมการปฏิบัติการพื้นที่นำร่อง 173 ตำบล เพื่อพัฒนาระดับ", "4325000.00"),
    (3, "ซ่อม/เสริม/สร้างวิทยากรกระบวนการแผนชุมชน", "1777500.00"),
    (4, "เวทีเชื่อมโยงและการแลกเปลี่ยนเรียนรู้ระดับภาค (คน กระบวนการ กิจกรรม)", "1848000.00"),
    (5, "เวทีขยายผลเชื่อมโยงระดับชาติเพื่อการเปลี่ยนแปลง การพัฒนา", "300000.00"),
    (6, "สื่อประชาสัมพันธ์เพื่อขยายความเข้าใจเรื่องแผนชุมชน", "4000000.00"),
    (7, "งบประมาณบริหารจัดการ 4 ภาค (4 ภาค x 800,000 บาท)", "3200000.00"),
    (8, "งานมหกรรมแผนแม่บทชุมชน", "800000.00"),
    (9, "งบประมาณบริหารจัดการส่วนกลาง คณะกรรมการ", "1000000.00"),
    (10, "การบริหารจัดการกองเลข", "1000000.00"),
]
# Line 8 (the festival) was co-funded by ThaiHealth (สสส.).
COFUNDING = {8: [{"funder": "ThaiHealth (สสส.)", "amount": "600000.00"}]}

# The tambons the seed names, spelt as the seed spells them (the registry resolves ไม่เรียง to ไม้เรียง), with
# their tier; ไม้เรียง (the seed's model tambon, §1.1) first.
SEED_TAMBONS: list[tuple[str, str, str, str]] = [
    ("ไม่เรียง", "ฉวาง", "นครศรีธรรมราช", "model"),
    ("บางเจ้าฉ่า", "", "อ่างทอง", "pilot"),
    ("ขอนหาด", "", "นครศรีธรรมราช", "pilot"),
    ("นาบัว", "", "พิษณุโลก", "pilot"),
    ("น้ำเกียน", "", "น่าน", "pilot"),
    ("ขามเปี้ย", "", "ร้อยเอ็ด", "pilot"),
    ("วังตะกอก", "", "ชุมพร", "pilot"),
    ("ดอนนางหงส์", "", "นครพนม", "pilot"),
    ("น้ำอ้อม", "", "ยโสธร", "pilot"),
    ("เกาะจันทร์", "ชะอวด", "นครศรีธรรมราช", "model"),
    ("ตะโหมด", "", "พัทลุง", "pilot"),
    ("ศรีสะเกษ", "", "น่าน", "model"),
    ("เครี้ง", "ชะอวด", "นครศรีธรรมราช", "pilot"),
    ("รามแก้ว", "หัวไทร", "นครศรีธรรมราช", "pilot"),
]
CRITERIA = (
    "plans_80pct",
    "facilitator_team",
    "joint_plans",
    "ongoing_activities",
    "linked_tao",
    "tao_support",
    "spread",
)

# The people of the story are examples (ตัวอย่าง), never real persons; their national IDs are synthetic.
PROJECT_HEAD = "นายสมชาย ตัวอย่าง"  # chairs ไม้เรียง's working group, heads the project, certifies vouchers
SIGNATORIES = ("นายสมหมาย ตัวอย่าง", "นางสมศรี ตัวอย่าง", "นายสมปอง ตัวอย่าง")
TREASURER = SIGNATORIES[1]  # pays out, so signs vouchers as the payer
MAI_RIANG = "800405"  # ตำบลไม้เรียง อำเภอฉวาง จังหวัดนครศรีธรรมราช (south)
MODEL_STANDARD = "45000.00"  # a model tambon's standard amount (DOMAIN: standard amounts)


def tambons_csv() -> str:
    """The seed tambons as an import file: models meet all seven criteria, pilots are on their way."""
    header = ["name", "district", "province", "tier", "joined_on", "villages_total", "villages_with_plan", *CRITERIA]
    header += ["tao_plan_integrated", "tao_funded"]
    lines = [",".join(header)]
    for name, district, province, tier in SEED_TAMBONS:
        model = tier == "model"
        # The 7 criteria of §1.1: a model tambon meets all; a pilot is still building the last three.
        criteria = ["1"] * 4 + (["1"] * 3 if model else ["0"] * 3)
        villages = ("12", "12") if model else ("10", "8")
        row = [name, district, province, tier, "2003-10-01", *villages, *criteria, "1" if model else "0", "0"]
        lines.append(",".join(row))
    return "\n".join(lines) + "\n"
