"""Configuration: declared in ``schema``, layered and validated by ``loader``."""

from screenpop.config.loader import ConfigError, load_config
from screenpop.config.schema import Config

__all__ = ["Config", "ConfigError", "load_config"]
