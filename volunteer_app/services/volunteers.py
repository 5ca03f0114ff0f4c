"""The volunteer register: validation, create/update, deactivate, search and listing."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session

from .. import names, versions
from ..errors import ConflictError, FieldProblem, NotFoundError, ValidationError
from ..models import ROLES, Grid, Membership, Team, Volunteer
from ..models.hours import HoursEntry
from ..models.requests import RequestEvent, ResidentRequest
from ..models.shifts import Assignment
from ..parsing import parse_optional_date, parse_search
from ..security import audit, id_numbers
from ..security.permissions import PermissionDenied, captain_team, may, require, team_members
from ..validation import (
    normalize_gender,
    normalize_id_number,
    normalize_mobile,
    normalize_name,
    normalize_text,
)

POLITICAL_STATUSES = ("中共党员", "中共预备党员", "共青团员", "民主党派", "群众")


@dataclass
class VolunteerData:
    """What a form or an import row supplies for one volunteer (raw, not yet validated)."""

    name: object = ""
    mobile: object = ""
    gender: object = None
    id_number: object = None
    grid_id: int | None = None
    political_status: object = ""
    party_household: bool = False
    occupation: object = ""
    skills: object = ""
    notes: object = ""
    joined_on: date | None = None
    # (team_id, role) pairs; None leaves memberships untouched on update.
    teams: list[tuple[int, str]] | None = None


@dataclass(frozen=True)
class VolunteerRow:
    """One line of the register as lists and tables show it."""

    id: int
    name: str
    gender: str | None
    mobile: str
    grid_id: int | None
    grid: str | None
    teams: tuple[str, ...]
    active: bool
    party_household: bool
    political_status: str
    joined_on: date | None

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "gender": self.gender,
            "phone": self.mobile,
            "grid": self.grid,
            "teams": list(self.teams),
            "active": self.active,
            "party_household": self.party_household,
            "political_status": self.political_status,
            "joined_on": self.joined_on.isoformat() if self.joined_on else None,
        }


@dataclass(frozen=True)
class VolunteerDetail:
    """Every field of one volunteer, for the edit dialog."""

    id: int
    name: str
    gender: str | None
    mobile: str
    id_number: str | None
    grid_id: int | None
    political_status: str
    party_household: bool
    occupation: str
    skills: str
    notes: str
    joined_on: date | None
    active: bool
    left_on: date | None
    version: int
    teams: tuple[tuple[int, str, str], ...] = field(default=())  # (team_id, team name, role)


@dataclass
class VolunteerFilter:
    """Search box and filters of the register."""

    search: str = ""
    team_id: int | None = None
    grid_id: int | None = None
    active: bool | None = None


def validate(data: VolunteerData) -> dict:
    """Normalise every field; raise one ValidationError listing all bad fields."""
    problems: list[FieldProblem] = []
    out: dict = {}

    def run(key: str, fn: Callable[[], object]) -> None:
        try:
            out[key] = fn()
        except ValidationError as exc:
            problems.extend(exc.problems)

    run("name", lambda: normalize_name(data.name))
    run("mobile", lambda: normalize_mobile(data.mobile))
    run("gender", lambda: normalize_gender(data.gender))
    run("id_number", lambda: normalize_id_number(data.id_number))
    run("political_status", lambda: normalize_text(data.political_status, "political_status", 20))
    run("occupation", lambda: normalize_text(data.occupation, "occupation", 100))
    run("skills", lambda: normalize_text(data.skills, "skills", 200))
    run("notes", lambda: normalize_text(data.notes, "notes", multiline=True))
    out["grid_id"] = data.grid_id
    out["party_household"] = bool(data.party_household)
    run("joined_on", lambda: parse_optional_date(data.joined_on, "joined_on"))
    if data.teams is not None:
        for _team_id, role in data.teams:
            if role not in ROLES:
                problems.append(FieldProblem("role", "role_invalid", role))
    if problems:
        raise ValidationError(problems)
    return out


def _derived(values: dict) -> dict:
    return {
        "sort_key": names.sort_key(values["name"]),
        "search_text": names.search_text(values["name"], values["mobile"]),
    }


def find_duplicate(session: Session, mobile: str, exclude_id: int | None = None) -> int | None:
    """Id of another volunteer already registered with this mobile number."""
    require(session, "registers.read")
    stmt = select(Volunteer.id).where(Volunteer.mobile == mobile)
    if exclude_id is not None:
        stmt = stmt.where(Volunteer.id != exclude_id)
    return session.scalar(stmt)


def _check_unique(session: Session, values: dict, exclude_id: int | None = None) -> None:
    problems = []
    if find_duplicate(session, values["mobile"], exclude_id) is not None:
        problems.append(FieldProblem("mobile", "duplicate_mobile", values["mobile"]))
    if values.get("id_number"):
        # The keyed hash is compared, never plaintext (there is none in the database).
        digest = id_numbers.hash_of(session, values["id_number"])
        stmt = select(Volunteer.id).where(Volunteer.id_number_hash == digest)
        if exclude_id is not None:
            stmt = stmt.where(Volunteer.id != exclude_id)
        if session.scalar(stmt) is not None:
            problems.append(FieldProblem("id_number", "duplicate_id_number",
                                         id_numbers.masked(values["id_number"][-id_numbers.LAST:])))
    if values.get("grid_id") is not None and session.get(Grid, values["grid_id"]) is None:
        problems.append(FieldProblem("grid", "unknown_grid", values["grid_id"]))
    if problems:
        raise ValidationError(problems)


def _set_teams(session: Session, vol: Volunteer, teams: Iterable[tuple[int, str]]) -> None:
    wanted = dict(teams)
    for team_id in wanted:
        if session.get(Team, team_id) is None:
            raise ValidationError(FieldProblem("team", "unknown_team", team_id))
    for m in list(vol.memberships):
        if m.team_id not in wanted:
            vol.memberships.remove(m)
        else:
            m.role = wanted.pop(m.team_id)
    for team_id, role in wanted.items():
        vol.memberships.append(Membership(team_id=team_id, role=role, since=date.today()))


def create(session: Session, data: VolunteerData) -> int:
    """Register a new volunteer; returns the id."""
    require(session, "registers.edit")
    values = validate(data)
    if values["id_number"]:
        id_numbers.id_keys(session, start=True)  # a new database gets its key first
    _check_unique(session, values)
    number = values.pop("id_number")
    vol = Volunteer(**values, **_derived(values), **id_numbers.seal(session, number).values(), active=True)
    vol.joined_on = values["joined_on"] or date.today()
    session.add(vol)
    if data.teams:
        _set_teams(session, vol, data.teams)
    session.flush()
    return vol.id


def _get(session: Session, volunteer_id: int) -> Volunteer:
    vol = session.get(Volunteer, volunteer_id)
    if vol is None:
        raise NotFoundError("volunteer_not_found", id=volunteer_id)
    return vol


def update(
    session: Session, volunteer_id: int, data: VolunteerData, expected_version: int | None = None
) -> None:
    """Save an edited volunteer; a stale ``expected_version`` raises ConflictError.

    Without ``expected_version`` the version this unit of work read first is the one
    checked (see :mod:`volunteer_app.versions`): a read-modify-write in one unit of work
    never overwrites what another clerk saved in between.
    """
    require(session, "registers.edit")
    vol = _get(session, volunteer_id)
    # The form showed the masked number and nobody typed over it: unchanged (no key needed).
    keep_id = bool(vol.id_number_last4) and data.id_number == id_numbers.masked(vol.id_number_last4)
    values = validate(replace(data, id_number=None) if keep_id else data)
    if expected_version is None:
        expected_version = versions.first_read(session, vol)
    if vol.version != expected_version:
        # Say what the other clerk saved that differs from this form, so the UI can show it.
        current = get(session, volunteer_id)
        compared = dict(values)
        compared["id_number"] = (current.id_number if keep_id
                                 else id_numbers.masked((values["id_number"] or "")[-id_numbers.LAST:]) or None)
        changed = {k: getattr(current, k) for k, v in compared.items()
                   if hasattr(current, k) and getattr(current, k) != v
                   and not (k == "joined_on" and v is None)}
        raise ConflictError("stale", id=volunteer_id, version=vol.version, changed=changed)
    _check_unique(session, values, exclude_id=volunteer_id)
    number = values.pop("id_number")
    if not keep_id:
        if number is None:
            values.update(id_numbers.NO_ID.values())
        elif id_numbers.hash_of(session, number) != vol.id_number_hash:
            values.update(id_numbers.seal(session, number).values())
        # else: the same number typed again (or revealed and saved): left as stored.
    for key, value in {**values, **_derived(values)}.items():
        if key == "joined_on" and value is None:
            continue
        setattr(vol, key, value)
    if data.teams is not None:
        _set_teams(session, vol, data.teams)
    session.flush()


def deactivate(session: Session, volunteer_id: int, left_on: date | None = None) -> None:
    """Mark a volunteer as having left (kept with all history)."""
    require(session, "registers.edit")
    left_on = parse_optional_date(left_on, "left_on")
    vol = _get(session, volunteer_id)
    vol.active = False
    vol.left_on = left_on or date.today()
    session.flush()


def reactivate(session: Session, volunteer_id: int) -> None:
    """Undo a deactivation."""
    require(session, "registers.edit")
    vol = _get(session, volunteer_id)
    vol.active = True
    vol.left_on = None
    session.flush()


def has_history(session: Session, volunteer_id: int) -> bool:
    """Whether any duty, hours entry or resident request (or its history) names the
    volunteer; such volunteers may only be deactivated, never deleted."""
    require(session, "registers.read")
    return bool(session.scalar(select(or_(
        exists().where(Assignment.volunteer_id == volunteer_id),
        exists().where(HoursEntry.volunteer_id == volunteer_id),
        exists().where(ResidentRequest.volunteer_id == volunteer_id),
        exists().where(RequestEvent.volunteer_id == volunteer_id),
    ))))


def delete(session: Session, volunteer_id: int) -> None:
    """Delete a volunteer who has no history; others must be deactivated instead."""
    require(session, "registers.edit")
    vol = _get(session, volunteer_id)
    if has_history(session, volunteer_id):
        raise ConflictError("has_history", id=volunteer_id)
    session.delete(vol)
    session.flush()


def get(session: Session, volunteer_id: int) -> VolunteerDetail:
    """All fields of one volunteer, with team memberships."""
    require(session, "registers.read")
    _require_readable(session, volunteer_id)
    vol = _get(session, volunteer_id)
    teams = tuple(
        session.execute(
            select(Team.id, Team.name, Membership.role)
            .join(Membership, Membership.team_id == Team.id)
            .where(Membership.volunteer_id == volunteer_id)
            .order_by(Team.id)
        ).all()
    )
    return VolunteerDetail(
        id=vol.id, name=vol.name, gender=vol.gender, mobile=vol.mobile,
        # Always masked: the full number only through reveal_id_number (ids.view, audited).
        id_number=id_numbers.masked(vol.id_number_last4) or None,
        grid_id=vol.grid_id, political_status=vol.political_status,
        party_household=vol.party_household, occupation=vol.occupation, skills=vol.skills,
        notes=vol.notes, joined_on=vol.joined_on, active=vol.active, left_on=vol.left_on,
        version=vol.version, teams=teams,
    )


def reveal_id_number(session: Session, volunteer_id: int) -> str | None:
    """The full ID-card number of one volunteer, for a role with ``ids.view``.

    Every reveal is an audited action (``reveal_id``: who, whose number, when; never the
    number). ``key_missing``/``key_mismatch`` on a PC without the database's key.
    """
    require(session, "ids.view")
    vol = _get(session, volunteer_id)
    number = id_numbers.reveal(session, vol)
    if number is not None:
        audit.record(session, "reveal_id", "volunteer", volunteer_id, vol.name)
    return number


def may_reveal_id_numbers(session: Session) -> bool:
    """Whether the acting role may reveal full ID numbers (the desktop shows its button)."""
    return may(session, "ids.view")


def id_search_hash(session: Session, search: object) -> str | None:
    """The keyed hash to look for when the search text is one full ID-card number and
    the role may see ID numbers (``ids.view``); None otherwise (a plain text search).

    Others get no answer to "whose number is this?" either: for them it is just text,
    which matches nobody (the search text holds names and mobiles, never ID numbers).
    """
    require(session, "registers.read")
    number = id_search_number(search)
    if number is None or not may(session, "ids.view"):
        return None
    return id_numbers.hash_of(session, number)


def id_search_number(search: object) -> str | None:
    """The normalised ID number when ``search`` is exactly one valid full number."""
    terms = str(search or "").split()
    if len(terms) != 1 or len(terms[0]) != 18:
        return None
    try:
        return normalize_id_number(terms[0])
    except ValidationError:
        return None


def _readable_ids(session: Session) -> set[int] | None:
    """The volunteers a logged-in captain may read: those serving in their team (and the
    teams below it). None for every other role (the whole register). A captain was shown
    the whole community's names and phones (issue 17: "kept to their own team in every
    service")."""
    own = captain_team(session)
    if own is None:
        return None
    # Once per unit of work: a page of the register asks for ids, rows and keys in turn.
    cached = session.info.get("captain_readable")
    if cached is None or cached[0] != own:
        cached = session.info["captain_readable"] = (own, team_members(session, own))
    return cached[1]


