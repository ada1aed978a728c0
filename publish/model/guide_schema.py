"""The schema of content/guide.yaml: the booklet's how-to prose, general precautions and the red-flag
lists that chapters print; validated like the other content files (schema.py)."""
from __future__ import annotations

import re

from pydantic import Field

from .schema import Id, Model, Name, Text

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
GUIDE_PLACEHOLDERS = {
    "spots": "number of spot chapters",
    "cards": "number of flashcards in the deck",
    "symptom_finder": "page of the symptom finder",
    "condition_finder": "page of the condition finder",
    "maps": "page of the overview maps",
    "deck_file": "file name of the Anki deck",
    "card_files": "file names of the paper-card PDFs, joined with 'or'",
}


class Lead(Model):
    lead: Name = Field(description="words printed in bold at the start of the point")
    text: Text = Field(description="the rest of the point")


class GuideSection(Model):
    heading: Name = Field(description="section heading")
    paragraphs: tuple[Text, ...] = Field((), description="paragraphs before the points")
    points: tuple[Text | Lead, ...] = Field((), description="bulleted points: text, or {lead, text}")
    closing: tuple[Text, ...] = Field((), description="paragraphs after the points")


class RedFlags(Model):
    id: Id = Field(description="stable id used by spots' red_flags")
    heading: Name = Field(description="box heading, e.g. 'Low back red flags'")
    intro: Text = Field(description="what to do when any sign is present")
    signs: tuple[Text, ...] = Field(min_length=1, description="the warning signs, one per item")


class Guide(Model):
    introduction: tuple[Text, ...] = Field(min_length=1, description="opening paragraphs of 'How to use this booklet'; "
                                           "text in any guide paragraph may use the placeholders "
                                           + ", ".join(f"{{{k}}}" for k in GUIDE_PLACEHOLDERS))
    charts: GuideSection = Field(description="reading the charts; the chart key is drawn after its paragraphs")
    safety: GuideSection = Field(description="pressure and general precautions that apply to every spot (keys as for charts)")
    clinician: GuideSection = Field(description="when to see a clinician, keys as for charts; the book's disclaimer is printed first")
    flashcards: GuideSection = Field(description="how to get and use the Anki deck and the paper cards (keys as for charts)")
    red_flags: tuple[RedFlags, ...] = Field((), description="warning-sign lists, each printed in every chapter "
                                                            "whose spot names it")
