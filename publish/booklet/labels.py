"""Words the booklet prints that are not content: kept together so they can move into content later."""
MY_NOTES = "My notes"
CONTINUED = "(continued)"
CAUTION = "Caution"
CAUTIONS = "Cautions"
FLASHCARDS = "Flashcards"
DECK_SOURCE = ("The Anki deck {deck} ({cards} cards) and the printable cards {cards_pdf} are built from the same "
               "content as this booklet and published with it; every card names the page that explains it.")
