"""Queries about the panel's confirmations of a cycle's results."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from jlpanel.storage.models import Confirmation


def latest_confirmation(session: Session) -> Confirmation | None:
    """The most recent confirmation, reopened or not; None before the first."""
    return session.scalars(
        select(Confirmation).order_by(Confirmation.at.desc(), Confirmation.id.desc())
    ).first()