def _require_readable(session: Session, volunteer_id: int) -> None:
    allowed = _readable_ids(session)
    if allowed is not None and volunteer_id not in allowed:
        raise PermissionDenied(action="registers.read", volunteer_id=volunteer_id)


def _filtered(stmt, flt: VolunteerFilter, session: Session):  # noqa: ANN001, ANN202
    allowed = _readable_ids(session)
    if allowed is not None:
        stmt = stmt.where(Volunteer.id.in_(sorted(allowed)))
    if flt.active is not None:
        stmt = stmt.where(Volunteer.active == flt.active)
    if flt.grid_id is not None:
        stmt = stmt.where(Volunteer.grid_id == flt.grid_id)
    if flt.team_id is not None:
        stmt = stmt.where(
            exists().where(
                and_(Membership.volunteer_id == Volunteer.id, Membership.team_id == flt.team_id)
            )
        )
    search = parse_search(flt.search, "search")
    digest = id_search_hash(session, search)
    if digest is not None:
        return stmt.where(Volunteer.id_number_hash == digest)
    for term in search.split():
        stmt = stmt.where(Volunteer.search_text.like(names.like_pattern(term), escape="\\"))
    return stmt


def query_ids(session: Session, flt: VolunteerFilter | None = None) -> list[int]:
    """Ids of matching volunteers in pinyin order; the table model loads rows lazily."""
    require(session, "registers.read")
    flt = flt or VolunteerFilter()
    if flt.search.strip():
        # A substring search scans the table anyway; sorting the (few) matches here is
        # far cheaper than walking the sort index and testing every row (7x on 100k).
        rows = session.execute(_filtered(select(Volunteer.id, Volunteer.sort_key), flt, session)).all()
        rows.sort(key=lambda r: (r[1], r[0]))
        return [r[0] for r in rows]
    stmt = _filtered(select(Volunteer.id), flt, session).order_by(Volunteer.sort_key, Volunteer.id)
    return list(session.scalars(stmt))


