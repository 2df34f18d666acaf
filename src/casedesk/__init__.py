"""CaseDesk: case management for consumer-rights advocates."""


def __getattr__(name: str) -> str:
    # Looked up on first use: importlib.metadata scans installed packages, which slows start-up.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("casedesk")
        except PackageNotFoundError:  # running from a source tree without install
            return "0.0.0+src"
    raise AttributeError(name)
