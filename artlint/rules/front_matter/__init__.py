"""Rules about the front matter: its presence, syntax, required keys, dates and types."""
