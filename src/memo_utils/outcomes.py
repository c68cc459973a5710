"""What became of the memo's goals, 1986–1991: sourced outcome evidence and the
status of each goal by year, derived from it by a stated rule (never stored).

The rule (``STATUS_RULE``): for each goal, walk its dated evidence in date order,
leaving out claims made by the Soviet government (they are kept, and shown, but do
not move a status); "advances" or "partly meets" make the goal *partial* (unless it is
already *met*), "meets" makes it *met*, "sets back" makes it *set back*, "no change"
leaves it as it was. A goal's status in a year is its state after all evidence dated
(by the start of the period the date names) up to 31 December of that year.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from . import load_events, load_goals, load_table
from .errors import MemoDataError
from .paths import data_dir

YEARS = range(1986, 1992)
STATUSES = ("not begun", "partial", "met", "set back")
EXCLUDED_CLAIMANTS = ("Soviet government",)
STATUS_RULE = (
    "Evidence is read in date order, Soviet government claims left out: 'advances' or "
    "'partly meets' make a goal partial (unless already met), 'meets' makes it met, "
    "'sets back' makes it set back, 'no change' leaves it; a year's status is the state "
    "after all evidence dated up to 31 December of that year."
)
_MONTHS = ("January February March April May June July August September October "
           "November December").split()


def _fail(name: str, data: Path | str | None, row: int, field: str, message: str) -> None:
    raise MemoDataError(data_dir(data) / f"{name}.csv", message, row=row + 2, field=field)


def load_outcomes(data: Path | str | None = None) -> pd.DataFrame:
    """Every goal_outcomes row joined to its source row in events.csv (date, start,
    publication, snippet...). A 'no evidence found' row keeps empty event fields; any
    other row must name an event and a source; a no-evidence row must say what was searched."""
    links = load_table("goal_outcomes", data)
    for i, row in links.iterrows():
        empty = row["effect"] == "no evidence found"
        if empty and (pd.notna(row["event_id"]) or pd.isna(row["searched"])):
            _fail("goal_outcomes", data, int(i), "searched" if pd.isna(row["searched"]) else "event_id",
                  "a 'no evidence found' row names no event and must say what was searched")
        if not empty:
            for field in ("event_id", "url", "claimant_kind"):
                if pd.isna(row[field]):
                    _fail("goal_outcomes", data, int(i), field,
                          f"evidence of an effect on goal {row['goal_id']} needs its {field}")
    events = load_events(data)
    keys = events.set_index(["event_id", "url"]).index
    linked = links.dropna(subset=["event_id"])
    for i, row in linked.iterrows():
        if (keys == (row["event_id"], row["url"])).sum() != 1:
            _fail("goal_outcomes", data, int(i), "url",
                  f"event {row['event_id']} must have exactly one source row with this url")
    events = events.drop_duplicates(["event_id", "url"])
    merged = links.merge(events, on=["event_id", "url"], how="left", validate="many_to_one")
    merged.index = links.index
    return merged


def load_benefits(data: Path | str | None = None) -> pd.DataFrame:
    """What the United States gave, joined to the dated source row of each benefit."""
    benefits = load_table("us_benefits", data)
    events = load_events(data).drop_duplicates(["event_id", "url"], keep=False)
    return benefits.merge(events, on=["event_id", "url"], how="left", validate="one_to_one")


def snippet_states_date(row: pd.Series) -> bool:
    """Whether the snippet (or, for a document, its title in ``publication``) carries
    the year, the month's name, or the day of the date it supports, or a figure; where it
    carries none, the date must have been read from the publication date (within 31 days)."""
    text = f"{row['snippet']} {row['publication']}"
    start = pd.Timestamp(row["start"])
    if str(start.year) in text or _MONTHS[start.month - 1] in text or re.search(r"\d", str(row["snippet"])):
        return True
    published = row.get("published")
    if isinstance(published, str) and len(published) == 10:
        return pd.Timestamp(published) - start <= pd.Timedelta(days=31)
    return False


def check_outcomes(outcomes: pd.DataFrame, goals: pd.DataFrame, data: Path | str | None = None) -> None:
    """Every goal has evidence or an explicit no-evidence row; every cited snippet states
    its date or figure (see :func:`snippet_states_date`)."""
    missing = sorted(set(goals["goal_id"]) - set(outcomes["goal_id"]))
    if missing:
        raise MemoDataError(data_dir(data) / "goal_outcomes.csv",
                            f"goal(s) {', '.join(missing)} have neither evidence nor a 'no evidence found' row",
                            field="goal_id")
    for i, row in outcomes[outcomes["effect"] != "no evidence found"].iterrows():
        if not snippet_states_date(row):
            _fail("goal_outcomes", data, int(i), "url",
                  f"the snippet cited for {row['event_id']} states neither its date nor a figure")


def status_by_year(outcomes: pd.DataFrame, goals: pd.DataFrame) -> pd.DataFrame:
    """Goal × year table of derived statuses (see ``STATUS_RULE``)."""
    usable = outcomes[(outcomes["effect"] != "no evidence found")
                      & ~outcomes["claimant_kind"].isin(EXCLUDED_CLAIMANTS)].sort_values("start")
    table = {}
    for goal in goals["goal_id"]:
        rows = usable[usable["goal_id"] == goal]
        statuses = []
        for year in YEARS:
            state = "not begun"
            for effect in rows.loc[rows["start"] <= pd.Timestamp(year, 12, 31), "effect"]:
                if effect in ("advances", "partly meets") and state != "met":
                    state = "partial"
                elif effect == "meets":
                    state = "met"
                elif effect == "sets back":
                    state = "set back"
            statuses.append(state)
        table[goal] = statuses
    return pd.DataFrame(table, index=list(YEARS)).T.rename_axis("goal_id")


def scorecard(outcomes: pd.DataFrame, goals: pd.DataFrame) -> pd.DataFrame:
    """One row per goal: tier, first dated step, date met (if it was), the source of each,
    and the 1991 status; Soviet government claims left out as in ``STATUS_RULE``."""
    usable = outcomes[(outcomes["effect"] != "no evidence found")
                      & ~outcomes["claimant_kind"].isin(EXCLUDED_CLAIMANTS)].sort_values("start")
    status = status_by_year(outcomes, goals)
    rows = []
    for goal in goals.itertuples():
        ev = usable[usable["goal_id"] == goal.goal_id]
        first = ev[ev["effect"].isin(["advances", "partly meets", "meets"])].head(1)
        met = ev[ev["effect"] == "meets"].head(1)
        rows.append({
            "goal_id": goal.goal_id, "tier": str(goal.tier), "label": goal.label,
            "first_step": first["date"].iloc[0] if len(first) else None,
            "first_step_source": first["url"].iloc[0] if len(first) else None,
            "met": met["date"].iloc[0] if len(met) else None,
            "met_source": met["url"].iloc[0] if len(met) else None,
            "status_1991": status.loc[goal.goal_id, max(YEARS)],
        })
    return pd.DataFrame(rows)


def years_to(scores: pd.DataFrame, memo_date: str = "1987-01-06") -> pd.DataFrame:
    """Years from the memo's earliest date to each goal's first step and to 'met'
    (negative where the step came before the memo), with the tier, for comparison by tier."""
    origin = pd.Timestamp(memo_date)
    def span(col: str) -> pd.Series:
        return scores[col].map(lambda d: None if pd.isna(d) else
                               round((pd.Period(d).start_time - origin).days / 365.25, 2))
    return pd.DataFrame({"goal_id": scores["goal_id"], "tier": scores["tier"],
                         "years_to_first_step": span("first_step"), "years_to_met": span("met")})


def date_disagreements(events: pd.DataFrame) -> pd.DataFrame:
    """The source rows of every event whose sources give dates that cannot both hold
    (two datings whose spans do not overlap), so a disagreement is shown, not averaged."""
    cols = ["event_id", "label", "date", "publication", "published", "url"]
    by_event = events.groupby("event_id")
    clashing = by_event["start"].transform("max") > by_event["end"].transform("min")
    return events[clashing].sort_values(["event_id", "start"])[cols].reset_index(drop=True)


def outcomes_bundle(data: Path | str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Goals and checked outcome evidence, loaded together."""
    goals = load_goals(data)
    outcomes = load_outcomes(data)
    check_outcomes(outcomes, goals, data)
    return goals, outcomes
