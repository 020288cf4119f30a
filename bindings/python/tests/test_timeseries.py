"""Time series against pandas and numpy on random data: resampling (count, sum, mean, min,
max, percentiles by every numpy method), heat maps over DST days, trends."""

import datetime

import numpy as np
import pytest

import itsm

pd = pytest.importorskip("pandas")

RTOL = 1e-12
JAN1 = 1704067200  # 2024-01-01T00:00:00Z


def irregular(rng, n, span, tz="UTC", nan_share=0.05):
    """n samples at random whole seconds over `span` seconds from 2024-01-01, some NaN."""
    t = np.sort(rng.integers(0, span, n)) + JAN1
    values = rng.normal(50, 20, n)
    values[rng.random(n) < nan_share] = np.nan
    index = pd.to_datetime(t, unit="s", utc=True).tz_convert(tz)
    return pd.Series(values, index=index, name="cpu")


def assert_close(got, want):
    got = np.asarray(got, dtype=float)
    want = np.asarray(want, dtype=float)
    assert got.shape == want.shape
    assert np.array_equal(np.isnan(got), np.isnan(want))
    ok = ~np.isnan(want)
    np.testing.assert_allclose(got[ok], want[ok], rtol=RTOL, atol=0)


@pytest.mark.parametrize("grain, rule", [("1min", "1min"), ("1h", "1h"), ("1d", "1D"), (900, "15min")])
def test_resample_matches_pandas_utc(grain, rule):
    rng = np.random.default_rng(7)
    s = irregular(rng, 20000, 10 * 86400)
    ours = itsm.resample(s, grain, stats=("count", "sum", "mean", "min", "max"), percentiles=(50, 95))
    r = s.resample(rule)
    theirs = pd.DataFrame({"count": r.count(), "mean": r.mean(), "min": r.min(), "max": r.max(),
                           "p50": r.quantile(0.5), "p95": r.quantile(0.95)})
    assert ours.index.equals(theirs.index)
    assert (ours["count"].to_numpy() == theirs["count"].to_numpy()).all()
    for col in ("mean", "min", "max", "p50", "p95"):
        assert_close(ours[col], theirs[col])
    # Empty buckets: count 0 and NaN, never 0 (pandas' sum() would say 0).
    empty = ours["count"] == 0
    assert ours.loc[empty, ["sum", "mean", "max", "p95"]].isna().all().all()
    assert_close(ours.loc[~empty, "sum"], r.sum()[~empty.to_numpy()])


def test_empty_buckets_exist_when_data_has_gaps():
    idx = pd.to_datetime([JAN1, JAN1 + 7200], unit="s", utc=True)
    out = itsm.resample(pd.Series([1.0, 3.0], index=idx), "1h", stats=("count", "mean"))
    assert list(out["count"]) == [1, 0, 1]
    assert np.isnan(out["mean"].iloc[1])


def test_resample_dataframe_matches_pandas_agg():
    rng = np.random.default_rng(11)
    idx = pd.date_range("2024-03-01", periods=3 * 1440, freq="1min", tz="UTC")
    df = pd.DataFrame(rng.random((len(idx), 4)) * 100, index=idx, columns=["web1", "web2", "db1", "batch1"])
    df.iloc[rng.integers(0, len(idx), 50), 2] = np.nan
    ours = itsm.resample(df, "1h", stats=("mean", "max"))
    theirs = df.resample("1h").agg(["mean", "max"])
    assert list(ours.columns) == list(theirs.columns)
    assert_close(ours.to_numpy(), theirs.to_numpy())


def test_daily_buckets_are_local_days_across_dst():
    # Europe/Amsterdam: 2024-03-31 has 23 hours, 2024-10-27 25 hours; pandas' daily bins
    # follow local midnight too.
    rng = np.random.default_rng(3)
    for day in ("2024-03-29", "2024-10-25"):
        idx = pd.date_range(day, periods=4 * 24 * 60, freq="1min", tz="Europe/Amsterdam")
        s = pd.Series(rng.random(len(idx)), index=idx)
        ours = itsm.resample(s, "1d", stats=("count", "mean", "max"), percentiles=(90,))
        r = s.resample("1D")
        assert ours.index.equals(r.count().index)
        assert list(ours["count"]) == list(r.count())
        assert_close(ours["mean"], r.mean())
        assert_close(ours["p90"], r.quantile(0.9))
    short = itsm.resample(pd.Series(1.0, index=pd.date_range("2024-03-31", periods=23 * 60, freq="1min",
                                                               tz="Europe/Amsterdam")), "1d", stats=("count",))
    assert list(short["count"]) == [23 * 60]


