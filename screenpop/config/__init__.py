"""Configuration: declared in ``schema``, layered and validated by ``loader``.

Nothing is imported here: the schema pulls in pydantic and SQLAlchemy, and
light commands (``screenpop notify``) import ``screenpop.config.errors`` only.
"""
