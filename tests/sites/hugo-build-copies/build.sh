#!/bin/bash
# The latest version is published twice: under its number and as /latest/.
LATEST=2
cp -R content/v$LATEST content/latest
hugo --minify
