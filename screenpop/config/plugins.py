"""One shape for every plugin, bridge or source: its config, its check, its factory.

A plugin is a light module (``screenpop/bridges/plugins/<kind>.py``,
``screenpop/sources/plugins/<kind>.py``) that declares ``PLUGIN = Plugin(...)``:

* ``config``: the pydantic model of its ``[[bridge]]``/``[[source]]`` table,
  with ``kind: Literal["<kind>"]``;
* ``check``: what ``screenpop doctor`` says about one configured instance;
* ``create``: builds the running thing, importing the runtime module (and its
  aiohttp, aiomqtt, requests or SQLAlchemy) only then.

Why a light module beside the runtime one rather than the model inside it:
the configuration is loaded by every command, and ``schema`` needs every
kind's model to validate a file. With the model in the runtime module, loading
a config that names no MQTT bridge would still import aiomqtt (and a
webhook's aiohttp, a REST source's requests). A declaration module costs one
small import per kind and keeps that price where the kind is used.

A ``Registry`` lists the plugin modules of one family by kind. It is the only
list: ``schema`` builds the ``kind``-discriminated union from it, ``doctor``
runs each instance's check through it, and the engine creates through it.
Adding a kind is one module and one line in its registry.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar, Union

from pydantic import BaseModel, Field

C = TypeVar("C", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class Verdict:
    """What ``doctor`` prints for one check: fine or not, and in words IT can act on."""

    ok: bool
    detail: str


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What a check may need besides its own config table."""

    #: ``agent.extension`` of this workstation.
    extension: str
    #: Reads ``keyring:SERVICE/NAME`` (raises ``SecretError``).
    secret: Callable[[str], str]
    #: Bound parameters of an example number of ``agent.region`` (source checks).
    sample: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Plugin(Generic[C]):
    """A plugin's declaration (see the module docstring)."""

    kind: str
    config: type[C]
    check: Callable[[C, CheckContext], Verdict]
    #: ``(config, context) -> runtime object``; the context is the family's
    #: (``BridgeContext`` for bridges, a secret resolver for sources).
    create: Callable[[C, Any], Any]


class Registry:
    """The plugin modules of one family (``bridge`` or ``source``), by ``kind``."""

    def __init__(self, family: str, modules: Mapping[str, str]) -> None:
        self.family = family
        self.modules = modules  # the module-level MODULES itself: one list

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(self.modules)

    def plugin(self, kind: str) -> Plugin[Any]:
        """The declaration of ``kind``; a module that declares another kind is a bug."""
        try:
            path = self.modules[kind]
        except KeyError:
            known = ", ".join(self.modules)
            raise ValueError(f"unknown {self.family} kind {kind!r} (known: {known})") from None
        plugin = importlib.import_module(path).PLUGIN
        if not isinstance(plugin, Plugin) or plugin.kind != kind:
            raise TypeError(f"{path}.PLUGIN does not declare the {self.family} kind {kind!r}")
        return plugin

    def plugins(self) -> tuple[Plugin[Any], ...]:
        return tuple(self.plugin(kind) for kind in self.modules)

    def config_union(self) -> Any:
        """The ``kind``-discriminated union of every plugin's model, for pydantic."""
        models = tuple(p.config for p in self.plugins())
        if len(models) == 1:
            return models[0]
        return Annotated[Union[models], Field(discriminator="kind")]

    def check(self, cfg: Any, ctx: CheckContext) -> Verdict:
        return self.plugin(cfg.kind).check(cfg, ctx)
