"""The content model: the only code that reads YAML. Renderers import from here."""

from .content import Content
from .guide_schema import PLACEHOLDER, Guide, GuideSection, Lead, RedFlags
from .labels import Labels
from .load import load_content
from .schema import Book, Condition, Muscle, NoteRef, Reference, Region, Section, Spot, Term

__all__ = ["PLACEHOLDER", "Book", "Condition", "Content", "Guide", "GuideSection", "Labels", "Lead", "Muscle", "NoteRef",
           "RedFlags", "Reference", "Region", "Section", "Spot", "Term", "load_content"]
