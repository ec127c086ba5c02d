"""Why a data source gave nothing, in the agent's language (SQL and REST sources).

Names of sources, URLs, paths, columns and a driver's own error text are
data and shown as they came; the configuration keys the advice names
(``auth.secret``, ``verify``) stay as written in the config.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from screenpop.ui.reason_words.wording import Wording, fixed, words


class SourceWords(QObject):
    """One entry per code; ``tr()`` in this class gives the catalogues' context."""

    def table(self) -> dict[str, Wording]:
        return {
            # screenpop.sources.sql
            "sql.timeout": words(
                lambda n: self.tr("%1 did not answer within %2 ms (stopped on the server)"),
                "source",
                "ms",
            ),
            "sql.locked": words(
                lambda n: self.tr(
                    "%1: the database file is locked by another program; gave up after %2 ms"
                ),
                "source",
                "ms",
            ),
            "sql.driver": fixed("%1: %2", "source", "error"),
            "sql.cannot_open": words(
                lambda n: self.tr("%1: cannot open the database file %2 (%3)"),
                "source",
                "path",
                "error",
            ),
            "sql.missing_file": words(
                lambda n: self.tr("%1: the database file %2 does not exist"), "source", "path"
            ),
            "sql.in_memory": words(
                lambda n: self.tr("source %1: an in-memory SQLite database is empty"), "source"
            ),
            "sql.no_keyring": words(
                lambda n: self.tr("source %1: no keyring to resolve its password"), "source"
            ),
            "sql.no_value": words(
                lambda n: self.tr("source %1: no value for %2"), "source", "names"
            ),
            "sql.no_customer_id": words(
                lambda n: self.tr("%1: identify query returns no customer_id column"), "source"
            ),
            "sql.no_history": words(
                lambda n: self.tr("source %1 has no 'history' query"), "source"
            ),
            "sql.history_column": words(
                lambda n: self.tr("%1: history query lacks column %2"), "source", "column"
            ),
            "sql.blob": words(
                lambda n: self.tr("%1: column %2 holds binary data (a BLOB), not text"),
                "source",
                "column",
            ),
            "sql.not_finite": words(
                lambda n: self.tr("%1: column %2 holds %3, not a finite number"),
                "source",
                "column",
                "value",
            ),
            # screenpop.sources.rest
            "rest.timeout": words(
                lambda n: self.tr("%1 did not answer within %2 ms (connection closed)"),
                "source",
                "ms",
            ),
            "rest.tls_untrusted": words(
                lambda n: self.tr(
                    "%1: %2 failed TLS verification: its certificate is not trusted "
                    '(set verify = "/path/to/ca.pem" for a private CA)'
                ),
                "source",
                "url",
            ),
            "rest.unreachable": words(
                lambda n: self.tr("%1: %2 cannot be reached (%3)"), "source", "url", "error"
            ),
            "rest.connection_refused": words(
                lambda n: self.tr(
                    "%1: %2 cannot be reached (connection refused: is the service running "
                    "on that port?)"
                ),
                "source",
                "url",
            ),
            "rest.unknown_host": words(
                lambda n: self.tr("%1: %2 cannot be reached (unknown host name)"), "source", "url"
            ),
            "rest.no_route": words(
                lambda n: self.tr("%1: %2 cannot be reached (no route to host)"), "source", "url"
            ),
            "rest.closed_unanswered": words(
                lambda n: self.tr(
                    "%1: %2 cannot be reached (the server closed the connection without answering)"
                ),
                "source",
                "url",
            ),
            "rest.reset": words(
                lambda n: self.tr("%1: %2 cannot be reached (the connection was reset)"),
                "source",
                "url",
            ),
            "rest.request_failed": words(
                lambda n: self.tr("%1: %2 request failed (%3)"), "source", "url", "error"
            ),
            "rest.unauthorised": words(
                lambda n: self.tr(
                    "%1: %2 refused our credentials (401): check the keyring entry named by "
                    "auth.secret"
                ),
                "source",
                "url",
            ),
            "rest.forbidden": words(
                lambda n: self.tr(
                    "%1: %2 does not allow this (403): the account lacks permission for this "
                    "resource"
                ),
                "source",
                "url",
            ),
            "rest.not_found": words(
                lambda n: self.tr("%1: %2 has no such resource (404): check the URL template"),
                "source",
                "url",
            ),
            "rest.server_error": words(
                lambda n: self.tr("%1: %2 server error (%3)"), "source", "url", "status"
            ),
            "rest.client_error": words(
                lambda n: self.tr("%1: %2 refused the request (%3)"), "source", "url", "status"
            ),
            "rest.invalid_json": words(
                lambda n: self.tr("%1: %2 did not answer valid JSON (%3 bytes)"),
                "source",
                "url",
                "size",
            ),
            "rest.too_big_declared": words(
                lambda n: self.tr("%1: %2 answered %3 bytes, more than %4"),
                "source",
                "url",
                "size",
                "limit",
            ),
            "rest.too_big": words(
                lambda n: self.tr("%1: %2 answered more than %3 bytes; read stopped"),
                "source",
                "url",
                "limit",
            ),
            "rest.broke_off": words(
                lambda n: self.tr("%1: %2 broke off its answer (%3)"), "source", "url", "error"
            ),
            "rest.redirect_elsewhere": words(
                lambda n: self.tr(
                    "%1: %2 redirected to another host (%3); not followed, so that no credential "
                    "or caller's number leaves the configured host"
                ),
                "source",
                "url",
                "target",
            ),
            "rest.too_many_redirects": words(
                lambda n: self.tr("%1: %2 redirected more than %3 times"), "source", "url", "limit"
            ),
            "rest.no_keyring": words(
                lambda n: self.tr("source %1: no keyring to resolve auth.secret"), "source"
            ),
            "rest.not_object": words(
                lambda n: self.tr("%1: answer is not an object; configure 'fields'"), "source"
            ),
            "rest.no_customer_id": words(
                lambda n: self.tr("%1: identify answer has no customer_id at '%2'"),
                "source",
                "path",
            ),
            "rest.no_history": words(
                lambda n: self.tr("source %1: REST sources have no purchase history"), "source"
            ),
            "rest.not_finite": words(
                lambda n: self.tr("%1: %2 answered %3 at %4, not a finite number"),
                "source",
                "url",
                "value",
                "field",
            ),
        }
