"""Generated inputs for benchmarks: large volunteer registers and import files."""

from __future__ import annotations

import random
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import insert

from volunteer_app import names
from volunteer_app.db import Database
from volunteer_app.demo import GIVEN, SURNAMES, TIBETAN
from volunteer_app.importexport.volunteers_io import HEADERS_ZH
from volunteer_app.models import Membership, Volunteer
from volunteer_app.services import grids as grid_service
from volunteer_app.services import teams as team_service
from volunteer_app.validation import id_check_digit


def person_name(rng: random.Random) -> str:
    if rng.random() < 0.4:
        return rng.choice(TIBETAN) + rng.choice(TIBETAN)
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def mobiles(n: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    picked = rng.sample(range(10**8), n)
    return [f"1{rng.choice('3578')}{rng.randrange(10)}{m:08d}" for m in picked]


def write_import_xlsx(path: Path, n: int, team_names: list[str], grid_names: list[str],
                      seed: int = 7) -> Path:
    """An import file of ``n`` valid rows (unique mobiles and ID numbers)."""
    rng = random.Random(seed)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("志愿者")
    ws.append(HEADERS_ZH)
    for i, mobile in enumerate(mobiles(n, seed)):
        first17 = f"540102{1950 + i % 50}{1 + i % 12:02d}{1 + i % 28:02d}{i % 1000:03d}"
        idn = first17 + id_check_digit(first17) if i % 3 == 0 else ""
        team = rng.choice(team_names)
        ws.append([person_name(rng), rng.choice("男女"), mobile, idn, rng.choice(grid_names),
                   team, "队员", rng.choice(["群众", "中共党员", "共青团员"]), ""])
    wb.save(path)
    return path


def fill_volunteers(db: Database, n: int, seed: int = 3) -> None:
    """Bulk-insert ``n`` volunteers (with team memberships) into a demo database."""
    rng = random.Random(seed)
    with db.session() as s:
        grid_ids = [g.id for g in grid_service.list_grids(s)]
        team_ids = [t.id for t in team_service.list_teams(s)][1:]
        batch: list[dict] = []
        all_ms: list[dict] = []
        for mobile in mobiles(n, seed):
            name = person_name(rng)
            batch.append(dict(
                name=name, mobile=mobile, gender=rng.choice(["male", "female"]),
                grid_id=rng.choice(grid_ids), political_status="群众", party_household=False,
                occupation="", skills="", notes="", active=rng.random() > 0.05, version=1,
                sort_key=names.sort_key(name), search_text=names.search_text(name, mobile),
            ))
            if len(batch) == 5000:
                ids = s.execute(insert(Volunteer).returning(Volunteer.id, sort_by_parameter_order=True), batch).scalars().all()
                all_ms.extend({"volunteer_id": i, "team_id": rng.choice(team_ids), "role": "member"} for i in ids)
                batch = []
        if batch:
            ids = s.execute(insert(Volunteer).returning(Volunteer.id, sort_by_parameter_order=True), batch).scalars().all()
            all_ms.extend({"volunteer_id": i, "team_id": rng.choice(team_ids), "role": "member"} for i in ids)
        s.execute(insert(Membership), all_ms)
