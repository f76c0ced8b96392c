package xliff

import (
	"sort"
	"strconv"
	"strings"
)

// The processing rules of XLIFF 2 that relate the elements of a unit:
// what its schema cannot check.

// checkInline checks the rules of one inline element that need nothing
// else of the unit.
func (rd *reader2) checkInline(x *inl) error {
	e := x.n
	if sub, ok := e.attr("subType"); ok {
		typ, hasType := e.attr("type")
		if !hasType {
			return rd.errf(e, ErrInvalid, "subType=%q on %s needs a type attribute too", sub, e.tag())
		}
		if x.name != "mrk" && x.name != "sm" && strings.HasPrefix(sub, "xlf:") {
			want := map[string]string{"xlf:b": "fmt", "xlf:i": "fmt", "xlf:u": "fmt", "xlf:lb": "fmt", "xlf:pb": "fmt", "xlf:var": "ui"}[sub]
			if want == "" {
				return rd.errf(e, ErrInvalid, "subType=%q is not an XLIFF subType: use xlf:b, xlf:i, xlf:u, xlf:lb, xlf:pb or xlf:var", sub)
			}
			if typ != want {
				return rd.errf(e, ErrInvalid, "subType=%q needs type=%q, not %q", sub, want, typ)
			}
		}
	}
	if x.name == "pc" {
		_, s := e.attr("equivStart")
		_, t := e.attr("equivEnd")
		if s != t {
			return rd.errf(e, ErrInvalid, "<pc> needs equivStart and equivEnd together")
		}
		_, ds := e.attr("dataRefStart")
		_, de := e.attr("dataRefEnd")
		if ds != de {
			return rd.errf(e, ErrReference, "<pc> needs dataRefStart and dataRefEnd together")
		}
		_, fs := e.attr("subFlowsStart")
		_, fe := e.attr("subFlowsEnd")
		if fs != fe {
			return rd.errf(e, ErrReference, "<pc> needs subFlowsStart and subFlowsEnd together")
		}
	}
	for _, a := range []string{"subFlows", "subFlowsStart", "subFlowsEnd"} {
		if _, ok := e.attr(a); ok {
			rd.f.subFlows = append(rd.f.subFlows, e)
			break
		}
	}
	if x.name == "ec" {
		_, ref := e.attr("startRef")
		switch {
		case x.isolated() && (!x.hasID || ref):
			return rd.errf(e, ErrCodes, `an isolated <ec> needs an id and no startRef`)
		case !x.isolated() && (!ref || x.hasID):
			return rd.errf(e, ErrCodes, `<ec> needs a startRef and no id, unless it is isolated="yes" (its <sc> is outside the unit)`)
		case !x.isolated():
			if _, ok := e.attr("dir"); ok {
				return rd.errf(e, ErrInvalid, `dir is allowed on <ec> only when it is isolated`)
			}
		}
	}
	if r := e.get("canReorder"); r == "no" || r == "firstNo" {
		if e.get("canCopy") != "no" || e.get("canDelete") != "no" {
			return rd.errf(e, ErrCodes, `canReorder=%q on %s needs canCopy="no" and canDelete="no"`, r, e.tag())
		}
	}
	if x.name == "mrk" || x.name == "sm" {
		ref, hasRef := e.attr("ref")
		_, hasValue := e.attr("value")
		if hasRef && strings.HasPrefix(ref, "#") {
			if _, err := parseFragid(ref[1:], rd.opts.FragmentPrefixes); err != nil {
				return rd.errf(e, ErrReference, "ref=%q: %v", ref, err)
			}
		}
		if e.get("type") == "comment" && hasRef == hasValue {
			return rd.errf(e, ErrInvalid, `a comment annotation needs either a value (the comment) or a ref (to a <note>), not both or neither`)
		}
	}
	return nil
}

