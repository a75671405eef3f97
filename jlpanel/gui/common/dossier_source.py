"""Where the dossier browser reads a platform's material: a workspace or a review package.

The staff's workspace and an expert's review package hold the same dossier parts and offer
them through the same three service calls (``dossier_overview``, ``sheet_data``,
``save_attachment``); a :class:`DossierSource` wraps one of them so :class:`DossierView`
shows either without knowing which. Calls run on pool threads: a source holds no widget.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the services pull in SQLAlchemy
    from jlpanel.services.dossiers import DossierOverview, SheetData
    from jlpanel.services.review import ReviewSession
    from jlpanel.services.workspace import Workspace


class DossierSource:
    """A place dossiers are read from (abstract)."""

    def overview(self, platform_id: int) -> DossierOverview:
        """Basic info, metrics, findings, attachment list and sheet counts of a platform."""
        raise NotImplementedError

    def sheet(
        self, platform_id: int, attribute: str, offset: int = 0, limit: int | None = None
    ) -> SheetData:
        """Rows ``offset`` … ``offset + limit`` of a row sheet ("services" …), and its total."""
        raise NotImplementedError

    def save_attachment(self, attachment_id: int, folder: Path) -> Path:
        """Write an attachment into ``folder``; returns the file."""
        raise NotImplementedError


class WorkspaceDossiers(DossierSource):
    """The dossiers imported into an open cycle workspace."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    def overview(self, platform_id: int) -> DossierOverview:
        from jlpanel.services.dossiers import dossier_overview

        return dossier_overview(self.workspace, platform_id)

    def sheet(
        self, platform_id: int, attribute: str, offset: int = 0, limit: int | None = None
    ) -> SheetData:
        from jlpanel.services.dossiers import sheet_data

        return sheet_data(self.workspace, platform_id, attribute, offset=offset, limit=limit)

    def save_attachment(self, attachment_id: int, folder: Path) -> Path:
        from jlpanel.services.dossiers import save_attachment

        return save_attachment(self.workspace, attachment_id, folder)


class PackageDossiers(DossierSource):
    """The dossiers of the platforms assigned to an expert, inside their review package."""

    def __init__(self, session: ReviewSession) -> None:
        self.session = session

    def overview(self, platform_id: int) -> DossierOverview:
        from jlpanel.services.review import dossier_overview

        return dossier_overview(self.session, platform_id)

    def sheet(
        self, platform_id: int, attribute: str, offset: int = 0, limit: int | None = None
    ) -> SheetData:
        from jlpanel.services.review import sheet_data

        return sheet_data(self.session, platform_id, attribute, offset=offset, limit=limit)

    def save_attachment(self, attachment_id: int, folder: Path) -> Path:
        from jlpanel.services.review import save_attachment

        return save_attachment(self.session, attachment_id, folder)


def as_source(context: object) -> DossierSource | None:
    """``context`` as a dossier source: a source, an open workspace, or None."""
    if context is None or isinstance(context, DossierSource):
        return context
    return WorkspaceDossiers(context)  # type: ignore[arg-type]
