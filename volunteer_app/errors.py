"""Typed errors raised by the core.

The core never produces user-facing sentences: every error carries a stable ``code``
(plus the field and offending value where that makes sense) and each front end (the
desktop UI, the command line) turns codes into text in its own language.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class AppError(Exception):
    """Base class of every error the core raises on purpose."""

    code: str = "error"

    def __init__(self, code: str | None = None, **details: object) -> None:
        self.code = code or self.code
        self.details = details
        super().__init__(self.code, details)


class NotFoundError(AppError):
    """A referenced row (volunteer, team, grid, ...) does not exist."""

    code = "not_found"


class ConflictError(AppError):
    """The operation clashes with existing data (duplicate, in use, stale version)."""

    code = "conflict"


class DatabaseError(AppError):
    """The database file cannot be opened, is damaged, foreign or too new."""

    code = "database"


@dataclass(frozen=True)
class FieldProblem:
    """One invalid field: which field, a stable reason code and the value given."""

    field: str
    code: str
    value: object = None


class ValidationError(AppError):
    """One or more fields of a form or record are invalid."""

    code = "invalid"

    def __init__(self, problems: list[FieldProblem] | FieldProblem) -> None:
        if isinstance(problems, FieldProblem):
            problems = [problems]
        self.problems: list[FieldProblem] = list(problems)
        super().__init__(self.code, problems=self.problems)

    @property
    def field(self) -> str:
        return self.problems[0].field

    @property
    def reason(self) -> str:
        return self.problems[0].code

    def __str__(self) -> str:
        return "; ".join(f"{p.field}: {p.code} ({p.value!r})" for p in self.problems)


@dataclass(frozen=True)
class RowProblem:
    """One bad cell of an imported file, with the row number as the spreadsheet shows it."""

    row: int
    column: str
    code: str
    value: object = None


@dataclass
class ImportFailed(AppError):
    """An import was refused as a whole; ``problems`` lists every bad row and column."""

    source: str
    problems: list[RowProblem] = field(default_factory=list)
    code: str = "import_failed"

    def __post_init__(self) -> None:
        Exception.__init__(self, self.code, self.source, self.problems)
        self.details = {"source": self.source}
