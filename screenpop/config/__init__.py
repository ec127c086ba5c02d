"""Configuration: declared in ``schema``, layered and validated by ``loader``.

``fields`` holds what every model is built from (strictness, keyring
references, query checks), ``credentials`` the rules that keep passwords out
of URLs and headers, ``plugins`` the one shape of a bridge or source plugin
(its model, its doctor check, its factory), ``secrets`` the keyring, and
``reference`` the README's generated reference (developer tooling).

Nothing is imported here: the schema pulls in pydantic, and light commands
(``screenpop notify``) import ``screenpop.config.errors`` only.
"""
