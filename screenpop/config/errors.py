"""The configuration's error, importable without the schema (pydantic, SQLAlchemy).

The command line catches it around every command, including ``notify``, which
must start in milliseconds.
"""


class ConfigError(Exception):
    """Bad configuration: exit code 2, nothing changed."""
