package i18njson

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"gopkg.in/yaml.v3"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/internal/place"
)

// The kinds of [*Error] that Read returns, for errors.Is.
var (
	ErrSyntax      = errors.New("malformed message file")
	ErrUnknownID   = errors.New("unknown message ID")
	ErrDuplicateID = errors.New("duplicate message ID")
	ErrNoOther     = errors.New("message without \"other\" text")
	ErrPlural      = errors.New("plural forms")
	ErrTags        = errors.New("tags do not match the source")
	// ErrControl is a translation with a control character
	// ([handoff.IsControl]), which no translation may hold.
	ErrControl = errors.New("control character")
	// ErrField is a field of a message that go-i18n cannot read: one
	// of its fields ("description", "hash"…) whose value is not text,
	// such as null, or a field it does not know beside them.
	ErrField = errors.New("field go-i18n cannot read")
	// ErrAmbiguous is a file whose messages cannot be tied to one
	// version of the article: made for different ones, or for one that
	// is not known where their IDs name different sentences.
	ErrAmbiguous = errors.New("made for an unknown version of the article")
)

// Error is a problem in a message file.
type Error struct {
	File string
	// Line and Col locate the problem, when the format tells: 1-based,
	// the column counted in characters; 0 when unknown.
	Line, Col int
	ID        string // the message at fault, if one is
	// Unit and Segment are the IDs of the unit and the segment of the
	// message at fault, when the template has it.
	Unit, Segment string
	Msg           string
	Hint          string // what to do about it, if there is more to say
	Err           error  // the cause, if any
	kind          error  // one of the Err… values, for errors.Is
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(place.String(e.File, e.Line, e.Col))
	b.WriteString(": ")
	if e.ID != "" {
		fmt.Fprintf(&b, "message %q: ", e.ID)
	}
	b.WriteString(e.Msg)
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	if e.Hint != "" {
		b.WriteString("\nhint: ")
		b.WriteString(e.Hint)
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// rules are the rules of the diagnostics of each kind of error.
var rules = map[error]string{
	ErrSyntax:      diag.HandoffSyntax,
	ErrUnknownID:   diag.HandoffUnknownID,
	ErrDuplicateID: diag.HandoffDuplicateID,
	ErrNoOther:     diag.HandoffNoOther,
	ErrPlural:      diag.HandoffPlural,
	ErrTags:        diag.TargetCodes,
	ErrControl:     diag.HandoffInvalid,
	ErrField:       diag.HandoffInvalid,
	ErrAmbiguous:   diag.HandoffAmbiguous,
}

// Diagnostic returns the error as a diagnostic of its file, whose rule
// its kind gives: [diag.HandoffNoOther] for [ErrNoOther], and
// [diag.HandoffRead] for an error of no kind. Its message names the
// message at fault, and its cause: what [Error.Error] says but the
// place and the hint.
func (e *Error) Diagnostic() diag.Diagnostic {
	rule, ok := rules[e.kind]
	if !ok {
		rule = diag.HandoffRead
	}
	msg := e.Msg
	if e.ID != "" {
		msg = fmt.Sprintf("message %q: %s", e.ID, msg)
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return diag.Diagnostic{
		File:     e.File,
		Start:    diag.Position{Line: e.Line, Col: e.Col},
		Severity: diag.Error,
		Rule:     rule,
		Message:  msg,
		Hint:     e.Hint,
		Unit:     e.Unit,
		Segment:  e.Segment,
	}
}

// Is reports whether the error is of the kind target, one of the Err…
// values.
func (e *Error) Is(target error) bool { return e.kind != nil && e.kind == target }

// Read reads a message file that a translator returns, and fills the
// targets of a copy of template, the file as loctool wrote it. name is
// used in messages, and its extension picks the format: .json (or none),
// .toml, or .yaml (.yml). Every form go-i18n reads is accepted, through
// its own parser: messages as loctool writes them, nested ones, and flat
// {"b3.s1": "text"} files.
//
// Each problem is an [*Error]; several are joined with [errors.Join].
// A file with problems is not read at all. See the package documentation for what counts
// as a translation.
func Read(data []byte, name string, template *handoff.File) (*handoff.File, error) {
	return ReadOptions{}.Read(data, name, template)
}

// ReadOptions are the options of [ReadOptions.Read].
type ReadOptions struct {
	// KeepCodeMismatches reads a message whose tags are all known but do
	// not match its source's codes (a tag missing, repeated, or not
	// soundly nested) as it is, instead of rejecting the file with
	// [ErrTags], for a caller that reports each such target itself, as
	// [inline.CheckCodes] finds them.
	KeepCodeMismatches bool
	// Earlier, when set, returns the files loctool wrote for the article
	// before the template, newest first: a file returned after the
	// article changed is read against the one it was made for (see the
	// package documentation). Read calls it only for a file whose
	// messages, and their hashes, are not all the template's.
	Earlier func() ([]*handoff.File, error)
}

// Read is [Read] with the options.
func (o ReadOptions) Read(data []byte, name string, template *handoff.File) (*handoff.File, error) {
	if template == nil {
		return nil, fmt.Errorf("read %s: no template", name)
	}
	format, err := formatOf(name)
	if err != nil {
		return nil, &Error{File: name, Msg: err.Error(), kind: ErrSyntax}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	msgs, raw, err := parse(data, format)
	if err != nil && raw == nil {
		return nil, syntaxError(name, data, err)
	}
	r := &reader{name: name, data: data, opts: o, texts: texts(raw), controls: map[string]int{}, fields: map[string]int{}}
	switch {
	case format == "json" && len(data) > 0:
		r.keys = r.scanJSON()
	case format == "yaml":
		r.places = yamlPlaces(data)
	}
	// go-i18n refuses a message with a field that is not text, or one
	// it does not know, as "reserved keys mixed with unreserved keys":
	// say which, and where.
	r.badFields(raw, "")
	if err != nil {
		if len(r.errs) > 0 {
			_, byID, _ := fill(template) // to name the segments at fault
			return nil, r.err(byID)
		}
		return nil, syntaxError(name, data, err)
	}
	r.caseVariants(raw, "")

	out, byID, err := fill(template)
	if err != nil {
		return nil, fmt.Errorf("read %s: template: %w", name, err)
	}
	earlier, err := r.version(msgs, byID, o.Earlier)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(r.errs) > 0 {
		return nil, r.err(byID)
	}
	if earlier != nil {
		// Made for an earlier version: its translations are of that
		// version's sentences.
		if out, byID, err = fill(earlier); err != nil {
			return nil, fmt.Errorf("read %s: earlier version: %w", name, err)
		}
	}
	// go-i18n lists messages in no set order: a repeated one is reported,
	// and neither copy read.
	count := make(map[string]int, len(msgs))
	for _, fm := range msgs {
		if count[fm.ID]++; count[fm.ID] == 2 {
			r.add(&Error{ID: fm.ID, Msg: "the message appears more than once", kind: ErrDuplicateID})
		}
	}
	var unknown []string
	for _, fm := range msgs {
		if count[fm.ID] > 1 {
			continue
		}
		m := byID[fm.ID]
		if m == nil {
			unknown = append(unknown, fm.ID)
			continue
		}
		r.message(fm, m)
	}
	if len(unknown) > 0 {
		r.unknown(unknown)
	}
	if len(r.errs) > 0 {
		return nil, r.err(byID)
	}
	// JSON has no order: the template's stays, while it makes one.
	for _, u := range out.Units {
		u.SettleOrder()
	}
	return out, nil
}

// fill returns a copy of a template for a file's translations, and its
// messages by ID.
func fill(template *handoff.File) (*handoff.File, map[string]*message, error) {
	out := clone(template)
	msgs, err := messages(out)
	if err != nil {
		return nil, nil, err
	}
	byID := make(map[string]*message, len(msgs))
	for i := range msgs {
		byID[msgs[i].id] = &msgs[i]
	}
	return out, byID, nil
}

// err returns the problems found, in the file's order, each naming the
// unit and segment of its message.
func (r *reader) err(byID map[string]*message) error {
	for _, e := range r.errs {
		if m := byID[e.ID]; m != nil {
			e.Unit, e.Segment = m.unit, m.seg.ID
		}
	}
	slices.SortStableFunc(r.errs, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), strings.Compare(a.ID, b.ID), strings.Compare(a.Msg, b.Msg))
	})
	if len(r.errs) == 1 {
		return r.errs[0]
	}
	errs := make([]error, len(r.errs))
	for i, e := range r.errs {
		errs[i] = e
	}
	return errors.Join(errs...)
}

func formatOf(name string) (string, error) {
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".json", "":
		return "json", nil
	case ".toml":
		return "toml", nil
	case ".yaml", ".yml":
		return "yaml", nil
	default:
		return "", fmt.Errorf("unknown format %q: message files end in .json, .toml or .yaml", ext)
	}
}

