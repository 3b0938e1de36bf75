"""Small checks on submitted form values (pure)."""


def positive_id(value):
    """A database id from form data, or None: never an exception on "abc", "²" or 40 digits."""
    value = (value or "").strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) < 19 else None
