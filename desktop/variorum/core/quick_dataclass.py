"""``@dataclass`` as the standard library's, made with one compilation per class instead of six.

Python 3.11's ``dataclasses.dataclass`` compiles every method it writes separately (``__init__``, ``__repr__``,
``__eq__``, ``__hash__``, and ``__setattr__`` and ``__delattr__`` for a frozen class): about 1.5 ms of every
frozen class, and a comparison's modules define some 75 of them, a fifth of the command's time for a typical
article. Here the standard decorator collects the fields (nothing compiled), ``__init__`` is compiled as it
writes it (it runs for every object made), and the other methods are shared functions reading the class's field
names: the same results, the same exceptions and the same ``dataclasses.fields``, ``replace`` and
``__dataclass_params__``. A frozen class can have ``slots=True``: it is made again with a slot for each field, as
the standard decorator does (an object of three fields then takes 64 bytes instead of 104; a comparison holds
hundreds of thousands of spans and differences). A class this does not cover (``__post_init__``, keyword-only or
``init=False`` fields, ``InitVar``, dataclass bases, other options) is handed to the standard decorator
unchanged.

Type checkers see ``dataclasses.dataclass`` itself.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from operator import attrgetter
from typing import TYPE_CHECKING, Any

_SUPPORTED = {"frozen", "eq", "slots"}
_UNSUPPORTED_ANNOTATIONS = ("InitVar", "KW_ONLY", "ClassVar")


def _covered(cls: type, options: dict[str, Any]) -> bool:
    if set(options) - _SUPPORTED or (options.get("slots") and not options.get("frozen")):
        return False  # (slots only for a frozen class: what the program needs)
    if hasattr(cls, "__post_init__") or any(hasattr(b, "__dataclass_fields__") for b in cls.__mro__[1:]):
        return False
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        if any(word in str(annotation) for word in _UNSUPPORTED_ANNOTATIONS):
            return False
        value = cls.__dict__.get(name)
        if isinstance(value, dataclasses.Field) and (not value.init or value.kw_only is True):
            return False
    return True


def _init(cls: type, fields: tuple[dataclasses.Field, ...], frozen: bool) -> Callable[..., None]:
    """``__init__`` as ``dataclasses`` writes it: one parameter per field, defaults and factories included."""
    names: dict[str, Any] = {"__dataclass_builtins_object__": object, "_HAS_DEFAULT_FACTORY": _FACTORY}
    params, body = ["self"], []
    for f in fields:
        value = f.name
        if f.default_factory is not dataclasses.MISSING:
            names[f"_dflt_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_HAS_DEFAULT_FACTORY")
            value = f"_dflt_{f.name}() if {f.name} is _HAS_DEFAULT_FACTORY else {f.name}"
        elif f.default is not dataclasses.MISSING:
            names[f"_dflt_{f.name}"] = f.default
            params.append(f"{f.name}=_dflt_{f.name}")
        else:
            params.append(f.name)
        body.append(
            f"  __dataclass_builtins_object__.__setattr__(self,{f.name!r},{value})"
            if frozen
            else f"  self.{f.name}={value}"
        )
    source = f"def __init__({', '.join(params)}):\n" + ("\n".join(body) or "  pass") + "\n"
    exec(source, names)  # noqa: S102  (the source is made above from the class's own field names)
    init: Callable[..., None] = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = {**{f.name: f.type for f in fields}, "return": None}
    return init


class _Factory:
    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def _values(names: tuple[str, ...]) -> Callable[[Any], tuple]:
    """The tuple of these attributes (what the standard ``__eq__`` and ``__hash__`` compare and hash)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


