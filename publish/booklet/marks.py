"""The names of every mark (a link target recorded with its page) the booklet sets, in one place:
a section that links to another part's mark and the part that sets it use the same function."""
from __future__ import annotations

from ..model import Spot


def spot_key(spot: Spot | int) -> str:
    """A spot chapter's opening."""
    return f"spot-{spot if isinstance(spot, int) else spot.number}"


def glance_key(spot: Spot, row: str) -> str:
    """One row of a spot's at-a-glance box: 'muscles', 'pain' or 'conditions'."""
    return f"glance-{spot.number}-{row}"


def cite_key(spot: Spot, section: int, paragraph: int, run: int) -> str:
    """A note marker in a feature chapter's paragraph."""
    return f"cite-{spot.number}-{section}-{paragraph}-{run}"


def ref_key(ref_id: str) -> str:
    """A reference's entry in the list of notes and references."""
    return f"ref-{ref_id}"


def region_key(region_id: str) -> str:
    """A pain area's row in the symptom finder."""
    return f"region-{region_id}"


def condition_key(condition_id: str) -> str:
    """A condition's entry in the condition finder."""
    return f"condition-{condition_id}"


def term_key(index: int) -> str:
    """A glossary term."""
    return f"term-{index}"
