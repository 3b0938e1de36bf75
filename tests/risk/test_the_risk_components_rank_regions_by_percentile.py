"""Rates (reports and flags per 10,000 civil servants, overdue steps per case) become
percentile ranks among the regions that have them; ties share a rank, no data stays none."""

from netra.risk.score import percentiles


def test_ranks_run_from_0_to_100_with_ties_sharing_their_mean_rank():
    ranks = percentiles({"a": 1.0, "b": 5.0, "c": 5.0, "d": 9.0, "e": None})
    assert ranks == {"a": 0.0, "b": 50.0, "c": 50.0, "d": 100.0, "e": None}


def test_one_region_alone_ranks_in_the_middle_and_none_ranks_nothing():
    assert percentiles({"a": 3.0, "b": None}) == {"a": 50.0, "b": None}
    assert percentiles({"a": None}) == {"a": None}
