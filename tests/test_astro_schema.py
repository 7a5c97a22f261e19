"""Reading an Astro content collection's schema as text: which keys its `z.object({…})` declares."""

from __future__ import annotations

from artlint.sites import _astro_declared_keys

COLLECTION = """
const posts = defineCollection({{
  loader: glob({{ pattern: '**/*.md', base: './src/content/posts' }}),
  schema: z.object({{{body}}}){after},
}});
"""


def _declared(body: str, after: str = "") -> tuple:
    return _astro_declared_keys(COLLECTION.format(body=body, after=after), "src")


def test_only_the_top_level_keys_are_declared() -> None:
    body = """
    title: z.string(), // the post's title
    /* shown on the card */
    "hero-image": z.object({ src: z.string(), alt: z.string().default("a, b") }),
    tags: z.array(z.enum(['x', 'y'])).optional(),
    """
    assert _declared(body) == (("src/content/posts", ("title", "hero-image", "tags")),)


def test_a_schema_that_keeps_or_adds_keys_declares_none() -> None:
    assert _declared("title: z.string()", ".passthrough()") == ()
    assert _declared("title: z.string()", ".extend({ date: z.date() })") == ()
    assert _declared("...base.shape, title: z.string()") == ()  # a spread: not every key is written
