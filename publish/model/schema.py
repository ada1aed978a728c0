"""The content format as typed, frozen models: one class per YAML mapping, one description per key. The
descriptions are the format's documentation: `python -m publish schema` prints them, the README holds a copy."""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints, field_validator
from pydantic_core import PydanticCustomError

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=110)]
# Titles, names and lines are set whole in table cells and chapter openings, which cannot run over a page:
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Edition = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
View = Literal["front", "back", "side", "head", "foot"]
Coordinate = Annotated[float, Field(allow_inf_nan=False, ge=-100_000, le=100_000)]   # figures scale these
Point = tuple[Coordinate, Coordinate]
WholeNumber = Annotated[int, Strict()]   # 'yes' or 1.0 is not a number here
# Every output must be able to carry the book's date and the build's: a zip entry (the .apkg) holds 1980 to 2107.
EARLIEST_DATE, LATEST_DATE = dt.date(1980, 1, 1), dt.date(2107, 12, 31)
Polygon = Annotated[tuple[Point, ...], Field(min_length=3)]
Curve = Annotated[tuple[tuple[Coordinate, Coordinate], ...], Field(min_length=3)]
# Frame (width, height) of each body view; drawings are checked against it (docs/figures.md).
VIEW_SIZE: dict[str, tuple[float, float]] = {
    "front": (540, 960), "back": (540, 960), "side": (320, 640), "head": (400, 400), "foot": (240, 480)}

NOTE_MARK = re.compile(r"\[\^([a-z][a-z0-9_]*)\]")


