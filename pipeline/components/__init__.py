"""spaCy components of eventalign; registered by name in pipeline.factories."""
