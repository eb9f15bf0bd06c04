"""One task's text: the same characters ElementTree writes for the same element, awkward text too."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import pytest

from carveplan.io.mspdi.fields import FIELDS, MsLink, MsTask
from carveplan.io.mspdi.task_xml import task_xml
from carveplan.model import Offset, Unit

START, FINISH = date(2027, 1, 1), date(2027, 12, 31)


def _element_tree_text(task: MsTask, row: int, number: str, work: str, written: dict[str, str]) -> str:
    """The task built as an ElementTree element and indented as the exporter's document is."""
    root = ET.Element("Task")

    def add(parent: ET.Element, name: str, value: object) -> ET.Element:
        child = ET.SubElement(parent, name)
        child.text = str(value)
        return child

    for name, value in [("UID", task.uid), ("ID", row), ("Name", written["name"])]:
        add(root, name, value)
    if not task.active:
        add(root, "Active", 0)
    pairs = [("OutlineNumber", number), ("OutlineLevel", task.level), ("Start", "2027-01-01T08:00:00"),
             ("Finish", "2027-12-31T17:00:00"), ("Duration", "PT2920H0M0S"), ("DurationFormat", 7),
             ("Work", work), ("Estimated", 0), ("Milestone", 0), ("Summary", 0),
             ("PercentComplete", 0)]  # fmt: skip
    for name, value in pairs:
        add(root, name, value)
    if task.notes:
        add(root, "Notes", written["notes"])
    for link in task.links:
        element = ET.SubElement(root, "PredecessorLink")
        for name, value in [("PredecessorUID", link.predecessor), ("Type", 1), ("LinkLag", 72000),
                            ("LagFormat", 8)]:  # fmt: skip
            add(element, name, value)
    for key in task.fields:
        element = ET.SubElement(root, "ExtendedAttribute")
        add(element, "FieldID", FIELDS[key][1])
        add(element, "Value", written[key])
    for element in root.iter():
        if element.text == "":
            element.text = None  # written as <Name />
    ET.indent(root, space="  ", level=2)
    return "    " + ET.tostring(root, encoding="unicode")


@pytest.mark.parametrize(
    ("name", "notes", "value", "written"),
    [
        ("Stage 1/5", "", "B5", ("Stage 1/5", "", "B5")),
        ("Oils & fats <HS 15>", "a > b", "x&y", ("Oils & fats <HS 15>", "a > b", "x&y")),
        ("Pétrole brut", "one\ntwo", "€2.5/100 kg", ("Pétrole brut", "one\ntwo", "€2.5/100 kg")),
        ("Bell\x07 here", "\x01\x02", "\x0b", ("Bell here", "", "")),
        ("", "", "", ("", "", "")),
    ],
)  # fmt: skip
def test_a_task_reads_as_elementtree_writes_it(
    name: str, notes: str, value: str, written: tuple[str, str, str]
) -> None:
    fields = {"role": "phase", "description": value, "planned": "2027-01-01"}
    links = (MsLink(7, Offset(5, Unit.DAYS)),)
    task = MsTask(12, name, 4, START, FINISH, active=False, notes=notes, links=links, fields=fields)
    expected = {"name": written[0], "notes": written[1], "role": "phase", "description": written[2]}
    expected["planned"] = "2027-01-01"
    assert task_xml(task, 3, "1.2.3.4", 2088 * 60) == _element_tree_text(
        task, 3, "1.2.3.4", "PT2088H0M0S", expected
    )
