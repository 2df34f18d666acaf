"""Use cases: what the command line and the app do. No Qt here."""
