"""The seed's §1.4 budget table, transcribed as printed (seed/000_538d0e572733d272.txt, lines 391-403).

Printed negatives appear as "(- 815,000)" or "(1,978,637)"; line 8's variance cell holds text
("งบประมาณจาก สสส.600,000", ThaiHealth co-funding) instead of a number, so it has no stated variance.
"""

from __future__ import annotations

# no, title, planned, percent, actual, variance as printed (None: not a number in print)
LINES: list[tuple[int, str, str, str, str, str | None]] = [
    (1, "ส่งเสริมการปฏิบัติการพื้นที่ต้นแบบ 49 ตำบล", "2205000", "10.78", "3020000", "-815000"),
    (2, "ส่งเสริมการปฏิบัติการพื้นที่นำร่อง 173 ตำบล เพื่อพัฒนาระดับ", "4325000", "21.14", "4655000", "-330000"),
    (3, "ซ่อม/เสริม/สร้างวิทยากรกระบวนการแผนชุมชน", "1777500", "8.69", "1446238", "331262"),
    (4, "เวทีเชื่อมโยงและการแลกเปลี่ยนเรียนรู้ระดับภาค (คน กระบวนการ กิจกรรม)", "1848000", "9.03", "2048868", "-200868"),
    (5, "เวทีขยายผลเชื่อมโยงระดับชาติเพื่อการเปลี่ยนแปลง การพัฒนา", "300000", "1.46", "167393", "132607"),
    (6, "สื่อประชาสัมพันธ์เพื่อขยายความเข้าใจเรื่องแผนชุมชน", "4000000", "19.55", "3886477", "113523"),
    (7, "งบประมาณบริหารจัดการ 4 ภาค (4 ภาคx800,000 บาท)", "3200000", "15.64", "3206000", "6000"),
    (8, "งานมหกรรมแผนแม่บทชุมชน", "800000", "3.91", "800000", None),
    (9, "งบประมาณบริหารจัดการส่วนกลาง คณะกรรมการ", "1000000", "4.88", "2978637", "-1978637"),
    (10, "การบริหารจัดการกองเลข", "1000000", "4.88", "624501", "375499"),
]
STATED_TOTALS = {"planned": "20455500", "percent": "100", "actual": "18951747", "variance": "2103252"}


def statement_as_printed() -> dict[str, object]:
    """The reconcile request body for the table exactly as printed."""
    lines = []
    for no, title, planned, percent, actual, variance in LINES:
        line: dict[str, object] = {"no": no, "title": title, "planned": planned, "percent": percent, "actual": actual}
        if variance is not None:
            line["variance"] = variance
        lines.append(line)
    return {"lines": lines, "stated_totals": dict(STATED_TOTALS)}
