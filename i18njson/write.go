package i18njson

import (
	"bytes"
	"cmp"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
)

// Write writes the segments of f as a go-i18n message file in JSON, as
// goi18n merge writes a translate file: one message per segment, keyed by
// [MessageID], with a hash and a description, and in "other" the
// segment's translation or, when it has none ([handoff.Segment.IsTranslated]),
// its source.
func Write(w io.Writer, f *handoff.File) error {
	msgs, err := messages(f)
	if err != nil {
		return fmt.Errorf("write messages for %s: %w", f.Original, err)
	}
	// goi18n marshals a map with encoding/json: keys sorted, two spaces of
	// indent, HTML left unescaped. This writes the same bytes without
	// building the map, and encodes each string as goi18n's encoder would.
	slices.SortFunc(msgs, func(a, b message) int { return strings.Compare(a.id, b.id) })
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	str := func(s string) error {
		if !utf8.ValidString(s) {
			return errors.New("text is not valid UTF-8")
		}
		err := enc.Encode(s)
		buf.Truncate(buf.Len() - 1) // Encode ends with a newline
		return err
	}
	buf.WriteString("{")
	for i, m := range msgs {
		text := m.source
		if m.seg.IsTranslated() {
			if text, err = m.tags.encode(m.seg.Target); err != nil {
				return fmt.Errorf("write messages for %s: message %q: target: %w", f.Original, m.id, err)
			}
		}
		if i > 0 {
			buf.WriteString(",")
		}
		buf.WriteString("\n  ")
		err := str(m.id)
		buf.WriteString(": {\n    ")
		if d := m.written(); d != "" {
			buf.WriteString(`"description": `)
			err = cmp.Or(err, str(d))
			buf.WriteString(",\n    ")
		}
		buf.WriteString(`"hash": `)
		err = cmp.Or(err, str(m.hash))
		buf.WriteString(",\n    \"other\": ")
		err = cmp.Or(err, str(text))
		buf.WriteString("\n  }")
		if err != nil {
			return fmt.Errorf("write messages for %s: message %q: %w", f.Original, m.id, err)
		}
	}
	if len(msgs) > 0 {
		buf.WriteString("\n")
	}
	buf.WriteString("}\n")
	_, err = w.Write(buf.Bytes())
	return err
}

// message is a segment as a message, with what Write and Read need.
type message struct {
	id     string
	unit   string // the unit's ID
	seg    *handoff.Segment
	tags   *tagging
	source string // the source with tags
	// description is what the message's hash covers, the same in every
	// language: where the sentence is, its kind, its tags.
	description string
	// remarks are what the file says of the unit for the translators of
	// its language: glossary spellings, the source of a translation
	// kept for review, the unit's notes. The description as written
	// has them on lines of their own after the first.
	remarks []string
	hash    string
	// legacy is the description earlier versions of loctool wrote, and
	// hashed: the remarks in the line, before the tags.
	legacy string
}

// messages lists the segments of f as messages, in order. Their IDs are
// unique, or it fails.
func messages(f *handoff.File) ([]message, error) {
	var msgs []message
	where := map[string][2]int{} // message ID → unit and segment, to name duplicates
	for ui, u := range f.Units {
		segs := u.Segments()
		for si, s := range segs {
			id := MessageID(u.ID, s.ID)
			if prev, ok := where[id]; ok {
				return nil, fmt.Errorf("unit %q segment %q and unit %q segment %q have the same message ID %q",
					f.Units[prev[0]].ID, f.Units[prev[0]].Segments()[prev[1]].ID, u.ID, s.ID, id)
			}
			where[id] = [2]int{ui, si}
			tg := number(s.Source)
			m := message{id: id, unit: u.ID, seg: s, tags: tg, source: tg.encodeSource(s.Source)}
			m.description, m.remarks, m.legacy = describe(ui, u, f.TargetLang, si, len(segs), tg)
			m.hash = hash(m.description, m.source)
			msgs = append(msgs, m)
		}
	}
	return msgs, nil
}