class Model(BaseModel):
    """Base for every content mapping: immutable, and unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class NoteRef(Model):
    """A note marker inside feature prose, written `[^reference_id]` in YAML."""

    ref: Id = Field(description="id of the reference the note points to")


Run = str | NoteRef
Paragraph = tuple[Run, ...]


def split_notes(text: str) -> list[Run]:
    """'Text[^chen2006] more' -> ['Text', NoteRef('chen2006'), ' more']."""
    runs: list[Run] = []
    pos = 0
    for m in NOTE_MARK.finditer(text):
        if m.start() > pos:
            runs.append(text[pos:m.start()])
        runs.append(NoteRef(ref=m.group(1)))
        pos = m.end()
    if pos < len(text):
        runs.append(text[pos:])
    return runs


# ---------------------------------------------------------------- book.yaml

class Licence(Model):
    name: Name = Field(description="licence name, e.g. CC BY-SA 4.0")
    url: Text | None = Field(None, description="where the licence text lives")
    summary: Text = Field(description="one or two sentences: what readers may do with this booklet")


class Book(Model):
    title: Name = Field(description="booklet and deck title")
    subtitle: Line = Field(description="line under the title")
    audience: Line | None = Field(None, description="who the booklet is for, printed on the cover")
    edition: Edition = Field(description="edition or version, e.g. 1.0")
    date: dt.date = Field(description="publication date, YYYY-MM-DD, from 1980-01-01 to 2107-12-31; also the PDFs' creation date")
    language: Text = Field("en-GB", description="BCP 47 language tag of the text")
    authors: tuple[Line, ...] = Field(min_length=1, description="who wrote this booklet")
    keywords: tuple[Line, ...] = Field((), description="PDF keywords")
    credits: tuple[Text, ...] = Field(min_length=1, description="paragraphs crediting sources of the concept and facts")
    disclaimer: Text = Field(description="the educational-use, not-medical-advice note")
    licence: Licence = Field(description="licence of this content")

    @field_validator("date")
    @classmethod
    def _outputs_can_hold(cls, value: dt.date) -> dt.date:
        """A date the deck and the PDFs cannot carry would only fail later, in the middle of a build."""
        if not EARLIEST_DATE <= value <= LATEST_DATE:
            raise PydanticCustomError("date_range", "'{date}' is outside the dates the deck (a zip file) and the "
                                      "PDFs can hold: {first} to {last}",
                                      {"date": value.isoformat(), "first": EARLIEST_DATE.isoformat(),
                                       "last": LATEST_DATE.isoformat()})
        return value


# ---------------------------------------------------------------- regions.yaml, conditions.yaml, references.yaml, glossary.yaml

class Region(Model):
    id: Id = Field(description="stable id used by spots (pain.essential / pain.spillover) and in tags")
    label: Name = Field(description="how a reader names the area, e.g. 'between the shoulder blades'")
    group: Name = Field(description="body area heading in the symptom finder, e.g. 'Head and face'")
    shapes: dict[View, tuple[Polygon, ...]] = Field(
        default_factory=dict,
        description="drawing: for each body view, polygons of at least 3 [x, y] points in that view's frame "
                    "(see docs/figures.md)")


class Condition(Model):
    id: Id = Field(description="stable id used by spots' conditions and in tags")
    name: Name = Field(description="name of the condition as readers know it")
    also: tuple[Name, ...] = Field((), description="other names for it")
    summary: Text = Field(description="one or two sentences on what it is")


class Reference(Model):
    id: Id = Field(description="stable id used by spots' references and note markers")
    authors: Text = Field(description="authors as cited, e.g. 'Chen CK, et al.'")
    year: int = Field(description="year of publication")
    title: Text = Field(description="title of the work")
    container: Text | None = Field(None, description="journal or publisher")
    pmid: Annotated[str, StringConstraints(pattern=r"^[0-9]{5,9}$")] | None = Field(None, description="PubMed id, digits only")
    note: Text | None = Field(None, description="what this reference supports, in a sentence")


class Term(Model):
    term: Name = Field(description="the word or phrase")
    definition: Text = Field(description="its meaning, in a sentence or two")


class RegionsFile(Model):
    regions: tuple[Region, ...] = Field(min_length=1, description="the body regions pain can be referred to")


class ConditionsFile(Model):
    conditions: tuple[Condition, ...] = Field(min_length=1, description="conditions spots are related to")


class ReferencesFile(Model):
    references: tuple[Reference, ...] = Field(min_length=1, description="works cited")


class GlossaryFile(Model):
    glossary: tuple[Term, ...] = Field(min_length=1, description="terms explained at the back of the booklet")


# ---------------------------------------------------------------- spots/NN-slug.yaml

class Citation(Model):
    id: Id = Field(description="reference id from references.yaml")
    part: Text | None = Field(None, description="volume, chapter or pages, e.g. 'Volume 2, Chapter 7'")


class Muscle(Model):
    name: Name = Field(description="muscle name, e.g. 'gluteus maximus'")
    group: Name | None = Field(None, description="the group students know it by, e.g. 'quadriceps' or 'rotator cuff'; the index "
                                                 "points from the group to its muscles, and cards name it")
    role: Literal["spot", "context"] = Field(
        "spot", description="'spot': the spot lies in it; 'context': a neighbour named to help find or "
                            "understand the spot (cards never ask which spot lies in it)")
    detail: Text | None = Field(None, description="which part, e.g. 'upper inner fibres near the PSIS'")
    reference: Citation | None = Field(None, description="textbook chapter for this muscle, only where certain")


class Pain(Model):
    essential: tuple[Id, ...] = Field(min_length=1, description="region ids where nearly everyone feels the referred pain")
    spillover: tuple[Id, ...] = Field((), description="region ids where some people also feel it")


class Locate(Model):
    landmarks: tuple[Text, ...] = Field(min_length=1, description="bony or muscular landmarks used to find the spot")
    steps: tuple[Text, ...] = Field(min_length=1, description="ordered steps from landmark to spot")


class Treat(Model):
    pressure: Text = Field(description="how much pressure, with what, in what direction")
    duration: Text = Field(description="how long and how often")
    self_massage: Text = Field(description="how to work the spot on yourself")
    avoid: Text = Field(description="what not to do")


class Related(Model):
    spot: WholeNumber = Field(description="number of the related spot")
    why: Text = Field(description="one line on how the two spots are connected")


class Marker(Model):
    view: View = Field(description="body view the trigger point is drawn on")
    at: Point = Field(description="[x, y] of the trigger point in that view's frame")
    also: dict[View, Point] = Field(
        default_factory=dict,
        description="the same point on other views, e.g. {front: [x, y]}; the overview map (front, back, sole) "
                    "uses it for spots whose marker is on the head or side view")


class Landmark(Model):
    label: Text = Field(description="name printed beside the landmark (keep it short: a few words)")
    points: tuple[Point, ...] = Field(min_length=1, description="one point (a dot) or several (a line) in the view's frame")


class Locator(Model):
    view: View = Field(description="body view the close-up is cut from")
    frame: tuple[Coordinate, Coordinate, Coordinate, Coordinate] = Field(description="[x0, y0, x1, y1] of the close-up, inside the view's frame and at least a tenth of it each way; must contain the marker and landmarks")
    landmarks: tuple[Landmark, ...] = Field((), description="landmarks drawn in the close-up")


class Chart(Model):
    essential: dict[View, tuple[Curve, ...]] = Field(
        default_factory=dict, description="essential zone: for each view, closed smooth curves through a few [x, y] "
                                          "points (Catmull-Rom), clipped to the body outline")
    spillover: dict[View, tuple[Curve, ...]] = Field(default_factory=dict, description="spill-over zone, drawn the same way")
    muscle: dict[View, tuple[Curve, ...]] = Field(
        default_factory=dict, description="the muscle that holds the spot, drawn faintly in the close-up")


class Section(Model):
    heading: Name = Field(description="section heading")
    paragraphs: tuple[Paragraph, ...] = Field(min_length=1, description="paragraphs; `[^reference_id]` places a note marker")

    @field_validator("paragraphs", mode="before")
    @classmethod
    def _split_markers(cls, value):
        if isinstance(value, (list, tuple)):
            return [split_notes(p.strip()) if isinstance(p, str) else p for p in value]
        return value


class Spot(Model):
    number: WholeNumber = Field(ge=1, le=9999, description="spot number; must match the NN of the file name")
    title: Name = Field(description="the pain problem the spot is known for, e.g. 'Low back pain'")
    place: Line = Field(description="where it is, in a few words, e.g. 'top inner corner of the buttock'")
    summary: Text = Field(description="two to four sentences introducing the spot")
    muscles: tuple[Muscle, ...] = Field(min_length=1, description="muscles the spot lies in")
    pain: Pain = Field(description="where the spot refers pain")
    conditions: tuple[Id, ...] = Field((), description="condition ids from conditions.yaml")
    locate: Locate = Field(description="how to find it")
    feel: Text = Field(description="what pressure on it feels like and how its pain presents")
    treat: Treat = Field(description="how to treat it")
    cautions: tuple[Text, ...] = Field((), description="safety points for this spot")
    key_caution: ShortText | None = Field(
        None, description="the one caution printed on the paper cards that teach finding or pressing the spot")
    red_flags: tuple[Id, ...] = Field((), description="ids of red-flag lists in guide.yaml that this chapter prints")
    related: tuple[Related, ...] = Field((), description="related spots")
    references: tuple[Id, ...] = Field((), description="reference ids from references.yaml")
    marker: Marker | None = Field(None, description="where the trigger point is drawn")
    locator: Locator | None = Field(None, description="the close-up locator figure")
    chart: Chart | None = Field(
        None, description="the spot's own referral drawing; without it the pain regions' shapes are drawn")
    feature: tuple[Section, ...] = Field((), description="long-form chapter sections (the feature spot only)")

    @property
    def own_muscles(self) -> tuple[Muscle, ...]:
        """The muscles the spot lies in (role 'spot'), without the neighbours named for context."""
        return tuple(m for m in self.muscles if m.role == "spot")
