"""The card palette, shared by the Anki stylesheet (deck/style.py) and the paper cards (paper/styles.py),
so that a card looks the same on screen and on paper."""

INK = "#1f1d1b"         # text
ACCENT = "#8c0d17"      # card kind, heading, answer bar
LABEL = "#6e5f55"       # fact labels
TINT = "#f5ece6"        # the answer box
RULE = "#d9d2c9"        # rules between question, answer and the folded part
