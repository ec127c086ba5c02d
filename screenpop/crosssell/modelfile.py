"""The model file every desk reads: cross-sells and reorders in one ``.npz``.

A numpy ``.npz`` (no pickle) whose ``header`` array is JSON with a format
name and version; ``load`` refuses anything else with ``ModelError`` (the
pop then says "cross-sell model unusable: ..." and rebuild is the cure).

Written atomically (a temporary file in the same directory, fsync, rename),
so a desk that loads while a build writes gets the old model or the new one,
never half of one. The file gets the permissions any new file of its owner
gets (``0o666`` less the umask: ``0644`` with the usual ``022``): only the
builder may change it, and every desk may read it. A private temporary file
(``mkstemp`` makes ``0600``) renamed into place would lock every other OS
user out, so the mode is set before the rename.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
import zipfile
from collections.abc import Collection, Mapping
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from screenpop.crosssell.model import CrossSellModel
from screenpop.crosssell.reorders import ReorderModel, ReorderWeights
from screenpop.crosssell.values import ModelError, ModelInfo, Suggestion

FORMAT = "screenpop-crosssell"
#: 2: reorders, new-product boost and diversity (version 1 files must be rebuilt).
FORMAT_VERSION = 2

_CROSS_SELL_ARRAYS = (
    "products", "descriptions", "indptr", "indices", "weights", "cocounts", "customers",
    "season", "first_day", "sim_indptr", "sim_indices", "sim_values",
)


class SalesModel:
    """What ``crosssell build`` learns from the sales history: cross-sells and reorders."""

    def __init__(
        self, cross_sells: CrossSellModel, weights: ReorderWeights,
        repeaters: npt.NDArray[np.int32],
    ) -> None:
        arrays = cross_sells.arrays
        if repeaters.shape != arrays["customers"].shape or (
            repeaters.size and (int(repeaters.min()) < 0 or np.any(repeaters > arrays["customers"]))
        ):
            raise ModelError("inconsistent reorder arrays")
        if not all(np.isfinite(v) for v in _weight_values(weights)):
            raise ModelError("reorder weights are not finite numbers")
        self.cross_sells = cross_sells
        self.repeaters = repeaters
        self.reorders = ReorderModel(
            weights, cross_sells.index, arrays["customers"], repeaters, arrays["season"]
        )

    @property
    def info(self) -> ModelInfo:
        return self.cross_sells.info

    @property
    def reorder_weights(self) -> ReorderWeights:
        return self.reorders.weights

    @property
    def built_at(self) -> str:
        return self.info.built_at

    @property
    def lines(self) -> int:
        return self.info.lines

    @property
    def customers(self) -> int:
        return self.info.customers

    @property
    def products(self) -> int:
        return self.info.products

    def description(self, product: str) -> str | None:
        return self.cross_sells.description(product)

    def suggest(
        self, owned: Collection[str], top: int = 5, exclude: Collection[str] = (), **kw: Any
    ) -> list[Suggestion]:
        """``CrossSellModel.suggest`` (the model as a plain suggester)."""
        return self.cross_sells.suggest(owned, top, exclude, **kw)

    # -- persistence -------------------------------------------------------
    def save(self, path: Path) -> None:
        """Write atomically, readable by every desk (see the module docstring)."""
        header = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "info": asdict(self.info),
            "reorders": self.reorders.weights.as_json(),
        }
        arrays: dict[str, Any] = dict(self.cross_sells.arrays)
        arrays["header"] = np.frombuffer(json.dumps(header).encode(), dtype=np.uint8)
        arrays["repeaters"] = self.repeaters
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                np.savez_compressed(fh, **arrays)
                fh.flush()
                if hasattr(os, "fchmod"):  # POSIX; Windows files inherit the folder's ACL
                    os.fchmod(fh.fileno(), 0o666 & ~_umask())
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _fsync_dir(path.parent)

    @classmethod
    def load(cls, path: Path) -> SalesModel:
        """Read a model written by ``save``; ``ModelError`` says what is wrong."""
        path = Path(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise ModelError(
                f"cross-sell model {path} not found (run `screenpop crosssell build`)"
            ) from None
        except OSError as exc:
            raise ModelError(f"cannot read cross-sell model {path}: {exc}") from exc
        try:
            with np.load(io.BytesIO(data), allow_pickle=False) as npz:
                header = json.loads(bytes(npz["header"]).decode())
                if not isinstance(header, dict) or header.get("format") != FORMAT:
                    raise ModelError(f"{path} is not a screenpop cross-sell model")
                if header.get("version") != FORMAT_VERSION:
                    raise ModelError(
                        f"cross-sell model {path} has format version {header.get('version')!r}, "
                        f"this screenpop reads version {FORMAT_VERSION}; rebuild it "
                        "(screenpop crosssell build)"
                    )
                info = _info_from_json(header["info"])
                weights = _weights_from_json(header["reorders"])
                arrays = {name: npz[name] for name in _CROSS_SELL_ARRAYS}
                repeaters = npz["repeaters"]
        except ModelError:
            raise
        except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile, EOFError) as exc:
            raise ModelError(f"cross-sell model {path} is corrupt: {exc}") from exc
        return cls(CrossSellModel(info=info, **arrays), weights, repeaters)


def _umask() -> int:
    """The process umask: from /proc on Linux, else by setting and restoring it."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable (POSIX; a no-op where directories can't be opened)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _weight_values(w: ReorderWeights) -> list[float]:
    return [w.times, w.age, w.repeat, w.buyers, w.season, w.intercept]


def _info_from_json(obj: Any) -> ModelInfo:
    if not isinstance(obj, Mapping):
        raise TypeError("header info is not an object")
    kinds = {f.name: f.type for f in fields(ModelInfo)}
    values: dict[str, Any] = {}
    for name, kind in kinds.items():
        v = obj[name]
        if name == "exclude":
            values[name] = tuple(str(x) for x in v)
        elif v is None:
            values[name] = None
        elif "float" in str(kind):
            values[name] = float(v)
        elif "int" in str(kind):
            values[name] = int(v)
        else:
            values[name] = str(v)
    return ModelInfo(**values)


def _weights_from_json(obj: Any) -> ReorderWeights:
    if not isinstance(obj, Mapping):
        raise TypeError("header reorders is not an object")
    return ReorderWeights(
        times=float(obj["times"]), age=float(obj["age"]), repeat=float(obj["repeat"]),
        buyers=float(obj["buyers"]), season=float(obj["season"]),
        intercept=float(obj["intercept"]), horizon_days=int(obj["horizon_days"]),
        season_days=int(obj["season_days"]), fitted=bool(obj["fitted"]),
        examples=int(obj["examples"]), positives=int(obj["positives"]),
    )
