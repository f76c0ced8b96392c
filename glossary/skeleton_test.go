package glossary

import (
	"fmt"
	"hash/fnv"
	"os"
	"slices"
	"strings"
	"testing"
)

func TestSkeleton(t *testing.T) {
	same := [][]string{
		{"Zhakiyanov", "Jakiyanov", "Žakiyanov", "Dzhakiyanov"},
		{"Galymzhan", "Galymjan", "Galymžan"},
		{"Nazarbaev", "Nazarbayev", "NAZARBAYEV"},
		{"Nurmukhamedov", "Nurmuhamedov", "Nurmuxamedov"},
		{"Aliyev", "Aliev"},
		{"Yelena", "Elena"},
		{"Tokayev", "Tokaev"},
		{"Kairat", "Kayrat"},
		{"Issyk", "Isyk", "Issik"},
		{"Alma-Ata", "Almaata"},
		{"Semey", "Semei"},
	}
	for _, group := range same {
		k := Skeleton(group[0])
		for _, s := range group[1:] {
			if got := Skeleton(s); got != k {
				t.Errorf("Skeleton(%q) = %q, Skeleton(%q) = %q: want one skeleton", group[0], k, s, got)
			}
		}
	}
	different := [][2]string{
		{"Kazakh", "Kazan"},
		{"Tokayev", "Tokarev"},
		{"Ablyazov", "Ablyazova"},
		{"Ivanov", "Ivanova"},
		{"Kazakh", "Kazak"},
		{"Astana", "Almaty"},
		{"Duvanov", "Dunaev"},
	}
	for _, d := range different {
		if Skeleton(d[0]) == Skeleton(d[1]) {
			t.Errorf("%q and %q have one skeleton, %q", d[0], d[1], Skeleton(d[0]))
		}
	}
}

// On the sample article, with no glossary, the two spellings of
// Zhakiyanov's names are found, and nothing else.
func TestInconsistentSample(t *testing.T) {
	s := NewSpellings()
	for _, f := range []string{"../articles/ablyazov-amnesty.txt", "../articles/dck-profile.md"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s.Add(f, string(data))
	}
	var got []string
	for _, c := range inconsistent(t, s) {
		var names []string
		for _, sp := range c.Spellings {
			names = append(names, sp.Text)
		}
		got = append(got, strings.Join(names, " ~ "))
	}
	want := []string{"Galymzhan ~ Galymjan", "Zhakiyanov ~ Jakiyanov"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("clusters %q, want %q", got, want)
	}
}

func TestSpellingsPlaces(t *testing.T) {
	s := NewSpellings()
	s.Add("a.txt", "Ablyazov met Galymzhan.\nThen Galymjan’s friend,\n  Galymjan, left.")
	c := inconsistent(t, s)
	if len(c) != 1 {
		t.Fatalf("clusters %+v", c)
	}
	g := c[0].Spellings
	if g[0].Text != "Galymjan" || len(g[0].Places) != 2 || g[1].Text != "Galymzhan" {
		t.Fatalf("spellings %+v, want the most frequent first", g)
	}
	if p := g[0].Places[1]; p.Line != 3 || p.Col != 3 {
		t.Errorf("place %+v, want 3:3", p)
	}
	if p := g[1].Places[0]; p.Line != 1 || p.Col != 14 {
		t.Errorf("place %+v, want 1:14", p)
	}
}

func TestSuggest(t *testing.T) {
	s := NewSpellings()
	s.Add("a.txt", "Galymzhan met Galymjan. Galymzhan left.")
	concepts, comments := Suggest(inconsistent(t, s), en)
	if len(concepts) != 1 {
		t.Fatalf("%d concepts", len(concepts))
	}
	c := concepts[0]
	if c.ID != "galymzhan" || c.Terms[en].Preferred != "Galymzhan" || c.Terms[en].Forbidden[0] != "Galymjan" {
		t.Errorf("concept %+v %+v", c, c.Terms[en])
	}
	if !strings.HasPrefix(comments[c.ID], "Galymzhan 2× (first at a.txt:1:1), Galymjan 1× (first at a.txt:1:15)") {
		t.Errorf("comment %q", comments[c.ID])
	}
	var b strings.Builder
	if err := WriteYAMLComments(&b, concepts, nil, comments); err != nil {
		t.Fatal(err)
	}
	back, err := ParseYAML([]byte(b.String()), "s.yaml")
	if err != nil || len(back) != 1 {
		t.Errorf("the suggestion is not a glossary: %v\n%s", err, b.String())
	}
}

// Collections made in parts, as check makes them on every core, merge
// into what one collection of everything holds.
func TestSpellingsMerge(t *testing.T) {
	texts := map[string]string{
		"a.txt": "Galymzhan met Nazarbayev. Marra said so.",
		"b.txt": "Galymjan met Nazarbaev. Mara left.",
		"c.txt": "a mara ran; Galymzhan left",
	}
	whole := NewSpellings()
	parts := []*Spellings{NewSpellings(), NewSpellings()}
	for i, name := range []string{"a.txt", "b.txt", "c.txt"} {
		whole.Add(name, texts[name])
		parts[i%2].Add(name, texts[name])
	}
	parts[0].Merge(parts[1])
	got, want := fmt.Sprint(inconsistent(t, parts[0])), fmt.Sprint(inconsistent(t, whole))
	if got != want {
		t.Errorf("merged %s, want %s", got, want)
	}
	if !strings.Contains(want, "Nazarbaev") || !strings.Contains(want, "c.txt") {
		t.Errorf("clusters %s", want)
	}
	// Mara in b.txt is a common word, since c.txt has it in lower case.
	if strings.Contains(got, "Marra") {
		t.Errorf("clusters %s have a common word", got)
	}
}

