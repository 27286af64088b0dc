"""Chained dependencies of the committee routes: the committee in the path is loaded, in scope, once."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends

from phaen_common.db import SessionDep
from phaen_registry.committees import service
from phaen_registry.committees.models import Committee
from phaen_registry.deps import Reader
from phaen_registry.scope import read_scope


async def visible_committee(principal: Reader, session: SessionDep, committee_id: uuid.UUID) -> Committee:
    """The committee in the path if the caller may read it (404 ``committee_not_found`` outside its scope)."""
    return await service.get_committee(
        session=session, committee_id=committee_id, scope=read_scope(principal, "committee")
    )


VisibleCommittee = Annotated[Committee, Depends(visible_committee)]