def _methods(cls: type, fields: tuple[dataclasses.Field, ...], frozen: bool, eq: bool) -> dict[str, Any]:
    """``__repr__``, ``__eq__``, ``__setattr__``, ``__delattr__`` and ``__hash__`` as the standard decorator
    would add them (``None`` for a ``__hash__`` it would set to None)."""
    shown = tuple(f.name for f in fields if f.repr)
    compared = _values(tuple(f.name for f in fields if f.compare))
    hashed = _values(tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash)))
    field_names = frozenset(f.name for f in fields)

    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:
        return self.__class__.__qualname__ + f"({', '.join(f'{n}={getattr(self, n)!r}' for n in shown)})"

    def __eq__(self: Any, other: object) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def __setattr__(self: Any, name: str, value: object) -> None:
        if type(self) is cls or name in field_names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)  # type: ignore[arg-type]

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in field_names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)  # type: ignore[arg-type]

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    methods: dict[str, Any] = {"__repr__": __repr__}
    if eq:
        methods["__eq__"] = __eq__
    if frozen:
        methods["__setattr__"], methods["__delattr__"] = __setattr__, __delattr__
    own_hash = cls.__dict__.get("__hash__", dataclasses.MISSING)
    if eq and (own_hash is dataclasses.MISSING or (own_hash is None and "__eq__" in cls.__dict__)):
        methods["__hash__"] = __hash__ if frozen else None
    return methods


def _with_slots(cls: type, fields: tuple[dataclasses.Field, ...]) -> type:
    """The class made again with one slot for each field and no ``__dict__``, as the standard decorator's
    ``slots=True`` makes it. It pickles (and copies) as a call of the class with its fields' values: the
    standard decorator's ``__setstate__``, a loop in Python for each object, took a third more time to unpickle a
    comparison than objects with a ``__dict__``; this takes 4 % more."""
    names = tuple(f.name for f in fields)
    namespace = dict(cls.__dict__)
    for name in (*names, "__dict__", "__weakref__"):  # a field's default stays in its Field, not on the class
        namespace.pop(name, None)
    namespace["__slots__"] = names
    made = type(cls)(cls.__name__, cls.__bases__, namespace)
    made.__qualname__ = cls.__qualname__
    if "__reduce__" not in namespace:
        values = _values(names)

        def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
            return made, values(self)

        __reduce__.__qualname__ = f"{made.__qualname__}.__reduce__"
        made.__reduce__ = __reduce__  # type: ignore[method-assign, assignment]
    return made


def _process(cls: type, frozen: bool, eq: bool, slots: bool) -> type:
    documented = bool(cls.__dict__.get("__doc__"))
    if not documented:
        cls.__doc__ = cls.__name__  # for now: the standard decorator would ask inspect for the signature
    dataclasses.dataclass(cls, init=False, repr=False, eq=False)
    fields = dataclasses.fields(cls)
    if slots:  # before the methods are made: they refer to the class they belong to
        cls = _with_slots(cls, fields)
    if not documented:
        cls.__doc__ = f"{cls.__name__}({', '.join(f'{f.name}: {f.type}' for f in fields)})"
    methods = _methods(cls, fields, frozen, eq)
    for name in ("__setattr__", "__delattr__"):
        if name in methods and name in cls.__dict__:
            raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}")
    for name, method in methods.items():
        if name == "__hash__" or name not in cls.__dict__:
            if method is not None:
                method.__qualname__ = f"{cls.__qualname__}.{name}"
            setattr(cls, name, method)
    if "__init__" not in cls.__dict__:
        cls.__init__ = _init(cls, fields, frozen)  # type: ignore[misc]
    params = cls.__dataclass_params__  # type: ignore[attr-defined]
    params.init, params.repr, params.eq, params.frozen = True, True, eq, frozen
    return cls


def _dataclass(cls: type | None = None, /, **options: Any) -> Any:
    def wrap(c: type) -> type:
        if not _covered(c, options):
            return dataclasses.dataclass(c, **options)
        return _process(c, bool(options.get("frozen", False)), bool(options.get("eq", True)),
                        bool(options.get("slots", False)))

    return wrap if cls is None else wrap(cls)


if TYPE_CHECKING:
    from dataclasses import dataclass
else:
    dataclass = _dataclass
