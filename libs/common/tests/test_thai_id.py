from phaen_common.thai_id import national_id_check_digit, national_id_ok


def test_check_digit_and_validation():
    assert national_id_check_digit("110170020345") == 0
    assert national_id_ok("1101700203450")
    assert not national_id_ok("1101700203451")
    assert not national_id_ok("110170020345")
    assert not national_id_ok("11017002034500")
    assert not national_id_ok("1101-70020345")
