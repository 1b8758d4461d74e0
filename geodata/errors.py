"""The one error every fault of the boundary data raises."""

from __future__ import annotations

from pathlib import Path


class BoundaryDataError(ValueError):
    """A boundary file is missing, unreadable or inconsistent with the others.

    `file` is the file's name relative to the data folder `folder`; `detail` says what is
    wrong and names the municipalities or safety regions concerned. `str(error)` starts with
    the full path (for the command line and logs); `public_message` leaves out the folder
    (for pages that must not show server paths).

    >>> error = BoundaryDataError(Path("/srv/data"), "safety-regions.csv", "duplicate code VR04")
    >>> str(error)
    '/srv/data/safety-regions.csv: duplicate code VR04'
    >>> error.public_message
    'safety-regions.csv: duplicate code VR04'
    """

    def __init__(self, folder: Path, file: str, detail: str) -> None:
        self.folder = folder
        self.file = file
        self.detail = detail
        super().__init__(f"{folder / file}: {detail}")

    @property
    def public_message(self) -> str:
        """The message with the file named relative to the data folder."""
        return f"{self.file}: {self.detail}"
