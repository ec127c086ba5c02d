"""The Qt front end: the only package that imports PySide6.

It turns the core's ``PopListener`` calls into queued Qt signals
(``signals``), shows the pop window (``pop``), the agent's recent calls
(``recent``), the wrap-up dialog (``wrapup``) and the tray or its fallback
window (``tray``); ``app.run_gui`` wires them to a ``Core``.
"""
