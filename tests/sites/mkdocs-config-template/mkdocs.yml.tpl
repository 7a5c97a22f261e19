# generate_config.py renders mkdocs.yml from this, with the documentation of other repositories.
site_name: Developer documentation
docs_dir: src
nav:
  - Home: index.md
