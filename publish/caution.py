"""How a caution looks in every output (booklet, Anki deck; paper cards once they carry cautions):
a warm colour and a mark.

The mark is a triangle with an exclamation mark, a shape that still reads as a warning when the
page is printed in grayscale; the colour is dark enough to stay distinct from body text and tints.
"""
CAUTION_RGB = (0.72, 0.33, 0.05)                # a burnt orange
CAUTION_HEX = "#b8540d"
CAUTION_TINT_RGB = (0.995, 0.95, 0.90)          # the pale background of a caution box
CAUTION_TINT_HEX = "#fef2e6"
CAUTION_MARK = "\u26a0"                         # for outputs that draw the mark as text (HTML, Anki)
