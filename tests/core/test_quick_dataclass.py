"""``variorum.core.quick_dataclass.dataclass`` behaves as ``dataclasses.dataclass``: each class is made both ways
and every behaviour a caller can see is compared."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
from collections.abc import Callable
from typing import Any, ClassVar

import pytest

from variorum.core.quick_dataclass import _dataclass as quick

Make = Callable[[Callable[..., Any]], tuple[type, type]]


def both(decorate_options: dict[str, Any], body: Callable[[], type]) -> tuple[type, type]:
    """The class ``body()`` returns, decorated by the standard decorator and by the quick one."""
    return dataclasses.dataclass(**decorate_options)(body()), quick(**decorate_options)(body())


def point() -> type:
    class Point:
        """A point."""

        x: int
        y: int = 2
        tags: list = dataclasses.field(default_factory=list)
        note: str = dataclasses.field(default="", repr=False, compare=False)
        unit: ClassVar[str] = "px"

    return Point


def pair() -> type:
    class Pair:
        x: object
        y: object = None

    return Pair


def bare() -> type:
    class Bare:
        pass

    return Bare


def with_own_methods() -> type:
    class Own:
        a: int

        def __repr__(self) -> str:
            return "own"

        def __eq__(self, other: object) -> bool:
            return True

    return Own


def with_own_hash() -> type:
    class OwnHash:
        a: int

        def __hash__(self) -> int:
            return 7

    return OwnHash


OPTIONS = [{}, {"frozen": True}, {"eq": False}, {"frozen": True, "eq": False}, {"frozen": True, "slots": True},
           {"frozen": True, "eq": False, "slots": True}]


def outcome(call: Callable[[], Any]) -> Any:
    try:
        return ("ok", call())
    except Exception as exc:
        return ("raised", type(exc), str(exc))


@pytest.mark.parametrize("options", OPTIONS)
def test_a_class_with_defaults_and_factories_behaves_the_same(options: dict[str, Any]) -> None:
    standard, fast = both(options, point)
    a_s, a_q = standard(1), fast(1)
    b_s, b_q = standard(1, 2, [], "other note"), fast(1, 2, [], "other note")
    assert repr(a_s) == repr(a_q)
    assert repr(a_q).endswith(".Point(x=1, y=2, tags=[])")
    assert (a_s == b_s) == (a_q == b_q)
    assert (a_s == standard(2)) == (a_q == fast(2))
    assert (a_s == object()) == (a_q == object())
    assert a_s.tags is not standard(1).tags and a_q.tags is not fast(1).tags  # a fresh list for each object
    assert outcome(lambda: hash(a_s))[:2] == outcome(lambda: hash(a_q))[:2] or not options.get("eq", True)
    assert outcome(lambda: setattr(a_s, "x", 5)) == outcome(lambda: setattr(a_q, "x", 5))
    assert outcome(lambda: setattr(a_s, "other", 5)) == outcome(lambda: setattr(a_q, "other", 5))
    assert outcome(lambda: delattr(a_s, "y")) == outcome(lambda: delattr(a_q, "y"))
    assert outcome(lambda: standard()) == outcome(lambda: fast())
    assert outcome(lambda: standard(1, 2, [], "", 5)) == outcome(lambda: fast(1, 2, [], "", 5))
    assert repr(standard.__dataclass_params__) == repr(fast.__dataclass_params__)
    assert [(f.name, f.type, f.repr, f.compare) for f in dataclasses.fields(standard)] == [
        (f.name, f.type, f.repr, f.compare) for f in dataclasses.fields(fast)
    ]
    assert str(inspect.signature(standard)) == str(inspect.signature(fast))
    assert standard.__match_args__ == fast.__match_args__
    assert standard.unit == fast.unit == "px"
    assert dataclasses.asdict(b_s) == dataclasses.asdict(b_q)
    assert repr(dataclasses.replace(a_q, y=9)) == repr(dataclasses.replace(a_s, y=9))
    assert repr(copy.deepcopy(a_q)) == repr(a_q)


@pytest.mark.parametrize("options", OPTIONS)
def test_a_class_without_fields_behaves_the_same(options: dict[str, Any]) -> None:
    standard, fast = both(options, bare)
    assert repr(standard()) == repr(fast())
    assert repr(fast()).endswith(".Bare()")
    assert (standard() == standard()) == (fast() == fast())
    assert outcome(lambda: hash(standard()))[0] == outcome(lambda: hash(fast()))[0]
    assert outcome(lambda: standard(1)) == outcome(lambda: fast(1))


@pytest.mark.parametrize("options", OPTIONS)
def test_methods_the_class_writes_itself_are_kept(options: dict[str, Any]) -> None:
    standard, fast = both(options, with_own_methods)
    assert repr(fast(1)) == repr(standard(1)) == "own"
    assert (fast(1) == fast(2)) == (standard(1) == standard(2))
    assert outcome(lambda: hash(fast(1)) == hash(fast(1))) == outcome(
        lambda: hash(standard(1)) == hash(standard(1))
    )
    standard, fast = both(options, with_own_hash)
    assert outcome(lambda: hash(fast(1))) == outcome(lambda: hash(standard(1)))


def test_equal_frozen_objects_hash_alike_and_as_the_standard_ones_do() -> None:
    """Sets and dicts of records iterate in an order that follows the hashes: they must be the standard ones."""
    standard, fast = both({"frozen": True}, pair)
    for args in [(1,), (1, 5), ("a", None)]:
        assert hash(fast(*args)) == hash(fast(*args)) == hash(standard(*args))


def test_a_recursive_record_is_shown_without_recursing() -> None:
    standard, fast = both({}, point)
    s, q = standard(1), fast(1)
    s.tags.append(s)
    q.tags.append(q)
    assert repr(s) == repr(q)
    assert repr(q).endswith(".Point(x=1, y=2, tags=[...])")


def test_frozen_records_pickle() -> None:
    fast = quick(frozen=True)(point())
    fast.__qualname__ = fast.__name__ = "PicklePoint"
    globals()["PicklePoint"] = fast
    try:
        assert pickle.loads(pickle.dumps(fast(3, 4))) == fast(3, 4)
    finally:
        del globals()["PicklePoint"]


def test_classes_it_does_not_cover_are_made_by_the_standard_decorator() -> None:
    class Base:
        a: int

    base = quick(frozen=True)(Base)

    class Child(base):  # type: ignore[valid-type, misc]
        b: int = 0

    child = quick(frozen=True)(Child)
    assert repr(child(1, 2)).endswith(".Child(a=1, b=2)")

    class KeywordOnly:
        a: int = dataclasses.field(kw_only=True)

    assert repr(quick(KeywordOnly)(a=1)).endswith("KeywordOnly(a=1)")
    with pytest.raises(TypeError):
        quick(KeywordOnly)(1)

    class Checked:
        a: int

        def __post_init__(self) -> None:
            if self.a < 0:
                raise ValueError("negative")

    with pytest.raises(ValueError, match="negative"):
        quick(frozen=True)(Checked)(-1)

    class Ordered:
        a: int

    ordered = quick(order=True)(Ordered)
    assert ordered(1) < ordered(2)


def test_a_frozen_class_cannot_bring_its_own_setattr() -> None:
    class Own:
        a: int

        def __setattr__(self, name: str, value: object) -> None:
            pass

    with pytest.raises(TypeError, match="Cannot overwrite attribute __setattr__"):
        quick(frozen=True)(Own)


def test_frozen_records_with_slots_hold_no_dict_and_pickle_and_copy_as_the_standard_ones() -> None:
    standard, fast = both({"frozen": True, "slots": True}, point)
    assert fast.__slots__ == standard.__slots__ == ("x", "y", "tags", "note")
    assert not hasattr(fast(1), "__dict__") and not hasattr(standard(1), "__dict__")
    assert outcome(lambda: setattr(fast(1), "other", 5)) == outcome(lambda: setattr(standard(1), "other", 5))
    fast.__qualname__ = fast.__name__ = "SlottedPoint"
    globals()["SlottedPoint"] = fast
    try:
        made = fast(3, 4, ["a"], "n")
        assert pickle.loads(pickle.dumps(made)) == made
        assert copy.copy(made) == made and copy.deepcopy(made).tags == ["a"]
        assert repr(pickle.loads(pickle.dumps(made))).endswith("SlottedPoint(x=3, y=4, tags=['a'])")
    finally:
        del globals()["SlottedPoint"]
