"""Every exception ladle raises on purpose.

Each error knows *where* it happened (a file, a line, a field), *what* went wrong and, when
there is one, a *hint* that tells the user what to do next. ``str(error)`` is the one line the
command line prints after ``error:``::

    WHERE: WHAT (HINT)

The hierarchy::

    LadleError                      anything ladle refuses to do; exit code 1 on the command line
    ├── SourceError                 a source cannot be read as text at all
    │   ├── SourceNotFound          no such file
    │   ├── EmptySource             the file or stream holds nothing
    │   ├── SourceTooLarge          over the size limit
    │   └── BinarySource            binary or undecodable bytes, not text
    ├── FormatError                 the text is not valid in the format it claims to be
    │   └── UnknownFormat           a format name ladle does not know or cannot read yet
    ├── NoRecipeFound               readable text, but no recipe in it
    ├── IngredientError             an ingredient line cannot be understood
    ├── UnitError                   an amount cannot be converted (unknown unit, no density)
    ├── RequestError                a request that cannot be served (a zero scale factor, …)
    ├── LibraryError                the recipe library cannot be opened, read or changed
    │   └── NotInLibrary            no recipe in the library has this id
    └── FoodDataError               a food composition release (USDA SR28, FoodData Central)
                                    cannot be read, or no food table has been imported

Nothing else escapes ladle's readers: the property tests feed them arbitrary text and accept
only ``LadleError``.
"""

from __future__ import annotations

__all__ = [
    "BinarySource",
    "EmptySource",
    "FoodDataError",
    "FormatError",
    "IngredientError",
    "LadleError",
    "LibraryError",
    "NoRecipeFound",
    "NotInLibrary",
    "RequestError",
    "SourceError",
    "SourceNotFound",
    "SourceTooLarge",
    "UnitError",
    "UnknownFormat",
]


class LadleError(Exception):
    """Base class: a request ladle cannot serve, explained in one line."""

    def __init__(self, what: str, *, where: str | None = None, hint: str | None = None) -> None:
        self.what = what
        self.where = where
        self.hint = hint
        super().__init__(self.line())

    def line(self) -> str:
        """The one-line message: ``WHERE: WHAT (HINT)``."""
        text = " ".join(self.what.split())
        if self.where:
            text = f"{self.where}: {text}"
        if self.hint:
            text = f"{text} ({' '.join(self.hint.split())})"
        return text

    def __str__(self) -> str:
        return self.line()


class SourceError(LadleError):
    """A source cannot be read as text."""


class SourceNotFound(SourceError):
    """The file does not exist or is not a file."""


class EmptySource(SourceError):
    """The source holds no text."""


class SourceTooLarge(SourceError):
    """The source is bigger than ladle reads."""


class BinarySource(SourceError):
    """The source is binary or not in a text encoding ladle reads."""


class FormatError(LadleError):
    """The text is not valid in its format."""


class UnknownFormat(FormatError):
    """A format name ladle does not know, or cannot read yet."""


class NoRecipeFound(LadleError):
    """The text is readable but holds no recipe."""


class IngredientError(LadleError):
    """An ingredient line cannot be understood."""


class UnitError(LadleError):
    """An amount cannot be converted: an unknown unit, or mass from volume with no density."""


class RequestError(LadleError):
    """A request ladle cannot serve as asked: a zero or negative factor, an unknown ingredient."""


class LibraryError(LadleError):
    """The recipe library cannot be opened, read or changed."""


class NotInLibrary(LibraryError):
    """No recipe in the library has this id."""


class FoodDataError(LadleError):
    """A USDA food composition release cannot be read, or the library holds no food table."""