// checkUnit checks the rules that relate the inline elements of a unit.
func (rd *reader2) checkUnit(u *unit2) error {
	u.byID, u.srcLogical = map[string][]*inl{}, map[string]bool{}
	for _, x := range u.inls {
		if x.hasID {
			u.byID[x.id] = append(u.byID[x.id], x)
		}
		if !x.target {
			u.srcLogical[x.name+" "+x.logical()] = true
		}
	}
	// IDs of segments, ignorables and source inline elements are unique
	// in the unit.
	srcIDs := map[string]*inl{}
	partIDs := map[string]*node{}
	for _, p := range u.parts {
		if id, ok := p.n.attr("id"); ok {
			if prev := partIDs[id]; prev != nil {
				return rd.errf(p.n, ErrDuplicateID, "id %q is already used on line %d: segments and ignorables need unique IDs in a unit", id, prev.line)
			}
			partIDs[id] = p.n
		}
	}
	for _, x := range u.inls {
		if x.target || !x.hasID {
			continue
		}
		if prev := partIDs[x.id]; prev != nil {
			return rd.errf(x.n, ErrDuplicateID, "id %q of %s is already used by the %s on line %d: IDs must be unique in a unit", x.id, x.n.tag(), prev.tag(), prev.line)
		}
		if prev := srcIDs[x.id]; prev != nil {
			return rd.errf(x.n, ErrDuplicateID, "id %q of %s is already used by the %s on line %d: IDs must be unique in a unit", x.id, x.n.tag(), prev.n.tag(), prev.n.line)
		}
		srcIDs[x.id] = x
	}
	// A target's inline element reuses the ID of its counterpart in the
	// source, or has an ID of its own.
	tgtIDs := map[string]*inl{}
	for _, x := range u.inls {
		if !x.target || !x.hasID {
			continue
		}
		if prev := tgtIDs[x.id]; prev != nil {
			return rd.errf(x.n, ErrDuplicateID, "id %q of %s is already used in a target on line %d: a target holds each code once", x.id, x.n.tag(), prev.n.line)
		}
		tgtIDs[x.id] = x
		if prev := partIDs[x.id]; prev != nil {
			return rd.errf(x.n, ErrDuplicateID, "id %q of %s is the ID of the %s on line %d", x.id, x.n.tag(), prev.tag(), prev.line)
		}
		if s := srcIDs[x.id]; s != nil && s.name != x.name && !(x.name == "ec" && rd.hasSource(u, "ec", x.id)) {
			return rd.errf(x.n, ErrCodes, "%s in the target has id %q, but in the source that ID is a %s: a code keeps its element", x.n.tag(), x.id, s.n.tag())
		}
	}
	// References to original data, and copies.
	for _, x := range u.inls {
		for _, a := range []string{"dataRef", "dataRefStart", "dataRefEnd"} {
			if v, ok := x.n.attr(a); ok {
				if _, found := u.data[v]; !found {
					return rd.errf(x.n, ErrReference, "%s=%q on %s names no <data> of the unit's <originalData>", a, v, x.n.tag())
				}
			}
		}
		if ref, ok := x.n.attr("copyOf"); ok {
			if err := rd.checkCopy(u, x, ref); err != nil {
				return err
			}
		}
	}
	// Start and end codes, start and end markers.
	for _, target := range []bool{false, true} {
		if target && rd.opts.KeepCodeMismatches {
			continue
		}
		if err := rd.checkPairs(u, target); err != nil {
			return err
		}
	}
	if !rd.opts.KeepCodeMismatches {
		if err := rd.checkReorder(u); err != nil {
			return err
		}
		if err := rd.checkDeleted(u); err != nil {
			return err
		}
	}
	if err := rd.checkOrder(u); err != nil {
		return err
	}
	if err := rd.checkMatches(u); err != nil {
		return err
	}
	if err := rd.checkRevisions(u); err != nil {
		return err
	}
	// Comment annotations point at a note of the unit.
	for _, x := range u.inls {
		ref, ok := x.n.attr("ref")
		if !ok || x.n.get("type") != "comment" {
			continue
		}
		if err := rd.checkCommentRef(u, x, ref); err != nil {
			return err
		}
	}
	return nil
}

func (rd *reader2) hasSource(u *unit2, name, logical string) bool {
	return u.srcLogical[name+" "+logical]
}

