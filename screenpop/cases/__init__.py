"""Complaint and warranty cases: the ``cases`` section and cases opened from a call.

Qt-free core. ``rows`` turns what a service desk answers into the card's
``cases`` data (cleaned, each with its warranty against the desk's today, open
cases first); ``request`` is a case the agent opens, with its deterministic
id; ``writer`` takes opened cases from the local journal's case outbox to the
service desk, retrying until they land.
"""
