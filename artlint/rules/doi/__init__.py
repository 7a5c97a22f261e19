"""Rules about DOIs: their syntax, and agreement with the publisher links next to them."""
