"""Colours, line widths and type sizes shared by every figure (points; 1 mm = 2.835 pt)."""
from __future__ import annotations

from reportlab.lib.colors import Color, white

from ..editions import MM as MM  # figures measure in millimetres too

SKIN = Color(0.984, 0.937, 0.894)          # light skin tone behind everything
OUTLINE = Color(0.25, 0.25, 0.27)         # body outline and detail strokes
LINE_HALO = SKIN                          # under inner lines (ear, jaw) so they read over dark zones
OUTLINE_WIDTH = 0.8
DETAIL_WIDTH = 0.45

ESSENTIAL = Color(0.55, 0.05, 0.09)       # solid, distinctly darker than anything else (about 17% grey)
SPILLOVER = Color(0.97, 0.74, 0.72)       # light fill ...
STIPPLE = Color(0.55, 0.05, 0.09)         # ... plus dots, so the zone reads without colour
STIPPLE_STEP = 2.3                        # dot grid spacing on the page
STIPPLE_DOT = 0.5                         # dot radius

MARK = Color(0, 0, 0)                     # the trigger point X
MARK_SIZE = 4.5                           # its half-width on a body chart (points) ...
MARK_WIDTH = 1.6                          # ... and stroke
MARK_REACH = 16.0                         # at most this many view units: a small view gets a smaller X ...
MARK_MIN_SIZE = 2.4                       # ... but never under this, so it stays legible
HALO = white
DOT = Color(0.12, 0.12, 0.14)             # numbered dots on the overview map
ACCENT = Color(0.72, 0.22, 0.02)          # answer spots on a condition or pain-area map (dark in grey too)
GREYED = Color(0.74, 0.74, 0.76)          # the other spots on that map
AREA = Color(0.62, 0.76, 0.92)            # the pain area shaded on a pain-area map (not a zone colour)

MUSCLE = Color(0.91, 0.80, 0.74)         # the spot's own muscle in the close-up: a faint tint ...
MUSCLE_EDGE = Color(0.62, 0.40, 0.36)     # ... with a thin edge
MUSCLE_WIDTH = 0.5

LANDMARK = Color(0.10, 0.30, 0.55)        # landmark lines and dots on locator figures
TEXT = Color(0.12, 0.12, 0.14)
MUTED = Color(0.35, 0.35, 0.38)

FONT = "Sans"
FONT_BOLD = "Sans-Bold"
TITLE_SIZE = 7.0                          # view titles (captions) under each body
KEY_SIZE = 8.5                            # the key (legend) under referral figures
LABEL_SIZE = 7.5                          # landmark labels, legend
NUMBER_SIZE = 7                           # numbers in the overview dots

# A deck figure fills the card's width on a phone. At 390 CSS px an Anki card's image is about 334 px
# wide and at most 75vh less its padding (625 px on a 390 x 844 phone) tall, so a figure laid out
# within SCREEN (width, height) units shows its 7-unit titles at 12.1 px or more.
SCREEN = (190.0, 360.0)