// parse reads the messages with go-i18n's parser, and returns the
// unmarshalled file as well: even when go-i18n refuses what it holds,
// if it is JSON, TOML or YAML.
func parse(data []byte, format string) ([]*i18n.Message, any, error) {
	var raw any
	capture := func(unmarshal i18n.UnmarshalFunc) i18n.UnmarshalFunc {
		return func(data []byte, v any) error {
			err := unmarshal(data, v)
			if p, ok := v.(*any); ok && err == nil {
				raw = *p
			}
			return err
		}
	}
	mf, err := i18n.ParseMessageFileBytes(data, "messages."+format, map[string]i18n.UnmarshalFunc{
		"json": capture(json.Unmarshal),
		"toml": capture(toml.Unmarshal),
		"yaml": capture(yaml.Unmarshal),
	})
	if err != nil {
		return nil, raw, err
	}
	return mf.Messages, raw, nil
}

var yamlLine = regexp.MustCompile(`^yaml: (?:unmarshal errors:\n\s*)?line (\d+): `)

// syntaxError places a parser's error in the file where it can.
func syntaxError(name string, data []byte, err error) *Error {
	e := &Error{File: name, Msg: err.Error(), kind: ErrSyntax}
	var jerr *json.SyntaxError
	var terr toml.ParseError
	var tperr *toml.ParseError
	switch {
	case errors.As(err, &jerr):
		// Offset counts the bytes read, the one at fault included.
		off := max(int(jerr.Offset)-1, 0)
		for off > 0 && off < len(data) && !utf8.RuneStart(data[off]) {
			off--
		}
		e.Line, e.Col = lineCol(data, off)
		e.Msg, e.Hint = jsonMessage(jerr.Error())
	case errors.As(err, &terr):
		e.Line, e.Col, e.Msg = tomlPlace(data, terr.Position, terr.Message)
	case errors.As(err, &tperr):
		e.Line, e.Col, e.Msg = tomlPlace(data, tperr.Position, tperr.Message)
	case !strings.HasPrefix(e.Msg, "yaml: "):
		// go-i18n's own complaint about the file's structure.
		e.Msg = "malformed messages: " + e.Msg
		e.Hint = `a message file maps each message ID to its text, or to {"other": text}, as loctool extract wrote it`
	default:
		if m := yamlLine.FindStringSubmatchIndex(e.Msg); m != nil {
			e.Line, _ = strconv.Atoi(e.Msg[m[2]:m[3]])
			e.Msg = e.Msg[m[1]:]
		}
		e.Msg = strings.TrimPrefix(e.Msg, "yaml: ")
		e.Msg = strings.Join(strings.Fields(e.Msg), " ")
	}
	// TOML and YAML reject repeated keys themselves.
	if strings.Contains(e.Msg, "already been defined") || strings.Contains(e.Msg, "already defined at line") {
		e.kind = ErrDuplicateID
	}
	return e
}

