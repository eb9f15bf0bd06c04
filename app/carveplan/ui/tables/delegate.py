"""Typed cell editors: drop-downs for choices, live-checked timings, a calendar for dates."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    QStringListModel,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from carveplan.ui.tables.cells import CellError
from carveplan.ui.tables.columnkit import category_meaning, milestone_ids
from carveplan.ui.tables.columns import Column, Editor
from carveplan.ui.tables.model import RecordTableModel

Index = QModelIndex | QPersistentModelIndex
_NO_DATE = QDate(1900, 1, 1)  # the minimum of the date editor stands for "no date"
_BAD = "QLineEdit { border: 2px solid #c62828; background: #fdecea; }"


class CheckedLineEdit(QLineEdit):
    """A line edit that reads its text as the user types, and turns red with the reason when it cannot."""

    def __init__(self, parse: Callable[[str], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parse = parse
        self.error = ""
        self.textEdited.connect(self._on_text_edited)

    def check(self) -> bool:
        """Read the text now; show the problem (red border and tooltip) when there is one."""
        try:
            self._parse(self.text())
        except CellError as err:
            self.error = str(err)
        else:
            self.error = ""
        self.setStyleSheet(_BAD if self.error else "")
        self.setToolTip(self.error)
        return not self.error

    def _on_text_edited(self, _text: str) -> None:
        self.check()


class ListCompleter(QCompleter):
    """Completes the last item of a comma-separated list (``REG-1+6m, DA`` offers ``DATA-1``)."""

    def splitPath(self, path: str) -> list[str]:
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index: Index) -> str:
        widget = self.widget()
        done = (
            widget.text().rsplit(",", 1)[0] + ", "
            if isinstance(widget, QLineEdit) and "," in widget.text()
            else ""
        )
        return done + str(index.data())


def gates_editor(column: Column, model: RecordTableModel, parent: QWidget) -> CheckedLineEdit:
    """A gates cell: milestone ids offered as they are typed, an unknown one shown red at once."""
    agreement = model.document.agreement
    edit = CheckedLineEdit(lambda text: column.read_in(agreement, text), parent)
    completer = ListCompleter(QStringListModel(list(milestone_ids(agreement)), edit), edit)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    edit.setCompleter(completer)
    titles = {m.id: m.title for m in agreement.milestones}
    edit.setPlaceholderText(", ".join(list(titles)[:4]) or "no milestones yet")
    return edit


def category_editor(model: RecordTableModel, parent: QWidget) -> QComboBox:
    """A category cell: the agreement's categories and common ones, each with what it means."""
    combo = QComboBox(parent)
    agreement = model.document.agreement
    for code in category_choices(model):
        meaning = category_meaning(agreement, code)
        combo.addItem(f"{code} — {meaning}" if code else f"(none) — {meaning}", code)
        combo.setItemData(combo.count() - 1, meaning, Qt.ItemDataRole.ToolTipRole)
    combo.setEditable(True)  # a code not in the list yet can be typed
    return combo


def category_choices(model: RecordTableModel) -> list[str]:
    """The category codes the line table offers."""
    column = model.spec.columns[model.spec.column_of("category")]
    return list(column.choices(model.document.agreement)) if column.choices else []


def combo_value(combo: QComboBox) -> str:
    """The value a drop-down stands for: an item's code, or the text typed."""
    text = combo.currentText()
    for row in range(combo.count()):
        if combo.itemText(row) == text and combo.itemData(row) is not None:
            return str(combo.itemData(row))
    return text


class CellDelegate(QStyledItemDelegate):
    """Opens the editor a column's spec asks for; the model reads the text back and pushes the edit."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column, model = _column(index)
        if column.editor is Editor.CHOICE and column.field == "category":
            return category_editor(model, parent)
        if column.editor is Editor.CHOICE and column.choices is not None:
            combo = QComboBox(parent)
            combo.addItems(list(column.choices(model.document.agreement)))
            return combo
        if column.editor is Editor.DATE:
            edit = QDateEdit(parent)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            edit.setMinimumDate(_NO_DATE)
            edit.setSpecialValueText("none")
            return edit
        if column.editor is Editor.GATES:
            return gates_editor(column, model, parent)
        if column.editor in (Editor.TIMING, Editor.NUMBER) and column.parse is not None:
            return CheckedLineEdit(column.read, parent)
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        text = str(index.data())
        if isinstance(editor, QComboBox):
            found = editor.findData(text) if editor.itemData(0) is not None else editor.findText(text)
            found = found if found >= 0 else editor.findText(text)
            if found < 0:
                editor.addItem(text)
                found = editor.count() - 1
            editor.setCurrentIndex(found)
            line_edit = editor.lineEdit()  # only an editable drop-down has one
            if line_edit is not None:
                # Typing replaces the cell, as in a text cell: appended to "B5 — Five equal annual
                # cuts", a typed code would make a category no one meant.
                line_edit.selectAll()
        elif isinstance(editor, QDateEdit):
            day = QDate.fromString(text, "yyyy-MM-dd")
            editor.setDate(day if day.isValid() else _NO_DATE)
        elif isinstance(editor, QLineEdit):
            editor.setText(text)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, combo_value(editor))
        elif isinstance(editor, QDateEdit):
            day = editor.date()
            model.setData(index, "" if day == _NO_DATE else day.toString("yyyy-MM-dd"))
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())
        else:
            super().setModelData(editor, model, index)


def _column(index: Index) -> tuple[Column, RecordTableModel]:
    """The column spec and source model behind ``index`` (which may be a proxy's)."""
    model = index.model()
    while isinstance(model, QSortFilterProxyModel):
        index = model.mapToSource(index)
        model = model.sourceModel()
    source = cast(RecordTableModel, model)
    return source.spec.columns[index.column()], source
