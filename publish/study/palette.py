"""The one palette of every output: the booklet's styles (booklet/styles.py), the Anki stylesheet
(deck/style.py) and the paper cards (paper/styles.py) all read it, so a card looks like the booklet
it came from. Day colours; the deck's night mode derives its own from these hues."""

INK = "#1c1c21"         # text
ACCENT = "#17526b"      # a deep blue-green: headings, card kind, answer line and bar
LABEL = "#5c5c63"       # fact labels, captions, page references
TINT = "#edf2f5"        # answer, at-a-glance and caution boxes
TINT_LINE = "#bdccd4"   # lines inside tinted boxes; rules on screen
RULE = "#b3b3b8"        # printed rules
NIGHT_ACCENT = "#86c5dc"   # the accent on a dark screen
NIGHT_TINT = "#1e2a30"     # the answer box on a dark screen