// tomlPlace places a TOML error, whose parser counts columns in bytes.
func tomlPlace(data []byte, p toml.Position, msg string) (line, col int, _ string) {
	return p.Line, charColumn(data, p.Line, p.Col), msg
}

// charColumn turns a 1-based column that counts bytes into one that
// counts characters.
func charColumn(data []byte, line, col int) int {
	start := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(data[start:], '\n')
		if i < 0 {
			return col
		}
		start += i + 1
	}
	if col < 1 || start+col-1 > len(data) {
		return col
	}
	return utf8.RuneCount(data[start:start+col-1]) + 1
}

// jsonMessage says what encoding/json's syntax error means for a file a
// translator sends back, and what to do.
func jsonMessage(msg string) (string, string) {
	if msg == "unexpected end of JSON input" {
		return "the file ends in the middle of the JSON: it was cut short, perhaps in transfer",
			"ask for the whole file again"
	}
	msg = strings.Replace(msg, "looking for beginning of value", "where a value should begin", 1)
	msg = strings.Replace(msg, "looking for beginning of object key string", "where a quoted message ID should begin", 1)
	return "not valid JSON: " + msg, "an editor may have broken the file: compare it with the one sent, or ask for it again"
}

// lineCol converts a byte offset into a line and a column.
func lineCol(data []byte, off int) (line, col int) {
	off = min(off, len(data))
	before := data[:off]
	start := bytes.LastIndexByte(before, '\n') + 1
	return bytes.Count(before, []byte("\n")) + 1, utf8.RuneCount(before[start:]) + 1
}

