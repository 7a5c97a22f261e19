module example.org/theme-demo/exampleSite

go 1.20

replace example.org/theme-demo => ../

require example.org/theme-demo v0.0.0-00010101000000-000000000000 // indirect