// MessageID returns the message ID of a segment: the unit's and the
// segment's IDs joined by ".", such as "b3.s1". It is the separator
// go-i18n uses for nested keys, so the message reads the same whether the
// file nests it ({"b3": {"s1": …}}, or [b3.s1] in TOML) or not. In each
// ID, "%" and "." are written %25 and %2E, and an ID that is empty or one
// of go-i18n's reserved keys (id, hash, other…, in any case) gets a
// leading "%", so that message IDs are unique and never read as part of a
// message.
func MessageID(unit, segment string) string {
	return idPart(unit) + "." + idPart(segment)
}

var reserved = map[string]bool{
	"id": true, "description": true, "hash": true, "leftdelim": true, "rightdelim": true,
	"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true,
	"translation": true, // go-i18n v1's name for other
}

func idPart(s string) string {
	if strings.ContainsAny(s, "%.") {
		s = strings.NewReplacer("%", "%25", ".", "%2E").Replace(s)
	}
	if s == "" || reserved[strings.ToLower(s)] {
		s = "%" + s
	}
	return s
}

// describe tells translators where a segment is, what its unit is, and
// what its tags stand for: "block 3, sentence 1 of 4; heading; <1> bold",
// the same in every language. It returns too the remarks of the unit
// for the file's language, and the description earlier versions of
// loctool wrote, whose hashes a file they wrote has.
func describe(ui int, u *handoff.Unit, target language.Tag, si, n int, tg *tagging) (description string, remarks []string, legacy string) {
	pos := "block " + strconv.Itoa(ui+1)
	if n > 1 {
		pos += fmt.Sprintf(", sentence %d of %d", si+1, n)
	}
	parts, old := []string{pos}, []string{pos}
	for _, note := range u.Remarks(target) {
		t := strings.TrimSpace(note.Text)
		switch {
		case t == "":
			continue
		case note.From == handoff.KindFrom:
			parts = append(parts, t)
		default:
			remarks = append(remarks, t)
		}
		old = append(old, t)
	}
	if len(tg.tags) > 0 {
		var legend []string
		for _, t := range tg.tags {
			if t.kind == inline.Close && tg.paired(t.n) {
				continue // its Open names the pair
			}
			legend = append(legend, t.String()+" "+codeName(tg.byTag[t]))
		}
		parts = append(parts, strings.Join(legend, ", "))
		old = append(old, parts[len(parts)-1])
	}
	return strings.Join(parts, "; "), remarks, strings.Join(old, "; ")
}

// written is the message's description as the file has it: the
// description, and the remarks on lines of their own.
func (m *message) written() string {
	if len(m.remarks) == 0 {
		return m.description
	}
	return m.description + "\n" + strings.Join(m.remarks, "\n")
}

// madeFor reports whether a message of a file was made for m's source,
// as its hash says: the hash is m's; or goi18n's hash of the message's
// own description and m's source, as goi18n merge writes it from an
// English file with any description, or none; or the hash an earlier
// version of loctool gave m.
func (m *message) madeFor(fm *i18n.Message) bool {
	return fm.Hash == m.hash || fm.Hash == hash(fm.Description, m.source) || fm.Hash == hash(m.legacy, m.source)
}

// codeName says what a code is, with its Display text.
func codeName(c *inline.Code) string {
	name := c.Type
	switch name {
	case "":
		name = "code"
	case "lb":
		name = "line break"
	default:
		name = strings.TrimPrefix(name, "x-")
	}
	if c.Display != "" {
		name += " " + c.Display
	}
	return name
}

// hash is goi18n's hash of a source message: SHA-1 of its description
// followed by its "other" text.
func hash(description, other string) string {
	h := sha1.New()
	io.WriteString(h, description)
	io.WriteString(h, other)
	return "sha1-" + hex.EncodeToString(h.Sum(nil))
}
