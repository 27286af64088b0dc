"""Who may be in a signatory set: distinct persons with a valid national ID, each an enabled signatory user."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from phaen_budget.signatories.directory import Directory
from phaen_budget.signatories.errors import SamePersonTwice, UnknownSignatory


async def check_set(*, directory: Directory, user_ids: Sequence[str]) -> dict[str, str]:
    """user id -> person id of a signatory set; 422 naming the ids that are unknown or the same person."""
    found = await directory.signers(list(user_ids))
    unknown = [u for u in user_ids if u not in found]
    if unknown:
        raise UnknownSignatory(
            "Not an enabled user with the signatory role linked to a person with a valid national ID: "
            + ", ".join(unknown),
            loc=["body", "signatories"],
        )
    by_person: dict[str, list[str]] = defaultdict(list)
    for u in user_ids:
        by_person[found[u].person_id].append(u)
    twice = [u for ids in by_person.values() if len(ids) > 1 for u in ids]
    if twice:
        raise SamePersonTwice("These user ids are one person: " + ", ".join(twice), loc=["body", "signatories"])
    return {u: found[u].person_id for u in user_ids}
