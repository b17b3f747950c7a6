"""The police binder: its pages, typesetting, PDF/A, other PDFs drawn as pictures, and packages."""
