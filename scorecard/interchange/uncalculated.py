"""Formula cells whose value was never calculated, found in an .xlsx file's XML.

A workbook keeps each formula with the value it last calculated. One written by a program that
does not calculate (a script, an export from another system) holds no value, or a stand-in 0,
and asks to be recalculated when opened (`fullCalcOnLoad`). Read as it is, such a cell would be
imported as 0 or as empty, so these cells are found (by their row and column) and refused.
"""

import io
import re
import zipfile
from posixpath import join, normpath
from xml.etree import ElementTree

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")
CHUNK = 1024 * 1024


def iterparse(source, events=("end",)):
    """The standard parser: it never fetches external entities, and expat (2.4.1 and later)
    stops entity expansion bombs; the parts' sizes are bounded before (readers.py)."""
    return ElementTree.iterparse(source, events=events)  # noqa: S314


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each sheet's name and the part of the archive holding its cells."""
    targets = {}
    with archive.open("xl/_rels/workbook.xml.rels") as rels:
        for _, element in iterparse(rels):
            if element.tag.endswith("Relationship"):
                target = element.get("Target", "")
                path = target.lstrip("/") if target.startswith("/") else join("xl", target)
                targets[element.get("Id")] = normpath(path)
    parts = {}
    with archive.open("xl/workbook.xml") as workbook:
        for _, element in iterparse(workbook):
            if element.tag == f"{MAIN}sheet" and element.get(RELATIONSHIP) in targets:
                parts[element.get("name")] = targets[element.get(RELATIONSHIP)]
    return parts


def _recalculated_on_opening(archive: zipfile.ZipFile) -> bool:
    with archive.open("xl/workbook.xml") as workbook:
        for _, element in iterparse(workbook):
            if element.tag == f"{MAIN}calcPr":
                return element.get("fullCalcOnLoad") in {"1", "true"}
    return False


def _has_formulas(archive: zipfile.ZipFile, part: str) -> bool:
    """A quick scan of the bytes, so a sheet without formulas is never parsed twice."""
    tail = b""
    with archive.open(part) as sheet:
        while chunk := sheet.read(CHUNK):
            if FORMULA_TAG.search(tail + chunk):
                return True
            tail = chunk[-16:]
    return False


def _cell_position(reference: str) -> tuple[int, int]:
    """'C12' -> (12, 2): the row number as Excel shows it and the column's index from 0."""
    letters = reference.rstrip("0123456789")
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter.upper()) - ord("A") + 1
    return int(reference[len(letters) :]), column - 1


def uncalculated_cells(data: bytes) -> dict[str, list[tuple[int, int]]]:
    """{sheet name: [(row, column index)]} of the formula cells holding no calculated value."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = _sheet_parts(archive)
        recalculated = _recalculated_on_opening(archive)
    except (KeyError, zipfile.BadZipFile, SyntaxError):
        return {}  # not a workbook calamine reads either: it says what is wrong
    found: dict[str, list[tuple[int, int]]] = {}
    for name, part in parts.items():
        if part not in archive.namelist() or not _has_formulas(archive, part):
            continue
        with archive.open(part) as sheet:
            found_here = _cells_without_values(sheet, recalculated)
        if found_here:
            found[name] = found_here
    return found


def _cells_without_values(sheet, recalculated: bool) -> list[tuple[int, int]]:
    """Read as a stream, each row let go once read. A row or cell may leave out its reference
    ("r"): it is then the one after the last."""
    found, row, column = [], 0, -1
    for event, element in iterparse(sheet, events=("start", "end")):
        if event == "start":
            if element.tag == f"{MAIN}row":
                row, column = int(element.get("r") or row + 1), -1
            continue
        if element.tag == f"{MAIN}c":
            reference = element.get("r")
            column = _cell_position(reference)[1] if reference else column + 1
            if element.find(f"{MAIN}f") is not None:
                value = element.find(f"{MAIN}v")
                if recalculated or value is None or not (value.text or "").strip():
                    found.append((row, column))
        elif element.tag == f"{MAIN}row":
            element.clear()
    return found
