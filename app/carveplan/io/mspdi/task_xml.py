"""One MSPDI ``<Task>`` as text: a national plan writes 120,000 of them, so each is one string.

Tasks always sit at the same depth (``Project > Tasks > Task``), so every line's indent, every
custom field's opening lines and every date's text is made once and reused; the task's text is
put together from them with a handful of joins instead of a call per element.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from carveplan.io.mspdi import fields
from carveplan.io.mspdi.fields import FIELDS, MsLink, MsTask, lag_tenths
from carveplan.io.mspdi.rollup import minutes_text
from carveplan.io.text import clean_text

START_NO_EARLIER_THAN = 4
DAYS_FORMAT = 7
# A hundred thousand tasks share a few hundred dates and durations: format each once.
start_stamp = lru_cache(maxsize=8192)(fields.start_stamp)
_finish_stamp = lru_cache(maxsize=8192)(fields.finish_stamp)
_duration_text = lru_cache(maxsize=8192)(fields.duration_text)
# XML 1.0 cannot carry most control characters, not even escaped; they are dropped from text.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_OPEN, _CLOSE = "    <Task>\n", "\n    </Task>"
_PAD = "      "  # a task's own elements
_IN = _PAD + "  "  # the elements of its links, custom fields and baseline
_ATTRIBUTE = {
    k: f"\n{_PAD}<ExtendedAttribute>\n{_IN}<FieldID>{spec[1]}</FieldID>\n{_IN}" for k, spec in FIELDS.items()
}
_FILLED = {k: f"{head}<Value>" for k, head in _ATTRIBUTE.items()}
_EMPTY = {k: f"{head}<Value />\n{_PAD}</ExtendedAttribute>" for k, head in _ATTRIBUTE.items()}
_VALUE_END = f"</Value>\n{_PAD}</ExtendedAttribute>"


def text(value: str | int) -> str:
    """``value`` as element text: escaped, characters XML cannot carry dropped."""
    if isinstance(value, int):
        return str(value)
    # Printable ASCII holds no character to drop: a national plan writes a million such values.
    written = value if value.isascii() and value.isprintable() else _ILLEGAL.sub("", clean_text(value))
    if "&" in written or "<" in written or ">" in written:
        written = written.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return written


def task_xml(task: MsTask, row: int, number: str, work: int) -> str:
    """The ``<Task>`` element of ``task`` (``row`` its ID, ``number`` its outline number, ``work``
    its minutes), indented as ``ElementTree.indent`` would, without a final newline."""
    values = task.fields
    name, notes = task.name, task.notes
    # One check for all of the task's text: nearly every task's is printable ASCII with no markup.
    together = name + notes + "".join(values.values())
    plain = together.isascii() and together.isprintable() and not _MARKUP.search(together)
    if not plain:
        name, notes = text(name), text(notes)
        values = {key: text(value) for key, value in values.items()}
    parts = [
        f"{_OPEN}{_PAD}<UID>{task.uid}</UID>\n{_PAD}<ID>{row}</ID>\n",
        f"{_PAD}<Name>{name}</Name>\n" if name else f"{_PAD}<Name />\n",
        "" if task.active else f"{_PAD}<Active>0</Active>\n",
        f"{_PAD}<OutlineNumber>{number}</OutlineNumber>\n{_PAD}<OutlineLevel>{task.level}</OutlineLevel>\n",
        _span(task.start, task.finish, task.milestone),
        f"{_PAD}<Work>{minutes_text(work)}</Work>\n",
        _flags(task.estimated, task.milestone, task.summary, task.percent),
    ]
    if task.constraint is not None:
        parts.append(_constraint(task.constraint))
    if task.notes:  # cleaned to nothing, an empty element still says the task had notes
        parts.append(f"\n{_PAD}<Notes>{notes}</Notes>" if notes else f"\n{_PAD}<Notes />")
    if task.links:
        parts.extend(map(_link, task.links))
    filled, empty, end = _FILLED, _EMPTY, _VALUE_END
    parts.extend([filled[key] + value + end if value else empty[key] for key, value in values.items()])
    if task.baseline is not None:
        parts.append(_baseline(*task.baseline, task.milestone))
    parts.append(_CLOSE)
    return "".join(parts)


_MARKUP = re.compile("[&<>]")


@lru_cache(maxsize=8192)
def _span(start: date, finish: date, milestone: bool) -> str:
    """Start, Finish, Duration and DurationFormat: tasks share a few hundred spans."""
    return (
        f"{_PAD}<Start>{start_stamp(start)}</Start>\n"
        f"{_PAD}<Finish>{_finish_stamp(finish, milestone)}</Finish>\n"
        f"{_PAD}<Duration>{_duration_text(start, finish, milestone)}</Duration>\n"
        f"{_PAD}<DurationFormat>{DAYS_FORMAT}</DurationFormat>\n"
    )


@lru_cache(maxsize=512)
def _flags(estimated: bool, milestone: bool, summary: bool, percent: int) -> str:
    return (
        f"{_PAD}<Estimated>{int(estimated)}</Estimated>\n{_PAD}<Milestone>{int(milestone)}</Milestone>\n"
        f"{_PAD}<Summary>{int(summary)}</Summary>\n{_PAD}<PercentComplete>{percent}</PercentComplete>"
    )


@lru_cache(maxsize=8192)
def _constraint(day: date) -> str:
    return (
        f"\n{_PAD}<ConstraintType>{START_NO_EARLIER_THAN}</ConstraintType>"
        f"\n{_PAD}<ConstraintDate>{start_stamp(day)}</ConstraintDate>"
    )


def _link(link: MsLink) -> str:
    tenths, lag_format = lag_tenths(link.lag)
    return (
        f"\n{_PAD}<PredecessorLink>\n{_IN}<PredecessorUID>{link.predecessor}</PredecessorUID>"
        f"\n{_IN}<Type>{link.kind}</Type>\n{_IN}<LinkLag>{tenths}</LinkLag>"
        f"\n{_IN}<LagFormat>{lag_format}</LagFormat>\n{_PAD}</PredecessorLink>"
    )


def _baseline(first: date, last: date, milestone: bool) -> str:
    return (
        f"\n{_PAD}<Baseline>\n{_IN}<Number>0</Number>\n{_IN}<Start>{start_stamp(first)}</Start>"
        f"\n{_IN}<Finish>{_finish_stamp(last, milestone)}</Finish>"
        f"\n{_IN}<Duration>{_duration_text(first, last, milestone)}</Duration>"
        f"\n{_IN}<DurationFormat>{DAYS_FORMAT}</DurationFormat>\n{_PAD}</Baseline>"
    )
