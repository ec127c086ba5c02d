"""Source plugins: each module declares one ``kind``'s config, check and factory.

See ``screenpop/config/plugins.py`` for the shape and why it is kept apart
from the runtime modules in ``screenpop/sources``.
"""
