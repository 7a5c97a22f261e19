#!/bin/bash
# Sync the build to the host, deleting what the build no longer writes, but the slides, which
# the slides' own repository deploys beside the site.
set -eu
npx vitepress build
rsync -az --delete --exclude 'slides' \
  .vitepress/dist/ "deploy@example.org:/var/www/notes/"
