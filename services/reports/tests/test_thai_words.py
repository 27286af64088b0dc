"""Amounts in Thai words: the same text as pythainlp's bahttext, without the amount ever becoming a float."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from pythainlp.util import bahttext

from phaen_reports.render.thai import baht_words


@pytest.mark.parametrize(
    "amount,words",
    [
        ("0", "ศูนย์บาทถ้วน"),
        ("0.01", "ศูนย์บาทหนึ่งสตางค์"),
        ("21.21", "ยี่สิบเอ็ดบาทยี่สิบเอ็ดสตางค์"),
        ("3000", "สามพันบาทถ้วน"),
        ("-6000", "ลบหกพันบาทถ้วน"),
        ("22833114.00", "ยี่สิบสองล้านแปดแสนสามหมื่นสามพันหนึ่งร้อยสิบสี่บาทถ้วน"),
    ],
)
def test_known_amounts(amount, words):
    assert baht_words(Decimal(amount)) == words


def test_agrees_with_bahttext_across_the_whole_range():
    rng = random.Random(2547)
    amounts = [Decimal(rng.randrange(0, 10**14)) / 100 for _ in range(2000)] + [Decimal("999999999999.99")]
    for amount in amounts:
        assert baht_words(amount) == bahttext(float(amount)), amount
