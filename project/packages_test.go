package project

import "testing"

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
