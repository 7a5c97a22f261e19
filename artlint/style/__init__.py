"""User rules: the style packs that `[style] paths` names (docs/style-rules.md).

* `loader` finds the packs and reads their `[[rule]]` tables (`definition.RuleTable`: every key
  checked, a mistake located by file and line), one module per kind for the keys of its own:
  `existence`, `substitution`, `occurrence`, `repetition`, `capitalization`, `conditional`,
  `front_matter`.
* `rule` makes each definition a rule class, registered by name with artlint's own rules.
* `scan` searches a document for every rule of a configuration at once, in `scopes` (the
  prose the typography rules read, split into headings, list items, cells, quotes, links; alt
  text; front-matter values), with the word boundaries and time limits of `patterns`.
"""
