"""Checking links, images and DOIs online: fetching, caching, and the private-address guard."""
