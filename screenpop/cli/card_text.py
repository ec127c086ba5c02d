"""The card as plain text for a terminal (``screenpop lookup`` without ``--json``)."""

from __future__ import annotations

from typing import Any


def _customer_line(card: dict[str, Any]) -> list[str]:
    """Who is calling, or why that is not known.

    A failed identification is never shown as an unknown caller: the caller
    may well be on file in the source that could not answer.
    """
    cust = card["customer"]
    if cust:
        return [f"Customer {cust['name']} (#{cust['customer_id']})"]
    if card["matches"]:
        return [f"Customer one of {len(card['matches'])}:"] + [
            f"         - {m['name']} (#{m['customer_id']})" for m in card["matches"]
        ]
    failed = card.get("identify_failed") or []
    if failed:
        why = "; ".join(f"{f['source']}: {f['error']}" for f in failed)
        return [f"Customer could not identify the caller: {why}"]
    return ["Customer unknown caller"]


def render_card(card: dict[str, Any]) -> str:
    """The card (its JSON form, ``Card.to_json()``) as lines of text."""
    num = card["number"]
    lines = [f"Number   {num['received']}  ->  {num['e164'] or '(not a valid number)'}"]
    lines += _customer_line(card)
    for name, sec in card["sections"].items():
        head = f"{name:<12}"
        if sec["status"] != "ok":
            lines.append(
                f"{head}{sec['status']}" + (f": {sec['error']}" if sec.get("error") else "")
            )
            continue
        data = sec["data"]
        if isinstance(data, list | tuple):
            lines.append(f"{head}{len(data)} item(s)")
            for row in data[:10]:
                lines.append("    " + "  ".join(str(v) for v in row.values()))
        else:
            lines.append(head + ", ".join(f"{k}={v}" for k, v in data.items()))
    lat = card["latency_ms"]
    if "total" in lat:
        lines.append(f"(looked up in {lat['total']:.1f} ms)")
    return "\n".join(lines)
