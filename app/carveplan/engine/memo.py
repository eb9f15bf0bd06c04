"""What many lines of one agreement share, worked out once: categories found, phases generated.

A national schedule has 15,000 lines and a mega-regional agreement ten times that, but only a few
dozen staging categories and base rates: most lines expand to the very phases another line
already expanded to. The memo is keyed by what the expansion reads of the agreement (its
categories by identity, the rule set, entry into force, the first cut and the rounding rule), so an
edit of any of them starts a new memo and the results are those of working everything out afresh.
"""

from __future__ import annotations

import weakref
from typing import Any

from carveplan.model import Agreement

# Bounded: distinct (category, base, target, unit, gates) combinations are few in real schedules,
# but a schedule of all-different explicit base rates must not grow the memo without end.
LIMIT = 65_536

# The categories, the rest of what is read, the memo, and the agreement last asked for (weakly held).
_state: tuple[object, tuple[object, ...], dict[Any, Any], weakref.ref[Agreement]] | None = None


def agreement_memo(agreement: Agreement) -> dict[Any, Any]:
    """The memo for what expansion reads of ``agreement``; a fresh one when any of it changed.

    Threads resolving different agreements at once each get a correct memo (at worst a new one).
    """
    global _state  # one memo: for the agreement being worked on
    state = _state
    if state is not None and state[3]() is agreement and len(state[2]) < LIMIT:
        return state[2]  # the very same (frozen) agreement: asked once per line
    rest = (agreement.rule_set, agreement.eif, agreement.first_cut, agreement.rounding)
    if state is not None and state[0] is agreement.categories and state[1] == rest:
        memo = state[2]
        if len(memo) < LIMIT:
            _state = (state[0], state[1], memo, weakref.ref(agreement))
            return memo
    memo = {}
    _state = (agreement.categories, rest, memo, weakref.ref(agreement))
    return memo
