// The site makes its heading ids with its own function: `### getStorage(OBJECT) @getstorage`
// is `#getstorage`. artlint cannot run it, so a fragment no heading gives as artlint slugs
// headings is not reported here.
module.exports = {
  title: 'Own slugs',
  markdown: {
    slugify (str) {
      const parts = str.split('@')
      return parts[parts.length - 1].trim().toLowerCase()
    }
  }
}
