package i18njson_test

import (
	"bytes"
	"fmt"
	"os"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/i18njson"
	"github.com/loctool/loctool/inline"
)

func Example() {
	bold := func(k inline.Kind, data string) inline.Item {
		return inline.Item{Code: &inline.Code{Kind: k, ID: "1", Type: "bold", Data: data}}
	}
	// A paragraph of two sentences, as extract cuts it.
	f := &handoff.File{
		Original:   "articles/ablyazov.md",
		SourceLang: language.English,
		TargetLang: language.Russian,
		Units: []*handoff.Unit{{ID: "b3", Parts: []handoff.Part{
			{Segment: &handoff.Segment{ID: "s1", Source: inline.Content{
				{Text: "The "}, bold(inline.Open, "**"), {Text: "former"}, bold(inline.Close, "**"), {Text: " minister was freed."},
			}}},
			{Space: " "},
			{Segment: &handoff.Segment{ID: "s2", Source: inline.Text("He spoke to IWPR & others.")}},
		}}},
	}
	var out bytes.Buffer
	if err := i18njson.Write(&out, f); err != nil {
		panic(err)
	}
	os.Stdout.Write(out.Bytes())

	// The translator edits "other", moving the tags.
	translated := bytes.Replace(out.Bytes(),
		[]byte("The <1>former</1> minister was freed."),
		[]byte("<1>Бывший министр</1> вышел на свободу."), 1)
	back, err := i18njson.Read(translated, "translate.ru.json", f)
	if err != nil {
		panic(err)
	}
	target, missing := back.Units[0].Target(func(s *handoff.Segment) inline.Content { return s.Source })
	fmt.Println(target.Markup())
	fmt.Println(len(missing), "sentence left in English")
	// Output:
	// {
	//   "b3.s1": {
	//     "description": "block 1, sentence 1 of 2; <1> bold",
	//     "hash": "sha1-5725a9864edd64e634dd502e8763ba2817ac8f6a",
	//     "other": "The <1>former</1> minister was freed."
	//   },
	//   "b3.s2": {
	//     "description": "block 1, sentence 2 of 2",
	//     "hash": "sha1-079842dc65010bfbb19fd3ee4134d3e3174a4014",
	//     "other": "He spoke to IWPR &amp; others."
	//   }
	// }
	// **Бывший министр** вышел на свободу. He spoke to IWPR & others.
	// 1 sentence left in English
}

func ExampleRead_errors() {
	f := &handoff.File{Units: []*handoff.Unit{{ID: "b1", Parts: []handoff.Part{
		{Segment: &handoff.Segment{ID: "s1", Source: inline.Text("Astana")}},
	}}}}
	_, err := i18njson.Read([]byte("{\n  \"b1.s1\": \"Астана <1/>\",\n  \"b2.s1\": \"Алматы\"\n}\n"), "translate.ru.json", f)
	fmt.Println(err)
	// Output:
	// translate.ru.json:2:3: message "b1.s1": tag <1/> is not in the source, which has none
	// translate.ru.json:3:3: message "b2.s1": not in the article
	// hint: was the file written for another article, or before the article changed? keep the message IDs as loctool wrote them
}