// reader collects the problems of one file.
type reader struct {
	name string
	data []byte
	opts ReadOptions
	keys map[string]int // JSON only: where each key path starts
	// fields holds, in JSON, where each field of a message starts, by
	// the message's path and the field's key: "b3.s1.description".
	fields map[string]int
	// places holds, in YAML, the line and column of each key path.
	places map[string][2]int
	// texts holds the messages that have a text, even an empty one.
	texts map[string]bool
	// controls holds, in JSON, where the first control character of each
	// message's text is.
	controls map[string]int
	errs     []*Error
}

func (r *reader) add(e *Error) {
	e.File = r.name
	if e.Line == 0 {
		if off, ok := r.keys[e.ID]; ok {
			e.Line, e.Col = lineCol(r.data, off)
		}
	}
	r.errs = append(r.errs, e)
}

// message fills the segment of m from the file's message fm.
func (r *reader) message(fm *i18n.Message, m *message) {
	if off, ok := r.keys[fm.ID]; ok {
		m.seg.Line, m.seg.Col = lineCol(r.data, off)
	}
	var plural []string
	for _, p := range [...]struct{ name, text string }{
		{"zero", fm.Zero}, {"one", fm.One}, {"two", fm.Two}, {"few", fm.Few}, {"many", fm.Many},
	} {
		if p.text != "" {
			plural = append(plural, p.name)
		}
	}
	if len(plural) > 0 {
		r.add(&Error{ID: fm.ID, Msg: fmt.Sprintf("plural forms (%s): loctool does not use them", strings.Join(plural, ", ")),
			Hint: `put the whole translation in "other"`, kind: ErrPlural})
		return
	}
	s := m.seg
	if fm.Other == "" && !r.texts[fm.ID] {
		r.add(&Error{ID: fm.ID, Msg: `no "other" text`,
			Hint: "to leave a sentence untranslated, keep its source text or delete the message", kind: ErrNoOther})
		return
	}
	if strings.TrimSpace(fm.Other) == "" {
		untranslated(s) // an empty text, whatever the tags of the source
		return
	}
	if i := strings.IndexFunc(fm.Other, handoff.IsControl); i >= 0 && fm.Other != m.source {
		c, _ := utf8.DecodeRuneInString(fm.Other[i:])
		e := &Error{ID: fm.ID, Msg: fmt.Sprintf("the text has control character U+%04X, which a translation may not hold", c), Hint: "remove it", kind: ErrControl}
		if off, ok := r.controls[fm.ID]; ok {
			e.Line, e.Col = lineCol(r.data, off)
		}
		r.add(e)
		return
	}
	t, tags, err := m.tags.decode(fm.Other)
	if err == nil && !r.opts.KeepCodeMismatches {
		err = m.tags.check(tags)
	}
	if err != nil {
		r.add(&Error{ID: fm.ID, Msg: err.Error(), kind: ErrTags})
		return
	}
	if err := inline.CheckCodes(s.Source, t); err != nil && !r.opts.KeepCodeMismatches {
		r.add(&Error{ID: fm.ID, Msg: "codes do not match the source", Err: err, kind: ErrTags})
		return
	}
	t = t.Normalize()
	switch {
	case s.Target != nil && t.Equal(s.Target):
		// The translation the file was written with: as it was.
	case s.Was != "" && s.Target != nil && handoff.SameWords(t, s.Target):
		// The translation kept for review, saved again as it was, give or
		// take white space: still to review, as it was.
	case t.Equal(s.Source):
		untranslated(s)
	case fm.Hash == "" || m.madeFor(fm):
		// A new translation, which confirms one kept for review.
		s.Target, s.State, s.Was, s.Comments = t, handoff.Translated, "", nil
	default:
		// The hash is not the template's: the translation was made for
		// another source, or a tool has refreshed the hash (it is that of
		// the message's own description and text). Either way it is to
		// confirm or review, never to drop.
		was := s.Was
		if was == "" {
			was = s.Source.Tagged()
		}
		s.Target, s.State, s.Was, s.Comments = t, handoff.NeedsReview, was, nil
	}
}

