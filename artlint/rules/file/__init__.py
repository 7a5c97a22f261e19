"""Rules about the file itself: it must be readable text of a sensible size."""
