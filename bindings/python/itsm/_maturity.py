"""Process maturity self-assessment (``itsm/maturity.h``) over a loadable table: the
JIS Q 20000-1:2007 table of the maintenance and operation guideline (Table 16: 13 processes,
45 items, levels L1-L4) is built in; a corrected table loads from JSON."""

import json
from typing import NamedTuple

from . import itsm_native as _native
from ._base import ImmutableDocument
from ._convert import document_text as _document_text
from ._pandas import pandas as _pandas

__all__ = [
    "MaturityModel",
    "MaturityProcess",
    "MaturityItem",
    "LevelText",
    "Assessment",
    "ItemResult",
    "MaturitySummary",
]


class LevelText(NamedTuple):
    """The description of one level of one item (``itsm_maturity_level_text``)."""

    ja: object        # str or None
    en: object
    uncertain: bool   # the reading of this cell of the table is not certain
    note: object      # why, or None

    def label(self, lang="en"):
        """The text in ``lang`` ("en" or "ja"), falling back to the other."""
        first, second = (self.en, self.ja) if lang == "en" else (self.ja, self.en)
        return first if first is not None else second


class MaturityProcess(NamedTuple):
    """A process of a model (``itsm_maturity_process``); ``items`` are its item ids."""

    id: str
    name_ja: object
    name_en: object
    group_ja: object
    group_en: object
    items: tuple


class MaturityItem(NamedTuple):
    """An item of a model (``itsm_maturity_item``); ``levels`` are L1 .. L4."""

    id: str
    process: str
    name_ja: object
    name_en: object
    question_ja: object
    question_en: object
    levels: tuple


class MaturityModel(ImmutableDocument):
    """An immutable maturity table (``itsm_maturity_model``).

    ``MaturityModel()`` is the built-in Table 16 ("jisq20000-2007-table16");
    ``MaturityModel(document)`` loads a table from a dict or JSON text
    (``docs/schema/maturity_model.schema.json``), e.g. the built-in one's
    :meth:`to_json` with cells corrected. Equal models have the same canonical JSON.
    """

    __slots__ = ("_items", "_processes", "__weakref__")
    _to_json = staticmethod(_native.maturity_model_to_json)
    _from_json = staticmethod(_native.maturity_model_from_json)

    def __init__(self, document=None):
        if document is None:
            self._handle = _native.maturity_model_builtin()
        else:
            super().__init__(document)
        self._items = None
        self._processes = None

    @classmethod
    def builtin(cls):
        """The built-in JIS Q 20000 table."""
        return cls()

    @property
    def name(self):
        return _native.maturity_model_name(self._handle)

    @property
    def items(self):
        """Every :class:`MaturityItem`, in table order."""
        if self._items is None:
            processes = [_native.maturity_process_get(self._handle, i)[0]
                         for i in range(_native.maturity_process_count(self._handle))]
            items = []
            for i in range(_native.maturity_item_count(self._handle)):
                id_, p, name_ja, name_en, q_ja, q_en, levels = _native.maturity_item_get(self._handle, i)
                items.append(MaturityItem(id_, processes[p], name_ja, name_en, q_ja, q_en,
                                          tuple(LevelText(*lv) for lv in levels)))
            self._items = tuple(items)
        return self._items

    @property
    def processes(self):
        """Every :class:`MaturityProcess`, in table order."""
        if self._processes is None:
            out = []
            for i in range(_native.maturity_process_count(self._handle)):
                id_, name_ja, name_en, group_ja, group_en, first, n = _native.maturity_process_get(self._handle, i)
                out.append(MaturityProcess(id_, name_ja, name_en, group_ja, group_en,
                                           tuple(it.id for it in self.items[first:first + n])))
            self._processes = tuple(out)
        return self._processes

    def item(self, item_id):
        """The :class:`MaturityItem` with this id (NotFoundError otherwise)."""
        return self.items[_native.maturity_item_find(self._handle, item_id)]

    def to_frame(self, lang="en"):
        """The table as a DataFrame indexed by item id: process, item name, L1 .. L4 and
        whether any level's reading is uncertain."""
        pd = _pandas()
        rows = [(it.id, it.process, it.name_en if lang == "en" else it.name_ja,
                 *(lv.label(lang) for lv in it.levels), any(lv.uncertain for lv in it.levels)) for it in self.items]
        return pd.DataFrame.from_records(rows, columns=["item", "process", "name", "L1", "L2", "L3", "L4", "uncertain"],
                                         index="item")

    def __repr__(self):
        return f"<itsm.MaturityModel {self.name!r}: {len(self.processes)} processes, {len(self.items)} items>"