def count(session: Session, flt: VolunteerFilter | None = None) -> int:
    """Number of matching volunteers."""
    require(session, "registers.read")
    stmt = _filtered(select(func.count(Volunteer.id)), flt or VolunteerFilter(), session)
    return session.scalar(stmt) or 0


def fetch_rows(session: Session, ids: Sequence[int]) -> list[VolunteerRow]:
    """Rows for the given ids, in the order given."""
    require(session, "registers.read")
    allowed = _readable_ids(session)
    if allowed is not None:
        ids = [i for i in ids if i in allowed]
    if not ids:
        return []
    by_id: dict[int, VolunteerRow] = {}
    teams: dict[int, list[str]] = {}
    # SQLite limits bound parameters; chunk large id lists.
    for start in range(0, len(ids), 900):
        chunk = list(ids[start : start + 900])
        for vid, tname in session.execute(
            select(Membership.volunteer_id, Team.name)
            .join(Team, Team.id == Membership.team_id)
            .where(Membership.volunteer_id.in_(chunk))
            .order_by(Team.id)
        ):
            teams.setdefault(vid, []).append(tname)
        rows = session.execute(
            select(
                Volunteer.id, Volunteer.name, Volunteer.gender, Volunteer.mobile,
                Volunteer.grid_id, Grid.name, Volunteer.active, Volunteer.party_household,
                Volunteer.political_status, Volunteer.joined_on,
            )
            .outerjoin(Grid, Grid.id == Volunteer.grid_id)
            .where(Volunteer.id.in_(chunk))
        )
        for r in rows:
            by_id[r[0]] = VolunteerRow(
                id=r[0], name=r[1], gender=r[2], mobile=r[3], grid_id=r[4], grid=r[5],
                teams=tuple(teams.get(r[0], ())), active=bool(r[6]),
                party_household=bool(r[7]), political_status=r[8], joined_on=r[9],
            )
    return [by_id[i] for i in ids if i in by_id]


