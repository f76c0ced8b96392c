package glossary

import (
	"github.com/loctool/loctool/diag"
)

// Warning is something of a glossary file that loctool reads past: the
// file loads, and the warning says how the part was taken. Termbases and
// tables made by other tools warn, where loctool's own YAML would be an
// error: an unknown term status, a spelling two of their concepts share.
type Warning struct {
	Pos
	// Rule is the warning's rule, as diag.Rules lists it.
	Rule string
	Msg  string
	Hint string
}

func (w Warning) String() string { return w.Diagnostic().String() }

// Diagnostic returns the warning as a diagnostic of the glossary file.
func (w Warning) Diagnostic() diag.Diagnostic {
	return diag.Diagnostic{File: w.File, Start: diag.Position{Line: w.Line, Col: w.Col}, Severity: diag.Warning,
		Rule: w.Rule, Message: w.Msg, Hint: w.Hint}
}

// Diagnostics returns the glossary's warnings as diagnostics; none for a
// nil glossary.
func (g *Glossary) Diagnostics() []diag.Diagnostic {
	if g == nil {
		return nil
	}
	ds := make([]diag.Diagnostic, len(g.Warnings))
	for i, w := range g.Warnings {
		ds[i] = w.Diagnostic()
	}
	return ds
}