def test_hourly_local_buckets_merge_the_repeated_hour_and_drop_the_skipped_one():
    ams = itsm.TimeZone("Europe/Amsterdam")
    # 2024-10-27: 02:00-03:00 local happens twice -> one bucket with 120 one-minute samples.
    idx = pd.date_range("2024-10-27 00:00", "2024-10-27 05:59", freq="1min", tz="Europe/Amsterdam")
    out = itsm.resample(pd.Series(1.0, index=idx), "1h", stats=("count",), zone=ams)
    assert [t.hour for t in out.index] == [0, 1, 2, 3, 4, 5]
    assert list(out["count"]) == [60, 60, 120, 60, 60, 60]
    # 2024-03-31: 02:00-03:00 does not exist: no such bucket in the result.
    idx = pd.date_range("2024-03-31 00:00", "2024-03-31 05:59", freq="1min", tz="Europe/Amsterdam")
    out = itsm.resample(pd.Series(1.0, index=idx), "1h", stats=("count",))
    assert [t.hour for t in out.index] == [0, 1, 3, 4, 5]
    assert list(out["count"]) == [60] * 5


@pytest.mark.parametrize("method", [m.name.lower() for m in itsm.QuantileMethod])
def test_percentiles_equal_numpy_for_every_method(method):
    rng = np.random.default_rng(5)
    t = np.sort(rng.integers(0, 50 * 3600, 3000)) + JAN1
    v = np.round(rng.normal(0, 1000, len(t)), 1)  # ties too
    pct = [0, 1, 5, 25, 50, 62.5, 95, 99, 100]
    out = itsm.resample((t, v), "1h", stats=(), percentiles=pct, method=method)
    bucket = (t - JAN1) // 3600
    for k in range(out["start"].size):
        values = v[bucket == k]
        for j, p in enumerate(pct):
            got = out[f"p{p:g}"][k]
            if values.size == 0:
                assert np.isnan(got)
            else:
                assert got == np.percentile(values, p, method=method)  # bit for bit


def test_numpy_input_and_output():
    t = np.array([JAN1 + 10, JAN1 + 70, JAN1 + 200], np.int64)
    out = itsm.resample((t, [1.0, 2.0, 4.0]), 60, stats=("count", "mean"))
    assert list(out["start"]) == [JAN1, JAN1 + 60, JAN1 + 120, JAN1 + 180]
    assert list(out["count"]) == [1, 1, 0, 1]
    assert np.isnan(out["mean"][2])
    two = itsm.resample((t, [[1.0, 2.0, 4.0], [3.0, 3.0, 3.0]]), 120, stats=("mean",))
    assert two["mean"].shape == (2, 2)
    assert list(two["mean"][1]) == [3.0, 3.0]
    dt = np.array(["2024-01-01T00:00:10", "2024-01-01T00:01:10"], dtype="datetime64[s]")
    assert list(itsm.resample((dt, [1.0, 2.0]), "1min", stats=("count",))["count"]) == [1, 1]
    bounded = itsm.resample((t, [1.0, 2.0, 4.0]), "1min", stats=("count",), start=JAN1, end=JAN1 + 120)
    assert list(bounded["count"]) == [1, 1]


def test_resample_errors():
    s = pd.Series([1.0], index=pd.to_datetime([JAN1], unit="s"))  # naive
    with pytest.raises(TypeError, match="naive DatetimeIndex"):
        itsm.resample(s, "1h")
    s = s.tz_localize("UTC")
    with pytest.raises(itsm.InvalidArgumentError, match=r"grid.grain = 420 s"):
        itsm.resample(s, "7min")
    with pytest.raises(ValueError, match="not a grain"):
        itsm.resample(s, "fortnight")
    with pytest.raises(ValueError, match="percentiles must be in"):
        itsm.resample(s, "1h", percentiles=(101,))
    with pytest.raises(ValueError, match="unknown statistics"):
        itsm.resample(s, "1h", stats=("median",))
    with pytest.raises(itsm.InvalidArgumentError, match=r"values\[0\] \(series 0, t\[0\]\) is inf"):
        itsm.resample(pd.Series([np.inf], index=s.index), "1h")
    with pytest.raises(ValueError, match="not whole seconds"):
        itsm.resample(pd.Series([1.0], index=s.index + pd.Timedelta("1ms")), "1h")


