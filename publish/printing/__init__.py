"""Print editions made from the reader PDFs: saddle-stitch sheets, a bleed edition, and preflight."""
