"""The error every reader raises: problems with locations, so a user can find and fix each one."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from carveplan.model import Location, Problem, Severity


class ReadError(Exception):
    """A file could not be read into an agreement; ``problems`` says where and why.

    Readers collect every problem they can before raising, so a user fixes a file in one pass.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.summary())

    def summary(self) -> str:
        """All problems, one per line."""
        return "\n".join(str(p) for p in self.problems)

    @staticmethod
    def single(file: str, message: str, **where: str | int) -> ReadError:
        """A read error with one problem in ``file``."""
        location = Location(file=file, **where)  # type: ignore[arg-type]
        return ReadError([Problem(Severity.ERROR, location, message, "unreadable")])


class WriteError(Exception):
    """A file could not be written (disk full, no permission); the old file is untouched."""


class Cancelled(Exception):
    """The user cancelled long work through the progress callback; nothing was written."""


def check_progress(progress: object, done: int, total: int) -> None:
    """Report to an optional ``(done, total) -> bool`` callback; raise :class:`Cancelled` on False."""
    if callable(progress) and progress(done, total) is False:
        raise Cancelled("cancelled by the user")


@contextmanager
def reading(file: str) -> Iterator[None]:
    """Turn what the system or the interpreter raises while ``file`` is read into a :class:`ReadError`.

    Readers bound what they read and locate their problems; this is the net under them, so a file
    without read permission, or one that still finds a way past a bound, gives a message and leaves
    the open document as it was instead of a traceback.
    """
    try:
        yield
    except OSError as err:
        raise ReadError.single(file, f"cannot read the file: {err.strerror or err}") from None
    except MemoryError:
        raise ReadError.single(
            file, "the file needs more memory than is free: it is far larger than a schedule"
        ) from None
    except RecursionError:
        raise ReadError.single(file, "the file nests too deeply to read") from None
    except OverflowError as err:
        raise ReadError.single(file, f"the file holds a number too large to read ({err})") from None
