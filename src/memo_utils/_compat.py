"""The ``data=`` keyword, kept for callers written before it became ``data_dir=``."""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from typing import Any, TypeVar, cast

F = TypeVar("F", bound=Callable[..., Any])


def data_keyword(func: F) -> F:
    """Let ``func(data=folder)`` mean ``func(data_dir=folder)``, with a DeprecationWarning."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if "data" in kwargs:
            if "data_dir" in kwargs:
                raise TypeError(f"{func.__name__}() got both data= and data_dir=")
            warnings.warn(f"{func.__name__}(data=...) is deprecated: use data_dir=", DeprecationWarning, stacklevel=2)
            kwargs["data_dir"] = kwargs.pop("data")
        return func(*args, **kwargs)

    return cast(F, wrapper)
