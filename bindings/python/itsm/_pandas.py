"""Helpers for the analyst modules: telling pandas objects apart without importing pandas,
and turning labels into the category codes the C functions take."""

import sys

import numpy as np

__all__ = []


def is_pandas(*values):
    """Whether any of ``values`` is a pandas Series, DataFrame or Index (pandas is never
    imported here: an object of it can only exist when it is loaded)."""
    pd = sys.modules.get("pandas")
    if pd is None:
        return False
    return any(isinstance(v, (pd.Series, pd.DataFrame, pd.Index)) for v in values)


def coerce_enum(cls, value, what):
    """A member of the IntEnum ``cls`` from itself, its number or its name (any case);
    a ValueError saying ``value`` is not ``what`` and listing the names otherwise."""
    if isinstance(value, str):
        try:
            return cls[value.strip().upper()]
        except KeyError:
            names = ", ".join(m.name.lower() for m in cls)
            raise ValueError(f"{value!r} is not {what} (one of: {names})") from None
    return cls(value)


def pandas():
    """The pandas module, imported on first use."""
    import pandas as pd

    return pd


def float_array(values, what):
    """A C-contiguous float64 array of ``values`` (any shape); bool, object and string data
    are refused rather than guessed."""
    array = np.asarray(values)
    if array.dtype.kind not in "iuf":
        if array.size == 0:
            return np.zeros(array.shape, np.float64)
        raise TypeError(f"{what}: expected numbers, got an array of dtype {array.dtype}")
    return np.ascontiguousarray(array, dtype=np.float64)


def codes(labels, what, categories=None):
    """``(codes, categories)``: int32 codes 0 .. k-1 of ``labels`` in order of first
    appearance (or of ``categories`` when given; a label outside them is an error).
    Missing labels (None, NaN) are refused: every entry needs a category."""
    labels = list(labels.tolist() if hasattr(labels, "tolist") else labels)
    for i, label in enumerate(labels):
        if label is None or (isinstance(label, float) and label != label):
            raise ValueError(f"{what}[{i}] has no category (None or NaN)")
    index = {}
    if categories is not None:
        for c in categories:
            index.setdefault(c, len(index))
    out = np.empty(len(labels), np.int32)
    for i, label in enumerate(labels):
        code = index.get(label)
        if code is None:
            if categories is not None:
                raise ValueError(f"{what}[{i}] = {label!r} is not one of the categories")
            code = index[label] = len(index)
        out[i] = code
    return out, list(index)
