"""Many comparisons in one run (``variorum batch``): one ``variorum.report/1`` JSON per case and a summary CSV of
their findings.

A case is one line of a JSON Lines file (:mod:`.cases`); the cases run in a local process pool, or on a Dask
cluster when the user names its scheduler (:mod:`.pools`); :mod:`.run` keeps them in flight, skips those already
reported, records failures and writes the summary (:mod:`.summary`). Each worker runs :mod:`.work`.
"""

from __future__ import annotations

from variorum.core.batch.cases import Case, CaseError, count_cases, read_cases
from variorum.core.batch.pools import LocalPool, PoolError, open_pool
from variorum.core.batch.run import Tally, run_batch
from variorum.core.batch.summary import SUMMARY_COLUMNS
from variorum.core.batch.work import run_case

__all__ = ["SUMMARY_COLUMNS", "Case", "CaseError", "LocalPool", "PoolError", "Tally", "count_cases", "open_pool",
           "read_cases", "run_batch", "run_case"]
