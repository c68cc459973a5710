"""Chart helpers, one per recurring chart kind, grouped by topic.

Each helper takes the tidy frame a loader returns, draws in the collection's style
(:mod:`memo_utils.style`) with labelled axes, units and a source line, and returns the
figure so that tests can read back what was drawn.
"""
