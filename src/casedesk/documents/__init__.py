"""Documents: one model (model.py), two renderers (pdf.py, docx.py), wording from templates."""
