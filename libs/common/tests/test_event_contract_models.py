"""The typed event contract: producers encode through the models, consumers decode through them."""

from __future__ import annotations

import uuid

import pytest

from phaen_common.events import EventError, decode, encode, load_catalogue
from phaen_common.events.asyncapi import asyncapi_document
from phaen_common.events.budget import AccountOpened
from phaen_common.events.samples import complete

ACCOUNT = {
    "id": str(uuid.uuid4()),
    "project_id": str(uuid.uuid4()),
    "bank": "ธ.ก.ส.",
    "branch": "ศรีภูมิ",
    "name": "โครงการ",
    "number_last4": "4567",
    "threshold": 2,
    "signatory_count": 3,
}


def test_every_type_has_one_model_and_a_known_producer():
    catalogue = load_catalogue()
    assert {"withdrawal.approved", "tambon.enrolled", "ledger.entry"} <= set(catalogue)
    assert {s.source for s in catalogue.values()} <= {"registry", "budget"}
    for spec in catalogue.values():
        assert spec.model.__name__ and spec.dataschema == f"urn:phaen:event:{spec.type}:v{spec.version}"
    assert len({s.model for s in catalogue.values()}) == len(catalogue)  # one model per type


def test_a_renamed_field_is_refused_at_the_producer():
    assert encode("account.opened", ACCOUNT)["number_last4"] == "4567"
    renamed = {k if k != "number_last4" else "last4": v for k, v in ACCOUNT.items()}
    with pytest.raises(EventError, match="number_last4"):
        encode("account.opened", renamed)
    with pytest.raises(EventError, match=r"withdrawal\.approved"):
        encode("withdrawal.approved", {"id": "not-a-uuid"})


def test_money_is_a_two_decimal_string_and_floats_are_refused():
    entry = complete("ledger.entry", {"amount": "-1200.5", "kind": "payout"})
    assert entry["amount"] == "-1200.50"
    with pytest.raises(EventError):
        complete("ledger.entry", {"amount": 1200.5})


def test_the_consumer_ignores_added_fields_and_skips_what_does_not_fit():
    data = decode("account.opened", {**ACCOUNT, "added_by_a_newer_producer": 1})
    assert isinstance(data, AccountOpened) and data.number_last4 == "4567"
    assert decode("account.opened", {**ACCOUNT, "id": "not-a-uuid"}) is None
    assert decode("something.new", {"x": 1}) is None
    assert encode("something.new", {"x": 1}) == {"x": 1}  # untyped: passed through (the contract test flags it)


def test_asyncapi_document_has_a_channel_and_message_per_type():
    doc = asyncapi_document()
    assert doc["asyncapi"] == "3.0.0" and doc == asyncapi_document()  # the same document every time
    catalogue = load_catalogue()
    assert {c["address"] for c in doc["channels"].values()} == set(catalogue)
    schemas = doc["components"]["schemas"]
    for message in doc["components"]["messages"].values():
        envelope = schemas[message["payload"]["$ref"].rsplit("/", 1)[1]]
        assert set(envelope["required"]) >= {"id", "source", "type", "specversion", "time", "subject", "data"}
        assert envelope["properties"]["data"]["$ref"].rsplit("/", 1)[1] in schemas
        assert message["headers"]["required"] == ["webhook-id", "webhook-timestamp", "webhook-signature"]
        assert message["examples"][0]["payload"]["type"] == message["name"]
    for op in doc["operations"].values():
        assert op["action"] == "send" and op["channel"]["$ref"].split("/")[-1] in doc["channels"]
    account = schemas["AccountOpened"]["properties"]
    assert "number_last4" in account and "last4" not in account
    assert schemas["LedgerEntry"]["properties"]["amount"]["type"] == "string"