// Places written to the temporary file, a few bytes at a time, in
// collections merged, read back as those kept in memory.
func TestSpellingsAside(t *testing.T) {
	texts := []string{
		"Ablyazov met Galymzhan Zhakiyanov. Galymjan left.",
		"Jakiyanov and Abliazov.\nAblyazov again, Zhakiyanov too.\n\nDzhakiyanov, and Galymzhan.",
	}
	files := []string{"b.txt", "a/c.txt", "a.txt", "z.txt", "a/b.txt", "b.txt"}
	whole := NewSpellings()
	parts := []*Spellings{NewSpellings(), NewSpellings(), NewSpellings()}
	for _, p := range parts {
		p.logs[0].budget = 5
	}
	for i, f := range files {
		whole.Add(f, texts[i%len(texts)])
		parts[i%len(parts)].Add(f, texts[i%len(texts)])
	}
	if parts[0].logs[0].written == 0 {
		t.Fatal("no place written aside")
	}
	parts[1].Merge(parts[2])
	parts[0].Merge(parts[1])
	got, want := fmt.Sprint(inconsistent(t, parts[0])), fmt.Sprint(inconsistent(t, whole))
	if got != want {
		t.Errorf("read back %s, want %s", got, want)
	}
	if !strings.Contains(want, "a/c.txt:4:18") {
		t.Errorf("clusters %s", want)
	}
}

// lowerHash hashes a word as strings.ToLower writes it.
func TestLowerHash(t *testing.T) {
	for _, w := range []string{"", "Nazarbayev", "NAZARBAYEV", "Назарбаев", "НАЗАРБАЕВ", "İstanbul", "ΣΊΣΥΦΟΣ", "Kaz\xffakh", "Ǆemal", "ß"} {
		h := fnv.New64a()
		h.Write([]byte(strings.ToLower(w)))
		if got, want := lowerHash(w), h.Sum64(); got != want {
			t.Errorf("lowerHash(%q) = %x, the hash of %q is %x", w, got, strings.ToLower(w), want)
		}
	}
	if lowerHash("Kazakh") != lowerHash("kazakh") || lowerHash("Kazakh") == lowerHash("Kazak") {
		t.Error("lowerHash does not tell words apart by their lower case")
	}
}

// TestEachPlace checks that the places of a corpus's clusters come in
// order of file and place, each once, whatever order the files were
// added in, and as Inconsistent gives them.
func TestEachPlace(t *testing.T) {
	texts := []string{
		"Ablyazov met Galymzhan Zhakiyanov. Galymjan left.",
		"Jakiyanov and Abliazov.\nAblyazov again, Zhakiyanov too.",
		"Dzhakiyanov, and Galymzhan.",
	}
	files := []string{"b.txt", "a/c.txt", "a.txt", "z.txt", "a/b.txt"}
	s := NewSpellings()
	for i, f := range files {
		s.Add(f, texts[i%len(texts)])
	}
	var spellings []CompactSpelled
	var want []string
	clusters, err := s.Clusters()
	if err != nil {
		t.Fatal(err)
	}
	expanded, err := Expand(clusters)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range clusters {
		spellings = append(spellings, c.Spellings...)
		for _, sp := range expanded[i].Spellings {
			for _, p := range sp.Places {
				want = append(want, p.String()+" "+sp.Text)
			}
		}
	}
	slices.SortFunc(want, func(a, b string) int { return strings.Compare(placeKey(a), placeKey(b)) })
	var got []string
	err = EachPlace(spellings, func(k int, p Pos) bool {
		got = append(got, p.String()+" "+spellings[k].Text)
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("EachPlace gave\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(got) != 18 {
		t.Errorf("%d places, want 18: %q", len(got), got)
	}
	var stopped int
	EachPlace(spellings, func(int, Pos) bool { stopped++; return stopped < 3 })
	if stopped != 3 {
		t.Errorf("EachPlace went on for %d places after yield said stop", stopped)
	}
}

// inconsistent returns the clusters of a collection, and closes it.
func inconsistent(t *testing.T, s *Spellings) []Cluster {
	t.Helper()
	c, err := s.Inconsistent()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return c
}

// placeKey sorts "file:line:col text" by file, then line and column as
// numbers.
func placeKey(s string) string {
	var file string
	var line, col int
	parts := strings.SplitN(strings.Fields(s)[0], ":", 3)
	file = parts[0]
	fmt.Sscan(parts[1], &line)
	fmt.Sscan(parts[2], &col)
	return fmt.Sprintf("%s\x00%08d%08d", file, line, col)
}
