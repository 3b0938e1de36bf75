"""Spreadsheet cells that stay text: the guard against formula (CSV) injection.

A spreadsheet runs a cell that starts with = + - or @ (and, in some programs, one that starts
with a tab or a carriage return before them) as a formula, which can fetch URLs or start
programs. Every value that came from outside and goes into a CSV or XLSX file we hand out
passes through `formula_safe`: such a value gets a leading apostrophe, which spreadsheets show
as plain text (OWASP, "CSV Injection"). Framework-free.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value):
    """VALUE as text a spreadsheet shows and never runs; numbers and None pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