// texts returns the IDs of the messages of an unmarshalled file that
// have a text, even an empty one, as go-i18n finds them: go-i18n reads a
// message without "other" text as one with an empty text.
func texts(raw any) map[string]bool {
	ids := map[string]bool{}
	join := func(path, key string) string {
		if path == "" {
			return key
		}
		return path + "." + key
	}
	// walk visits the value of key in the object at path.
	var walk func(v any, path, key string)
	walk = func(v any, path, key string) {
		switch v := v.(type) {
		case string:
			ids[join(path, key)] = true
		case []any: // go-i18n v1: each message has its "id"
			for _, x := range v {
				walk(x, join(path, key), "")
			}
		case map[string]any, map[any]any:
			kv, ok := v.(map[string]any)
			if !ok {
				kv = map[string]any{}
				for k, x := range v.(map[any]any) {
					if k, ok := k.(string); ok {
						kv[k] = x
					}
				}
			}
			message, text, id := false, false, key
			for k, x := range kv {
				str, isString := x.(string)
				switch lk := strings.ToLower(k); {
				case k == "translation":
					message, text = true, text || isString || hasOther(x)
				case reserved[lk] && isString:
					message = true
					text = text || lk == "other"
					if lk == "id" && str != "" {
						id = str
					}
				}
			}
			if !message {
				for k, x := range kv {
					walk(x, join(path, key), k)
				}
			} else if text {
				ids[join(path, id)] = true
			}
		}
	}
	walk(raw, "", "")
	return ids
}

// hasOther reports whether a go-i18n v1 translation map has "other" text.
func hasOther(v any) bool {
	switch m := v.(type) {
	case map[string]any:
		for k, x := range m {
			if _, ok := x.(string); ok && strings.ToLower(k) == "other" {
				return true
			}
		}
	case map[any]any:
		for k, x := range m {
			if k, ok := k.(string); ok && strings.ToLower(k) == "other" {
				if _, ok := x.(string); ok {
					return true
				}
			}
		}
	}
	return false
}

// untranslated leaves a segment without a translation, and so without
// what is said of one.
func untranslated(s *handoff.Segment) {
	s.Target, s.State, s.Was, s.Order, s.Comments = nil, handoff.New, "", 0, nil
}

// unknown reports the messages that are not in the template, in one
// error.
func (r *reader) unknown(ids []string) {
	slices.SortFunc(ids, r.compare)
	e := &Error{Msg: "not in the article: " + quoteSome(ids, 10), kind: ErrUnknownID,
		Hint: "was the file written for another article, or before the article changed? keep the message IDs as loctool wrote them"}
	if len(ids) == 1 {
		e.ID, e.Msg = ids[0], "not in the article"
	} else {
		e.Msg = fmt.Sprintf("%d messages are ", len(ids)) + e.Msg
	}
	if off, ok := r.keys[ids[0]]; ok {
		e.Line, e.Col = lineCol(r.data, off)
	}
	r.add(e)
}

// compare orders message IDs as the file has them, where it says, and
// by ID.
func (r *reader) compare(a, b string) int {
	pos := func(id string) int {
		if off, ok := r.keys[id]; ok {
			return off
		}
		return len(r.data)
	}
	return cmp.Or(cmp.Compare(pos(a), pos(b)), strings.Compare(a, b))
}

