from __future__ import annotations

import pytest

import models


def write(tmp_path, text: str, name: str = "notes.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_creates_contacts_and_scored_notes(journal, tmp_path):
    existing = models.add_contact("Dana Okafor", company="Okafor & Partners")
    path = write(tmp_path, (
        "contact,date,text,company,kind,duration\n"
        'Dana Okafor,2026-01-05,"Great kickoff, they love the plan.",Okafor & Partners,meeting,60\n'
        "Marcus Bell,2026-01-06 14:30,Invoice overdue again.,Bellweather,call,15\n"
        "Marcus Bell,2026-01-07,Sent the SOW.,Bellweather,,\n"
    ))
    result = models.import_notes_csv(path)
    assert (result.contacts_added, result.notes_added) == (1, 3)
    assert models.get_summary(existing.id).note_count == 1
    marcus = models.find_contact("Marcus Bell", "Bellweather")
    notes = models.timeline(marcus.id, newest_first=False)
    assert [n.kind for n in notes] == ["call", "meeting"]
    assert notes[0].occurred_at.hour == 14 and notes[0].duration_min == 15
    assert notes[0].label == "negative"


def test_name_without_company_matches_a_unique_contact(journal, tmp_path):
    c = models.add_contact("Dana Okafor", company="Okafor & Partners")
    result = models.import_notes_csv(write(tmp_path, "contact,date,text\nDana Okafor,2026-01-05,hello\n"))
    assert result.contacts_added == 0
    assert models.get_summary(c.id).note_count == 1


@pytest.mark.parametrize("body, message", [
    ("contact,date,text\nDana,2026-01-05,fine\nMarcus,05/01/2026,bad date\n", "line 3"),
    ("contact,date,text\nDana,2026-01-05,fine\n,2026-01-06,no name\n", "line 3: the contact name is empty"),
    ("contact,date,text,kind\nDana,2026-01-05,fine,fax\n", "line 2"),
    ("contact,date,text,duration\nDana,2026-01-05,fine,lots\n", "line 2"),
    ("contact,text\nDana,hello\n", "missing column(s) date"),
    ("", "empty"),
    ('contact,date,text\nDana,2026-01-05,"unterminated\n', "line"),
    ("contact,date,text\nDana,2026-01-05,a,b,c\n", "line 2"),
])
def test_bad_file_aborts_with_line_and_writes_nothing(journal, tmp_path, body, message):
    models.add_contact("Existing")
    with pytest.raises(models.ImportFileError) as info:
        models.import_notes_csv(write(tmp_path, body))
    assert message in str(info.value)
    assert models.counts() == (1, 0)


def test_missing_and_non_utf8_files(journal, tmp_path):
    with pytest.raises(models.ImportFileError, match="no such file"):
        models.import_notes_csv(tmp_path / "nope.csv")
    path = tmp_path / "latin1.csv"
    path.write_bytes("contact,date,text\nJosé,2026-01-01,café\n".encode("latin-1"))
    with pytest.raises(models.ImportFileError, match="UTF-8"):
        models.import_notes_csv(path)


def test_utf8_bom_and_crlf_are_fine(journal, tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeffcontact,date,text\r\nZoë,2026-01-01,Très bien\r\n".encode("utf-8"))
    assert models.import_notes_csv(path).notes_added == 1
