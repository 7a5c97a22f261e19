module github.com/example/sites/home

go 1.19

replace github.com/example/sites/common => ../common

require github.com/example/sites/common v0.0.0
