"""screenpop: a call-centre screen-pop client.

The package root is the core: it imports no Qt. ``screenpop.ui`` is the only
place that does, so the whole call path runs headless and is tested without a
display.
"""

__version__ = "0.1.0"