func (rd *reader2) checkCopy(u *unit2, x *inl, ref string) error {
	for _, a := range []string{"dataRef", "dataRefStart", "dataRefEnd"} {
		if _, ok := x.n.attr(a); ok {
			return rd.errf(x.n, ErrReference, "%s has both copyOf and %s: a copy takes its original data from its base code", x.n.tag(), a)
		}
	}
	var base *inl
	for _, b := range u.byID[ref] {
		if b != x {
			base = b
			break
		}
	}
	switch {
	case base == nil:
		return rd.errf(x.n, ErrReference, "copyOf=%q on %s names no code of the unit", ref, x.n.tag())
	case base.n.get("canCopy") == "no":
		return rd.errf(x.n, ErrCodes, "copyOf=%q on %s copies a code marked canCopy=\"no\"", ref, x.n.tag())
	}
	for _, a := range []string{"dataRef", "dataRefStart", "dataRefEnd"} {
		if _, ok := base.n.attr(a); ok {
			return rd.errf(x.n, ErrReference, "copyOf=%q on %s copies a code that has original data, which cannot be copied", ref, x.n.tag())
		}
	}
	return nil
}

// checkPairs checks the start and end codes and markers of the unit's
// sources, or targets: each non-isolated start has one end after it,
// with the same editing hints, and each end its start before it.
func (rd *reader2) checkPairs(u *unit2, target bool) error {
	type start struct {
		x     *inl
		ended bool
	}
	starts := map[string]*start{} // by element (sc or sm) and id
	for _, x := range u.inls {
		if x.target != target {
			continue
		}
		switch x.name {
		case "sc", "sm":
			starts[x.name+" "+x.id] = &start{x: x}
		case "ec", "em":
			if x.name == "ec" && x.isolated() {
				continue
			}
			sname := map[string]string{"ec": "sc", "em": "sm"}[x.name]
			ref := x.logical()
			s := starts[sname+" "+ref]
			switch {
			case s == nil:
				return rd.errf(x.n, ErrCodes, "%s has startRef=%q, but no <%s id=%q> comes before it in the unit's %s", x.n.tag(), ref, sname, ref, side(target))
			case s.ended:
				return rd.errf(x.n, ErrCodes, "<%s id=%q> already has its end before this %s", sname, ref, x.n.tag())
			case s.x.isolated():
				return rd.errf(s.x.n, ErrCodes, `<sc id=%q> is isolated="yes", but its <ec> is in the same unit (line %d): remove isolated`, ref, x.n.line)
			}
			s.ended = true
			if x.name == "ec" {
				for _, h := range []string{"canCopy", "canDelete", "canReorder", "canOverlap"} {
					sv, ev := s.x.hint(h), x.hint(h)
					if h == "canReorder" && sv == "firstNo" {
						sv = "no"
					}
					if sv != ev {
						return rd.errf(x.n, ErrCodes, "%s=%q on this <ec> differs from %q on its <sc> (line %d): the two halves of a code take the same editing hints", h, x.hint(h), s.x.hint(h), s.x.n.line)
					}
				}
			}
		}
	}
	for _, s := range starts {
		if s.ended || s.x.name == "sc" && s.x.isolated() {
			continue
		}
		if s.x.name == "sc" {
			return rd.errf(s.x.n, ErrCodes, `<sc id=%q> has no <ec startRef=%q> after it in the unit's %s: add one, or mark it isolated="yes" if its end is outside the unit`, s.x.id, s.x.id, side(target))
		}
		return rd.errf(s.x.n, ErrInvalid, `<sm id=%q> has no <em startRef=%q> after it in the unit's %s`, s.x.id, s.x.id, side(target))
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
func (rd *reader2) checkReorder(u *unit2) error {
	var seqs [][]event
	var cur []event
	for _, p := range u.parts {
		for _, ev := range p.srcEv {
			r := ev.x.hint("canReorder")
			if ev.end && r == "firstNo" || ev.x.name == "ec" && r == "firstNo" {
				r = "no"
			}
			switch r {
			case "firstNo":
				if len(cur) > 1 {
					seqs = append(seqs, cur)
				}
				cur = []event{ev}
			case "no":
				if cur == nil {
					return rd.errf(ev.x.n, ErrCodes, `%s has canReorder="no" but no code with canReorder="firstNo" starts its sequence`, ev.x.n.tag())
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
	var tgt []event
	for _, p := range rd.targetOrder(u) {
		tgt = append(tgt, p.tgtEv...)
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
				bad := seq[0].x.n
				if at+k < len(tgt) {
					bad = tgt[at+k].x.n
				}
				return rd.errf(bad, ErrCodes, "the codes from %s on line %d cannot be reordered (canReorder), but the target breaks their sequence", seq[0].x.n.tag(), seq[0].x.n.line)
			}
		}
	}
	return nil
}

// targetOrder returns the parts with a target in the order their targets
// are displayed.
func (rd *reader2) targetOrder(u *unit2) []*part2 {
	type placed struct {
		p     *part2
		order int
	}
	var ps []placed
	for i, p := range u.parts {
		if p.target == nil {
			continue
		}
		o := i + 1
		if v, ok := p.target.attr("order"); ok {
			o, _ = strconv.Atoi(v)
		}
		ps = append(ps, placed{p, o})
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].order < ps[j].order })
	out := make([]*part2, len(ps))
	for i, p := range ps {
		out[i] = p.p
	}
	return out
}

// checkDeleted checks canDelete="no": a segment that has a target keeps
// such codes somewhere in the unit's targets.
func (rd *reader2) checkDeleted(u *unit2) error {
	inTarget := map[string]bool{}
	for _, x := range u.inls {
		if x.target && x.isCode() {
			inTarget[x.name+" "+x.logical()] = true
		}
	}
	for _, x := range u.inls {
		if x.target || !x.isCode() || !u.parts[x.part].seg || u.parts[x.part].target == nil {
			continue
		}
		if x.n.get("canDelete") == "no" && !inTarget[x.name+" "+x.logical()] {
			return rd.errf(u.parts[x.part].target, ErrCodes, "the target leaves out %s (id %q), which is marked canDelete=\"no\": put it back", x.n.tag(), x.logical())
		}
	}
	return nil
}

// checkOrder checks the order attributes of targets: each from 1 to the
// number of parts, and no two targets in the same place.
func (rd *reader2) checkOrder(u *unit2) error {
	taken := map[int]*node{}
	explicit := map[int]bool{}
	for i, p := range u.parts {
		if p.target == nil {
			continue
		}
		o := i + 1
		if v, ok := p.target.attr("order"); ok {
			o, _ = strconv.Atoi(v)
			if o > len(u.parts) {
				return rd.errf(p.target, ErrInvalid, "order=%d but the unit has only %d segments and ignorables", o, len(u.parts))
			}
			explicit[i+1] = true
		}
		if prev := taken[o]; prev != nil {
			return rd.errf(p.target, ErrDuplicateID, "this target takes place %d, which the target on line %d already takes", o, prev.line)
		}
		taken[o] = p.target
	}
	// A target moved away from its place leaves it to another.
	for pos := range explicit {
		p := u.parts[pos-1]
		if o, _ := strconv.Atoi(p.target.get("order")); o != pos && taken[pos] == nil {
			return rd.errf(p.target, ErrInvalid, "this target moves to place %d, but no target takes its own place %d", o, pos)
		}
	}
	return nil
}

func (rd *reader2) checkCommentRef(u *unit2, x *inl, ref string) error {
	bad := func(why string) error {
		return rd.errf(x.n, ErrReference, "the comment's ref=%q %s: it must point at a <note> of the unit, as \"#n=ID\"", ref, why)
	}
	if !strings.HasPrefix(ref, "#") {
		return bad("is not a reference within this document")
	}
	f, _ := parseFragid(ref[1:], rd.opts.FragmentPrefixes)
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
	case hasF && fid != rd.f.id, hasU && uid != u.id:
		return bad("names a note of another file or unit")
	case hasF && !hasU:
		return bad("names a note of the file")
	case u.notes[leaf.id] == nil:
		return bad("names a note the unit does not have")
	}
	return nil
}
