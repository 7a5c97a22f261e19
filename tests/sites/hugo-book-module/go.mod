module example.org/tool/site

go 1.22

require github.com/alex-shpak/hugo-book v0.0.0-20240518111420-7c26d9b8b731