class ItemResult(NamedTuple):
    """An item of an assessment (``itsm_maturity_item_result``): its level (0 when not
    assessed), target (0 when none), and the next step: the description of the next level."""

    level: int
    target: int
    meets_target: bool
    next_level: int
    next_step: LevelText


class MaturitySummary(NamedTuple):
    """Levels over a process or the whole model (``itsm_maturity_summary``). ``level`` is
    the lowest assessed level (reached by every assessed item; 0 when none); ``mean_level``
    is NaN when nothing is assessed."""

    items: int
    assessed: int
    level: int
    highest: int
    mean_level: float
    at_level: tuple
    with_target: int
    below_target: int


class Assessment:
    """Levels given to the items of a :class:`MaturityModel` (``itsm_maturity_assessment``).

    ``Assessment(model=None, document=None)``: an empty assessment of ``model`` (default
    the built-in table), or one read from a dict or JSON text
    (``docs/schema/maturity_assessment.schema.json``). ``levels`` may be a mapping
    item id -> level (or (level, target)) to start from.
    """

    __slots__ = ("_handle", "_model")

    def __init__(self, model=None, document=None, levels=None):
        self._model = model if model is not None else MaturityModel()
        if document is not None:
            text = _document_text(document, "Assessment()")
            self._handle = _native.maturity_assessment_from_json(self._model._handle, text)
        else:
            self._handle = _native.maturity_assessment_new(self._model._handle)
        for item_id, value in (levels or {}).items():
            level, target = value if isinstance(value, tuple) else (value, 0)
            self.set(item_id, level, target)

    @property
    def model(self):
        return self._model

    def set(self, item_id, level, target=0):
        """Assess an item: ``level`` 1 .. 4 (0 removes it), ``target`` 1 .. 4 (0: none)."""
        _native.maturity_assessment_set(self._handle, item_id, int(level), int(target or 0))

    def to_json(self):
        return _native.maturity_assessment_to_json(self._handle)

    def to_dict(self):
        return json.loads(self.to_json())

    def item(self, item_id):
        """The :class:`ItemResult` of an item."""
        index = _native.maturity_item_find(self._model._handle, item_id)
        return self._item(index)

    def _item(self, index):
        level, target, meets, next_level, step = _native.maturity_assessment_item(self._handle, index)
        return ItemResult(level, target, meets, next_level, LevelText(*step))

    def process(self, process_id):
        """The :class:`MaturitySummary` of a process ("6.1")."""
        ids = [p.id for p in self._model.processes]
        if process_id not in ids:
            from ._errors import NotFoundError

            raise NotFoundError(f"process {process_id!r} is not in maturity model {self._model.name!r}")
        return MaturitySummary(*_native.maturity_assessment_process(self._handle, ids.index(process_id)))

    def overall(self):
        """The :class:`MaturitySummary` over every item."""
        return MaturitySummary(*_native.maturity_assessment_overall(self._handle))

    def to_frame(self, lang="en"):
        """One row per item: process, name, level, target, meets_target and the next step."""
        pd = _pandas()
        rows = []
        for i, it in enumerate(self._model.items):
            r = self._item(i)
            rows.append((it.id, it.process, it.name_en if lang == "en" else it.name_ja, r.level, r.target,
                         r.meets_target, r.next_level, r.next_step.label(lang)))
        return pd.DataFrame.from_records(
            rows, columns=["item", "process", "name", "level", "target", "meets_target", "next_level", "next_step"],
            index="item")

    def process_frame(self):
        """One row per process: its summary (level = the weakest assessed item)."""
        pd = _pandas()
        rows = [(p.id, p.name_en or p.name_ja, *self.process(p.id)) for p in self._model.processes]
        frame = pd.DataFrame.from_records(rows, columns=["process", "name", *MaturitySummary._fields], index="process")
        return frame

    def __reduce__(self):
        return (_restore_assessment, (self._model, self.to_json()))

    def __repr__(self):
        s = self.overall()
        return f"<itsm.Assessment of {self._model.name!r}: {s.assessed}/{s.items} items assessed>"


def _restore_assessment(model, text):
    return Assessment(model, text)
