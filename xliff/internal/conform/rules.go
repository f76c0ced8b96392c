package conform

import (
	"sort"
	"strconv"
	"strings"

	"github.com/loctool/loctool/xliff/internal/xmltree"
)

// The processing rules of XLIFF 2 that relate the elements of a unit:
// what its schema cannot check.

// Inline checks the rules of one inline element that need nothing
// else of the unit.
func (c *Checker) Inline(x *Inline) error {
	e := x.N
	if sub, ok := e.Attr("subType"); ok {
		typ, hasType := e.Attr("type")
		if !hasType {
			return c.errf(e, Invalid, "subType=%q on %s needs a type attribute too", sub, e.Tag())
		}
		if x.Name != "mrk" && x.Name != "sm" && strings.HasPrefix(sub, "xlf:") {
			want := map[string]string{"xlf:b": "fmt", "xlf:i": "fmt", "xlf:u": "fmt", "xlf:lb": "fmt", "xlf:pb": "fmt", "xlf:var": "ui"}[sub]
			if want == "" {
				return c.errf(e, Invalid, "subType=%q is not an XLIFF subType: use xlf:b, xlf:i, xlf:u, xlf:lb, xlf:pb or xlf:var", sub)
			}
			if typ != want {
				return c.errf(e, Invalid, "subType=%q needs type=%q, not %q", sub, want, typ)
			}
		}
	}
	if x.Name == "pc" {
		_, s := e.Attr("equivStart")
		_, t := e.Attr("equivEnd")
		if s != t {
			return c.errf(e, Invalid, "<pc> needs equivStart and equivEnd together")
		}
		_, ds := e.Attr("dataRefStart")
		_, de := e.Attr("dataRefEnd")
		if ds != de {
			return c.errf(e, Reference, "<pc> needs dataRefStart and dataRefEnd together")
		}
		_, fs := e.Attr("subFlowsStart")
		_, fe := e.Attr("subFlowsEnd")
		if fs != fe {
			return c.errf(e, Reference, "<pc> needs subFlowsStart and subFlowsEnd together")
		}
	}
	for _, a := range []string{"subFlows", "subFlowsStart", "subFlowsEnd"} {
		if _, ok := e.Attr(a); ok {
			c.File.SubFlows = append(c.File.SubFlows, e)
			break
		}
	}
	if x.Name == "ec" {
		_, ref := e.Attr("startRef")
		switch {
		case x.isolated() && (!x.HasID || ref):
			return c.errf(e, Codes, `an isolated <ec> needs an id and no startRef`)
		case !x.isolated() && (!ref || x.HasID):
			return c.errf(e, Codes, `<ec> needs a startRef and no id, unless it is isolated="yes" (its <sc> is outside the unit)`)
		case !x.isolated():
			if _, ok := e.Attr("dir"); ok {
				return c.errf(e, Invalid, `dir is allowed on <ec> only when it is isolated`)
			}
		}
	}
	if r := e.Get("canReorder"); r == "no" || r == "firstNo" {
		if e.Get("canCopy") != "no" || e.Get("canDelete") != "no" {
			return c.errf(e, Codes, `canReorder=%q on %s needs canCopy="no" and canDelete="no"`, r, e.Tag())
		}
	}
	if x.Name == "mrk" || x.Name == "sm" {
		ref, hasRef := e.Attr("ref")
		_, hasValue := e.Attr("value")
		if hasRef && strings.HasPrefix(ref, "#") {
			if _, err := parseFragid(ref[1:], c.FragmentPrefixes); err != nil {
				return c.errf(e, Reference, "ref=%q: %v", ref, err)
			}
		}
		if e.Get("type") == "comment" && hasRef == hasValue {
			return c.errf(e, Invalid, `a comment annotation needs either a value (the comment) or a ref (to a <note>), not both or neither`)
		}
	}
	return nil
}

