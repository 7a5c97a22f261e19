"""Rules about Chinese and mixed CJK-Latin typography: spacing, punctuation width, repeated
punctuation, unbalanced brackets and quotation marks."""
