"""Work on a column's distinct values once: a Comtrade file repeats a few reporters millions of times."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


def as_category(column: pd.Series) -> pd.Series:
    """The column as a categorical of text (numeric categories such as reporter codes become text)."""
    import pandas as pd

    if not isinstance(column.dtype, pd.CategoricalDtype):
        column = column.astype("category")
    categories = column.cat.categories
    if categories.dtype.kind != "O" and str(categories.dtype) != "str":
        column = column.cat.rename_categories([str(c) for c in categories])
    return column


def recode(column: pd.Series, change: Callable[[str], str]) -> pd.Series:
    """``change`` applied to every cell, computed once per distinct value; missing cells become ``""``.

    Args:
        column: a text or categorical column.
        change: the function of one cell's text.

    Returns:
        A categorical column on the same index.
    """
    import numpy as np
    import pandas as pd

    column = as_category(column)
    changed = [change(str(c)) for c in column.cat.categories] + [""]
    new_codes, uniques = pd.factorize(np.array(changed, dtype=object))
    codes = column.cat.codes.to_numpy()  # -1 for a missing cell picks the "" appended last
    values = pd.Categorical.from_codes(new_codes[codes], categories=pd.Index(uniques, dtype=object))
    return pd.Series(values, index=column.index)


def holds(column: pd.Series, test: Callable[[str], bool]) -> pd.Series:
    """Whether ``test`` holds of each cell, computed once per distinct value (missing cells: test of "")."""
    import numpy as np
    import pandas as pd

    column = as_category(column)
    flags = np.array([test(str(c)) for c in column.cat.categories] + [test("")], dtype=bool)
    return pd.Series(flags[column.cat.codes.to_numpy()], index=column.index)


def distinct(column: pd.Series) -> list[str]:
    """The distinct values present in a column, as text."""
    import numpy as np

    column = as_category(column)
    present = np.unique(column.cat.codes.to_numpy())
    return [str(column.cat.categories[c]) for c in present if c >= 0]