// scanJSON finds where each key path of a JSON file starts (the path of
// key "s1" in {"b3": {"s1": …}} is "b3.s1"), and reports keys repeated
// in an object, which encoding/json would quietly drop, and strings that
// are not text, which it would quietly make U+FFFD of. It records where
// the first control character of each message's text is. The file is
// valid JSON: go-i18n has read it.
func (r *reader) scanJSON() map[string]int {
	type frame struct {
		object  bool
		known   bool   // whether paths in it are message ID paths: not inside an array
		path    string // the path of the frame
		last    string // the path of the key read last
		lastKey string // and the key
		keys    keySet
	}
	data := r.data
	keys := map[string]int{}
	var stack []*frame
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '{', '[':
			f := &frame{object: data[i] == '{'}
			switch top := last(stack); {
			case top == nil:
				f.known = true
			case top.object && top.known:
				f.known, f.path = true, top.last
			}
			stack = append(stack, f)
		case '}', ']':
			stack = stack[:len(stack)-1]
		case '"':
			start, escaped := i, false
			for i++; data[i] != '"'; i++ {
				if data[i] == '\\' {
					i++
					escaped = true
				}
			}
			top := last(stack)
			j := i + 1
			for j < len(data) && isSpace(data[j]) {
				j++
			}
			isKey := top != nil && top.object && j < len(data) && data[j] == ':'
			// The message whose text this is, if it is one.
			id := ""
			if !isKey && top != nil && top.object && top.known {
				switch lk := strings.ToLower(top.lastKey); {
				case lk == "other" || top.lastKey == "translation":
					id = top.path
				case !reserved[lk]:
					id = top.last // a flat message
				}
			}
			if off, c, control := badText(data[start : i+1]); off >= 0 {
				switch {
				case !control:
					e := &Error{ID: id, Msg: fmt.Sprintf("byte 0x%02x is not UTF-8 text", data[start+off]), kind: ErrSyntax,
						Hint: "the file is not UTF-8 text: an editor may have saved it in another encoding; save it as UTF-8, or ask for it again"}
					if c != utf8.RuneError {
						e.Msg, e.Hint = fmt.Sprintf(`\u%04X is half of a UTF-16 surrogate pair, not a character`, c), "write the whole pair, or remove it"
					}
					e.Line, e.Col = lineCol(data, start+off)
					r.add(e)
				case id != "":
					if _, ok := r.controls[id]; !ok {
						r.controls[id] = start + off
					}
				}
			}
			if !isKey {
				continue // a value
			}
			raw := data[start : i+1]
			key := string(raw[1 : len(raw)-1])
			if escaped || !utf8.Valid(raw) {
				_ = json.Unmarshal(raw, &key)
			}
			path := key
			if top.path != "" {
				path = top.path + "." + key
			}
			top.last, top.lastKey = path, key
			if first, dup := top.keys.add(key, start); dup {
				e := &Error{ID: path, Msg: fmt.Sprintf("the key appears more than once (first at line %d)", lineOf(data, first)), kind: ErrDuplicateID}
				if reserved[strings.ToLower(key)] {
					e.ID, e.Msg = top.path, fmt.Sprintf("%q appears more than once (first at line %d)", key, lineOf(data, first))
				}
				e.Line, e.Col = lineCol(data, start)
				r.add(e)
			}
			if top.known {
				at := keys
				if reserved[strings.ToLower(key)] || key == "translation" {
					at = r.fields // a message's field
				}
				if _, ok := at[path]; !ok {
					at[path] = start
				}
			}
		}
	}
	return keys
}

