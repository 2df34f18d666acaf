"""Data files shipped with CaseDesk (fonts, document templates, translations, icons)."""
