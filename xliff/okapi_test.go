package xliff

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/internal/testtool"
)

// okapiWant is what reading a file of Okapi's tests gives: refused, the
// error, its place in the file and its message; or read, with the
// warning, if any.
type okapiWant struct {
	refused string // "line:col: message"
	warning string
}

// okapiFiles are the XLIFF files (.xlf, .sdlxliff) that the Okapi
// Framework's tests read, as Okapi, Trados Studio, memoQ, XTM, Swordfish,
// PASSOLO and other tools wrote them, by their path under
// reference/interop/okapi. Every file that is valid XLIFF is read, but
// for the ones whose comments say why not; every file that is not is
// refused at its fault.
var okapiFiles = map[string]okapiWant{
	"applications/integration-tests/src/test/resources/gold/htmltest.html.xlf": {},
	"okapi/filters/xliff/src/test/resources/BinUnitTest01.xlf":                 {},
	"okapi/filters/xliff/src/test/resources/JMP-11-Test01.xlf":                 {warning: "XLIFF 1.1 is read as XLIFF 1.2, of which it is a part"},
	"okapi/filters/xliff/src/test/resources/MQ-12-Test01.xlf":                  {},
	"okapi/filters/xliff/src/test/resources/Manual-12-AltTrans.xlf":            {},
	"okapi/filters/xliff/src/test/resources/NSTest01.xlf":                      {},
	"okapi/filters/xliff/src/test/resources/OnTramTest01.xlf":                  {},
	// PASSOLO 3.0: XLIFF 1.0 without a namespace (and, were it read,
	// trans-unit id "1" twice in one <file>).
	"okapi/filters/xliff/src/test/resources/PAS-10-Test01.xlf": {refused: "2:1: XLIFF 1.0 is not supported: convert the file to XLIFF 1.2 or 2.x"},
	"okapi/filters/xliff/src/test/resources/RB-11-Test01.xlf":  {warning: "XLIFF 1.1 is read as XLIFF 1.2, of which it is a part"},
	"okapi/filters/xliff/src/test/resources/RB-12-Test02.xlf":  {},
	// Swordfish: trans-unit "Export" twice in one <file>, which XLIFF 1.2
	// forbids (xmllint: duplicate key-sequence).
	"okapi/filters/xliff/src/test/resources/SF-12-Test01.xlf":        {refused: "712:1: trans-unit id \"Export\" is already used on line 92: IDs must be unique in a <file>"},
	"okapi/filters/xliff/src/test/resources/SF-12-Test02.xlf":        {},
	"okapi/filters/xliff/src/test/resources/SF-12-Test03.xlf":        {},
	"okapi/filters/xliff/src/test/resources/TS09-12-Test01.xlf":      {},
	"okapi/filters/xliff/src/test/resources/Test_Context_and_PH.xlf": {},
	"okapi/filters/xliff/src/test/resources/Typo3Draft.xlf":          {},
	"okapi/filters/xliff/src/test/resources/Xslt-Test01.xlf":         {},
	"okapi/filters/xliff/src/test/resources/addingElements.xlf":      {},
	"okapi/filters/xliff/src/test/resources/altTrans-100.xlf":        {},
	"okapi/filters/xliff/src/test/resources/alttrans.xlf":            {},
	// Not XML: a character reference to U+0003.
	"okapi/filters/xliff/src/test/resources/invalid_xml_entity.xlf": {refused: "8:29: illegal character code U+0003 in the <target> of trans-unit tu1_tu1"},
	"okapi/filters/xliff/src/test/resources/iwsxliff/test1_es.xlf":  {},
	// Trados Studio: <g id="203"> (one tag definition) three times in one
	// source is read, each <g> a pair of its own; <x id="589"/> before the
	// first segment marker, with a space between them, goes with the
	// space to the segment's start.
	"okapi/filters/xliff/src/test/resources/iwsxliff/test2_es.xlf":                   {},
	"okapi/filters/xliff/src/test/resources/iwsxliff/test3_pt_BZ.xlf":                {},
	"okapi/filters/xliff/src/test/resources/iwsxliff/test4_fr.xlf":                   {},
	"okapi/filters/xliff/src/test/resources/lqiExtensions.xlf":                       {},
	"okapi/filters/xliff/src/test/resources/lqiTest.xlf":                             {},
	"okapi/filters/xliff/src/test/resources/sdlxliff/FFFEBOM15992.sdlxliff":          {},
	"okapi/filters/xliff/src/test/resources/sdlxliff/TS09-12-Test01.sdlxliff":        {},
	"okapi/filters/xliff/src/test/resources/sdlxliff/UTF8WithBOM16001.sdlxliff":      {},
	"okapi/filters/xliff/src/test/resources/sdlxliff/bad_textUnit15971.sdlxliff":     {},
	"okapi/filters/xliff/src/test/resources/sdlxliff/okapi_intro_test15977.sdlxliff": {},
	"okapi/filters/xliff/src/test/resources/segmented.xlf":                           {},
	"okapi/filters/xliff/src/test/resources/segsource.xlf":                           {},
	"okapi/filters/xliff/src/test/resources/test1_es.xlf":                            {},
	// The same file as iwsxliff/test2_es.xlf.
	"okapi/filters/xliff/src/test/resources/test2_es.xlf":                   {},
	"okapi/filters/xliff/src/test/resources/xtmxliff/StatusSample.docx.xlf": {},
	"okapi/filters/xliff2/src/test/resources/escaped.xlf":                   {},
	"okapi/filters/xliff2/src/test/resources/gold/test01.xlf.xlf":           {},
	// fs:subFs without fs:fs, which the Format Style module forbids.
	"okapi/filters/xliff2/src/test/resources/gold/test01.xliff2.xlf":                  {refused: "3:2: fs:subFs on <file> needs fs:fs"},
	"okapi/filters/xliff2/src/test/resources/gold/test02.xlf.xlf":                     {},
	"okapi/filters/xliff2/src/test/resources/roundtrips/comprehensive_data_input.xlf": {},
	// <skeleton> after the <notes> of <file>: not valid by the schema.
	"okapi/filters/xliff2/src/test/resources/roundtrips/comprehensive_data_output.xlf": {refused: "26:3: <skeleton> must come first in <file>"},
	// An <ignorable> holding a code, " <ph id="1"/>. " between two
	// segments: valid XLIFF 2 that loctool does not model. What lies
	// between segments is text only in its model, and the code cannot go
	// to a segment beside it, as XLIFF 1.2's codes between markers do,
	// without text (". ") moving with it into a translatable segment.
	"okapi/filters/xliff2/src/test/resources/roundtrips/empty_placeholder_input.xlf":                {refused: "8:5: an <ignorable> of unit 1 holds inline codes: loctool keeps only text between segments"},
	"okapi/filters/xliff2/src/test/resources/roundtrips/empty_placeholder_output.xlf":               {refused: "8:5: an <ignorable> of unit 1 holds inline codes: loctool keeps only text between segments"},
	"okapi/filters/xliff2/src/test/resources/roundtrips/ignorable.xlf":                              {},
	"okapi/filters/xliff2/src/test/resources/roundtrips/multiple_placeholders_same_data_input.xlf":  {},
	"okapi/filters/xliff2/src/test/resources/roundtrips/multiple_placeholders_same_data_output.xlf": {},
	"okapi/filters/xliff2/src/test/resources/roundtrips/placeholder_code_type_input.xlf":            {},
	"okapi/filters/xliff2/src/test/resources/roundtrips/placeholder_code_type_output.xlf":           {},
	"okapi/filters/xliff2/src/test/resources/roundtrips/placeholders_input.xlf":                     {},
	"okapi/filters/xliff2/src/test/resources/roundtrips/placeholders_output.xlf":                    {},
	"okapi/filters/xliff2/src/test/resources/roundtrips/simple_input.xlf":                           {},
	"okapi/filters/xliff2/src/test/resources/roundtrips/simple_output.xlf":                          {},
	"okapi/filters/xliff2/src/test/resources/roundtrips/simple_version_input.xlf":                   {},
	"okapi/filters/xliff2/src/test/resources/roundtrips/simple_version_output.xlf":                  {},
	// fs:subFs without fs:fs, which the Format Style module forbids.
	"okapi/filters/xliff2/src/test/resources/roundtrips/test02_input.xlf":         {refused: "3:2: fs:subFs on <file> needs fs:fs"},
	"okapi/filters/xliff2/src/test/resources/roundtrips/test02_output.xlf":        {refused: "3:2: fs:subFs on <file> needs fs:fs"},
	"okapi/filters/xliff2/src/test/resources/roundtrips/update_target_input.xlf":  {},
	"okapi/filters/xliff2/src/test/resources/roundtrips/update_target_output.xlf": {},
	// fs:subFs without fs:fs, which the Format Style module forbids.
	"okapi/filters/xliff2/src/test/resources/test01.xlf":                           {refused: "3:2: fs:subFs on <file> needs fs:fs"},
	"okapi/filters/xliff2/src/test/resources/test02.xlf":                           {refused: "3:2: fs:subFs on <file> needs fs:fs"},
	"okapi-integration-tests/src/test/resources/xliff/BinUnitTest01.xlf":           {},
	"okapi-integration-tests/src/test/resources/xliff/DLG_createEstimate.html.xlf": {},
	"okapi-integration-tests/src/test/resources/xliff/DLG_createTKit.html.xlf":     {},
	// XTM: a target ("BAD FR2__…") with x3 where its source has x1: valid
	// XLIFF 1.2, but a translation that drops a code of its source
	// (ReadOptions.KeepCodeMismatches reads it).
	"okapi-integration-tests/src/test/resources/xliff/ImplementationPlan.docx.xlf": {refused: "214:4689: trans-unit t1, segment 1: the target's inline codes do not match the source's: missing placeholder code x1 (); unexpected placeholder code x3 (); each code of the source must appear once in the target"},
	"okapi-integration-tests/src/test/resources/xliff/JMP-11-Test01.xlf":           {warning: "XLIFF 1.1 is read as XLIFF 1.2, of which it is a part"},
	"okapi-integration-tests/src/test/resources/xliff/MQ-12-Test01.xlf":            {},
	"okapi-integration-tests/src/test/resources/xliff/NSTest01.xlf":                {},
	"okapi-integration-tests/src/test/resources/xliff/OnTramTest01.xlf":            {},
	// PASSOLO 3.0: XLIFF 1.0 without a namespace (and, were it read,
	// trans-unit id "1" twice in one <file>).
	"okapi-integration-tests/src/test/resources/xliff/PAS-10-Test01.xlf": {refused: "2:1: XLIFF 1.0 is not supported: convert the file to XLIFF 1.2 or 2.x"},
	"okapi-integration-tests/src/test/resources/xliff/RB-11-Test01.xlf":  {warning: "XLIFF 1.1 is read as XLIFF 1.2, of which it is a part"},
	"okapi-integration-tests/src/test/resources/xliff/RB-12-Test02.xlf":  {},
	// Swordfish: trans-unit "Export" twice in one <file>, which XLIFF 1.2
	// forbids (xmllint: duplicate key-sequence).
	"okapi-integration-tests/src/test/resources/xliff/SF-12-Test01.xlf":   {refused: "712:1: trans-unit id \"Export\" is already used on line 92: IDs must be unique in a <file>"},
	"okapi-integration-tests/src/test/resources/xliff/SF-12-Test02.xlf":   {},
	"okapi-integration-tests/src/test/resources/xliff/SF-12-Test03.xlf":   {},
	"okapi-integration-tests/src/test/resources/xliff/TS09-12-Test01.xlf": {},
	"okapi-integration-tests/src/test/resources/xliff/Typo3Draft.xlf":     {},
	"okapi-integration-tests/src/test/resources/xliff/Xslt-Test01.xlf":    {},
	// Topics of MadCap Flare: <ph id="1"> and <bpt id="1"> in one source,
	// each a code of its own (XLIFF 1.2's ids on inline elements need not
	// be unique).
	"okapi-integration-tests/src/test/resources/xliff/about_the.htm.xlf":    {},
	"okapi-integration-tests/src/test/resources/xliff/addingattributes.xlf": {},
	"okapi-integration-tests/src/test/resources/xliff/addingelements.xlf":   {},
	// Trados Studio: <g id="123"> used twice in one source is read, as in
	// test2_es.xlf; a <g id="138"> holding only the space between two
	// segment markers opens at the end of the first and closes at the
	// start of the second, the space between them; a <g> closed after the
	// space that follows the last marker takes the space to its end.
	"okapi-integration-tests/src/test/resources/xliff/d_Lux_MediaArts215986.xlf":      {},
	"okapi-integration-tests/src/test/resources/xliff/error_invalid_xml_on_merge.xlf": {},
	// Not XML: Latin-1 bytes in a file that declares no encoding, so UTF-8.
	"okapi-integration-tests/src/test/resources/xliff/generalstructure.xlf": {refused: "17:23: invalid UTF-8 in the <alt-trans> of trans-unit hi"},
	// Not XML: Latin-1 bytes in a file that declares no encoding, so UTF-8.
	"okapi-integration-tests/src/test/resources/xliff/groupingtranslations.xlf":                  {refused: "11:25: invalid UTF-8 in the <target> of trans-unit t1"},
	"okapi-integration-tests/src/test/resources/xliff/lqiTest.xlf":                               {},
	"okapi-integration-tests/src/test/resources/xliff/nonequivalenttranslation.xlf":              {},
	"okapi-integration-tests/src/test/resources/xliff/sdlxliff/DLG_createEstimate.html.sdlxliff": {},
	"okapi-integration-tests/src/test/resources/xliff/sdlxliff/FFFEBOM15992.sdlxliff":            {},
	"okapi-integration-tests/src/test/resources/xliff/sdlxliff/TS09-12-Test01.sdlxliff":          {},
	"okapi-integration-tests/src/test/resources/xliff/sdlxliff/UTF8WithBOM16001.sdlxliff":        {},
	"okapi-integration-tests/src/test/resources/xliff/sdlxliff/bad_textUnit15971.sdlxliff":       {},
	"okapi-integration-tests/src/test/resources/xliff/sdlxliff/okapi_intro_test15977.sdlxliff":   {},
	"okapi-integration-tests/src/test/resources/xliff/segmentation2.xlf":                         {},
	"okapi-integration-tests/src/test/resources/xliff/simple.xlf":                                {},
	"okapi-integration-tests/src/test/resources/xliff/simplevalidated.xlf":                       {},
	"okapi-integration-tests/src/test/resources/xliff/test1_es.xlf":                              {},
	// The same file as iwsxliff/test2_es.xlf.
	"okapi-integration-tests/src/test/resources/xliff/test2_es.xlf":                                   {},
	"okapi-integration-tests/src/test/resources/xliff/translate_no.xlf":                               {},
	"okapi-integration-tests/src/test/resources/xliff/xliff_CDATA/647234_WiGigCU.xlf":                 {},
	"okapi-integration-tests/src/test/resources/xliff2/code_id_mismatch.xlf":                          {},
	"okapi-integration-tests/src/test/resources/xliff2/codefinder/en-fr.xlf":                          {},
	"okapi-integration-tests/src/test/resources/xliff2/debug/ignorable.xlf":                           {},
	"okapi-integration-tests/src/test/resources/xliff2/deepenSegmentation/2020-10-12.xlf":             {},
	"okapi-integration-tests/src/test/resources/xliff2/deepenSegmentation/ignorable.xlf":              {},
	"okapi-integration-tests/src/test/resources/xliff2/deepenSegmentation/issue989.xlf":               {},
	"okapi-integration-tests/src/test/resources/xliff2/deepenSegmentation/paragraphs-source-only.xlf": {},
	"okapi-integration-tests/src/test/resources/xliff2/deepenSegmentation/paragraphs-with-target.xlf": {},
	"okapi-integration-tests/src/test/resources/xliff2/duplicate_inline_tags/duplicate_tag_ids.xlf":   {},
	"okapi-integration-tests/src/test/resources/xliff2/duplicate_inline_tags/unique_id.xlf":           {},
	"okapi-integration-tests/src/test/resources/xliff2/mergeIntoParagraph/test_seg.xlf":               {},
	"okapi-integration-tests/src/test/resources/xliff2/notes.xlf":                                     {},
	"okapi-integration-tests/src/test/resources/xliff2/test01.xlf":                                    {},
	"okapi-integration-tests/src/test/resources/xliff2/test02.xlf":                                    {},
	"okapi-integration-tests/src/test/resources/xliff2/test3.xlf":                                     {},
	"okapi-integration-tests/src/test/resources/xliff2/white_space.xlf":                               {},
}

