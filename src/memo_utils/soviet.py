"""The other side of the table: Soviet records and statements, and the Soviet Jewry movement.

Three tables (``soviet_records``, ``advocacy_groups``, ``advocacy_actions``) load through
:func:`memo_utils.load_table`; this module adds what a schema cannot say: a date's precision
matches its form, every ``;``-separated goal id names a row of ``goals.csv``, every group id a
row of ``advocacy_groups.csv``, every ``event_id`` a row of ``events.csv``. Each failure is a
:class:`MemoDataError` naming file, row and field.

It uses only the public names of :mod:`memo_utils`, and is imported as ``memo_utils.soviet``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from memo_utils import MemoDataError, data_dir, key_events, load_events, load_goals, load_table

_LENGTH = {"year": 4, "month": 7, "day": 10}
_FREQ = {"year": "Y", "month": "M", "day": "D"}

#: Lanes of the timeline, top to bottom, and what each row kind becomes.
LANES = (
    "Soviet internal record",
    "Soviet public statement",
    "Soviet acts (events.csv)",
    "American advocates' asks and actions",
    "What Moscow sought (events.csv)",
)


def _path(name: str, data: Path | str | None) -> Path:
    return data_dir(data) / f"{name}.csv"


def _raise_at(bad: pd.Series, path: Path, field: str, messages: pd.Series | str) -> None:
    """Raise at the first row where ``bad`` holds, listing every such row.
    Rows are numbered as a spreadsheet shows them (the header is row 1)."""
    flagged = bad[bad.astype(bool)].index
    if len(flagged) == 0:
        return
    def text(index: object) -> str:
        return messages if isinstance(messages, str) else str(messages.loc[index])
    problems = [str(MemoDataError(path, text(i), row=int(str(i)) + 2, field=field)) for i in flagged]
    first = flagged[0]
    raise MemoDataError(path, text(first), row=int(str(first)) + 2, field=field, problems=problems)


def _dated(frame: pd.DataFrame, path: Path) -> pd.DataFrame:
    """Check each date against its precision and add ``start`` and ``end`` timestamps."""
    mismatch = frame["date"].str.len() != frame["date_precision"].astype(str).map(_LENGTH)
    _raise_at(mismatch, path, "date_precision", "precision does not match the form of the date")
    spans = [pd.Period(str(d), freq=_FREQ[str(p)]) for d, p in zip(frame["date"], frame["date_precision"])]
    frame = frame.copy()
    frame["start"] = [span.start_time for span in spans]
    frame["end"] = [span.end_time.normalize() for span in spans]
    return frame


def split_ids(value: object) -> list[str]:
    """The ids in a ``;``-separated cell (empty for a missing value)."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return []
    return [part.strip() for part in str(value).split(";") if part.strip()]


def _check_ids(frame: pd.DataFrame, field: str, known: Iterable[str], path: Path, what: str) -> None:
    known_set = set(known)
    unknown = frame[field].map(lambda cell: [i for i in split_ids(cell) if i not in known_set])
    messages = unknown.map(lambda ids: f"no {what} with id {', '.join(repr(i) for i in ids)}")
    _raise_at(unknown.map(bool), path, field, messages)


def _check_events(frame: pd.DataFrame, path: Path, data: Path | str | None) -> None:
    known = set(load_events(data)["event_id"])
    has = frame["event_id"].notna()
    bad = has & ~frame["event_id"].isin(known)
    messages = frame["event_id"].map(lambda e: f"no event with id {e!r} in events.csv")
    _raise_at(bad, path, "event_id", messages)


def load_soviet_records(data: Path | str | None = None) -> pd.DataFrame:
    """Soviet records and statements, validated, with ``start``/``end`` spanning each date."""
    records = load_table("soviet_records", data)
    path = _path("soviet_records", data)
    records = _dated(records, path)
    _check_ids(records, "goal_ids", load_goals(data)["goal_id"], path, "goal in goals.csv")
    _check_events(records, path, data)
    return records


def load_advocacy_groups(data: Path | str | None = None) -> pd.DataFrame:
    """The movement's organizations, validated."""
    return load_table("advocacy_groups", data)