# ---- heat maps ----------------------------------------------------------------------------------


def pandas_heatmap(s, slot, agg):
    local = s.dropna()
    keys = [local.index.time, local.index.date]
    return local.groupby(keys).agg(agg).unstack()


@pytest.mark.parametrize("agg", ["mean", "max", "min", "sum"])
def test_heatmap_matches_a_pandas_pivot_across_dst(agg):
    rng = np.random.default_rng(13)
    # One-minute samples from 2024-10-25 to 2024-10-29 in Amsterdam (clocks go back on the 27th).
    idx = pd.date_range("2024-10-25", "2024-10-29", freq="1min", tz="Europe/Amsterdam", inclusive="left")
    s = pd.Series(rng.random(len(idx)) * 100, index=idx)
    s.iloc[rng.integers(0, len(s), 200)] = np.nan
    ours, counts = itsm.heatmap(s, "1min", agg=agg, counts=True)
    assert ours.shape == (1440, 4)
    theirs = pandas_heatmap(s, 60, agg).reindex(index=ours.index, columns=ours.columns)
    assert_close(ours.to_numpy(), theirs.to_numpy())
    # 02:00-02:59 on the 27th happened twice: two samples per cell (unless one was NaN).
    day = datetime.date(2024, 10, 27)
    assert counts.loc[datetime.time(2, 30), day] in (1, 2)
    assert counts[day].sum() == 25 * 60 - int(s[s.index.date == day].isna().sum())


def test_heatmap_spring_forward_cells_are_empty():
    idx = pd.date_range("2024-03-31", "2024-04-01", freq="1min", tz="Europe/Amsterdam", inclusive="left")
    s = pd.Series(1.0, index=idx)
    hm, counts = itsm.heatmap(s, "1h", counts=True)
    assert hm.shape == (24, 1)
    assert np.isnan(hm.iloc[2, 0]) and counts.iloc[2, 0] == 0
    assert counts.iloc[:, 0].sum() == 23 * 60
    # UTC samples seen in Tokyo: the zone argument decides the rows and dates.
    utc = pd.Series(1.0, index=pd.date_range("2024-01-01", periods=24, freq="1h", tz="UTC"))
    tokyo = itsm.heatmap(utc, "1h", zone="Asia/Tokyo")
    assert list(tokyo.columns) == [datetime.date(2024, 1, 1), datetime.date(2024, 1, 2)]
    assert np.isnan(tokyo.iloc[0, 0]) and tokyo.iloc[9, 0] == 1.0


def test_heatmap_numpy_and_errors():
    t = np.array([JAN1, JAN1 + 3600, JAN1 + 86400], np.int64)
    hm = itsm.heatmap((t, [1.0, 2.0, 3.0]), "1h", start="2024-01-01", days=2)
    assert hm.shape == (24, 2) and hm[0, 0] == 1 and hm[1, 0] == 2 and hm[0, 1] == 3
    with pytest.raises(ValueError, match="does not divide a day"):
        itsm.heatmap((t, [1.0, 2.0, 3.0]), 7000)
    with pytest.raises(ValueError, match="one series"):
        itsm.heatmap(pd.DataFrame({"a": [1.0], "b": [2.0]}, index=pd.to_datetime([JAN1], unit="s", utc=True)))


# ---- trends ----------------------------------------------------------------------------------------