// TestOkapiFiles reads every XLIFF file of Okapi's tests, as the table
// says it reads, and finds no file the table does not have.
func TestOkapiFiles(t *testing.T) {
	root := filepath.Join(testtool.SharedDir(t), "reference", "interop", "okapi")
	var found []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if ext := strings.ToLower(filepath.Ext(path)); !d.IsDir() && (ext == ".xlf" || ext == ".sdlxliff") {
			rel, err := filepath.Rel(root, path)
			found = append(found, filepath.ToSlash(rel))
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	read := 0
	for _, rel := range found {
		t.Run(rel, func(t *testing.T) {
			want, ok := okapiFiles[rel]
			if !ok {
				t.Fatalf("not in okapiFiles: add it, read or refused")
			}
			data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
			if err != nil {
				t.Fatal(err)
			}
			var warnings []string
			opts := ReadOptions{Warn: func(w diag.Diagnostic) { warnings = append(warnings, w.Message) }}
			_, _, err = opts.ReadAll(bytes.NewReader(data), rel)
			if want.refused == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				read++
				if got := strings.Join(warnings, "; "); got != want.warning {
					t.Errorf("warnings %q, want %q", got, want.warning)
				}
				return
			}
			var e *Error
			switch {
			case err == nil:
				t.Fatalf("read, want %s", want.refused)
			case !errors.As(err, &e):
				t.Errorf("%T is not an *Error", err)
			case err.Error() != rel+":"+want.refused:
				t.Errorf("got  %v\nwant %s:%s", err, rel, want.refused)
			}
		})
	}
	for rel := range okapiFiles {
		if !slices.Contains(found, rel) {
			t.Errorf("%s: in okapiFiles, but not in the reference folder", rel)
		}
	}
	t.Logf("%d files read, %d refused", read, len(found)-read)
}
