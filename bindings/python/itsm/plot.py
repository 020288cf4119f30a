"""Plots for the analyst (optional; needs matplotlib): a time-of-day x date heat map, SLA
compliance per month, KPI trends with their fitted line and threshold, and a maturity
radar.

``import itsm.plot`` works without matplotlib; the functions import it when called and
raise :class:`itsm.MissingDependencyError` (an ImportError) when it is not installed. They
draw on matplotlib's object API (never pyplot, so no global state or GUI backend is
touched), save a PNG when given ``path`` and return the :class:`matplotlib.figure.Figure`.
"""

import datetime
import math
import os

import numpy as np

from ._errors import MissingDependencyError
from ._pandas import is_pandas as _is_pandas

__all__ = ["heatmap", "sla_compliance", "kpi_trend", "maturity_radar"]


def _figure(ax, size, projection=None):
    """(figure, axes): the given axes' figure, or a new Agg figure of ``size`` inches."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError as exc:
        raise MissingDependencyError(
            "itsm.plot needs matplotlib, which is not installed (Debian/Ubuntu: apt install "
            "python3-matplotlib; pip: pip install matplotlib)", name="matplotlib") from exc
    if ax is not None:
        return ax.figure, ax
    fig = Figure(figsize=size)
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot(projection=projection)


def _save(fig, path, dpi):
    if path is not None:
        fig.savefig(os.fspath(path), dpi=dpi, format="png", bbox_inches="tight")
    return fig


def heatmap(data, path=None, *, ax=None, title=None, cmap="viridis", vmin=None, vmax=None, label=None, dpi=100):
    """Draw a heat map from :func:`itsm.heatmap` (rows times of day, columns dates; NaN
    cells, which have no data, stay blank).

    Args:
        data: the DataFrame :func:`itsm.heatmap` returns, or a 2-D array (rows x days).
        path: where to save a PNG (optional).
        label: the colour bar's label (e.g. "CPU %").
    """
    fig, ax = _figure(ax, (8, 4))
    values = np.asarray(data, dtype=float)
    masked = np.ma.masked_invalid(values)
    image = ax.imshow(masked, aspect="auto", origin="upper", interpolation="nearest", cmap=cmap, vmin=vmin, vmax=vmax)
    rows, days = values.shape
    if _is_pandas(data):
        _heatmap_ticks(ax, data, rows, days)
    ax.set_xlabel("date")
    ax.set_ylabel("time of day")
    fig.colorbar(image, ax=ax, label=label)
    if title:
        ax.set_title(title)
    return _save(fig, path, dpi)


def _heatmap_ticks(ax, data, rows, days):
    step_y = max(1, rows // 8)
    ax.set_yticks(range(0, rows, step_y))
    ax.set_yticklabels([data.index[i].strftime("%H:%M") for i in range(0, rows, step_y)])
    step_x = max(1, days // 8)
    ax.set_xticks(range(0, days, step_x))
    ax.set_xticklabels([str(data.columns[i]) for i in range(0, days, step_x)], rotation=30, ha="right")


def _percent(rate):
    """A rate (a fraction, an itsm.KpiRate or an itsm.Rate; NaN or None) in percent; NaN
    for no data."""
    ratio = getattr(rate, "ratio", rate)
    if ratio is None:
        return math.nan
    return float(ratio) * 100.0


def sla_compliance(table, path=None, *, target=None, ax=None, title=None, dpi=100):
    """Bars of SLA compliance per month with the target as a line.

    Args:
        table: month -> rate: a dict or pandas Series (months as "2024-05", dates or
            periods; rates as fractions, :class:`itsm.KpiRate` or :class:`itsm.Rate`). A
            month without data (NaN, a rate without data) is marked "no data", not 0 %.
        target: the agreed rate as a fraction (0.995), drawn as a line; months below it
            are drawn in another colour.
    """
    fig, ax = _figure(ax, (8, 3.5))
    items = list(table.items())
    labels = [str(k)[:7] if isinstance(k, (datetime.date, str)) else str(k) for k, _ in items]
    values = [_percent(v) for _, v in items]
    below = [target is not None and not math.isnan(v) and v < target * 100 for v in values]
    colours = ["#d62728" if b else "#1f77b4" for b in below]
    x = np.arange(len(values))
    ax.bar(x, [0 if math.isnan(v) else v for v in values], color=colours)
    for i, v in enumerate(values):
        if math.isnan(v):
            ax.text(i, 0, "no data", rotation=90, ha="center", va="bottom", fontsize=8)
    if target is not None:
        ax.axhline(target * 100, color="black", linestyle="--", linewidth=1, label=f"target {target * 100:g} %")
        ax.legend(loc="lower right")
    finite = [v for v in values if not math.isnan(v)] + ([target * 100] if target is not None else [])
    if finite:
        low = min(finite)
        ax.set_ylim(max(0.0, low - (100 - low) * 0.5 - 0.5), 100.0 + (100 - low) * 0.05 + 0.05)
    ax.set_xticks(x)
    ax.set_xticklabels(labels, rotation=45, ha="right")
    ax.set_ylabel("compliance (%)")
    if title:
        ax.set_title(title)
    return _save(fig, path, dpi)


def kpi_trend(data, path=None, *, fit=True, threshold=None, direction="rising", ax=None, title=None, ylabel=None,
              dpi=100):
    """A KPI over time with its fitted trend line and, given ``threshold``, the threshold
    and the instant the trend reaches it (see :meth:`itsm.Trend.crossing`).

    Args:
        data: a pandas Series with a tz-aware DatetimeIndex (a DataFrame: one line per
            column, trend lines for each).
    """
    from ._timeseries import trend as _trend

    fig, ax = _figure(ax, (8, 3.5))
    columns = [data] if getattr(data, "ndim", 1) == 1 else [data[c] for c in data.columns]
    end = None
    for series in columns:
        ax.plot(series.index, series.to_numpy(), marker=".", linewidth=1, label=str(series.name or "value"))
        if fit:
            end = _draw_fit(ax, series, _trend(series), threshold, direction) or end
    if threshold is not None:
        ax.axhline(threshold, color="#d62728", linestyle=":", linewidth=1, label=f"threshold {threshold:g}")
    if end is not None:
        ax.axvline(end, color="#d62728", linewidth=1, label=f"reached {end:%Y-%m-%d}")
    ax.legend(loc="best", fontsize=8)
    if ylabel:
        ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    fig.autofmt_xdate()
    return _save(fig, path, dpi)


def _draw_fit(ax, series, fitted, threshold, direction):
    """Draw the fitted line from the first sample to the crossing (or the last sample);
    return the crossing as a Timestamp when it is reached in the future."""
    import pandas as pd

    if math.isnan(fitted.slope):
        return None
    end = fitted.last
    crossing = fitted.crossing(threshold, direction) if threshold is not None else None
    if crossing is not None and crossing.at is not None and crossing.at > end:
        end = crossing.at
    xs = np.array([fitted.first, end])
    ys = [fitted.value_at(int(x)) for x in xs]
    times = pd.to_datetime(xs, unit="s", utc=True).tz_convert(series.index.tz)
    ax.plot(times, ys, color="gray", linestyle="--", linewidth=1,
            label=f"trend ({fitted.slope_per_day:+.3g}/day, r² {fitted.r2:.2f})")
    if crossing is not None and crossing.at is not None and crossing.at > fitted.last:
        return times[1]
    return None


def maturity_radar(assessment, path=None, *, target=None, ax=None, title=None, dpi=100):
    """A radar of the level of each process (the weakest assessed item, 0 when none) and the
    mean item level, on the scale L1 .. L4, with an optional target level ring.

    Args:
        assessment: an :class:`itsm.Assessment`, or a mapping process name -> level.
    """
    if hasattr(assessment, "process_frame"):
        frame = assessment.process_frame()
        names = list(frame.index)
        levels = [float(v) for v in frame["level"]]
        means = [0.0 if math.isnan(v) else float(v) for v in frame["mean_level"]]
    else:
        names = [str(k) for k in assessment]
        levels = [float(v) for v in assessment.values()]
        means = None
    fig, ax = _figure(ax, (5.5, 5.5), projection="polar")
    ax.set_theta_zero_location("N")  # the first process at the top, the others clockwise
    ax.set_theta_direction(-1)
    angles = np.linspace(0, 2 * np.pi, len(names), endpoint=False)
    closed = np.append(angles, angles[0])
    ax.plot(closed, np.append(levels, levels[0]), color="#1f77b4", linewidth=2, label="process level (weakest item)")
    ax.fill(closed, np.append(levels, levels[0]), color="#1f77b4", alpha=0.2)
    if means is not None:
        ax.plot(closed, np.append(means, means[0]), color="#ff7f0e", linewidth=1, linestyle="--",
                label="mean item level")
    if target is not None:
        ax.plot(closed, np.full(len(closed), float(target)), color="#d62728", linewidth=1, linestyle=":",
                label=f"target L{target}")
    ax.set_xticks(angles)
    ax.set_xticklabels(names, fontsize=8)
    ax.set_ylim(0, 4)
    ax.set_yticks([1, 2, 3, 4])
    ax.set_yticklabels(["L1", "L2", "L3", "L4"], fontsize=7)
    ax.legend(loc="upper right", bbox_to_anchor=(1.3, 1.1), fontsize=7)
    if title:
        ax.set_title(title)
    return _save(fig, path, dpi)
