"""A small deterministic survey database for the export tests and golden samples (every value chosen)."""
from __future__ import annotations

import json
import uuid
from pathlib import Path

from survey_app.storage.db import open_db
from survey_app.storage.records import CODE_SET

DEVICE = "00000000-0000-4000-8000-00000000d001"
WARD = "19753"      # Phường Phú Xuân
COMMUNE = "20050"   # Xã A Lưới 5
OTHER = "19774"     # Phường Kim Long
SAMPLES = Path(__file__).resolve().parents[2] / "contract" / "samples"


def uid(n: int) -> str:
    """A fixed UUID from a number."""
    return str(uuid.UUID(int=0x1000_0000_0000_4000_8000_0000_0000_0000 + n))


def common(n: int, t: str, surveyor: str = "Trần Thị Lan") -> dict:
    return {"id": uid(n), "created_at": t, "updated_at": t, "device_id": DEVICE, "surveyor": surveyor,
            "app_version": "0.1.0", "revision": 1, "sync_state": "pending"}


def inside(db, code: str, dx: float = 0.0, dy: float = 0.0) -> tuple[float, float]:
    lon, lat = db.execute("SELECT inside_lon, inside_lat FROM units WHERE code = ?", [code]).fetchone()
    return lon + dx, lat + dy


def build(path: Path, *, readings_per_session: int = 6):
    """Create the database: 3 sessions (2 teams, one approved), speed tests, readings, households, members."""
    db = open_db(path)
    sessions = [  # n, unit, team, status, start (UTC)
        (1, WARD, "Đội Hương Giang", "approved", "2026-03-02T01:00:00.000Z"),
        (2, COMMUNE, "Đội Bạch Mã", "closed", "2026-03-03T02:30:00.000Z"),
        (3, OTHER, "Đội Hương Giang", "closed", "2026-03-04T16:30:00.000Z"),  # 23:30 local: date edge
    ]
    for n, code, team, status, t in sessions:
        db.table("sessions").insert(dict(common(n, t), unit_code=code, code_set=CODE_SET, team_name=team,
                                         surveyors=json.dumps(["Trần Thị Lan", "Lê Văn Hùng"], ensure_ascii=False),
                                         started_at=t, closed_at=t.replace("T0", "T1"), status=status,
                                         notes='Ghi chú: "khu vực ven sông", mưa'))
    k = 100
    readings = []
    for n, code, _team, _status, t in sessions:
        lon0, lat0 = inside(db, code)
        for i in range(readings_per_session):
            lon, lat = lon0 + 0.001 * (i % 10), lat0 - 0.0005 * (i % 10)
            at = t[:14] + f"{10 + i % 50:02d}:{i // 50 % 60:02d}" + t[19:]
            has_pos = i != 2     # one reading per session without a position
            readings.append(dict(
                common(k, at), session_id=uid(n), modem_id=uid(90), unit_code=code, code_set=CODE_SET,
                measured_at=at, manufacturer="Quectel", model="EC25-E", revision_fw="EC25EFAR06A06M4G",
                technology=["LTE", "NR-NSA", "UMTS"][i % 3], registration="home", mcc="452",
                mnc=["04", "02", "01"][i % 3], operator=["Viettel", "VinaPhone", "MobiFone"][i % 3],
                rssi_dbm=-65.0 - i, rsrp_dbm=-85.5 - i, rsrq_db=-10.5, sinr_db=12.25 + i,
                rscp_dbm=None, ecio_db=None, band="B3", arfcn=1850, pci=100 + i, cell_id=26_000_000 + i, tac=12345,
                nr_rsrp_dbm=-95.0 if i % 3 == 1 else None, raw='+QENG: "servingcell","NOCONN","LTE"',
                lon=lon if has_pos else None, lat=lat if has_pos else None,
                position_source="gps" if has_pos else None, position_accuracy_m=4.5 if has_pos else None,
                position_at=at if has_pos else None))
            k += 1
    db.table("signal_readings").insert_all(readings, batch_size=2000)
    households = [  # n, session, unit, status, consent, name, phone, dx
        (201, 1, WARD, "finalized", "yes", "Nguyễn Thị Hoa", "0912 345 678", 0.0012345),
        (202, 1, WARD, "refused", "no", None, None, -0.0023456),
        (203, 2, COMMUNE, "finalized", "yes", "Hồ Văn Đức, con", "0234 3822 111", 0.0007777),
    ]
    for n, s, code, status, consent, name, phone, dx in households:
        lon, lat = inside(db, code, dx, dx / 2)
        t = sessions[s - 1][4][:11] + "03:15:00.000Z"
        db.table("households").insert(dict(
            common(n, t), session_id=uid(s), unit_code=code, code_set=CODE_SET, form_id="hue_ict", form_version="1",
            status=status, consent=consent, hamlet="Tổ dân phố 5" if code == WARD else "Thôn A Tia",
            respondent_name=name, phone=phone, started_at=t, ended_at=t.replace("03:15", "03:40"),
            duration_s=1500.0, internet_at_home=1 if status == "finalized" else None,
            fixed_broadband=1 if n == 201 else (0 if status == "finalized" else None),
            fibre=1 if n == 201 else (0 if status == "finalized" else None),
            isp="VNPT" if n == 201 else None, plan_mbps=300.0 if n == 201 else None,
            monthly_cost_vnd=195000.0 if n == 201 else None, member_count=2 if status == "finalized" else None,
            lon=lon, lat=lat, position_source="gps", position_accuracy_m=6.0, position_at=t))
    members = [(301, 201, 1, "Nguyễn Thị Hoa", "female", 44, 1), (302, 201, 2, "Phan Minh Quân", "male", 17, 1),
               (303, 203, 1, "Hồ Văn Đức", "male", 63, 0), (304, 203, 2, "Hồ Thị Mận", "female", 58, 0)]
    for n, h, pos, name, sex, age, net in members:
        db.table("members").insert(dict(
            common(n, "2026-03-02T03:20:00.000Z"), household_id=uid(h), position=pos, name=name, sex=sex, age=age,
            uses_internet=net, owns_mobile_phone=1, uses_computer=net, has_vneid_level2=1, has_digital_signature=0,
            uses_online_public_services=net, uses_hue_s=net))
    tests = [(401, 1, 201, WARD, "ok", 92.5, 41.25, 0.0012345), (402, 1, None, WARD, "ok", 35.0, 12.0, 0.004),
             (403, 2, None, COMMUNE, "failed", None, None, 0.0)]
    for n, s, hh, code, status, down, up, dx in tests:
        lon, lat = inside(db, code, dx, dx / 2)
        t = sessions[s - 1][4][:11] + "04:00:00.000Z"
        db.table("speed_tests").insert(dict(
            common(n, t), session_id=uid(s), household_id=uid(hh) if hh else None, unit_code=code, code_set=CODE_SET,
            started_at=t, ended_at=t.replace("04:00:00", "04:00:31"), status=status,
            error="connection refused" if status == "failed" else None, protocol="librespeed", method="ls-6x3-v1",
            server_url="http://127.0.0.1:8080/", server_name="Huế DC", server_sponsor="VNPT Thừa Thiên Huế",
            server_id="1", server_distance_km=2.5, interface_name="wwan0", interface_kind="modem",
            source_address="10.0.0.2", operator="Viettel", technology="LTE", download_mbps=down, upload_mbps=up,
            ping_ms=21.5 if down else None, ping_min_ms=19.0 if down else None, jitter_ms=1.75 if down else None,
            bytes_received=120_000_000 if down else None, bytes_sent=50_000_000 if down else None,
            duration_s=31.0, streams_download=6, streams_upload=3, samples="[]",
            lon=lon, lat=lat, position_source="gps", position_accuracy_m=5.0, position_at=t))
    return db


def add_boundary(db, code: str) -> None:
    """A square boundary around the unit's inside point (for polygon output)."""
    lon, lat = inside(db, code)
    ring = [[lon - 0.01, lat - 0.01], [lon - 0.01, lat + 0.01], [lon + 0.01, lat + 0.01],   # clockwise
            [lon + 0.01, lat - 0.01], [lon - 0.01, lat - 0.01]]
    db.table("unit_boundaries").insert({"unit_code": code, "geometry": json.dumps(
        {"type": "Polygon", "coordinates": [ring]}), "source": "test", "imported_at": "2026-03-01T00:00:00.000Z"})
