"""The headless command line, run as a user would run it (a real process, a real file)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str | None = None, env_db: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("JOURNAL_DB", None)
    if env_db:
        env["JOURNAL_DB"] = env_db
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], input=stdin,
                          capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)


def write_csv(path: Path) -> Path:
    path.write_text(
        "contact,date,text,company,kind,duration\n"
        "Priya Raman,2025-01-10,Great kickoff; they love the plan.,Northwind,meeting,60\n"
        "Priya Raman,2025-02-10,Signed the renewal and praised the team.,Northwind,call,20\n"
        "Priya Raman,2025-03-10,Wonderful workshop and glowing feedback.,Northwind,meeting,90\n"
        "Priya Raman,2025-04-10 09:15,Invoice overdue and an angry escalation to our VP.,Northwind,email,\n"
        "Priya Raman,2025-04-17,They threaten to cancel; the deliverables were not what they asked for.,Northwind,call,30\n"
        "Priya Raman,2025-04-24,Furious about the delays; paused the expansion.,Northwind,meeting,45\n"
        "Marcus Bell,2025-03-01,Sent the SOW.,Bellweather,email,\n",
        encoding="utf-8")
    return path


def test_import_then_trends_json(tmp_path):
    db = tmp_path / "j.sqlite3"
    res = run("--db", str(db), "import", "notes", str(write_csv(tmp_path / "n.csv")))
    assert res.returncode == 0, res.stderr
    assert "7 notes" in res.stdout and "2 new contacts" in res.stdout
    res = run("--db", str(db), "trends", "--json")
    assert res.returncode == 0, res.stderr
    rows = json.loads(res.stdout)
    by_name = {r["contact"]: r for r in rows}
    assert set(by_name) == {"Priya Raman", "Marcus Bell"}
    priya = by_name["Priya Raman"]
    assert priya["company"] == "Northwind" and priya["notes"] == 6
    assert priya["trend"] == "souring"
    assert -1 <= priya["mood"] <= 1
    assert priya["last_contact"] == "2025-04-24"
    assert by_name["Marcus Bell"]["trend"] == "insufficient"
    # Souring relationships come first.
    assert rows[0]["contact"] == "Priya Raman"


def test_trends_for_one_contact_and_table(tmp_path):
    db = tmp_path / "j.sqlite3"
    run("--db", str(db), "import", "notes", str(write_csv(tmp_path / "n.csv")))
    res = run("--db", str(db), "trends", "--json", "--contact", "Marcus Bell")
    assert [r["contact"] for r in json.loads(res.stdout)] == ["Marcus Bell"]
    table = run("--db", str(db), "trends")
    assert "CONTACT" in table.stdout and "souring" in table.stdout
    missing = run("--db", str(db), "trends", "--contact", "Nobody Here")
    assert missing.returncode != 0 and "Nobody Here" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_journal_db_env_var_is_used(tmp_path):
    db = tmp_path / "env.sqlite3"
    res = run("import", "notes", str(write_csv(tmp_path / "n.csv")), env_db=str(db))
    assert res.returncode == 0, res.stderr
    assert db.exists()


def test_score_json_args_and_stdin():
    res = run("score", "--json", "They signed the renewal and love the work.",
              "Invoice is 60 days overdue.")
    assert res.returncode == 0, res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["label"] for r in rows] == ["positive", "negative"]
    assert rows[0]["text"].startswith("They signed")
    assert all(-1 <= r["polarity"] <= 1 for r in rows)
    res = run("score", "--json", stdin="Scheduled the planning session for the 14th.\n\nGreat call!\n")
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["label"] for r in rows] == ["neutral", "positive"]


def test_bad_csv_is_refused_whole_with_the_line(tmp_path):
    db = tmp_path / "j.sqlite3"
    bad = tmp_path / "bad.csv"
    bad.write_text("contact,date,text\nDana,2025-01-01,fine\nDana,yesterday,oops\n", encoding="utf-8")
    res = run("--db", str(db), "import", "notes", str(bad))
    assert res.returncode != 0
    assert "line 3" in res.stderr and "Traceback" not in res.stderr
    res = run("--db", str(db), "trends", "--json")
    assert json.loads(res.stdout) == []


def test_expected_errors_are_one_clear_line(tmp_path):
    res = run("--db", str(tmp_path / "j.sqlite3"), "import", "notes", str(tmp_path / "missing.csv"))
    assert res.returncode != 0 and "no such file" in res.stderr
    assert res.stderr.count("\n") == 1 and "Traceback" not in res.stderr
    notdb = tmp_path / "photo.sqlite3"
    notdb.write_bytes(b"\x89PNG not a database" * 10)
    res = run("--db", str(notdb), "trends")
    assert res.returncode != 0 and "not a journal database" in res.stderr
    assert "Traceback" not in res.stderr
