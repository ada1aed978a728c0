"""Every word the web edition itself adds around the content: headings, labels, buttons, notes.

Kept in one place so they can move into content/ (a labels file) without touching the page code.
Templates use str.format with named fields; the values are escaped by the caller.
"""
from __future__ import annotations

SKIP = "Skip to the content"
NAV_LABEL = "Main"
NAV = (("index.html", "Finder"), ("spots.html", "All spots"), ("search.html", "Search"),
       ("how-to-use.html", "How to use"), ("quick-reference.html", "Quick reference"),
       ("glossary.html", "Glossary"), ("book-index.html", "Index"), ("downloads.html", "Downloads"))
FOOTER = "A study aid, not medical advice."
FOOTER_LICENCE = "Content: {licence}. Fonts: Noto Sans, SIL Open Font License 1.1."

SPOT_NAME = "Spot {number}"
SPOT_PAGE_TITLE = "Spot {number}: {title}"
BOOKLET_PAGE = "Booklet p. {page}"

# Home and finder
FINDER_HEADING = "Where does it hurt?"
FINDER_INTRO = ("Tap or click the area on a body view, or choose it from the list. The spots that send pain "
                "there appear below: essential zone first, then spill-over.")
MAP_HEADING = "Body map"
MAP_LABEL = "Body map, {view}"
REGION_LIST_HEADING = "Pain areas"
CONDITION_HEADING = "Or by condition"
CONDITION_INTRO = "Choose a condition to see the spots linked with it."
RESULT_NONE = "Choose a pain area or a condition to see its spots."
RESULT_REGION = "Spots that send pain to: {label}"
RESULT_CONDITION = "Spots linked with: {name}"
ESSENTIAL = "Essential zone"
SPILLOVER = "Spill-over zone"
ESSENTIAL_NOTE = "essential: nearly everyone with this trigger point feels pain here"
SPILLOVER_NOTE = "spill-over: some people also feel pain here"
NO_SPOTS = "No spot in this booklet sends pain here."
SPOT_LIST_HEADING = "The spots"

# Spot page
AT_A_GLANCE = "At a glance"
MUSCLES = "Muscles"
PAIN = "Pain"
ESSENTIAL_LABEL = "Essential:"
SPILLOVER_LABEL = "Spill-over:"
NONE_RECORDED = "none recorded"
CONDITIONS = "Conditions"
REFERENCES = "References"
PATTERN_HEADING = "Where it sends pain"
FINDING = "Finding it"
LANDMARKS = "Landmarks"
STEPS = "Step by step"
FEEL = "What it feels like"
TREATING = "Treating it"
TREAT_PARTS = (("pressure", "Pressure."), ("duration", "How long."), ("self_massage", "Self-massage."),
               ("avoid", "Avoid."))
CAUTION = "Caution"
CAUTIONS = "Cautions"
RELATED = "Related spots"
PREVIOUS = "Previous: {name}"
NEXT = "Next: {name}"
PATTERN_KEY = (("essential", "dark, solid: essential zone"), ("spillover", "light, dotted: spill-over zone"),
               ("mark", "X: the trigger point"))
PATTERN_ALT = "Pain pattern of Spot {number}. Essential zones: {essential}; spill-over: {spillover}. {mark}"
PATTERN_MARK = "An X marks the trigger point in {place}."
LOCATOR_ALT = "Close-up for finding Spot {number}, {place}, with its landmarks: {landmarks}."
OVERVIEW_ALT = "Front, back and sole of the foot with every spot as a numbered dot: {spots}."
NOTE = "note {number}"

# Other pages
SPOTS_HEADING = "All spots"
SPOTS_INTRO = "Every spot on the overview map, then one by one."
HOW_TO_HEADING = "How to use this guide"
QUICK_HEADING = "Quick reference"
QUICK_INTRO = "Every spot on one chart. Pain areas list the essential zones first, then the spill-over zones."
QUICK_COLUMNS = ("#", "Spot", "Muscles", "Pain areas", "Conditions", "Booklet page")
REFS_HEADING = "Notes and references"
CITED_BY = "Cited for:"
PUBMED = "PubMed {pmid}"
GLOSSARY_HEADING = "Glossary"
INDEX_HEADING = "Index"
INDEX_GROUPS = (("muscles", "Muscles"), ("regions", "Pain areas"), ("conditions", "Conditions"),
                ("terms", "Glossary terms"))
SEARCH_HEADING = "Search"
SEARCH_LABEL = "Search spots, muscles, conditions and terms"
SEARCH_BUTTON = "Search"
SEARCH_COUNT = "{count} results"
SEARCH_KINDS = (("spot", "Spot"), ("muscle", "Muscle"), ("condition", "Condition"), ("region", "Pain area"),
                ("term", "Glossary"))
DOWNLOADS_HEADING = "Downloads"
DOWNLOADS_INTRO = ("The same content as a printable booklet and as flashcards. Import the deck into Anki with the "
                   "default options; a newer release updates the cards and keeps your reviews.")
DOWNLOADS = (("perfect-spots-a5.pdf", "Booklet, A5 (PDF)"),
             ("perfect-spots-half-letter.pdf", "Booklet, US half-letter (PDF)"),
             ("perfect-spots.apkg", "Anki deck (.apkg)"),
             ("perfect-spots-cards-a4.pdf", "Paper flashcards, A4 (PDF)"),
             ("perfect-spots-cards-letter.pdf", "Paper flashcards, US Letter (PDF)"))
ABOUT_HEADING = "About"
EDITION = "Edition {edition}, {date}, by {authors}."
