"""The seed's §1.4 budget table (seed/000_538d0e572733d272.txt, lines 392-402): no, title, planned, actual."""

from __future__ import annotations

from pathlib import Path

LINES: list[tuple[int, str, str, str]] = [
    (1, "ส่งเสริมการปฏิบัติการพื้นที่ต้นแบบ 49 ตำบล", "2205000", "3020000"),
    (2, "ส่งเสริมการปฏิบัติการพื้นที่นำร่อง 173 ตำบล เพื่อพัฒนาระดับ", "4325000", "4655000"),
    (3, "ซ่อม/เสริม/สร้างวิทยากรกระบวนการแผนชุมชน", "1777500", "1446238"),
    (4, "เวทีเชื่อมโยงและการแลกเปลี่ยนเรียนรู้ระดับภาค (คน กระบวนการ กิจกรรม)", "1848000", "2048868"),
    (5, "เวทีขยายผลเชื่อมโยงระดับชาติเพื่อการเปลี่ยนแปลง การพัฒนา", "300000", "167393"),
    (6, "สื่อประชาสัมพันธ์เพื่อขยายความเข้าใจเรื่องแผนชุมชน", "4000000", "3886477"),
    (7, "งบประมาณบริหารจัดการ 4 ภาค (4 ภาคx800,000 บาท)", "3200000", "3206000"),
    (8, "งานมหกรรมแผนแม่บทชุมชน", "800000", "800000"),
    (9, "งบประมาณบริหารจัดการส่วนกลาง คณะกรรมการ", "1000000", "2978637"),
    (10, "การบริหารจัดการกองเลข", "1000000", "624501"),
]
GRANT = "20455500"
COFUNDING = (8, "ThaiHealth", "600000")  # "งบประมาณจาก สสส.600,000" printed in line 8's variance cell
# The table as the seed document prints it (tab-separated, lines 390-403 of seed/000_538d0e572733d272.txt,
# the network's own report handed to the project), kept beside the tests so they need nothing outside the repository.
SEED_FILE = str(Path(__file__).with_name("seed14_table.txt"))
