import datetime as dt

import pytest
from pydantic import BaseModel, ValidationError

from phaen_common.dates import IsoDate


class D(BaseModel):
    on: IsoDate


def test_iso_dates_and_python_dates_pass():
    assert D.model_validate({"on": "2004-03-15"}).on == dt.date(2004, 3, 15)
    assert D.model_validate({"on": dt.date(2004, 3, 15)}).on == dt.date(2004, 3, 15)


@pytest.mark.parametrize(
    "bad",
    [0, "0", 1654646400, "1654646400", "2004-03-15T00:00:00", "15/03/2547", "2004-13-01", dt.datetime(2004, 3, 15)],
)
def test_unix_times_datetimes_and_other_forms_are_refused(bad):
    with pytest.raises(ValidationError):
        D.model_validate({"on": bad})
