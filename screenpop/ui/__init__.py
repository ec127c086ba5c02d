"""The Qt front end: the only package that imports PySide6.

It turns the core's ``PopListener`` calls into queued Qt signals
(``signals``), shows the pop window (``pop``: its header, card body
``card_view`` with one ``sections.SectionBox`` per section drawn by
``views``, ``footer``, ``placement``; the line of waiting calls is the
Qt-free ``screenpop.callqueue``), the agent's recent calls (``recent``), the
wrap-up dialog (``wrapup``) and the tray or its fallback window (``tray``,
``health_view``). Sentences the core sends as reason codes are worded by
``reason_texts`` and ``reason_words``; whatever may wait runs as a job
(``jobs``). ``app.run_gui`` wires them to a ``Core`` (``controller``).
"""
