package i18njson

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/handoff"
)

type sentMessage struct {
	Description, Hash, Other string
}

func written(t *testing.T, f *handoff.File) map[string]sentMessage {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, f); err != nil {
		t.Fatal(err)
	}
	var msgs map[string]sentMessage
	if err := json.Unmarshal(b.Bytes(), &msgs); err != nil {
		t.Fatal(err)
	}
	return msgs
}

// TestSameForEveryLanguage writes one article for two languages, with
// their own glossary spellings, translations kept for review and notes:
// each message has the same hash, and the same first line of its
// description, in both, so that one English file serves every language
// in goi18n merge; the remarks for each language's translators follow
// on lines of their own.
func TestSameForEveryLanguage(t *testing.T) {
	ru := fieldsFile()
	kk := clone(fieldsFile())
	kk.TargetLang = language.Kazakh
	b2 := kk.Units[1]
	b2.Glossary[0].Translation = "Әблязов"
	b2.Notes = []handoff.Note{{Text: "Kazakh readers know him as Мұхтар", From: "translator"}}
	b2.Segment("s1").Was = ""
	ruMsgs, kkMsgs := written(t, ru), written(t, kk)
	if len(ruMsgs) != 4 || len(kkMsgs) != 4 {
		t.Fatalf("%d and %d messages, want 4", len(ruMsgs), len(kkMsgs))
	}
	for id, r := range ruMsgs {
		k := kkMsgs[id]
		first := func(d string) string { line, _, _ := strings.Cut(d, "\n"); return line }
		if r.Hash != k.Hash || first(r.Description) != first(k.Description) {
			t.Errorf("%s: ru %q %s, kk %q %s: want the same hash and first line", id, r.Description, r.Hash, k.Description, k.Hash)
		}
	}
	// Untranslated, a message's "other" is its source.
	plain := clone(ru)
	for _, u := range plain.Units {
		for _, s := range u.Segments() {
			s.Target, s.State, s.Was = nil, handoff.New, ""
		}
	}
	for id, m := range written(t, plain) {
		if line, _, _ := strings.Cut(m.Description, "\n"); m.Hash != hash(line, m.Other) || m.Hash != ruMsgs[id].Hash {
			t.Errorf("%s: the hash is not goi18n's of the description's first line and the source", id)
		}
	}
	if d := ruMsgs["b2.s2"].Description; !strings.Contains(d, "\nGlossary: Ablyazov → Аблязов (person: a founder of the DCK)\n") || !strings.Contains(d, "\ns1 was: He was freed on Sunday.") {
		t.Errorf("ru description %q: want its glossary spelling and what s1 was", d)
	}
	if d := kkMsgs["b2.s2"].Description; !strings.HasSuffix(d, "\nGlossary: Ablyazov → Әблязов (person: a founder of the DCK)\nGlossary: Kazakh (no kk spelling in the glossary)\nKazakh readers know him as Мұхтар") {
		t.Errorf("kk description %q: want its own glossary spellings and note, and nothing of ru's", d)
	}
}

// TestReadEarlierFormat reads a file that an earlier version of loctool
// wrote (testdata/fields.ru.earlier.json), whose descriptions held the
// remarks in the line and whose hashes covered them: its translations
// read as they were written, with no false review; a new text confirms
// a translation kept for review, as with a hash of today; and with the
// descriptions deleted, the hashes alone still tie new texts to their
// sentences.
func TestReadEarlierFormat(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "fields.ru.earlier.json"))
	if err != nil {
		t.Fatal(err)
	}
	const asSent = "b1.s1 translated: Аблязов на свободе\nb2.s1 needs-review: Его освободили в понедельник.\nb2.s2 translated: Он ушёл.\nb3.s1 needs-review: Новый **текст**.\n"
	var msgs map[string]map[string]string
	if err := json.Unmarshal(data, &msgs); err != nil {
		t.Fatal(err)
	}
	edited := func(edit func(id string, m map[string]string)) []byte {
		out := map[string]map[string]string{}
		for id, m := range msgs {
			c := map[string]string{}
			for k, v := range m {
				c[k] = v
			}
			edit(id, c)
			out[id] = c
		}
		b, err := json.Marshal(out)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"as sent", data, asSent},
		{"new texts", edited(func(id string, m map[string]string) {
			switch id {
			case "b2.s1":
				m["other"] = "Его освободили в воскресенье."
			case "b2.s2":
				m["other"] = "Он вышел."
			}
		}), "b1.s1 translated: Аблязов на свободе\nb2.s1 translated: Его освободили в воскресенье.\nb2.s2 translated: Он вышел.\nb3.s1 needs-review: Новый **текст**.\n"},
		{"descriptions deleted, new text", edited(func(id string, m map[string]string) {
			delete(m, "description")
			if id == "b2.s2" {
				m["other"] = "Он вышел."
			}
		}), strings.Replace(asSent, "Он ушёл.", "Он вышел.", 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			back, err := Read(tc.data, "ru.json", fieldsFile())
			if err != nil {
				t.Fatal(err)
			}
			if got := targets(back); got != tc.want {
				t.Errorf("got\n%swant\n%s", got, tc.want)
			}
		})
	}
}
