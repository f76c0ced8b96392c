package glossary

import (
	"slices"
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct {
		in   string
		want []string // among the variants
		not  []string // never among them
	}{
		{"Zhakiyanov", []string{"Jakiyanov", "Zhakianov", "Zhakyanov", "Jakianov"}, []string{"Zhakiyanov", "zhakiyanov"}},
		{"Galymzhan Zhakiyanov", []string{"Galymjan Jakiyanov", "Galymjan Zhakiyanov"}, nil},
		{"Nursultan Nazarbayev", []string{"Nursultan Nazarbaev"}, nil},
		{"Nazarbaev", []string{"Nazarbayev"}, nil},
		{"Aliyev", []string{"Aliev", "Alyev"}, nil},
		{"Kassymov", []string{"Kasymov"}, nil},
		{"Burikhan Nurmukhamedov", []string{"Burihan Nurmuhamedov"}, nil},
		{"Yerlan", []string{"Erlan"}, nil},
		{"NAZARBAYEV", []string{"NAZARBAEV"}, nil},
		{"Nazarbayev’s", []string{"Nazarbaev’s"}, nil},
		{"Alma-Ata", nil, nil},
	}
	for _, tt := range tests {
		vs := Fold(tt.in)
		var got []string
		for _, v := range vs {
			got = append(got, v.Text)
			if len(v.Why) == 0 {
				t.Errorf("Fold(%q): %q has no reason", tt.in, v.Text)
			}
		}
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("Fold(%q) = %q, want %q among them", tt.in, got, w)
			}
		}
		for _, n := range tt.not {
			if slices.Contains(got, n) {
				t.Errorf("Fold(%q) has %q", tt.in, n)
			}
		}
		if tt.want == nil && len(got) > 0 {
			t.Errorf("Fold(%q) = %q, want none", tt.in, got)
		}
	}
}

func TestFoldReasons(t *testing.T) {
	for _, v := range Fold("Galymzhan Zhakiyanov") {
		if v.Text == "Galymjan Jakianov" {
			if got := strings.Join(v.Why, ", "); got != "zh→j, iy→i" {
				t.Errorf("reasons %q", got)
			}
			return
		}
	}
	t.Error("no Galymjan Jakianov")
}

func TestFoldBounded(t *testing.T) {
	if n := len(Fold("Zhakhiyev Zhakhiyev Zhakhiyev Zhakhiyev Khassiyev")); n > mostFolded {
		t.Errorf("%d variants", n)
	}
}

func TestVariants(t *testing.T) {
	vs := Variants("Жакиянов", ru)
	got := map[string][]string{}
	for _, v := range vs {
		got[v.Text] = v.Why
	}
	for spelling, why := range map[string]string{
		"Zhakiyanov": "bgn-pcgn",
		"Žakiânov":   "iso9",
		"Jakiyanov":  "bgn-pcgn + zh→j",
		"Zhakianov":  "bgn-pcgn + iy→i",
	} {
		if !slices.Contains(got[spelling], why) {
			t.Errorf("Variants(Жакиянов): %q has reasons %q, want %q among them", spelling, got[spelling], why)
		}
	}
	if vs[0].Text != "Zhakiyanov" {
		t.Errorf("first variant %q, want the first scheme's", vs[0].Text)
	}
	seen := map[string]bool{}
	for _, v := range vs {
		if seen[key(v.Text)] {
			t.Errorf("%q twice", v.Text)
		}
		seen[key(v.Text)] = true
	}
	// Kazakh forms take the Kazakh schemes.
	if kkv := Variants("Жақиянов", kk); !slices.ContainsFunc(kkv, func(v Variant) bool { return v.Text == "Zhakiyanov" && slices.Contains(v.Why, "kk-press") }) {
		t.Errorf("Variants(Жақиянов, kk) = %v, want Zhakiyanov from kk-press", kkv)
	}
}
