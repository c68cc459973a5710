"""What a year's total leaves for the months no source in data/ counts."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .emigration import preferred_monthly, preferred_series


@dataclass(frozen=True)
class Residual:
    """A year's preferred total minus its preferred known months.

    ``counters`` names every counter the arithmetic mixes (the annual figure's and the
    months'), because a total from one counter minus months from others is only as
    good as their agreement.
    """

    group: str
    year: int
    total: int
    total_counter: str
    known: pd.Series
    missing: tuple[int, ...]
    counters: tuple[str, ...]

    @property
    def residual(self) -> int:
        return self.total - int(self.known.sum())

    @property
    def per_month(self) -> float:
        if not self.missing:
            raise ValueError(f"every month of {self.year} is known: there is no residual to spread")
        return self.residual / len(self.missing)

    def within(self, low: int, high: int) -> bool:
        """Whether the mean of the missing months lies in [low, high]."""
        return low <= self.per_month <= high


def year_residual(emigration: pd.DataFrame, year: int, group: str = "jews") -> Residual:
    """The preferred annual figure for ``year`` minus the preferred monthly figures known
    for it, with the months that remain uncounted."""
    annual = preferred_series(emigration, group)
    if year not in annual.index:
        raise KeyError(f"no full-year figure for {group} in {year} in emigration.csv")
    months = preferred_monthly(emigration, group)
    months = months[months.index.year == year]
    known = pd.Series(months["count"].astype(int).to_numpy(), index=months.index.month, name="count")
    missing = tuple(m for m in range(1, 13) if m not in known.index)
    counters = sorted({str(annual.loc[year, "counted_by"]), *map(str, months["counted_by"])})
    return Residual(group=group, year=year, total=int(annual.loc[year, "count"]),
                    total_counter=str(annual.loc[year, "counted_by"]), known=known,
                    missing=missing, counters=tuple(counters))
