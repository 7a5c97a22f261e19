from artlint.findings import Severity
from artlint.options import Option
from artlint.rules import DocumentRule


class FrontMatterMissing(DocumentRule):
    """An article with no front matter at all.

    ## What it finds
    A file that does not start with a TOML (`+++`), YAML (`---`) or JSON (`{`) front matter block.
    Files whose site needs none pass: repository documents (README, CHANGELOG, LICENSE...),
    partials and templates, the pages of documentation generators (MkDocs, VitePress,
    Docusaurus docs and blog posts), which take a page's title from its first heading, a Jekyll
    site's pages where jekyll-optional-front-matter renders them (a `github-pages` Gemfile: GitHub
    Pages turns it on), Hugo's section and home
    pages (`_index.md`: the folder's or the site's title), blocks that pages include
    (jekyll-multiple-languages-plugin's `_i18n/<lang>/`, files Hugo's `ignoreFiles` leaves out of
    the build for `{{< readfile >}}` to include), an Eleventy page whose folder's data
    file gives it a title (`now/now.11tydata.js` with `eleventyComputed.title`) and whose file
    name a date, Eleventy files in a folder of such files that no data file gives a layout
    (a tutorial's steps, `tutorials/content/reactivity/01.md`, rendered bare and fetched by a
    page's script), pages of an Astro site whose remark or rehype plugin writes their front
    matter (`file.data.astro.frontmatter.date = …` in its configuration), and empty files
    (placeholders). On a Hugo site whose build pins a version before
    0.123 (netlify.toml, a Dockerfile, a workflow), front matter wrapped in an HTML comment
    (`<!--`, the front matter, `-->`: hidden where GitHub shows the file) is front matter, as
    Hugo read it then; later versions read none there. Where no site generator is configured,
    a file among three markdown files or more of which none has front matter is a note read as
    it is (on GitHub, in an editor), by nothing that asks a front matter of it; so is one of one
    or two such files in a folder when no markdown file of the site has front matter (a
    repository of notes, a note or two to a folder), and any file without it where fewer than
    one in ten of the site's markdown files (twenty or more) has front matter (a docs
    repository whose few `description`s are the exception). `in-notes-folders = true` reports them
    too. A file among files that have front matter, or alone with nothing else to go by, is an
    article missing it.

    ## Why it matters
    Hugo, Zola, Hexo and Jekyll take the title, date, draft state and taxonomy of a page from its
    front matter. Without it the page gets no title, sorts at the wrong date, and is left out of
    tag pages and feeds. Imported articles often lose their front matter on the way in.

    ## Example
    A file that starts directly with its text:

        # My article

        Text...

    Add a block such as:

        +++
        title = "My article"
        date = 2024-05-31
        +++
    """

    name = "front-matter-missing"
    reads_body = False
    family = "front-matter"
    severity = Severity.WARNING
    options = {
        "in-notes-folders": Option(
            "boolean", False, "Also report the files of a folder of notes (no site generator) in which no markdown file has front matter."
        ),
    }

    def check(self, doc, options):
        if doc.front_matter is None and (doc.page is None or doc.page.front_matter_expected):
            if not doc.text.strip():
                return  # an empty placeholder (it makes a Hugo section exist): no article yet
            if not options["in-notes-folders"] and _a_note(doc):
                return  # `notes/linux/awk.md` among notes none of which has front matter
            yield doc.line_diagnostic("no front matter: the article has no title, date or tags for the site", 1)


def _a_note(doc) -> bool:
    return doc.site is not None and doc.absolute_file is not None and doc.site.in_notes_folder(str(doc.absolute_file))
