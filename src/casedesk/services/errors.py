"""Expected problems: bad input, unknown ids, refused operations. Shown as one plain line."""


class UserError(Exception):
    """A problem the user can fix; the message says what and where. Nothing was written."""


class NotFound(UserError):
    pass


class Conflict(UserError):
    """Someone else changed the record since it was loaded (optimistic locking)."""
