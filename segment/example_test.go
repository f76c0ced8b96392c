package segment_test

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/segment"
)

func Example() {
	s, err := segment.New(segment.Builtin(), language.MustParse("en-GB"))
	if err != nil {
		panic(err)
	}
	text := `Kazak president Nursultan Nazarbaev signed an order on May 13. “Ablyazov is released,” announced Mr. Kozlov of the U.S. office.`
	for _, sentence := range s.Split(text) {
		fmt.Println(sentence)
	}
	// Output:
	// Kazak president Nursultan Nazarbaev signed an order on May 13.
	// “Ablyazov is released,” announced Mr. Kozlov of the U.S. office.
}

func ExampleSegmenter_Segment() {
	s, err := segment.New(segment.Builtin(), language.Russian)
	if err != nil {
		panic(err)
	}
	text := "Указ подписал Н. А. Назарбаев.  Он вступил в силу 13 мая."
	for _, sp := range s.Segment(text) {
		fmt.Printf("%d-%d %s\n", sp.Start, sp.End, sp.Text(text))
	}
	// Output:
	// 0-53 Указ подписал Н. А. Назарбаев.
	// 55-97 Он вступил в силу 13 мая.
}

func ExampleParseSRX() {
	const srx = `<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header cascade="no"/>
  <body>
    <languagerules>
      <languagerule languagerulename="Simple">
        <rule break="no"><beforebreak>\bDr\.</beforebreak><afterbreak>\s</afterbreak></rule>
        <rule break="yes"><beforebreak>[.?!]</beforebreak><afterbreak>\s</afterbreak></rule>
      </languagerule>
    </languagerules>
    <maprules>
      <languagemap languagepattern=".*" languagerulename="Simple"/>
    </maprules>
  </body>
</srx>`
	rules, err := segment.ParseSRX(strings.NewReader(srx), "simple.srx")
	if err != nil {
		panic(err)
	}
	s, err := segment.New(rules, language.English)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%q\n", s.Split("Dr. Watson came. He sat."))
	// Output:
	// ["Dr. Watson came." "He sat."]
}