// badText finds in a JSON string literal, quotes and all, the first
// character no text may hold, and returns its offset, the character, and
// whether it is a control character ([handoff.IsControl], as itself or
// escaped) rather than something that is no character at all: bytes that
// are not UTF-8 (utf8.RuneError), or an escape of half a surrogate pair.
// It returns -1 when there is none.
func badText(lit []byte) (int, rune, bool) {
	for i := 1; i < len(lit)-1; {
		if lit[i] == '\\' {
			switch lit[i+1] {
			case 'b', 'f':
				return i, rune(map[byte]byte{'b': '\b', 'f': '\f'}[lit[i+1]]), true
			case 'u':
				v := hex4(lit[i+2 : i+6])
				switch {
				case 0xD800 <= v && v <= 0xDBFF:
					if i+12 <= len(lit) && lit[i+6] == '\\' && lit[i+7] == 'u' {
						if w := hex4(lit[i+8 : i+12]); 0xDC00 <= w && w <= 0xDFFF {
							i += 12
							continue
						}
					}
					return i, v, false
				case 0xDC00 <= v && v <= 0xDFFF:
					return i, v, false
				case handoff.IsControl(v):
					return i, v, true
				}
				i += 6
			default:
				i += 2
			}
			continue
		}
		c, size := utf8.DecodeRune(lit[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			return i, c, false
		case handoff.IsControl(c):
			return i, c, true
		}
		i += size
	}
	return -1, 0, false
}

// hex4 reads the four hex digits of a \u escape, which JSON has checked.
func hex4(b []byte) rune {
	n, _ := strconv.ParseUint(string(b), 16, 32)
	return rune(n)
}

// keySet is the keys of a JSON object and where they start: most objects
// are messages, with a few keys.
type keySet struct {
	few  []keyAt
	many map[string]int
}

type keyAt struct {
	key string
	off int
}

// add adds a key, or returns where it was first.
func (s *keySet) add(key string, off int) (first int, dup bool) {
	if s.many != nil {
		if first, dup = s.many[key]; !dup {
			s.many[key] = off
		}
		return first, dup
	}
	for _, k := range s.few {
		if k.key == key {
			return k.off, true
		}
	}
	s.few = append(s.few, keyAt{key, off})
	if len(s.few) > 8 {
		s.many = make(map[string]int)
		for _, k := range s.few {
			s.many[k.key] = k.off
		}
		s.few = nil
	}
	return 0, false
}

func last[T any](s []*T) *T {
	if len(s) == 0 {
		return nil
	}
	return s[len(s)-1]
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func lineOf(data []byte, off int) int {
	l, _ := lineCol(data, off)
	return l
}

// caseVariants reports messages with two keys that differ only in case,
// such as "other" and "Other": go-i18n would take one of them at random.
func (r *reader) caseVariants(v any, path string) {
	visit := func(keys []string, value func(string) any) {
		slices.Sort(keys)
		seen := map[string]string{}
		for _, k := range keys {
			lk := strings.ToLower(k)
			if reserved[lk] {
				if prev, ok := seen[lk]; ok {
					r.add(&Error{ID: path, Msg: fmt.Sprintf("%q and %q are the same key", prev, k), kind: ErrDuplicateID})
				}
				seen[lk] = k
			}
			child := k
			if path != "" {
				child = path + "." + k
			}
			r.caseVariants(value(k), child)
		}
	}
	switch m := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		visit(keys, func(k string) any { return m[k] })
	case map[any]any:
		var keys []string
		for k := range m {
			if s, ok := k.(string); ok {
				keys = append(keys, s)
			}
		}
		visit(keys, func(k string) any { return m[k] })
	case []any:
		for _, x := range m {
			r.caseVariants(x, "")
		}
	}
}

// clone copies f deeply enough that filling targets leaves f alone.
func clone(f *handoff.File) *handoff.File {
	c := *f
	c.Units = make([]*handoff.Unit, len(f.Units))
	for i, u := range f.Units {
		cu := *u
		cu.Notes = slices.Clone(u.Notes)
		cu.Glossary = slices.Clone(u.Glossary)
		cu.Parts = slices.Clone(u.Parts)
		for j, p := range cu.Parts {
			if p.Segment != nil {
				s := *p.Segment
				s.Source = slices.Clone(s.Source)
				s.Target = slices.Clone(s.Target)
				s.Comments = slices.Clone(s.Comments)
				s.Line, s.Col = 0, 0 // a place in the template, not in the file read
				cu.Parts[j].Segment = &s
			}
		}
		c.Units[i] = &cu
	}
	return &c
}

// badFields reports, in an unmarshalled file, the fields of messages
// that go-i18n cannot read: fields it knows ("description", "hash",
// "other"…) whose value is not text, such as null, and fields it does
// not know beside them. A map with a field it knows is a message.
func (r *reader) badFields(v any, path string) {
	var kv map[string]any
	switch m := v.(type) {
	case []any: // go-i18n v1: each message has its "id"
		for _, x := range m {
			r.badFields(x, path)
		}
		return
	case map[string]any:
		kv = m
	case map[any]any:
		kv = make(map[string]any, len(m))
		for k, x := range m {
			if k, ok := k.(string); ok {
				kv[k] = x
			}
		}
	default:
		return
	}
	keys := make([]string, 0, len(kv))
	for k := range kv {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var fields, bad, unknown []string
	for _, k := range keys {
		_, isString := kv[k].(string)
		switch {
		case k == "translation" || reserved[strings.ToLower(k)] && isString:
			fields = append(fields, k)
		case reserved[strings.ToLower(k)]:
			bad = append(bad, k)
		default:
			unknown = append(unknown, k)
		}
	}
	if len(fields)+len(bad) == 0 {
		for _, k := range keys {
			switch x := kv[k].(type) {
			case nil, string, []any, map[string]any, map[any]any:
				r.badFields(x, join(path, k))
			default:
				r.addField(&Error{ID: join(path, k), Msg: fmt.Sprintf("the text is %s, where go-i18n takes only text", typeName(x)), kind: ErrField,
					Hint: "write it in quotes"}, path, k)
			}
		}
		return
	}
	id := path
	if s, ok := kv["id"].(string); ok && s != "" {
		id = s
	}
	for _, k := range bad {
		e := &Error{ID: id, Msg: fmt.Sprintf("%q is %s, where go-i18n takes only text", k, typeName(kv[k])), kind: ErrField,
			Hint: fmt.Sprintf(`write it as text in quotes ("%s": ""), or delete the line`, k)}
		if strings.ToLower(k) == "other" {
			e.Msg, e.kind = fmt.Sprintf(`no "other" text: it is %s`, typeName(kv[k])), ErrNoOther
			e.Hint = "to leave a sentence untranslated, keep its source text or delete the message"
		}
		r.addField(e, path, k)
	}
	if len(fields) == 0 {
		return
	}
	for _, k := range unknown {
		e := &Error{ID: id, Msg: fmt.Sprintf(`%q is not a field of a go-i18n message, which has "description", "hash" and "other"`, k), kind: ErrField,
			Hint: "delete it; a remark for the translator goes in the description"}
		if id == "" {
			e.Msg = fmt.Sprintf(`the file's top level has fields of a message (%s) beside message %q`, strings.Join(fields, ", "), k)
			e.Hint = `a message file maps each message ID to its text, or to {"other": text}, as loctool extract wrote it`
		}
		r.addField(e, path, k)
	}
}

// addField reports an error at a field of the message at path, where
// the format says.
func (r *reader) addField(e *Error, path, key string) {
	p := join(path, key)
	if off, ok := r.fields[p]; ok {
		e.Line, e.Col = lineCol(r.data, off)
	} else if off, ok := r.keys[p]; ok {
		e.Line, e.Col = lineCol(r.data, off)
	} else if at, ok := r.places[p]; ok {
		e.Line, e.Col = at[0], at[1]
	}
	r.add(e)
}

// typeName says what kind of value an unmarshalled value is.
func typeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "true or false"
	case map[string]any, map[any]any:
		return "an object"
	case []any:
		return "a list"
	case float64, int64, int, uint64:
		return "a number"
	}
	return "not text"
}

// yamlPlaces returns the line and column of each key path of a YAML
// file: "b3.s1.description". The file has been read: it is valid.
func yamlPlaces(data []byte) map[string][2]int {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil {
		return nil
	}
	places := map[string][2]int{}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				walk(c, path)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := join(path, n.Content[i].Value)
				if _, ok := places[k]; !ok {
					places[k] = [2]int{n.Content[i].Line, n.Content[i].Column}
				}
				walk(n.Content[i+1], k)
			}
		}
	}
	walk(&doc, "")
	return places
}

// join joins a key path and a key.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
