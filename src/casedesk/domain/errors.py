"""The error every parser raises: a stable machine code plus a readable message."""


class InvalidValue(ValueError):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message