// Unit checks the rules that relate the inline elements of a unit.
func (c *Checker) Unit(u *Unit) error {
	u.byID, u.srcLogical = map[string][]*Inline{}, map[string]bool{}
	for _, x := range u.Inlines {
		if x.HasID {
			u.byID[x.ID] = append(u.byID[x.ID], x)
		}
		if !x.Target {
			u.srcLogical[x.Name+" "+x.Logical()] = true
		}
	}
	// IDs of segments, ignorables and source inline elements are unique
	// in the unit.
	srcIDs := map[string]*Inline{}
	partIDs := map[string]*xmltree.Node{}
	for _, p := range u.Parts {
		if id, ok := p.N.Attr("id"); ok {
			if prev := partIDs[id]; prev != nil {
				return c.errf(p.N, DuplicateID, "id %q is already used on line %d: segments and ignorables need unique IDs in a unit", id, prev.Line)
			}
			partIDs[id] = p.N
		}
	}
	for _, x := range u.Inlines {
		if x.Target || !x.HasID {
			continue
		}
		if prev := partIDs[x.ID]; prev != nil {
			return c.errf(x.N, DuplicateID, "id %q of %s is already used by the %s on line %d: IDs must be unique in a unit", x.ID, x.N.Tag(), prev.Tag(), prev.Line)
		}
		if prev := srcIDs[x.ID]; prev != nil {
			return c.errf(x.N, DuplicateID, "id %q of %s is already used by the %s on line %d: IDs must be unique in a unit", x.ID, x.N.Tag(), prev.N.Tag(), prev.N.Line)
		}
		srcIDs[x.ID] = x
	}
	// A target's inline element reuses the ID of its counterpart in the
	// source, or has an ID of its own.
	tgtIDs := map[string]*Inline{}
	for _, x := range u.Inlines {
		if !x.Target || !x.HasID {
			continue
		}
		if prev := tgtIDs[x.ID]; prev != nil {
			return c.errf(x.N, DuplicateID, "id %q of %s is already used in a target on line %d: a target holds each code once", x.ID, x.N.Tag(), prev.N.Line)
		}
		tgtIDs[x.ID] = x
		if prev := partIDs[x.ID]; prev != nil {
			return c.errf(x.N, DuplicateID, "id %q of %s is the ID of the %s on line %d", x.ID, x.N.Tag(), prev.Tag(), prev.Line)
		}
		if s := srcIDs[x.ID]; s != nil && s.Name != x.Name && !(x.Name == "ec" && c.hasSource(u, "ec", x.ID)) {
			return c.errf(x.N, Codes, "%s in the target has id %q, but in the source that ID is a %s: a code keeps its element", x.N.Tag(), x.ID, s.N.Tag())
		}
	}
	// References to original data, and copies.
	for _, x := range u.Inlines {
		for _, a := range []string{"dataRef", "dataRefStart", "dataRefEnd"} {
			if v, ok := x.N.Attr(a); ok {
				if _, found := u.Data[v]; !found {
					return c.errf(x.N, Reference, "%s=%q on %s names no <data> of the unit's <originalData>", a, v, x.N.Tag())
				}
			}
		}
		if ref, ok := x.N.Attr("copyOf"); ok {
			if err := c.checkCopy(u, x, ref); err != nil {
				return err
			}
		}
	}
	// Start and end codes, start and end markers.
	for _, target := range []bool{false, true} {
		if target && c.KeepCodeMismatches {
			continue
		}
		if err := c.checkPairs(u, target); err != nil {
			return err
		}
	}
	if !c.KeepCodeMismatches {
		if err := c.checkReorder(u); err != nil {
			return err
		}
		if err := c.checkDeleted(u); err != nil {
			return err
		}
	}
	if err := c.checkOrder(u); err != nil {
		return err
	}
	if err := c.checkMatches(u); err != nil {
		return err
	}
	if err := c.checkRevisions(u); err != nil {
		return err
	}
	// Comment annotations point at a note of the unit.
	for _, x := range u.Inlines {
		ref, ok := x.N.Attr("ref")
		if !ok || x.N.Get("type") != "comment" {
			continue
		}
		if err := c.checkCommentRef(u, x, ref); err != nil {
			return err
		}
	}
	return nil
}

func (c *Checker) hasSource(u *Unit, name, logical string) bool {
	return u.srcLogical[name+" "+logical]
}

func (c *Checker) checkCopy(u *Unit, x *Inline, ref string) error {
	for _, a := range []string{"dataRef", "dataRefStart", "dataRefEnd"} {
		if _, ok := x.N.Attr(a); ok {
			return c.errf(x.N, Reference, "%s has both copyOf and %s: a copy takes its original data from its base code", x.N.Tag(), a)
		}
	}
	var base *Inline
	for _, b := range u.byID[ref] {
		if b != x {
			base = b
			break
		}
	}
	switch {
	case base == nil:
		return c.errf(x.N, Reference, "copyOf=%q on %s names no code of the unit", ref, x.N.Tag())
	case base.N.Get("canCopy") == "no":
		return c.errf(x.N, Codes, "copyOf=%q on %s copies a code marked canCopy=\"no\"", ref, x.N.Tag())
	}
	for _, a := range []string{"dataRef", "dataRefStart", "dataRefEnd"} {
		if _, ok := base.N.Attr(a); ok {
			return c.errf(x.N, Reference, "copyOf=%q on %s copies a code that has original data, which cannot be copied", ref, x.N.Tag())
		}
	}
	return nil
}

