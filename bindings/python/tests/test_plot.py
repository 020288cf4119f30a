"""itsm.plot: each plot writes a PNG; without matplotlib a clear ImportError."""

import sys

import numpy as np
import pytest

import itsm

pd = pytest.importorskip("pandas")
PNG = b"\x89PNG\r\n\x1a\n"


def png(path):
    data = path.read_bytes()
    assert data[:8] == PNG and len(data) > 1000
    return data


@pytest.fixture
def need_matplotlib():
    pytest.importorskip("matplotlib", reason="python3-matplotlib is not installed")


def test_plots_write_png_files(tmp_path, need_matplotlib):
    idx = pd.date_range("2024-10-25", "2024-10-29", freq="1min", tz="Europe/Amsterdam", inclusive="left")
    cpu = pd.Series(np.random.default_rng(0).random(len(idx)) * 100, index=idx)
    fig = itsm.plot.heatmap(itsm.heatmap(cpu, "10min"), tmp_path / "heat.png", label="CPU %", title="db1")
    assert fig.axes and png(tmp_path / "heat.png")
    itsm.plot.sla_compliance({"2024-04": 0.998, "2024-05": 0.991, "2024-06": float("nan"),
                              "2024-07": itsm.share(999, 1000)}, tmp_path / "sla.png", target=0.995)
    png(tmp_path / "sla.png")
    days = pd.date_range("2024-01-01", periods=60, freq="1D", tz="UTC")
    disk = pd.Series(60 + 0.3 * np.arange(60) + np.random.default_rng(1).normal(0, 0.5, 60), index=days, name="disk %")
    itsm.plot.kpi_trend(disk, tmp_path / "trend.png", threshold=90)
    png(tmp_path / "trend.png")
    radar = itsm.plot.maturity_radar(itsm.Assessment(levels={"6.1.1": 2, "8.2.3": 3}), tmp_path / "radar.png",
                                     target=3)
    assert radar.axes[0].name == "polar" and png(tmp_path / "radar.png")


def test_without_matplotlib_a_clear_import_error(monkeypatch):
    for name in ("matplotlib", "matplotlib.figure", "matplotlib.backends", "matplotlib.backends.backend_agg"):
        monkeypatch.setitem(sys.modules, name, None)  # "import matplotlib..." now fails
    with pytest.raises(itsm.MissingDependencyError, match="needs matplotlib") as info:
        itsm.plot.sla_compliance({"2024-05": 0.99})
    assert isinstance(info.value, ImportError) and isinstance(info.value, itsm.Error)
    assert info.value.name == "matplotlib"


def test_import_itsm_does_not_load_matplotlib():
    import subprocess

    code = "import sys, itsm; print('matplotlib' in sys.modules); itsm.plot; print('itsm.plot' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True"]
