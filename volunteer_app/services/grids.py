"""Grids (网格) with their "1+3" people."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import versions
from ..errors import FieldProblem, NotFoundError, ValidationError
from ..models import Grid, Volunteer
from ..security.permissions import require
from ..validation import normalize_name, normalize_optional_phone, normalize_text

PEOPLE = ("leader", "worker", "police", "instructor")


@dataclass(frozen=True)
class GridRow:
    """A grid with its people and how many active volunteers live in it."""

    id: int
    number: int
    name: str
    area: str
    leader_name: str
    leader_phone: str
    worker_name: str
    worker_phone: str
    police_name: str
    police_phone: str
    instructor_name: str
    instructor_phone: str
    volunteer_count: int
    version: int = 1

    def to_json(self) -> dict:
        data = asdict(self)
        data.pop("version")
        return data


def list_grids(session: Session) -> list[GridRow]:
    """Every grid in number order."""
    require(session, "registers.read")
    counts = dict(
        session.execute(
            select(Volunteer.grid_id, func.count())
            .where(Volunteer.active.is_(True))
            .group_by(Volunteer.grid_id)
        ).all()
    )
    return [_row(g, counts.get(g.id, 0)) for g in session.scalars(select(Grid).order_by(Grid.number))]


def _row(g: Grid, count: int) -> GridRow:
    return GridRow(
        id=g.id, number=g.number, name=g.name, area=g.area,
        leader_name=g.leader_name, leader_phone=g.leader_phone,
        worker_name=g.worker_name, worker_phone=g.worker_phone,
        police_name=g.police_name, police_phone=g.police_phone,
        instructor_name=g.instructor_name, instructor_phone=g.instructor_phone,
        volunteer_count=count, version=g.version,
    )


def get_grid(session: Session, grid_id: int) -> GridRow:
    """One grid."""
    require(session, "registers.read")
    g = session.get(Grid, grid_id)
    if g is None:
        raise NotFoundError("grid_not_found", id=grid_id)
    count = session.scalar(
        select(func.count()).where(Volunteer.grid_id == grid_id, Volunteer.active.is_(True))
    )
    return _row(g, count or 0)


def lookup_table(session: Session) -> dict[str, int]:
    """Names and numbers a clerk may use for a grid ("3号网格", "3"), mapped to ids."""
    table: dict[str, int] = {}
    for gid, number, name in session.execute(select(Grid.id, Grid.number, Grid.name)):
        table[name] = gid
        table[str(number)] = gid
        table[f"{number}号网格"] = gid
        table[f"第{number}网格"] = gid
    return table


def resolve(session: Session, text: str) -> int:
    """Grid id from its name or number; NotFoundError otherwise."""
    require(session, "registers.read")
    key = re.sub(r"\s+", "", str(text))
    gid = lookup_table(session).get(key)
    if gid is None:
        raise NotFoundError("grid_not_found", name=text)
    return gid


def save_grid(session: Session, grid_id: int | None, number: int, name: str, area: str = "",
              expected_version: int | None = None, **people: str) -> int:
    """Create (grid_id None) or update a grid; ``people`` holds ``leader_name`` etc."""
    require(session, "grids.edit")
    problems: list[FieldProblem] = []
    values: dict = {}
    if not isinstance(number, int) or number <= 0:
        problems.append(FieldProblem("number", "number_invalid", number))
    try:
        values["name"] = normalize_text(name, "name", 60)
        if not values["name"]:
            problems.append(FieldProblem("name", "required", name))
        values["area"] = normalize_text(area, "area", multiline=True)
    except ValidationError as exc:
        problems.extend(exc.problems)
    for role in PEOPLE:
        person, phone = people.get(f"{role}_name", ""), people.get(f"{role}_phone", "")
        try:
            values[f"{role}_name"] = normalize_name(person, f"{role}_name") if person else ""
        except ValidationError as exc:
            problems.extend(exc.problems)
        try:
            values[f"{role}_phone"] = normalize_optional_phone(phone, f"{role}_phone")
        except ValidationError as exc:
            problems.extend(exc.problems)
    for col, val, code in (("number", number, "duplicate_grid_number"), ("name", values.get("name"), "duplicate_grid_name")):
        other = session.scalar(select(Grid.id).where(getattr(Grid, col) == val))
        if other is not None and other != grid_id:
            problems.append(FieldProblem(col, code, val))
    if problems:
        raise ValidationError(problems)
    grid = Grid() if grid_id is None else session.get(Grid, grid_id)
    if grid is None:
        raise NotFoundError("grid_not_found", id=grid_id)
    versions.check(session, grid, expected_version)
    grid.number = number
    for key, val in values.items():
        setattr(grid, key, val)
    session.add(grid)
    session.flush()
    return grid.id


def grid_volunteers(session: Session, grid_id: int) -> list[tuple[int, str, str, bool]]:
    """(id, name, mobile, party household) of the active volunteers living in a grid."""
    require(session, "registers.read")
    return [
        tuple(r)
        for r in session.execute(
            select(Volunteer.id, Volunteer.name, Volunteer.mobile, Volunteer.party_household)
            .where(Volunteer.grid_id == grid_id, Volunteer.active.is_(True))
            .order_by(Volunteer.sort_key)
        )
    ]


def grid_choices(session: Session) -> list[tuple[int, str]]:
    """(id, name) of every grid in number order: for pickers and filters.

    Cheaper than :func:`list_grids`, which counts the volunteers of every grid.
    """
    require(session, "registers.read")
    return [tuple(r) for r in session.execute(select(Grid.id, Grid.name).order_by(Grid.number))]
