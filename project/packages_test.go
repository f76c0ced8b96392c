package project

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestOriginalFits checks which originals a handoff file in the place of
// articles/news.txt's may have: the article's path with slashes or
// backslashes, a tool's own path that ends with it or has its base name,
// but never one that names another article or leads out of the project.
func TestOriginalFits(t *testing.T) {
	articles := []string{"articles/news.txt", "articles/other.txt", "old/articles/news.txt"}
	for _, tc := range []struct {
		original    string
		fits, exact bool
	}{
		{"articles/news.txt", true, true},
		{`articles\news.txt`, true, true},
		{`C:\Users\Ann\Projects\site\articles\news.txt`, true, false},
		{`C:\Users\Ann\Documents\Studio 2022\news.txt`, true, false},
		{"/home/ann/news.txt", true, false},
		{`D:\work\articles\other.txt`, false, false},
		{"articles/other.txt", false, false},
		{`C:\site\old\articles\news.txt`, false, false},
		{"../../news.txt", false, false},
		{"/etc/passwd", false, false},
		{"news.md", false, false},
	} {
		t.Run(tc.original, func(t *testing.T) {
			fits, exact := originalFits(tc.original, "articles/news.txt", articles)
			if fits != tc.fits || exact != tc.exact {
				t.Errorf("fits %v, exact %v; want %v, %v", fits, exact, tc.fits, tc.exact)
			}
		})
	}
}

// BenchmarkNamedArticle matches the originals of the handoff files of
// an archive of 20,000 articles, as extract and merge do for each: the
// time per match should not grow with the archive.
func BenchmarkNamedArticle(b *testing.B) {
	articles := make([]string, 20000)
	for i := range articles {
		articles[i] = fmt.Sprintf("articles/%02d/news-%05d.txt", i%100, i)
	}
	slices.Sort(articles)
	originals := []string{articles[12345], `C:\Users\Ann\Projects\site\` + strings.ReplaceAll(articles[777], "/", `\`), "/home/ann/unknown.txt"}
	b.ReportAllocs()
	for b.Loop() {
		for _, o := range originals {
			namedArticle(o, articles)
		}
	}
}
