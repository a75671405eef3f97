"""Reading many rows at once: the driver's own tuples, without SQLAlchemy's row objects."""

from __future__ import annotations

from typing import TypeVarTuple, cast

from sqlalchemy import Select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from jlpanel.storage.scoping import limited

_Ts = TypeVarTuple("_Ts")


def plain_rows(session: Session, statement: Select[*_Ts]) -> list[tuple[*_Ts]]:
    """The rows of ``statement`` in ``session``'s transaction, limited to its cycle as its own
    statements are, as the driver returns them: all at once, in the columns' order.

    For the few large reads (a cycle's 210,000 indicator scores at 2,000 platforms, issue 16
    W3): SQLAlchemy's row objects cost more than the query, and iterating a result fetches
    one row at a time, which psycopg does in Python (half a second on a server). The
    statement is compiled and executed by SQLAlchemy as usual (its parameters, its errors
    with their parameters hidden); only the rows skip its result processing, so a column
    whose type needs that (a date or a boolean on SQLite, a type decorator such as
    ``ExactPoints``) is refused here: cast it to the plain type the driver gives
    (``type_coerce(column, Float())``) and convert it in Python.
    """
    connection = session.connection()
    dialect = connection.dialect
    result = connection.execute(limited(session, statement))
    cursor = result.cursor
    processed = [
        column.name
        for column, described in zip(statement.selected_columns, cursor.description, strict=True)
        if column.type.dialect_impl(dialect).result_processor(dialect, described[1]) is not None
    ]
    if processed:
        result.close()
        raise ValueError(f"columns that need SQLAlchemy's result processing: {processed}")
    try:
        # psycopg has every row already (a client-side cursor), and SQLite's fetchall is C.
        return cast(list[tuple[*_Ts]], cursor.fetchall())
    except dialect.loaded_dbapi.Error as error:  # as SQLAlchemy raises it: no values shown
        raise DBAPIError.instance(
            str(statement),
            None,
            error,
            dialect.loaded_dbapi.Error,
            hide_parameters=True,
            dialect=dialect,
        ) from error
    finally:
        result.close()
