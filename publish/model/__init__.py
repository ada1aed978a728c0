"""The content model: the only code that reads YAML. Renderers import from here."""

from .content import Content
from .load import load_content
from .schema import Book, Condition, Muscle, NoteRef, Reference, Region, Section, Spot, Term

__all__ = ["Book", "Condition", "Content", "Muscle", "NoteRef", "Reference", "Region", "Section", "Spot", "Term",
           "load_content"]
