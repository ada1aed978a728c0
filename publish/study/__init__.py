"""The study model: renderer-neutral notes and cards built from the content (the Anki deck and the
paper cards lay them out; the booklet counts them). Nothing here knows about HTML, Anki or PDF."""
from .notes import card_count, figure_keys, study_notes

__all__ = ["card_count", "figure_keys", "study_notes"]