def list_rows(session: Session, flt: VolunteerFilter | None = None) -> list[VolunteerRow]:
    """All matching rows (command line, exports)."""
    return fetch_rows(session, query_ids(session, flt))


SORT_ORDERS = ("name", "gender", "mobile", "grid", "joined_on", "active")


def _bulk_rows(session: Session, stmt) -> list[tuple]:  # noqa: ANN001
    """Rows of a Core select; on SQLite straight through the DB-API cursor.

    Building SQLAlchemy rows costs 2-3x the query itself when a register of 100,000 is
    read at once (ids for the table, search texts); plain tuples do not. Other back ends
    take the ordinary path.
    """
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        return [tuple(r) for r in session.execute(stmt)]
    # render_postcompile: an IN (...) list (a captain's team) becomes plain parameters.
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.construct_params()
    cursor = conn.connection.cursor()
    try:
        cursor.execute(str(compiled), [params[k] for k in compiled.positiontup])
        return cursor.fetchall()
    finally:
        cursor.close()


def query_ids_ordered(session: Session, flt: VolunteerFilter | None = None,
                      order: str = "name", descending: bool = False) -> list[int]:
    """Ids of matching volunteers sorted by a register column (name sorts by pinyin).

    Ties are broken by pinyin; ``descending`` reverses the whole order.
    """
    require(session, "registers.read")
    if order not in SORT_ORDERS:
        raise ValidationError(FieldProblem("order", "order_invalid", order))
    flt = flt or VolunteerFilter()
    if order == "name" and flt.search.strip():
        ids = query_ids(session, flt)
    elif order == "name":
        stmt = _filtered(select(Volunteer.id), flt, session).order_by(Volunteer.sort_key, Volunteer.id)
        ids = [r[0] for r in _bulk_rows(session, stmt)]
    else:
        stmt = select(Volunteer.id)
        if order == "grid":
            stmt = stmt.outerjoin(Grid, Grid.id == Volunteer.grid_id)
            keys = (Grid.number.is_(None), Grid.number)
        else:
            column = getattr(Volunteer, order)
            keys = (column.is_(None), column)
        stmt = _filtered(stmt, flt, session).order_by(*keys, Volunteer.sort_key, Volunteer.id)
        ids = [r[0] for r in _bulk_rows(session, stmt)]
    return ids[::-1] if descending else ids