// checkPairs checks the start and end codes and markers of the unit's
// sources, or targets: each non-isolated start has one end after it,
// with the same editing hints, and each end its start before it.
func (c *Checker) checkPairs(u *Unit, target bool) error {
	type start struct {
		x     *Inline
		ended bool
	}
	starts := map[string]*start{} // by element (sc or sm) and id
	for _, x := range u.Inlines {
		if x.Target != target {
			continue
		}
		switch x.Name {
		case "sc", "sm":
			starts[x.Name+" "+x.ID] = &start{x: x}
		case "ec", "em":
			if x.Name == "ec" && x.isolated() {
				continue
			}
			sname := map[string]string{"ec": "sc", "em": "sm"}[x.Name]
			ref := x.Logical()
			s := starts[sname+" "+ref]
			switch {
			case s == nil:
				return c.errf(x.N, Codes, "%s has startRef=%q, but no <%s id=%q> comes before it in the unit's %s", x.N.Tag(), ref, sname, ref, side(target))
			case s.ended:
				return c.errf(x.N, Codes, "<%s id=%q> already has its end before this %s", sname, ref, x.N.Tag())
			case s.x.isolated():
				return c.errf(s.x.N, Codes, `<sc id=%q> is isolated="yes", but its <ec> is in the same unit (line %d): remove isolated`, ref, x.N.Line)
			}
			s.ended = true
			if x.Name == "ec" {
				for _, h := range []string{"canCopy", "canDelete", "canReorder", "canOverlap"} {
					sv, ev := s.x.hint(h), x.hint(h)
					if h == "canReorder" && sv == "firstNo" {
						sv = "no"
					}
					if sv != ev {
						return c.errf(x.N, Codes, "%s=%q on this <ec> differs from %q on its <sc> (line %d): the two halves of a code take the same editing hints", h, x.hint(h), s.x.hint(h), s.x.N.Line)
					}
				}
			}
		}
	}
	for _, s := range starts {
		if s.ended || s.x.Name == "sc" && s.x.isolated() {
			continue
		}
		if s.x.Name == "sc" {
			return c.errf(s.x.N, Codes, `<sc id=%q> has no <ec startRef=%q> after it in the unit's %s: add one, or mark it isolated="yes" if its end is outside the unit`, s.x.ID, s.x.ID, side(target))
		}
		return c.errf(s.x.N, Invalid, `<sm id=%q> has no <em startRef=%q> after it in the unit's %s`, s.x.ID, s.x.ID, side(target))
	}
	return nil
}

func side(target bool) string {
	if target {
		return "targets"
	}
	return "sources"
}

// checkReorder checks canReorder: a code marked "no" follows one marked
// "firstNo" or "no", and each such sequence stays whole and in order in
// the target.
func (c *Checker) checkReorder(u *Unit) error {
	var seqs [][]Event
	var cur []Event
	for _, p := range u.Parts {
		for _, ev := range p.SrcEvents {
			r := ev.X.hint("canReorder")
			if ev.End && r == "firstNo" || ev.X.Name == "ec" && r == "firstNo" {
				r = "no"
			}
			switch r {
			case "firstNo":
				if len(cur) > 1 {
					seqs = append(seqs, cur)
				}
				cur = []Event{ev}
			case "no":
				if cur == nil {
					return c.errf(ev.X.N, Codes, `%s has canReorder="no" but no code with canReorder="firstNo" starts its sequence`, ev.X.N.Tag())
				}
				cur = append(cur, ev)
			default:
				if len(cur) > 1 {
					seqs = append(seqs, cur)
				}
				cur = nil
			}
		}
	}
	if len(cur) > 1 {
		seqs = append(seqs, cur)
	}
	if len(seqs) == 0 {
		return nil
	}
	var tgt []Event
	for _, p := range c.targetOrder(u) {
		tgt = append(tgt, p.TgtEvents...)
	}
	first := map[string]int{}
	for i, ev := range tgt {
		if k := ev.key(); first[k] == 0 {
			first[k] = i + 1
		}
	}
	for _, seq := range seqs {
		at := first[seq[0].key()] - 1
		if at < 0 {
			continue // deleted: checked as deletion
		}
		for k, want := range seq {
			if at+k >= len(tgt) || !tgt[at+k].same(want) {
				bad := seq[0].X.N
				if at+k < len(tgt) {
					bad = tgt[at+k].X.N
				}
				return c.errf(bad, Codes, "the codes from %s on line %d cannot be reordered (canReorder), but the target breaks their sequence", seq[0].X.N.Tag(), seq[0].X.N.Line)
			}
		}
	}
	return nil
}