def load_advocacy_actions(data: Path | str | None = None) -> pd.DataFrame:
    """The advocates' dated demands, actions, reports and counting rules, validated, with
    group, goal and event ids that resolve."""
    actions = load_table("advocacy_actions", data)
    path = _path("advocacy_actions", data)
    actions = _dated(actions, path)
    _check_ids(actions, "group_ids", load_advocacy_groups(data)["group_id"], path,
               "group in advocacy_groups.csv")
    _check_ids(actions, "goal_ids", load_goals(data)["goal_id"], path, "goal in goals.csv")
    _check_events(actions, path, data)
    return actions


def goal_links(frame: pd.DataFrame, key: str, goals: pd.DataFrame) -> pd.DataFrame:
    """One row per (row of ``frame``, goal it bears on), joined to the goal's tier, numeral
    and label. Every goal id must resolve (the loaders have checked this)."""
    long = frame[[key, "goal_ids"]].assign(goal_id=frame["goal_ids"].map(split_ids)).explode("goal_id")
    joined = long.drop(columns="goal_ids").merge(
        goals[["goal_id", "tier", "numeral", "label"]], on="goal_id", how="left", validate="many_to_one")
    if joined["label"].isna().any():
        missing = sorted(set(joined.loc[joined["label"].isna(), "goal_id"].astype(str)))
        raise MemoDataError("goals.csv", f"goal id(s) {', '.join(missing)} not in goals.csv", field="goal_id")
    return joined.reset_index(drop=True)


def before(frame: pd.DataFrame, date: str) -> pd.DataFrame:
    """Rows whose whole date span ends before ``date`` (YYYY-MM-DD): what was settled
    before then, counting a month- or year-dated row only if all of it is earlier."""
    return frame[frame["end"] < pd.Timestamp(date)]


def timeline(data: Path | str | None = None, *, soviet_events: Sequence[str] = (),
             sought_events: Sequence[str] = (),
             start: str = "1986-01-01", end: str = "1991-12-31") -> pd.DataFrame:
    """Soviet moves, American advocates' asks and the events Moscow sought, one row per dated
    item between ``start`` and ``end``: lane, date (span start), id, short label, goal ids.

    ``soviet_events`` are ``events.csv`` ids of Soviet acts (decrees, releases);
    ``sought_events`` are ids the reader counts as benefits Moscow sought (summits,
    treaties). Each must exist, or a :class:`MemoDataError` names it.
    """
    records = load_soviet_records(data)
    actions = load_advocacy_actions(data)
    events = load_events(data)
    unknown = [e for e in [*soviet_events, *sought_events] if e not in set(events["event_id"])]
    if unknown:
        raise MemoDataError(_path("events", data), f"no event with id {', '.join(map(repr, unknown))}",
                            field="event_id")
    rows = []
    for r in records[records["kind"] != "memoir"].itertuples():
        lane = LANES[0] if r.kind == "internal record" else LANES[1]
        rows.append((lane, r.start, r.record_id, r.body_or_speaker, r.goal_ids))
    for a in actions.itertuples():
        rows.append((LANES[3], a.start, a.action_id, a.kind, a.goal_ids))
    dated = key_events(events)
    for lane, chosen in ((LANES[2], soviet_events), (LANES[4], sought_events)):
        for e in dated[dated["event_id"].isin(list(chosen))].itertuples():
            rows.append((lane, e.start, e.event_id, e.label, pd.NA))
    out = pd.DataFrame(rows, columns=["lane", "date", "item_id", "label", "goal_ids"])
    out = out[(out["date"] >= pd.Timestamp(start)) & (out["date"] <= pd.Timestamp(end))]
    out["lane"] = pd.Categorical(out["lane"], categories=list(LANES), ordered=True)
    return out.sort_values(["date", "lane", "item_id"]).reset_index(drop=True)


def superseded_counts(emigration: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    """Emigration figures a group itself withdrew (qualifier ``superseded``) beside the
    figure the same group put in their place for the same group of emigrants, year and
    month. The measure may differ: a withdrawn figure can have counted something else."""
    own = emigration[emigration["counted_by"].isin(groups["group_id"])]
    old = own[own["qualifier"] == "superseded"]
    keys = ["year", "month", "group", "counted_by"]
    cols = ["figure_id", "measure", "count"]
    new = own[own["qualifier"] != "superseded"][keys + cols]
    paired = old[keys + cols + ["published"]].merge(
        new, on=keys, how="left", suffixes=("_withdrawn", "_replacement"))
    return paired.reset_index(drop=True)
