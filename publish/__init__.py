"""Perfect Spots publisher: one YAML content source, a printable booklet and an Anki deck."""

__version__ = "1.0.0"
