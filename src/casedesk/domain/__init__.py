"""Pure domain logic: validators, money, names and matching. No Qt, no database."""
