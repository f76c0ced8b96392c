package segment

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/internal/testtool"
)

// Every SRX file of the Okapi framework's sources is read with the
// warnings the table gives, each at its place, or refused for the reason
// it gives; a file the table does not know fails the test, as does one it
// names that is not there.
func TestOkapiSRX(t *testing.T) {
	const (
		trimLeading  = `trimLeadingWhitespaces="no"`
		trimTrailing = `trimTrailingWhitespaces="no"`
		icu4j        = `useIcu4jBreakRules="yes"`
	)
	// read lists a file's warnings as line:col and the option, or
	// rangeRule; refused is the whole error.
	type outcome struct {
		read    []string
		refused string
	}
	want := map[string]outcome{
		// Okapi's defaults before ICU4J: cascade="no", whitespace
		// trimmed, an empty range rule.
		"applications/integration-tests/src/test/resources/pipelines/leverage/rules.srx":               {},
		"applications/integration-tests/src/test/resources/pipelines/tm/defaultSegmentation.srx":       {},
		"deployment/shared/config/alternate-default.srx":                                               {},
		"deployment/shared/config/defaultSegmentation.srx":                                             {},
		"okapi-integration-tests/src/test/resources/xini/defaultSegmentation.srx":                      {},
		"okapi/filters/xini/src/test/resources/defaultSegmentation.srx":                                {},
		"okapi/libraries/lib-segmentation/src/test/resources/defaultSegmentation.srx":                  {},
		"okapi/libraries/lib-segmentation/src/test/resources/Test01.srx":                               {},
		"okapi/libraries/lib-segmentation/src/test/resources/net/sf/okapi/lib/segmentation/Test02.srx": {},
		"okapi/steps/rainbowkit/src/test/resources/defaultSegmentation.srx":                            {},
		"okapi/steps/segmentation/src/test/resources/Test01.srx":                                       {},
		// Okapi's default rules now: ICU4J's breaks under the file's,
		// whitespace kept in the segments.
		"deployment/shared/config/okapi_default_icu4j.srx":                                                          {read: []string{"7:44 " + trimLeading, "7:72 " + trimTrailing, "7:101 " + icu4j}},
		"okapi/libraries/lib-segmentation/src/main/resources/net/sf/okapi/lib/segmentation/okapi_default_icu4j.srx": {read: []string{"7:44 " + trimLeading, "7:72 " + trimTrailing, "7:101 " + icu4j}},
		// The same rules with useIcu4jBreakRules="no".
		"okapi-integration-tests/src/test/resources/okapi_default_icu4j.srx": {read: []string{"7:44 " + trimLeading}},
		"okapi/steps/segmentation/src/test/resources/TestICU4J.srx":          {read: []string{"7:103 " + icu4j}},
		// A single segment keeps its white space; a range rule keeps
		// Okapi from breaking between inline codes.
		"help/tutorials/tutorial_01/files/StringInfo.srx": {read: []string{`7:17 oneSegmentIncludesAll="yes"`, "9:1 rangeRule"}},
		"okapi/libraries/lib-segmentation/src/test/resources/isolated_code.srx": {read: []string{
			"7:44 " + trimLeading, "7:72 " + trimTrailing, `7:120 treatIsolatedCodesAsWhitespace="yes"`}},
		"okapi/libraries/lib-segmentation/src/test/resources/tradosSegmentation.srx": {read: []string{`7:103 useJavaRegex="no"`}},
		// Whitespace kept in the segments.
		"okapi-integration-tests/src/test/resources/default.srx":                        {read: []string{"8:48 " + trimLeading}},
		"okapi-integration-tests/src/test/resources/test.srx":                           {read: []string{"7:44 " + trimLeading, "7:72 " + trimTrailing}},
		"okapi/examples/java/myRules.srx":                                               {read: []string{"7:44 " + trimLeading, "7:72 " + trimTrailing}},
		"okapi/libraries/lib-segmentation/src/test/resources/language_tools_german.srx": {read: []string{"7:44 " + trimLeading, "7:72 " + trimTrailing}},
		"okapi/steps/segmentation/src/test/resources/Segmentation.srx":                  {read: []string{"7:44 " + trimLeading, "7:72 " + trimTrailing}},
		"okapi/steps/segmentation/src/test/resources/issue277.srx":                      {read: []string{"7:44 " + trimLeading, "7:72 " + trimTrailing}},
		"website/sample20.srx": {read: []string{"7:44 " + trimLeading, "7:72 " + trimTrailing}},
		// LanguageTool's rules as Okapi's aligner and steps carry them.
		"okapi/steps/aligner/src/main/resources/net/sf/okapi/steps/gcaligner/default.srx":                     {read: []string{"10:4 " + trimLeading}},
		"okapi/steps/repetitionanalysis/src/test/resources/net/sf/okapi/steps/repetitionanalysis/default.srx": {read: []string{"10:4 " + trimLeading}},
		"okapi/steps/scopingreport/src/test/resources/net/sf/okapi/steps/scopingreport/default.srx":           {read: []string{"10:4 " + trimLeading}},
		"okapi/steps/whitespacecorrection/src/test/resources/segmentation-rules.srx":                          {read: []string{"10:4 " + trimLeading}},
		// An empty file: no srx element, no rules.
		"okapi-integration-tests/src/test/resources/corrupt/empty.srx": {refused: "okapi-integration-tests/src/test/resources/corrupt/empty.srx:1:1: the file is empty: an SRX file holds an <srx> element with the rules"},
	}
	root := filepath.Join(testtool.SharedDir(t), "reference", "interop", "okapi")
	var seen []string
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.EqualFold(filepath.Ext(path), ".srx") {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		seen = append(seen, rel)
		w, ok := want[rel]
		if !ok {
			t.Errorf("%s: an SRX file the test does not know", rel)
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		r, err := ParseSRX(bytes.NewReader(data), rel)
		switch {
		case err != nil && w.refused == "":
			t.Errorf("%s is refused, want it read: %v", rel, err)
			return nil
		case err != nil:
			if err.Error() != w.refused {
				t.Errorf("%s is refused:\n got %v\nwant %s", rel, err, w.refused)
			}
			return nil
		case w.refused != "":
			t.Errorf("%s is read, want it refused: %s", rel, w.refused)
			return nil
		}
		if got := okapiWarnings(r); !slices.Equal(got, w.read) {
			t.Errorf("%s: warnings\n got %q\nwant %q", rel, got, w.read)
		}
		if err := r.Validate(); err != nil {
			t.Errorf("%s: %v", rel, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for rel := range want {
		if !slices.Contains(seen, rel) {
			t.Errorf("%s is not under %s", rel, root)
		}
	}
}

var optionSetting = regexp.MustCompile(`\w+="[^"]*"`)

// okapiWarnings lists the rules' warnings as line:col and what they are
// about: the option as set, rangeRule, or cascade.
func okapiWarnings(r *Rules) []string {
	var out []string
	for _, w := range r.Warnings {
		what := w.Rule
		switch {
		case w.Rule == diag.SRXCascade:
			what = "cascade"
		case strings.Contains(w.Message, "okpsrx:rangeRule"):
			what = "rangeRule"
		case w.Rule == diag.SRXOption:
			what = optionSetting.FindString(w.Message)
		}
		out = append(out, fmt.Sprintf("%d:%d %s", w.Start.Line, w.Start.Col, what))
	}
	return out
}
