"""The supervisor's window on the central journal: ``screenpop supervisor [--config F]``.

The call log (filters, sort and keyset paging done by PostgreSQL), a call's
detail with the card as the agent saw it, the live floor pushed by
LISTEN/NOTIFY, the figures of ``journal stats`` with charts, and export to CSV
and XLSX. Everything is read as the supervisor's own database login: row-level
security, not this window, decides which teams' calls appear. The database
work is in ``screenpop.journal`` (calllog, floor, figures, supervisor_export);
this package only shows it, off the GUI thread.
"""
