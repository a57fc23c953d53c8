"""The errors parallax expects: bad input or a failed operation the user can act on.

Every such error is a :class:`ParallaxError`; the command line turns exactly these (and the
operating system's ``OSError``) into one line on stderr and exit status 2. Anything else is a
bug and keeps its traceback. The message names the file (and the line, where known) and the
fault; the file name goes through :func:`printable` so that a name holding terminal escapes
cannot reach the terminal.
"""

from __future__ import annotations

import os
from pathlib import Path

from parallax.core.text import printable


class ParallaxError(ValueError):
    """Bad input or a failed operation, told in one line: ``path:line: problem``.

    ``path`` and ``line`` are kept as attributes for callers that point at the place (a dialog,
    a test); ``problem`` is the fault alone. A ``ValueError`` so that callers written against
    the older, separate error types keep working.
    """

    def __init__(
        self,
        problem: str,
        *,
        path: str | os.PathLike[str] | None = None,
        line: int | None = None,
    ) -> None:
        self.problem = problem
        self.path: Path | None = Path(path) if path is not None else None
        self.line = line
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The one-line message: where (file, line) and what."""
        where = ""
        if self.path is not None:
            where = printable(str(self.path))
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        elif self.line is not None:
            where = f"line {self.line}: "
        return " ".join(f"{where}{printable(self.problem)}".split())

    def __str__(self) -> str:
        return self.message
