"""Observed emigration against the memo's targets: levels beside each target, and the
monthly pace, computed here rather than in a notebook cell.

Each function takes the frames the loaders and :mod:`memo_utils.emigration` return.
"""

from __future__ import annotations

import pandas as pd

from .emigration import GROUPS, all_groups, preferred_monthly, preferred_series


def target_levels(targets: pd.DataFrame, level: int, label: str) -> pd.DataFrame:
    """One observed ``level`` beside each emigration target (``numeric_targets`` rows whose
    unit is emigrants): the ``levels`` frame :func:`plot_numeric_targets` marks."""
    emigration = targets[targets["target_unit"] == "emigrants"]
    return pd.DataFrame({"goal_id": emigration["goal_id"], "count": int(level), "label": label})


def times_level(targets: pd.DataFrame, level: int, year: int) -> pd.DataFrame:
    """Each emigration target beside one year's level: ``level_<year>``, and
    ``times_<year>_level``, how many times that level the target's lower bound is."""
    emigration = targets[targets["target_unit"] == "emigrants"]
    frame = emigration.assign(**{
        f"level_{year}": int(level),
        f"times_{year}_level": (emigration["target_min"] / int(level)).round(1),
    })
    return frame[["goal_id", "label", "target_min", "target_max", f"level_{year}", f"times_{year}_level"]]


def year_levels(emigration: pd.DataFrame, year: int) -> dict[str, int]:
    """The levels of one year to set against the targets: the preferred figure for Soviet
    Jews, and the sum of the groups known that year (named in the key)."""
    jews = preferred_series(emigration, "jews").loc[year, "count"]
    groups = all_groups(emigration).loc[year]
    missing = {g.strip() for g in str(groups["groups_missing"]).split(",") if g.strip()}
    summed = ", ".join(g for g in GROUPS if g not in missing)
    return {"Soviet Jews (preferred figure)": int(jews), f"sum of {summed}": int(groups["groups_sum"])}


def first_month_at_pace(months: pd.Series, targets: pd.DataFrame) -> pd.DataFrame:
    """For each target of :func:`emigration_targets`, the first month whose figure (``months``:
    the preferred monthly counts, by date) reaches its monthly pace; 'in excess of' must be
    exceeded. ``month`` and ``count`` are missing where no month does."""
    rows = []
    for target in targets.itertuples():
        pace = int(target.per_month_low)
        reached = months[months > pace] if target.strict else months[months >= pace]
        rows.append({"goal_id": target.goal_id, "words": target.words, "per_month": pace,
                     "month": reached.index[0] if len(reached) else pd.NaT,
                     "count": reached.iloc[0] if len(reached) else pd.NA})
    return pd.DataFrame(rows).astype({"count": "Int64"})


def months_within(months: pd.Series, low: int, high: int) -> pd.Series:
    """The months whose figure lies between ``low`` and ``high`` inclusive."""
    return months[(months >= low) & (months <= high)]


def monthly_pace_report(emigration: pd.DataFrame, targets: pd.DataFrame, rates: pd.DataFrame, *,
                        year: int = 1986, statement_id: str = "d102-plateau") -> str:
    """In words: the months of ``year`` with a figure, the first month at each target's
    pace, and the months within the band of one FRUS rate (``load_frus_rates`` row)."""
    months = preferred_monthly(emigration)["count"]
    in_year = months.loc[str(year)]
    lines = [f"{year}: {len(in_year)} months with a figure, from {in_year.min()} to {in_year.max()}, "
             f"on average {in_year.mean():.0f} a month."]
    for row in first_month_at_pace(months, targets).itertuples():
        when = "no month" if pd.isna(row.month) else f"{row.month:%B %Y} ({row.count:,})"
        lines.append(f"First month at the pace of '{row.words}' ({row.per_month:,} a month): {when}.")
    plateau = rates.set_index("statement_id").loc[statement_id]
    band = months_within(months, int(plateau["low"]), int(plateau["high"]))
    lines.append(f"Months whose figure lies within Doc. {plateau['document']}'s plateau: "
                 + ", ".join(f"{m:%b %Y}" for m in band.index))
    return "\n".join(lines)
