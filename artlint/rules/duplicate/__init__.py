"""Rules about duplicated text: doubled words, repeated sentences and paragraphs, copies of articles."""
