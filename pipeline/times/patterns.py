"""What the English and Chinese recognizers share: one regular expression made of named
rule families, and the check that every calendar point found is a real date."""

from __future__ import annotations

import re

from pipeline.times.found import Found
from pipeline.times.values import valid


def compile_families(families: list[tuple[str, str]]) -> re.Pattern[str]:
    """One alternation of ``(name, regex)`` families; a family's groups become ``name_group``
    and the family itself the group ``_name`` (so ``m.lastgroup`` names the family)."""
    return re.compile(
        "|".join(f"(?P<_{name}>{rx.replace('(?P<', f'(?P<{name}_')})" for name, rx in families)
    )


def family(m: re.Match[str]) -> str:
    return m.lastgroup.lstrip("_") if m.lastgroup else ""


def group(m: re.Match[str], kind: str, name: str) -> str | None:
    """Group ``name`` of family ``kind`` in a match of :func:`compile_families`."""
    return m.group(f"{kind}_{name}")


def checked(found: Found) -> Found | None:
    """``found`` unless one of its complete points is not a date (31 February)."""
    for point in (found.point, found.end_point):
        if point is not None and point.complete and not valid(point):
            return None
    return found
