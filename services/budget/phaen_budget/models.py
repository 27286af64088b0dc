"""Import every table module of the budget service so Alembic sees the whole metadata."""

from sqlmodel import SQLModel

from phaen_budget import tables  # noqa: F401
from phaen_budget.accounts import models as _accounts  # noqa: F401
from phaen_budget.alerts import models as _alerts  # noqa: F401
from phaen_budget.audit import models as _audit  # noqa: F401
from phaen_budget.devicekeys import models as _devicekeys  # noqa: F401
from phaen_budget.expenses import models as _expenses  # noqa: F401
from phaen_budget.grants import models as _grants  # noqa: F401
from phaen_budget.projects import models as _projects  # noqa: F401
from phaen_budget.proposals import models as _proposals  # noqa: F401
from phaen_budget.signatories import models as _signatories  # noqa: F401
from phaen_budget.statements import models as _statements  # noqa: F401
from phaen_budget.tranches import models as _tranches  # noqa: F401
from phaen_budget.withdrawals import models as _withdrawals  # noqa: F401

metadata = SQLModel.metadata
