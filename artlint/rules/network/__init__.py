"""Rules that check links, images and DOIs online (skipped with --offline)."""
