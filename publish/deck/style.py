"""The card stylesheet: readable on a phone, scales figures to the screen, has a night mode.

Anki desktop and AnkiMobile mark night mode with `.nightMode`, AnkiDroid with `.night_mode`.
Figures keep a light panel in night mode because their labels and outlines are dark. The colours
come from study/palette.py, shared with the booklet and the paper cards; cautions take the booklet's warm rule and
warning mark (publish/caution.py).
"""
from string import Template

from ..caution import CAUTION_HEX, CAUTION_MARK, CAUTION_TINT_HEX
from ..study.palette import ACCENT, INK, LABEL, NIGHT_ACCENT, NIGHT_TINT, TINT, TINT_LINE

CSS = Template("""\
.card {
  font-family: "Noto Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 19px;
  line-height: 1.45;
  color: $ink;
  background-color: #fbfaf7;
  text-align: left;
  overflow-wrap: anywhere;
}
.ps { max-width: 40em; margin: 0 auto; padding: 0.3em 0.2em 1.5em; }
.ps .kind {
  font-size: 0.72em; letter-spacing: 0.06em; text-transform: uppercase; color: $accent; margin-bottom: 0.3em;
}
.ps .question { font-size: 1.12em; font-weight: 600; }
.ps .heading { font-weight: 700; color: $accent; margin: 0.5em 0; }
hr#answer { border: 0; border-top: 1px solid $line; margin: 0.9em 0; }
.ps .answer {
  border-left: 4px solid $accent; background-color: $tint; border-radius: 0 6px 6px 0;
  padding: 0.45em 0.7em; margin-bottom: 0.8em;
}
.ps .fact { margin: 0.35em 0; }
.ps .label { color: $label; font-weight: 700; }
.ps .answer-line { font-size: 1.12em; font-weight: 700; color: $accent; margin-bottom: 0.2em; }
.ps .answer-line .piece, .ps .answer-line .piece .fact, .ps .answer-line .piece ul,
.ps .answer-line .piece li { display: inline; margin: 0; padding: 0; }
.ps .answer-line .piece + .piece::before { content: " · "; }
.ps .answer-line .piece li + li::before { content: ", "; }
.ps .answer-line .piece .label, .ps .answer-line .piece .part { display: none; }
.ps .answer-line .piece b { font-weight: 700; }
.ps .answer-line > .fact { font-size: 0.89em; color: $ink; font-weight: 400; }
.ps ul, .ps ol { margin: 0.15em 0 0.4em; padding-left: 1.3em; }
.ps li { margin: 0.15em 0; }
.ps .figures { display: flex; flex-wrap: wrap; gap: 0.6em; justify-content: center; margin: 0.8em 0; }
.ps .figure { flex: 1 1 24em; max-width: 30em; text-align: center; }
.ps .figure-locator { max-width: 18em; }
.ps .figure img {
  width: 100%; height: auto; max-height: 75vh; object-fit: contain;
  background-color: #ffffff; border-radius: 8px; box-sizing: border-box; padding: 4px;
}
.ps details { margin-top: 0.9em; border-top: 1px solid $line; padding-top: 0.5em; }
.ps summary { cursor: pointer; color: $accent; font-weight: 600; }
.ps summary .topics { color: $label; font-weight: 400; font-size: 0.85em; }
.ps .fact-page { color: $label; }
.ps .answer-line .fact-page { color: inherit; }

.card.nightMode, .card.night_mode, .nightMode .card, .night_mode .card { color: #ebe7e2; background-color: #1d1c1b; }
.nightMode .ps .kind, .night_mode .ps .kind, .nightMode .ps .answer-line, .night_mode .ps .answer-line,
.nightMode .ps .heading, .night_mode .ps .heading,
.nightMode .ps summary, .night_mode .ps summary { color: $night_accent; }
.nightMode .ps .answer, .night_mode .ps .answer { background-color: $night_tint; border-left-color: $night_accent; }
.nightMode .ps .answer-line > .fact, .night_mode .ps .answer-line > .fact { color: #ebe7e2; }
.nightMode .ps .label, .night_mode .ps .label, .nightMode .ps .fact-page, .night_mode .ps .fact-page,
.nightMode .ps summary .topics, .night_mode .ps summary .topics { color: #c2b6ad; }
.nightMode hr#answer, .night_mode hr#answer, .nightMode .ps details, .night_mode .ps details { border-color: #4a4540; }
.nightMode .ps .figure img, .night_mode .ps .figure img { background-color: #f4f1ec; }
""").substitute(ink=INK, accent=ACCENT, label=LABEL, tint=TINT, line=TINT_LINE, night_accent=NIGHT_ACCENT,
             night_tint=NIGHT_TINT) + f"""\
.ps .fact-cautions {{
  border-left: 4px solid {CAUTION_HEX}; background-color: {CAUTION_TINT_HEX}; padding: 0.3em 0.6em;
  border-radius: 0 6px 6px 0;
}}
.ps .fact-cautions .label {{ color: {CAUTION_HEX}; }}
.ps .fact-cautions .label::before {{ content: "{CAUTION_MARK}\\fe0e  "; }}
.nightMode .ps .fact-cautions, .night_mode .ps .fact-cautions {{ background-color: #33261c; }}
.nightMode .ps .fact-cautions .label, .night_mode .ps .fact-cautions .label {{ color: #f0a060; }}
"""