def test_trend_matches_numpy_polyfit():
    rng = np.random.default_rng(17)
    t = np.sort(rng.integers(0, 400 * 86400, 500)) + 1_700_000_000
    v = 0.25 * (t - t[0]) / 86400 + rng.normal(0, 3, len(t)) + 40
    fit = itsm.trend((t, v))
    x = (t - fit.origin).astype(float)
    slope, intercept = np.polyfit(x, v, 1)
    assert fit.slope == pytest.approx(slope, rel=1e-10)
    assert fit.intercept == pytest.approx(intercept, rel=1e-10)
    residuals = v - (intercept + slope * x)
    r2 = 1 - (residuals ** 2).sum() / ((v - v.mean()) ** 2).sum()
    assert fit.r2 == pytest.approx(r2, rel=1e-10)
    assert fit.residual_se == pytest.approx(np.sqrt((residuals ** 2).sum() / (len(v) - 2)), rel=1e-10)
    assert fit.n == 500 and fit.first == t[0] and fit.last == t[-1]


def test_disk_full_and_batch_deadline():
    # Disk use grows 0.5 %/day from 60 %: 100 % is 80 days after day 0.
    days = pd.date_range("2024-01-01", periods=30, freq="1D", tz="UTC")
    use = pd.Series(60 + 0.5 * np.arange(30), index=days)
    fit = itsm.trend(use)
    c = fit.crossing(100)
    assert c.reach == itsm.Reach.REACHED_AT
    assert c.datetime == datetime.datetime(2024, 3, 21, tzinfo=datetime.timezone.utc)
    assert fit.crossing(50, "falling").reach == itsm.Reach.NEVER  # it only grows
    assert fit.crossing(50).reach == itsm.Reach.ALREADY
    # A batch ends 2 minutes later each night; the 06:00 deadline is missed ...
    ends = pd.Series(5 * 3600 + 120.0 * np.arange(10), index=days[:10])
    c = itsm.trend(ends).crossing(6 * 3600)
    assert c.datetime.date() == datetime.date(2024, 1, 31)  # day 30: 5:00 + 30 x 2 min = 6:00
    # ... and a flat one never misses it; one sample is no data.
    assert itsm.trend(ends * 0 + 18000).crossing(21600).reach == itsm.Reach.NEVER
    assert itsm.trend(ends.iloc[:1]).crossing(21600).reach == itsm.Reach.NO_DATA


def test_trend_table_for_many_servers():
    days = pd.date_range("2024-01-01", periods=20, freq="1D", tz="UTC")
    df = pd.DataFrame({"db1": 50 + np.arange(20.0), "db2": 90 - np.arange(20.0), "db3": 85 + np.arange(20.0)},
                      index=days)
    table = itsm.trend(df, threshold=80)
    assert list(table.index) == ["db1", "db2", "db3"]
    assert table.loc["db1", "slope_per_day"] == pytest.approx(1.0)
    assert table.loc["db1", "reach"] == "reached_at"
    assert table.loc["db1", "at"] == pd.Timestamp("2024-01-31", tz="UTC")
    assert table.loc["db2", "reach"] == "never"  # 90 falling to 71
    assert table.loc["db3", "reach"] == "already"
    assert table["at"].isna().tolist() == [False, True, False]
    assert table.loc["db1", "r2"] == pytest.approx(1.0)


def test_resample_releases_the_gil_and_is_thread_safe():
    import concurrent.futures

    rng = np.random.default_rng(1)
    t = np.arange(0, 86400 * 20, 60, dtype=np.int64) + JAN1
    v = rng.random((8, t.size))
    want = itsm.resample((t, v), "1h", stats=("mean",), percentiles=(95,))
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: itsm.resample((t, v), "1h", stats=("mean",), percentiles=(95,)), range(8)))
    for r in results:
        assert np.array_equal(r["mean"], want["mean"]) and np.array_equal(r["p95"], want["p95"])


def test_index_conversions_are_remembered_per_index_object():
    idx = pd.date_range("2024-01-01", periods=180, freq="1min", tz="UTC")
    a = itsm.resample(pd.Series(1.0, index=idx), "1h", stats=("count",))
    b = itsm.resample(pd.Series(2.0, index=idx), "1h", stats=("count", "mean"))  # same index object
    assert list(a["count"]) == list(b["count"]) == [60, 60, 60] and list(b["mean"]) == [2.0] * 3
    for k in range(20):  # new index objects (addresses may be reused) are converted anew
        other = pd.date_range("2024-01-01", periods=60 * (k + 1), freq="1min", tz="UTC")
        assert itsm.resample(pd.Series(1.0, index=other), "1h", stats=("count",))["count"].sum() == 60 * (k + 1)
