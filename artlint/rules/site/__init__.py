"""Rules about the site the generator builds from the articles: what it makes of each page."""
