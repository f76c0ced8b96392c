package i18njson

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/loctool/loctool/handoff"
)

// A returned file may have been made for an earlier version of the
// article than the template: the translator took the file, the article
// changed, extract wrote a new one, and the translator's file came back
// over it. Its translations are for the sentences of that version, which
// the block and sentence numbers of message IDs may now name otherwise.
// The messages' hashes say which version: each is that of its message's
// description and source text as sent.

// version picks the version of the article that the file's messages were
// made for: nil for the template, whose messages are current, or one of
// those earlier returns.
//
// A message whose hash is that of its ID in some versions names them;
// the file was made for one that every such message names, and that has
// a message of every ID of the file, if one has: the newest. A message
// without a hash names none, and goes with the others: deleting a hash
// is how a translator says a translation is for the text as it is. A
// message whose hash names no version (a tool rewrote it, or the version
// is older than those kept) names none either, and is refused when the
// sentence of its ID differs between the versions the file may have
// been made for: nobody can tell which sentence its translation is for.
func (r *reader) version(msgs []*i18n.Message, current map[string]*message, earlier func() ([]*handoff.File, error)) (*handoff.File, error) {
	fast := true
	for _, fm := range msgs {
		if m := current[fm.ID]; m == nil || fm.Hash != "" && !m.madeFor(fm) {
			fast = false
			break
		}
	}
	if fast || earlier == nil {
		return nil, nil
	}
	previous, err := earlier()
	if err != nil || len(previous) == 0 {
		return nil, err
	}
	versions := append([]*handoff.File{nil}, previous...) // the template's are current
	// In the file's order, for errors to name the first messages at fault.
	msgs = slices.Clone(msgs)
	slices.SortFunc(msgs, func(a, b *i18n.Message) int { return r.compare(a.ID, b.ID) })
	byID := make([]map[string]*message, len(versions))
	byID[0] = current
	for k := 1; k < len(versions); k++ {
		ms, err := messages(versions[k])
		if err != nil {
			return nil, fmt.Errorf("earlier version %d: %w", k, err)
		}
		byID[k] = make(map[string]*message, len(ms))
		for i := range ms {
			byID[k][ms[i].id] = &ms[i]
		}
	}
	// common holds the versions that every message so far whose hash
	// names one names.
	common := make([]bool, len(versions))
	for k := range common {
		common[k] = true
	}
	var named []naming // the messages so far that name versions
	var unknown []*i18n.Message
	for _, fm := range msgs {
		if fm.Hash == "" {
			continue
		}
		names, left := make([]bool, len(versions)), false
		for k := range versions {
			m := byID[k][fm.ID]
			names[k] = m != nil && m.madeFor(fm)
			left = left || names[k] && common[k]
		}
		switch {
		case !slices.Contains(names, true):
			unknown = append(unknown, fm)
		case !left:
			r.mixed(fm, against(named, names))
			return nil, nil
		default:
			named = append(named, naming{fm, names})
			for k := range common {
				common[k] = common[k] && names[k]
			}
		}
	}
	// The versions every message so far names, and of those, the ones
	// with every message of the file, if any has them all.
	var candidates, whole []int
	for k := range versions {
		if common[k] {
			candidates = append(candidates, k)
			if hasAll(byID[k], msgs) {
				whole = append(whole, k)
			}
		}
	}
	if len(whole) > 0 {
		candidates = whole
	}
	// A message that names no version is for whichever of them the file
	// was made for: that must not matter.
	var ambiguous []string
	for _, fm := range unknown {
		for _, k := range candidates[1:] {
			if !sameSentence(byID[candidates[0]][fm.ID], byID[k][fm.ID]) {
				ambiguous = append(ambiguous, fm.ID)
				break
			}
		}
	}
	if len(ambiguous) > 0 {
		r.ambiguous(ambiguous)
		return nil, nil
	}
	return versions[candidates[0]], nil
}

// hasAll reports whether a version has a message of every ID of a file.
func hasAll(version map[string]*message, msgs []*i18n.Message) bool {
	for _, fm := range msgs {
		if version[fm.ID] == nil {
			return false
		}
	}
	return true
}

// naming is a message and the versions its hash names.
type naming struct {
	msg   *i18n.Message
	names []bool
}

// against returns the first message of named made for none of the
// versions names names, or, where each was made for one of them but
// not all for one, the first.
func against(named []naming, names []bool) *i18n.Message {
next:
	for _, n := range named {
		for k := range names {
			if names[k] && n.names[k] {
				continue next
			}
		}
		return n.msg
	}
	return named[0].msg
}

// sameSentence reports whether two versions' messages of one ID have the
// same source, or are both missing.
func sameSentence(a, b *message) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.seg.Source.Equal(b.seg.Source)
}

// ambiguous reports the messages that name no version, whose IDs stand
// for different sentences in different versions, in one error.
func (r *reader) ambiguous(ids []string) {
	e := &Error{kind: ErrAmbiguous,
		Hint: `if the translations are for the article as it is now, delete the messages' "hash" lines and merge again; otherwise ask for the file as loctool wrote it, hashes unchanged`}
	const why = "the hash names no version of the article loctool sent, and the article has changed since: loctool cannot tell which sentence the translation is for"
	if len(ids) == 1 {
		e.ID, e.Msg = ids[0], why
	} else {
		e.Msg = fmt.Sprintf("%d messages (%s): %s", len(ids), quoteSome(ids, 5), strings.Replace(why, "the hash names", "their hashes name", 1))
		e.Msg = strings.Replace(e.Msg, "the translation is", "each translation is", 1)
	}
	r.add(e)
}

// mixed reports a message made for another version of the article than
// the messages before it in the file, the first of which is first.
func (r *reader) mixed(fm, first *i18n.Message) {
	e := &Error{ID: fm.ID, kind: ErrAmbiguous,
		Msg:  fmt.Sprintf("made for another version of the article than message %q: the file mixes translations of different versions", first.ID),
		Hint: "ask for the file as loctool wrote it; or merge the translations of each version from a file of its own"}
	r.add(e)
}

// quoteSome quotes the first show IDs of a list, and counts the rest.
func quoteSome(ids []string, show int) string {
	var list []string
	for _, id := range ids[:min(len(ids), show)] {
		list = append(list, strconv.Quote(id))
	}
	s := strings.Join(list, ", ")
	if len(ids) > show {
		s += fmt.Sprintf(" and %d more", len(ids)-show)
	}
	return s
}

// Fingerprint returns a digest of the messages a file gives, their IDs
// and hashes, as 16 hexadecimal digits. Two files of one fingerprint give the same messages, so a
// file written from one is a file written from the other, and its
// messages name both.
func Fingerprint(f *handoff.File) (string, error) {
	msgs, err := messages(f)
	if err != nil {
		return "", err
	}
	slices.SortFunc(msgs, func(a, b message) int { return strings.Compare(a.id, b.id) })
	h := sha256.New()
	for _, m := range msgs {
		fmt.Fprintf(h, "%q %s\n", m.id, m.hash)
	}
	return hex.EncodeToString(h.Sum(nil)[:8]), nil
}