def search_keys(session: Session) -> dict[int, str]:
    """The search text of every volunteer by id, so a front end can filter in memory.

    A substring search cannot use an index: on 100,000 volunteers each query scans the
    table. The desktop register loads these keys once and matches keystrokes with
    :func:`match_search` instead (the same rule as ``VolunteerFilter.search``).
    """
    require(session, "registers.read")
    stmt = select(Volunteer.id, Volunteer.search_text)
    allowed = _readable_ids(session)
    if allowed is not None:
        stmt = stmt.where(Volunteer.id.in_(sorted(allowed)))
    return dict(_bulk_rows(session, stmt))


class SearchIndex:
    """Volunteer ids in display order with their search texts, matched in memory.

    Built once per list (on a worker thread): ``match`` looks for the longest term with
    ``str.find`` over one joined string, which in Python is several times faster than
    testing 100,000 strings one by one. Same rule as ``VolunteerFilter.search``.
    """

    def __init__(self, ids: Sequence[int], keys: dict[int, str]) -> None:
        self.ids = list(ids)
        self._keys = keys
        texts = [keys.get(i, "") for i in self.ids]
        self._texts = texts
        # Newlines cannot occur in a term (terms are split on white space), so a match
        # never spans two volunteers.
        self._joined = "\n".join(texts)
        starts, pos = [], 0
        for text in texts:
            starts.append(pos)
            pos += len(text) + 1
        self._starts = starts

    def match(self, search: str, within: Sequence[int] | None = None) -> list[int]:
        """Ids whose text contains every term; ``within`` (a subset in the same order,
        e.g. the result for a shorter search) is filtered directly when it is small."""
        terms = [t.lower() for t in search.split()]
        if not terms:
            return list(self.ids)
        get = self._keys.get
        if within is not None and len(within) * 4 < len(self.ids):
            return [i for i in within if all(t in get(i, "") for t in terms)]
        longest = max(terms, key=len)
        rest = [t for t in terms if t is not longest]
        ids, texts = self.ids, self._texts
        if self._joined.count(longest) * 8 > len(ids):
            # A common term (a digit, one letter): testing each text beats locating hits.
            return [ids[r] for r, text in enumerate(texts)
                    if longest in text and all(t in text for t in rest)]
        rows: list[int] = []
        find, starts = self._joined.find, self._starts
        last_row, pos = len(starts) - 1, 0
        while True:
            hit = find(longest, pos)
            if hit < 0:
                break
            row = bisect_right(starts, hit) - 1
            rows.append(row)
            if row >= last_row:
                break
            pos = starts[row + 1]  # one hit per volunteer is enough
        if rest:
            return [ids[r] for r in rows if all(t in texts[r] for t in rest)]
        return [ids[r] for r in rows]


def match_search(keys: dict[int, str], ids: Iterable[int], search: str) -> list[int]:
    """The ``ids`` (order kept) whose search text contains every term of ``search``.

    Same rule as the SQL filter: terms are split on white space, lower-cased, and each
    must occur in the text (name, full pinyin, initials, mobile digits).
    """
    return SearchIndex(list(ids), keys).match(search)
