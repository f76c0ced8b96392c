module github.com/loctool/loctool/bench

go 1.26.0

require (
	github.com/loctool/loctool v0.0.0
	github.com/neurosnap/sentences v1.1.2
	golang.org/x/text v0.44.0
)

require (
	github.com/agnivade/levenshtein v1.2.2 // indirect
	github.com/dlclark/regexp2/v2 v2.13.0 // indirect
	go.yaml.in/yaml/v4 v4.0.0 // indirect
	golang.org/x/sys v0.50.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)

replace github.com/loctool/loctool => ../
