"""An in-memory index of the geography for search and resolve (7,436 rows fit easily).

Built once per process from the database (so names follow the loaded GeoThai version); every name is
pre-normalised so a query costs a scan of one province's subdistricts (at most ~250) with rapidfuzz.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_registry.geography.models import AbolishedArea, District, Province, Subdistrict
from phaen_registry.text import fold, is_thai, latin_key, skeleton, toneless

LEVEL_ORDER = {"province": 0, "district": 1, "subdistrict": 2}

# Scores by how a name matched. Exact spelling is 1.0 by contract; looser forms rank below it.
EXACT, TONELESS, VARIANT, FUZZY_WEIGHT = 1.0, 0.97, 0.94, 0.9
ABOLISHED_WEIGHT = 0.95  # a legacy name of an abolished tambon points at its successors
OTHER_DISTRICT_WEIGHT = 0.9  # a candidate outside the district the caller named
MIN_SCORE = 0.5
AMBIGUITY_GAP = 0.05
ACCEPT_SCORE = 0.8

_PROVINCE_ALIASES = {
    "กทม": "10",
    "กรุงเทพ": "10",
    "กรุงเทพฯ": "10",
    "อยุธยา": "14",
    "ayutthaya": "14",
    "bangkok": "10",
    "โคราช": "30",
    "korat": "30",
}
_MUEANG = {"เมือง", "mueang", "muang"}


@dataclass(frozen=True, slots=True)
class Area:
    """One province, district or subdistrict with its normalised names."""

    level: str
    code: str
    name_th: str
    name_en: str
    province_code: str
    district_code: str | None
    region: str
    fold_th: str
    toneless_th: str
    skeleton_th: str
    latin: str


@dataclass(frozen=True, slots=True)
class Abolished:
    code: str
    name_th: str
    name_en: str | None
    level: str
    successors: tuple[str, ...]
    fold_th: str
    toneless_th: str
    skeleton_th: str
    latin: str


@dataclass(slots=True)
class Candidate:
    area: Area
    score: float
    match: str


@dataclass(slots=True)
class Resolution:
    """The answer to a resolve query."""

    province: Area
    district: Area | None
    candidates: list[Candidate]

    @property
    def ambiguous(self) -> bool:
        c = self.candidates
        return len(c) >= 2 and c[0].score - c[1].score < AMBIGUITY_GAP

    @property
    def best(self) -> Candidate | None:
        """The top candidate when it is clear enough to act on without a human."""
        if self.candidates and not self.ambiguous and self.candidates[0].score >= ACCEPT_SCORE:
            return self.candidates[0]
        return None


def _area(level: str, code: str, name_th: str, name_en: str, province: str, district: str | None, region: str) -> Area:
    return Area(
        level,
        code,
        name_th,
        name_en,
        province,
        district,
        region,
        fold(name_th),
        toneless(name_th),
        skeleton(name_th),
        latin_key(name_en),
    )


@dataclass
class GeoIndex:
    """Provinces, districts and subdistricts in use, plus abolished ones, ready for matching."""

    provinces: dict[str, Area] = field(default_factory=dict)
    districts: dict[str, Area] = field(default_factory=dict)
    subdistricts: dict[str, Area] = field(default_factory=dict)
    abolished: dict[str, Abolished] = field(default_factory=dict)
    region_of: dict[str, str] = field(default_factory=dict)
    provinces_by_region: dict[str, list[str]] = field(default_factory=dict)
    _subs_by_province: dict[str, list[Area]] = field(default_factory=dict)
    _abolished_by_province: dict[str, list[Abolished]] = field(default_factory=dict)
    _all: list[Area] = field(default_factory=list)

    @classmethod
    def build(
        cls,
        provinces: Iterable[tuple[str, str, str, str]],
        districts: Iterable[tuple[str, str, str, str]],
        subdistricts: Iterable[tuple[str, str, str, str, str]],
        abolished: Iterable[tuple[str, str, str | None, str, list[str]]],
    ) -> GeoIndex:
        """Build from plain rows (code, names, parents)."""
        idx = cls()
        for code, th, en, region in provinces:
            idx.provinces[code] = _area("province", code, th, en, code, None, region)
            idx.region_of[code] = region
            idx.provinces_by_region.setdefault(region, []).append(code)
        for code, th, en, pcode in districts:
            idx.districts[code] = _area("district", code, th, en, pcode, None, idx.region_of.get(pcode, ""))
        for code, th, en, dcode, pcode in subdistricts:
            area = _area("subdistrict", code, th, en, pcode, dcode, idx.region_of.get(pcode, ""))
            idx.subdistricts[code] = area
            idx._subs_by_province.setdefault(pcode, []).append(area)
        for old_code, old_th, old_en, level, successors in abolished:
            a = Abolished(
                old_code,
                old_th,
                old_en,
                level,
                tuple(successors),
                fold(old_th),
                toneless(old_th),
                skeleton(old_th),
                latin_key(old_en or ""),
            )
            idx.abolished[old_code] = a
            if level == "subdistrict":
                idx._abolished_by_province.setdefault(old_code[:2], []).append(a)
        idx._all = sorted(
            [*idx.provinces.values(), *idx.districts.values(), *idx.subdistricts.values()],
            key=lambda a: (LEVEL_ORDER[a.level], a.code),
        )
        return idx

    @property
    def empty(self) -> bool:
        return not self.subdistricts

    # --- provinces and districts named by people -------------------------------------------------------
    def find_province(self, text: str) -> Area | None:
        """A province by code, Thai or English name (tone marks, level word and small typos forgiven)."""
        text = text.strip()
        if text in self.provinces:
            return self.provinces[text]
        f, t, s, lk = fold(text), toneless(text), skeleton(text), latin_key(text)
        if f in _PROVINCE_ALIASES:
            return self.provinces.get(_PROVINCE_ALIASES[f])
        for p in self.provinces.values():
            if f == p.fold_th or t == p.toneless_th or s == p.skeleton_th or (lk and lk == p.latin):
                return p
        return _best_fuzzy(list(self.provinces.values()), s, lk, is_thai(text))

    def find_district(self, text: str, province: Area) -> Area | None:
        """A district of ``province`` by code or name; "เมือง"/"Mueang" is the capital district (XX01)."""
        text = text.strip()
        if text in self.districts:
            d = self.districts[text]
            return d if d.province_code == province.code else None
        mine = [d for d in self.districts.values() if d.province_code == province.code]
        f, t, s, lk = fold(text), toneless(text), skeleton(text), latin_key(text)
        if (f in _MUEANG or lk in _MUEANG) and province.code != "10":
            return self.districts.get(province.code + "01")
        for d in mine:
            if f == d.fold_th or t == d.toneless_th or s == d.skeleton_th or (lk and lk == d.latin):
                return d
        return _best_fuzzy(mine, s, lk, is_thai(text))

    # --- resolve -----------------------------------------------------------------------------------------
    def resolve(self, name: str, province: Area, district: Area | None = None, *, limit: int = 10) -> Resolution:
        """Rank the subdistricts of ``province`` that ``name`` may mean (a code, a legacy or misspelt name)."""
        found: dict[str, Candidate] = {}

        def offer(area: Area, score: float, how: str) -> None:
            if district is not None and area.district_code != district.code:
                score *= OTHER_DISTRICT_WEIGHT
            score = round(score, 4)
            if score >= MIN_SCORE and (area.code not in found or found[area.code].score < score):
                found[area.code] = Candidate(area, score, how)

        code = name.strip()
        if re.fullmatch(r"\d{6}", code):
            if code in self.subdistricts and code[:2] == province.code:
                offer(self.subdistricts[code], EXACT, "code")
            elif code in self.abolished and code[:2] == province.code:
                for succ in self.abolished[code].successors:
                    if succ in self.subdistricts:
                        offer(self.subdistricts[succ], EXACT * ABOLISHED_WEIGHT, "abolished_code")
            return Resolution(province, district, _ranked(found, limit))

        thai = is_thai(name)
        f, t, s, lk = fold(name), toneless(name), skeleton(name), latin_key(name)
        if not (f or lk):
            return Resolution(province, district, [])
        for area in self._subs_by_province.get(province.code, ()):
            score, how = _score(area.fold_th, area.toneless_th, area.skeleton_th, area.latin, f, t, s, lk, thai)
            if score:
                offer(area, score, how)
        for old in self._abolished_by_province.get(province.code, ()):
            score, how = _score(old.fold_th, old.toneless_th, old.skeleton_th, old.latin, f, t, s, lk, thai)
            if score:
                for succ in old.successors:
                    if succ in self.subdistricts:
                        offer(self.subdistricts[succ], score * ABOLISHED_WEIGHT, "abolished_name")
        return Resolution(province, district, _ranked(found, limit))

    # --- search ------------------------------------------------------------------------------------------
    def search(self, q: str, *, level: str | None = None, province: str | None = None) -> list[Area]:
        """Areas whose Thai or English name contains ``q`` (tone marks, spaces, level word ignored)."""
        t, lk = toneless(q), latin_key(q)
        thai = is_thai(q)
        if not (t if thai else lk):
            return []
        hits: list[tuple[int, int, str, Area]] = []
        for a in self._all:
            if level and a.level != level:
                continue
            if province and a.province_code != province:
                continue
            key, needle = (a.toneless_th, t) if thai else (a.latin, lk)
            pos = key.find(needle)
            if pos < 0 and not thai and needle == a.code:
                pos = 0
            if pos < 0:
                continue
            rank = 0 if key == needle else (1 if pos == 0 else 2)
            hits.append((rank, LEVEL_ORDER[a.level], a.code, a))
        hits.sort(key=lambda h: (h[0], h[1], h[2]))
        return [h[3] for h in hits]


def _score(
    fold_th: str, toneless_th: str, skel: str, latin: str, f: str, t: str, s: str, lk: str, thai: bool
) -> tuple[float, str]:
    if thai:
        if f == fold_th:
            return EXACT, "exact"
        if t == toneless_th:
            return TONELESS, "tone_marks"
        if s == skel:
            return VARIANT, "variant_spelling"
        r = max(fuzz.ratio(t, toneless_th), fuzz.ratio(s, skel)) / 100
        return max(FUZZY_WEIGHT * r, _few_edits(t, toneless_th, s, skel)), "fuzzy"
    if not latin:
        return 0.0, ""
    if lk == latin:
        return EXACT, "exact"
    return FUZZY_WEIGHT * fuzz.ratio(lk, latin) / 100, "fuzzy"


def _few_edits(t: str, toneless_th: str, s: str, skel: str) -> float:
    """One or two characters extra, missing or wrong: short names deserve more than their ratio."""
    if len(toneless_th) < 4:
        return 0.0
    d = min(Levenshtein.distance(t, toneless_th, score_cutoff=2), Levenshtein.distance(s, skel, score_cutoff=2))
    return FUZZY_WEIGHT - 0.04 * d if d <= 2 else 0.0


def _ranked(found: dict[str, Candidate], limit: int) -> list[Candidate]:
    return sorted(found.values(), key=lambda c: (-c.score, c.area.code))[:limit]


def _best_fuzzy(areas: list[Area], s: str, lk: str, thai: bool) -> Area | None:
    """The single clearly best fuzzy match (ratio >= 85, 5 points ahead of the next), else None."""
    scored = sorted(
        ((fuzz.ratio(s, a.skeleton_th) if thai else fuzz.ratio(lk, a.latin), a.code, a) for a in areas),
        key=lambda x: (-x[0], x[1]),
    )
    if not scored or scored[0][0] < 85:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < 5:
        return None
    return scored[0][2]


async def load_index(session: AsyncSession) -> GeoIndex:
    """Build the index from the registry tables."""
    provinces = (
        await session.execute(
            select(
                Province.code,
                Province.name_th,
                Province.name_en,  # type: ignore[call-overload]
                Province.region_code,
            )
        )
    ).all()
    districts = (
        await session.execute(
            select(
                District.code,
                District.name_th,
                District.name_en,  # type: ignore[call-overload]
                District.province_code,
            ).where(col(District.in_use))
        )
    ).all()
    subs = (
        await session.execute(
            select(
                Subdistrict.code,
                Subdistrict.name_th,
                Subdistrict.name_en,  # type: ignore[call-overload]
                Subdistrict.district_code,
                Subdistrict.province_code,
            ).where(col(Subdistrict.in_use))
        )
    ).all()
    abolished = (
        await session.execute(
            select(
                AbolishedArea.code,
                AbolishedArea.name_th,  # type: ignore[call-overload]
                AbolishedArea.name_en,
                AbolishedArea.level,
                AbolishedArea.successors,
            )
        )
    ).all()
    return GeoIndex.build(provinces, districts, subs, abolished)
