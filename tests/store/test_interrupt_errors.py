"""Ctrl-C inside a database driver call can surface as a driver error (the
driver cancels the query, then the rollback fails); it must still stop the
batch as an interruption, never be counted as one failed document."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import OperationalError

from marsad.errors import StorageError
from marsad.store.db import caused_by_interrupt


def _driver_error_during_ctrl_c() -> OperationalError:
    try:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            raise OperationalError("INSERT INTO events ...", {}, Exception("canceling statement due to user request"))  # noqa: B904 - the context is the point
    except OperationalError as error:
        return error


def test_an_interrupt_is_found_in_the_error_chain():
    assert caused_by_interrupt(_driver_error_during_ctrl_c())
    assert not caused_by_interrupt(OperationalError("SELECT 1", {}, Exception("disk full")))


def test_transaction_turns_a_driver_error_during_ctrl_c_back_into_an_interrupt(database):
    with pytest.raises(KeyboardInterrupt):
        with database.transaction():
            raise _driver_error_during_ctrl_c()
    with pytest.raises(StorageError, match="disk full"):
        with database.transaction():
            raise OperationalError("SELECT 1", {}, Exception("disk full"))