// targetOrder returns the parts with a target in the order their targets
// are displayed.
func (c *Checker) targetOrder(u *Unit) []*Part {
	type placed struct {
		p     *Part
		order int
	}
	var ps []placed
	for i, p := range u.Parts {
		if p.Target == nil {
			continue
		}
		o := i + 1
		if v, ok := p.Target.Attr("order"); ok {
			o, _ = strconv.Atoi(v)
		}
		ps = append(ps, placed{p, o})
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].order < ps[j].order })
	out := make([]*Part, len(ps))
	for i, p := range ps {
		out[i] = p.p
	}
	return out
}

// checkDeleted checks canDelete="no": a segment that has a target keeps
// such codes somewhere in the unit's targets. A blank target is no
// translation yet, and leaves out nothing.
func (c *Checker) checkDeleted(u *Unit) error {
	inTarget := map[string]bool{}
	for _, x := range u.Inlines {
		if x.Target && x.isCode() {
			inTarget[x.Name+" "+x.Logical()] = true
		}
	}
	for _, x := range u.Inlines {
		if x.Target || !x.isCode() || !u.Parts[x.Part].Seg || u.Parts[x.Part].Target == nil || u.Parts[x.Part].Blank {
			continue
		}
		if x.N.Get("canDelete") == "no" && !inTarget[x.Name+" "+x.Logical()] {
			return c.errf(u.Parts[x.Part].Target, Codes, "the target leaves out %s (id %q), which is marked canDelete=\"no\": put it back", x.N.Tag(), x.Logical())
		}
	}
	return nil
}

// checkOrder checks the order attributes of targets: each from 1 to the
// number of parts, and no two targets in the same place.
func (c *Checker) checkOrder(u *Unit) error {
	taken := map[int]*xmltree.Node{}
	explicit := map[int]bool{}
	for i, p := range u.Parts {
		if p.Target == nil {
			continue
		}
		o := i + 1
		if v, ok := p.Target.Attr("order"); ok {
			o, _ = strconv.Atoi(v)
			if o > len(u.Parts) {
				return c.errf(p.Target, Invalid, "order=%d but the unit has only %d segments and ignorables", o, len(u.Parts))
			}
			explicit[i+1] = true
		}
		if prev := taken[o]; prev != nil {
			return c.errf(p.Target, DuplicateID, "this target takes place %d, which the target on line %d already takes", o, prev.Line)
		}
		taken[o] = p.Target
	}
	// A target moved away from its place leaves it to another.
	for pos := range explicit {
		p := u.Parts[pos-1]
		if o, _ := strconv.Atoi(p.Target.Get("order")); o != pos && taken[pos] == nil {
			return c.errf(p.Target, Invalid, "this target moves to place %d, but no target takes its own place %d", o, pos)
		}
	}
	return nil
}

func (c *Checker) checkCommentRef(u *Unit, x *Inline, ref string) error {
	bad := func(why string) error {
		return c.errf(x.N, Reference, "the comment's ref=%q %s: it must point at a <note> of the unit, as \"#n=ID\"", ref, why)
	}
	if !strings.HasPrefix(ref, "#") {
		return bad("is not a reference within this document")
	}
	f, _ := parseFragid(ref[1:], c.FragmentPrefixes)
	leaf, ok := f.leaf()
	if !ok || leaf.prefix != "n" {
		return bad("does not name a note")
	}
	if _, g := f.get("g"); g {
		return bad("names a note of a group")
	}
	fid, hasF := f.get("f")
	uid, hasU := f.get("u")
	switch {
	case hasF && fid != c.File.ID, hasU && uid != u.ID:
		return bad("names a note of another file or unit")
	case hasF && !hasU:
		return bad("names a note of the file")
	case u.Notes[leaf.id] == nil:
		return bad("names a note the unit does not have")
	}
	return nil
}
