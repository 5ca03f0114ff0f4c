"""Import and export of the volunteer register (all rows or none)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from .. import names
from ..errors import ImportFailed, RowProblem, ValidationError
from ..models import Grid, Membership, Team, Volunteer
from ..security import audit, id_numbers
from ..security.permissions import require
from ..services import grids as grid_service
from ..services import volunteers as vol_service
from ..validation import check_text
from .tables import Table, open_table, write_table

# (Chinese header, English header, VolunteerData field)
COLUMNS = (
    ("姓名", "name", "name"),
    ("性别", "gender", "gender"),
    ("手机号", "phone", "mobile"),
    ("身份证号", "id_number", "id_number"),
    ("网格", "grid", "grid"),
    ("队伍", "team", "team"),
    ("职务", "role", "role"),
    ("政治面貌", "political_status", "political_status"),
    ("备注", "notes", "notes"),
    # The rest of the register (after the original nine, so older files still line up).
    ("职业/单位", "occupation", "occupation"),
    ("特长", "skills", "skills"),
    ("党员中心户", "party_household", "party_household"),
    ("加入日期", "joined_on", "joined_on"),
    ("状态", "status", "active"),
    ("离开日期", "left_on", "left_on"),
)
HEADERS_ZH = [c[0] for c in COLUMNS]
REQUIRED = ("name", "mobile")
# Headers offices actually use for the same columns (their own sheets, other systems'
# exports, the district's templates).
_ALIASES = {"手机": "mobile", "电话": "mobile", "mobile": "mobile", "联系电话": "mobile",
            "手机号码": "mobile", "电话号码": "mobile", "移动电话": "mobile", "联系方式": "mobile",
            "联系手机": "mobile", "手机号码/电话": "mobile",
            "身份证": "id_number", "身份证号码": "id_number", "证件号码": "id_number",
            "公民身份号码": "id_number", "身份证件号码": "id_number", "身份证件号": "id_number",
            "志愿者姓名": "name", "名字": "name", "所在网格": "grid", "网格名称": "grid",
            "所在队伍": "team", "队伍名称": "team", "所在服务队": "team", "服务队": "team",
            "所属网格": "grid", "所属队伍": "team", "角色": "role",
            "职业": "occupation", "工作单位": "occupation", "单位": "occupation",
            "employer": "occupation", "技能": "skills", "技能特长": "skills",
            "加入时间": "joined_on", "入队日期": "joined_on", "active": "active",
            "在册状态": "active", "离开时间": "left_on", "离队日期": "left_on"}
YES_WORDS = {"是": True, "yes": True, "y": True, "true": True, "1": True, "√": True, "✓": True,
             "否": False, "no": False, "n": False, "false": False, "0": False, "": False}
STATE_WORDS = {"在册": True, "在队": True, "active": True, "": True,
               "已离队": False, "离队": False, "已离开": False, "离开": False, "left": False,
               "inactive": False}
STATE_ZH = {True: "在册", False: "已离队"}
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
ROLE_WORDS = {"队长": "captain", "captain": "captain", "副队长": "deputy", "deputy": "deputy",
              "队员": "member", "member": "member", "": "member"}
ROLE_ZH = {"captain": "队长", "deputy": "副队长", "member": "队员"}
GENDER_ZH = {"male": "男", "female": "女"}
_LIST_SPLIT = re.compile(r"[、,，;；/|]")

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ImportCancelled(Exception):
    """The clerk cancelled a running import; nothing was written."""


@dataclass
class ImportPreview:
    """Outcome of reading and checking a file: rows ready to insert, or the problems."""

    source: str
    rows: list[dict] = field(default_factory=list)   # validated values incl. memberships
    display: list[list[str]] = field(default_factory=list)  # the file's cells, for a preview
    row_numbers: list[int] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    # With ``create_missing``: the teams and grids the file names that do not exist yet,
    # created by :func:`apply` before the volunteers (listed by the preview first).
    new_teams: list[str] = field(default_factory=list)
    new_grids: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


# "*手机号码", "手机号码（必填）", "姓　名": a required-mark, a note in brackets, spaces inside.
_HEADER_NOTE = re.compile(r"[(（][^)）]*[)）]\s*$")


def _header_bare(raw: str) -> str:
    text = raw.strip().strip("*＊").strip()
    text = _HEADER_NOTE.sub("", text).strip()
    return "".join(text.split())


def _map_header(cells: list[str]) -> tuple[dict[str, int], dict[str, str], list[RowProblem]]:
    lookup = {}
    for zh, en, key in COLUMNS:
        lookup[zh] = key
        lookup[en] = key
    lookup.update(_ALIASES)
    index: dict[str, int] = {}
    shown: dict[str, str] = {}
    problems: list[RowProblem] = []
    for i, raw in enumerate(cells):
        h = raw.strip().lower().replace(" ", "_")
        bare = _header_bare(raw)
        key = lookup.get(raw.strip()) or lookup.get(h) or lookup.get(bare) or lookup.get(bare.lower())
        if key is None:
            continue  # extra columns such as 序号 are ignored
        if key in index:
            problems.append(RowProblem(1, raw.strip(), "duplicate_column", raw))
            continue
        index[key] = i
        shown[key] = raw.strip()
    for key in REQUIRED:
        if key not in index:
            zh = next(c[0] for c in COLUMNS if c[2] == key)
            problems.append(RowProblem(1, zh, "missing_column", None))
    return index, shown, problems


def _column_name(shown: dict[str, str], key: str) -> str:
    return shown.get(key) or next(c[0] for c in COLUMNS if c[2] == key)


_FIELD_TO_KEY = {"name": "name", "mobile": "mobile", "gender": "gender",
                 "id_number": "id_number", "political_status": "political_status",
                 "notes": "notes", "occupation": "occupation", "skills": "skills", "role": "role",
                 "team": "team", "grid": "grid"}


def parse_date(text: str) -> date | None:
    """A date cell: ISO as exported (2026-12-07), or 2026/12/7, 2026.12.7, 2026年12月7日."""
    text = text.strip()
    if not text:
        return None
    m = _DATE.match(text)
    if m is None:
        raise ValueError(text)
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def _merged_problems(table: Table, index: dict[str, int], shown: dict[str, str]) -> list[RowProblem]:
    """Merged ranges over the rows of people in a column the import reads: Excel shows the
    merged value on every row, the file holds it on the first row only."""
    columns = {i + 1: key for key, i in index.items()}
    problems = []
    for rng in table.merged:
        if rng.max_row < 2:
            continue  # within the header row
        hit = [columns[c] for c in range(rng.min_col, rng.max_col + 1) if c in columns]
        if hit:
            problems.append(RowProblem(max(rng.min_row, 2), _column_name(shown, hit[0]),
                                       "merged_cells", rng.ref))
    return problems


def prepare(session: Session, path: Path | str, progress: Progress | None = None,
            cancelled: Cancelled | None = None, *, create_missing: bool = False) -> ImportPreview:
    """Read and check every row without writing anything.

    ``create_missing``: teams and grids the file names that do not exist are listed in
    ``new_teams``/``new_grids`` (and created by :func:`apply`) instead of being refused, so
    an export imports into an empty database (issue 16: "teams and grids it names are
    created after the preview lists them"). Rows refer to them by negative ids until then.
    """
    require(session, "registers.import")
    if create_missing:
        require(session, "teams.edit")
        require(session, "grids.edit")
    path = Path(path)
    preview = ImportPreview(str(path))
    teams = {n: i for n, i in session.execute(select(Team.name, Team.id)).all()}
    grid_lookup = grid_service.lookup_table(session)
    known_mobiles = set(session.scalars(select(Volunteer.mobile)))
    # Keyed hashes of the numbers already registered (the database holds no plaintext).
    known_ids = set(session.scalars(select(Volunteer.id_number_hash).where(Volunteer.id_number_hash.is_not(None))))
    seen_mobile: dict[str, int] = {}
    seen_id: dict[str, int] = {}
    table = open_table(path)
    rows_iter = table.rows
    header_row = next(rows_iter, None)
    if header_row is None:
        preview.problems.append(RowProblem(1, "", "empty_file", None))
        return preview
    index, shown, header_problems = _map_header(header_row[1])
    header_problems += _merged_problems(table, index, shown)
    if header_problems:
        preview.problems.extend(header_problems)
        return preview
    problems = preview.problems

    def get(cells: list[str], key: str) -> str:
        # As in the file: the validators refuse line breaks and control characters
        # before they trim, so nothing is stripped out of sight.
        i = index.get(key)
        return cells[i] if i is not None and i < len(cells) else ""

    def text(cells: list[str], key: str, rownum: int) -> str:
        """A cell that names something (grid, team, role, a date, a yes/no): checked like
        every free text, then trimmed."""
        value = get(cells, key)
        if value.isprintable():  # empty or plain: the common case, without a call
            return value.strip()
        try:
            return check_text(value, key).strip()
        except ValidationError as exc:
            problems.append(RowProblem(rownum, _column_name(shown, key), exc.reason, get(cells, key)))
            return ""

    flags_present = not index.keys().isdisjoint(("party_household", "joined_on", "left_on", "active"))
    shown_index = [index.get(c[2]) for c in COLUMNS]
    for rownum, cells in rows_iter:
        if cancelled is not None and rownum % 200 == 0 and cancelled():
            raise ImportCancelled()
        if progress is not None and rownum % 500 == 0:
            progress(rownum, table.size_hint)
        if not any(c.strip() for c in cells):
            continue
        before = len(problems)
        id_cell = get(cells, "id_number")
        data = vol_service.VolunteerData(
            name=get(cells, "name"), mobile=get(cells, "mobile"), gender=get(cells, "gender"),
            # A masked number (an export made without --include-ids) carries no number.
            id_number="" if id_numbers.is_masked(id_cell.strip()) else id_cell, political_status=get(cells, "political_status"),
            notes=get(cells, "notes"), occupation=get(cells, "occupation"),
            skills=get(cells, "skills"),
        )
        dates: dict[str, date | None] = {"joined_on": None, "left_on": None}
        active: bool | None = True
        if flags_present:  # files with the original nine columns skip this
            party = text(cells, "party_household", rownum)
            if party.lower() in YES_WORDS:
                data.party_household = YES_WORDS[party.lower()]
            else:
                problems.append(RowProblem(rownum, _column_name(shown, "party_household"), "yes_no_invalid", party))
            for key in ("joined_on", "left_on"):
                try:
                    dates[key] = parse_date(text(cells, key, rownum))
                except ValueError:
                    problems.append(RowProblem(rownum, _column_name(shown, key), "date_invalid", get(cells, key)))
                    dates[key] = None
            data.joined_on = dates["joined_on"]
            state = text(cells, "active", rownum)
            active = STATE_WORDS.get(state.lower())
            if active is None:
                problems.append(RowProblem(rownum, _column_name(shown, "active"), "state_invalid", state))
            elif not state:
                active = dates["left_on"] is None  # a leaving date alone says they left
            if active and dates["left_on"] is not None:
                problems.append(RowProblem(rownum, _column_name(shown, "left_on"), "not_applicable",
                                           get(cells, "left_on")))
            if dates["left_on"] and dates["joined_on"] and dates["left_on"] < dates["joined_on"]:
                problems.append(RowProblem(rownum, _column_name(shown, "left_on"), "end_before_start",
                                           get(cells, "left_on")))
        grid_text = re.sub(r"\s+", "", text(cells, "grid", rownum))
        grid_id = None
        if grid_text:
            grid_id = grid_lookup.get(grid_text)
            if grid_id is None and create_missing and len(grid_text) <= 40:
                if grid_text not in preview.new_grids:
                    preview.new_grids.append(grid_text)
                grid_id = grid_lookup[grid_text] = -(preview.new_grids.index(grid_text) + 1)
            if grid_id is None:
                problems.append(RowProblem(rownum, _column_name(shown, "grid"), "unknown_grid", grid_text))
        team_text, role_text = text(cells, "team", rownum), text(cells, "role", rownum)
        team_names = [t.strip() for t in _LIST_SPLIT.split(team_text) if t.strip()]
        role_words = [r.strip() for r in _LIST_SPLIT.split(role_text)] if role_text else []
        team_ids = []
        for t in team_names:
            if t not in teams and create_missing and len(t) <= 60:
                preview.new_teams.append(t)
                teams[t] = -len(preview.new_teams)
            if t not in teams:
                problems.append(RowProblem(rownum, _column_name(shown, "team"), "unknown_team", t))
            else:
                team_ids.append(teams[t])
        roles: list[str] = []
        for w in role_words:
            r = ROLE_WORDS.get(w.lower())
            if r is None:
                problems.append(RowProblem(rownum, _column_name(shown, "role"), "role_invalid", w))
            roles.append(r or "member")
        if not role_words:
            roles = ["member"] * len(team_names)
        elif len(roles) == 1:
            roles = roles * len(team_names)
        elif len(roles) != len(team_names):
            problems.append(RowProblem(rownum, _column_name(shown, "role"), "role_count", role_text))
        if role_words and not team_names:
            problems.append(RowProblem(rownum, _column_name(shown, "team"), "role_without_team", role_text))
        try:
            values = vol_service.validate(data)
        except ValidationError as exc:
            for p in exc.problems:
                problems.append(RowProblem(rownum, _column_name(shown, _FIELD_TO_KEY.get(p.field, p.field)), p.code, p.value))
            values = None
        if values is not None:
            mobile = values["mobile"]
            if mobile in known_mobiles:
                problems.append(RowProblem(rownum, _column_name(shown, "mobile"), "duplicate_mobile", mobile))
            elif mobile in seen_mobile:
                problems.append(RowProblem(rownum, _column_name(shown, "mobile"), "duplicate_in_file", seen_mobile[mobile]))
            else:
                seen_mobile[mobile] = rownum
            idn = values.get("id_number")
            if idn:
                if known_ids and id_numbers.hash_of(session, idn) in known_ids:
                    problems.append(RowProblem(rownum, _column_name(shown, "id_number"), "duplicate_id_number",
                                               id_numbers.masked(idn[-id_numbers.LAST:])))
                elif idn in seen_id:
                    problems.append(RowProblem(rownum, _column_name(shown, "id_number"), "duplicate_in_file", seen_id[idn]))
                else:
                    seen_id[idn] = rownum
        if len(problems) == before and values is not None:
            values["grid_id"] = grid_id
            values["teams"] = list(zip(team_ids, roles, strict=False))
            values["active"] = bool(active)
            values["left_on"] = dates["left_on"]
            preview.rows.append(values)
            preview.row_numbers.append(rownum)
        width = len(cells)
        preview.display.append([cells[i] if i is not None and i < width else "" for i in shown_index])
    if not preview.rows and not problems:
        problems.append(RowProblem(2, "", "no_rows", None))
    return preview


def apply(session: Session, preview: ImportPreview) -> int:
    """Insert every prepared row in the caller's transaction; returns the count."""
    require(session, "registers.import")
    if not preview.ok:
        raise ImportFailed(preview.source, preview.problems)
    made_teams, made_grids = _create_missing(session, preview)
    records = []
    today = date.today()
    if any(v.get("id_number") for v in preview.rows):
        id_numbers.id_keys(session, start=True)  # a new database gets its key first
    for v in preview.rows:
        rec = {k: v[k] for k in ("name", "mobile", "gender", "political_status",
                                 "notes", "occupation", "skills", "grid_id", "party_household")}
        if rec["grid_id"] is not None and rec["grid_id"] < 0:
            rec["grid_id"] = made_grids[-rec["grid_id"] - 1]
        rec.update(id_numbers.seal(session, v.get("id_number")).values())
        rec.update(sort_key=names.sort_key(v["name"]), search_text=names.search_text(v["name"], v["mobile"]),
                   joined_on=v.get("joined_on") or today, active=v.get("active", True),
                   left_on=v.get("left_on"), version=1)
        records.append(rec)
    # Plain executemany, then map mobiles (unique) back to ids: INSERT..RETURNING in
    # SQLAlchemy's sorted insertmanyvalues mode was 3x slower for 10,000 rows.
    session.execute(insert(Volunteer), records)
    id_by_mobile: dict[str, int] = {}
    mobiles = [r["mobile"] for r in records]
    for start in range(0, len(mobiles), 900):
        chunk = mobiles[start : start + 900]
        id_by_mobile.update(
            session.execute(select(Volunteer.mobile, Volunteer.id).where(Volunteer.mobile.in_(chunk))).all()
        )
    ids = [id_by_mobile[m] for m in mobiles]
    members = [
        {"volunteer_id": vid, "team_id": made_teams[-tid - 1] if tid < 0 else tid, "role": role,
         "since": today}
        for vid, v in zip(ids, preview.rows, strict=True)
        for tid, role in v["teams"]
    ]
    if members:
        session.execute(insert(Membership), members)
    audit.record(session, "import", "volunteer", "", f"{Path(preview.source).name}: {len(ids)} rows",
                 {"file": preview.source, "count": len(ids), "ids": [min(ids), max(ids)] if ids else []})
    return len(ids)


def _create_missing(session: Session, preview: ImportPreview) -> tuple[list[int], list[int]]:
    """Create the teams and grids the preview listed as new; their ids, in list order."""
    from ..services import teams as team_service

    made_teams = [team_service.save_team(session, None, name, "other") for name in preview.new_teams]
    made_grids = []
    taken = set(session.scalars(select(Grid.number)))
    for name in preview.new_grids:
        m = re.fullmatch(r"(\d{1,4})号?网格", name) or re.fullmatch(r"(\d{1,4})", name)
        number = int(m.group(1)) if m and int(m.group(1)) not in taken else max(taken, default=0) + 1
        taken.add(number)
        made_grids.append(grid_service.save_grid(session, None, number, name if not name.isdigit()
                                                 else f"{number}号网格"))
    return made_teams, made_grids


def import_file(session: Session, path: Path | str, dry_run: bool = False,
                progress: Progress | None = None, cancelled: Cancelled | None = None, *,
                create_missing: bool = False) -> int:
    """Check and (unless ``dry_run``) insert all rows; ImportFailed lists every bad row.
    ``create_missing``: see :func:`prepare`."""
    preview = prepare(session, path, progress, cancelled, create_missing=create_missing)
    if not preview.ok:
        raise ImportFailed(preview.source, preview.problems)
    if dry_run:
        return len(preview.rows)
    return apply(session, preview)


def export_rows(session: Session, flt: vol_service.VolunteerFilter | None = None,
                include_ids: bool = False) -> list[list[str]]:
    """Rows with the import columns, in pinyin order.

    ID-card numbers are masked (``**************1234``, what the import reads as no
    number) unless ``include_ids`` is asked for, which needs the ``ids.view`` permission
    and this PC to hold the database's key (``key_missing`` otherwise).
    """
    require(session, "registers.export")
    if include_ids:
        require(session, "ids.view")
    ids = vol_service.query_ids(session, flt)
    grid_names = dict(session.execute(select(Grid.id, Grid.name)).all())
    memberships: dict[int, list[tuple[str, str]]] = {}
    for vid, tname, role in session.execute(
        select(Membership.volunteer_id, Team.name, Membership.role)
        .join(Team, Team.id == Membership.team_id)
        .order_by(Membership.volunteer_id, Team.id)
    ):
        memberships.setdefault(vid, []).append((tname, role))
    vols = {v.id: v for v in session.scalars(select(Volunteer))}
    out = []
    for vid in ids:
        v = vols[vid]
        ms = memberships.get(vid, [])
        roles = [ROLE_ZH[r] for _, r in ms]
        role_text = roles[0] if roles and len(set(roles)) == 1 else "、".join(roles)
        out.append([
            v.name, GENDER_ZH.get(v.gender or "", ""), v.mobile,
            (id_numbers.reveal(session, v) or "") if include_ids else id_numbers.masked(v.id_number_last4),
            grid_names.get(v.grid_id, "") if v.grid_id else "",
            "、".join(t for t, _ in ms), role_text, v.political_status, v.notes,
            v.occupation, v.skills, "是" if v.party_household else "", v.joined_on or "",
            STATE_ZH[bool(v.active)], v.left_on or "",
        ])
    return out


def export_file(session: Session, path: Path | str,
                flt: vol_service.VolunteerFilter | None = None, include_ids: bool = False) -> int:
    """Write the register to .xlsx or .csv with the import columns; returns the count."""
    path = Path(path)
    rows = export_rows(session, flt, include_ids)
    write_table(path, HEADERS_ZH, rows, sheet_title="志愿者")
    audit.record(session, "export", "volunteer", "", f"{path.name}: {len(rows)} rows",
                 {"file": str(path), "count": len(rows), "id_numbers": include_ids})
    return len(rows)
