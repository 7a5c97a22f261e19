"""Rules about images: alt text and reachability."""
