"""Which rows of a schedule holding several parties' commitments belong to the party asked for."""

from __future__ import annotations

import re
from functools import lru_cache

# ISO 3166 alpha-3 code -> alpha-2 code and the names schedules and trade data print, for the
# parties of the agreements CarvePlan ships rules for (and their usual partners).
_NAMES: dict[str, tuple[str, ...]] = {
    "USA": ("US", "United States", "United States of America", "U.S.", "USA"),
    "KOR": ("KR", "Korea", "Republic of Korea", "Korea, Republic of", "South Korea", "Rep. of Korea"),
    "AUS": ("AU", "Australia"),
    "BHR": ("BH", "Bahrain", "Kingdom of Bahrain"),
    "CAN": ("CA", "Canada"),
    "MEX": ("MX", "Mexico"),
    "VNM": ("VN", "Viet Nam", "Vietnam", "Socialist Republic of Viet Nam"),
    "EU": ("EUN", "European Union", "EU-27", "EU27", "EU-28", "European Community"),
    "JPN": ("JP", "Japan"),
    "CHN": ("CN", "China", "People's Republic of China"),
    "NZL": ("NZ", "New Zealand"),
    "SGP": ("SG", "Singapore"),
    "MYS": ("MY", "Malaysia"),
    "BRN": ("BN", "Brunei", "Brunei Darussalam"),
    "CHL": ("CL", "Chile"),
    "PER": ("PE", "Peru"),
    "IDN": ("ID", "Indonesia"),
    "PHL": ("PH", "Philippines"),
    "THA": ("TH", "Thailand"),
    "KHM": ("KH", "Cambodia"),
    "LAO": ("LA", "Lao PDR", "Laos", "Lao People's Democratic Republic"),
    "MMR": ("MM", "Myanmar"),
    "RUS": ("RU", "Russia", "Russian Federation"),
    "BLR": ("BY", "Belarus"),
    "KAZ": ("KZ", "Kazakhstan"),
    "KGZ": ("KG", "Kyrgyzstan", "Kyrgyz Republic"),
    "ARM": ("AM", "Armenia"),
    "EAEU": ("EAEU", "EAEU", "Eurasian Economic Union"),
    "GBR": ("GB", "UK", "United Kingdom"),
}


def _key(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text.casefold())


_INDEX: dict[str, str] = {_key(name): code for code, names in _NAMES.items() for name in (code, *names)}


@lru_cache(maxsize=1024)
def party_code(cell: str) -> str:
    """The party a cell names (``Viet Nam``, ``VN``, ``VNM``), as its code; the cell itself, upper
    case, when the name is not known."""
    return _INDEX.get(_key(cell), cell.strip().upper())


def is_party(cell: str, party: str) -> bool:
    """Whether a party cell names ``party`` (a code such as ``VNM``, or a name)."""
    return bool(cell.strip()) and party_code(cell) == party_code(party)
