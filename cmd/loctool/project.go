package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/internal/atomicfile"
	"github.com/loctool/loctool/project"
)

// noArticles says that no article matches the patterns of config.yaml:
// there is nothing to do.
func noArticles(io *ioStreams, p *project.Project) {
	fmt.Fprintf(io.errOut, "loctool: warning: no article matches articles: [%s] of config.yaml: nothing to do\n", strings.Join(p.Config.Articles, ", "))
}

// noHandoffs says that there is no handoff file to merge.
func noHandoffs(io *ioStreams, p *project.Project) {
	fmt.Fprintf(io.errOut, "loctool: warning: no handoff file in %s: run loctool extract first\n", p.Locales)
}

// apply writes a plan's files, and says what to do when it cannot.
func apply(plan *project.Plan, p *project.Project) error { return applyIn(plan, p.Root) }

// applyIn writes a plan's files under root.
func applyIn(plan *project.Plan, root string) error {
	written, err := plan.Apply(root)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, atomicfile.ErrNotRegular):
		return failure(err, "nothing was written")
	case written > 0:
		return failure(fmt.Errorf("cannot write the files: %w", err), "fix what failed, then run the command again: it first puts those files back")
	}
	return failure(fmt.Errorf("cannot write the files: %w", err),
		"nothing was written: check that the project's folders can be written and the disk has room, then run the command again")
}

// lockProject takes the project's lock for a command that writes its
// files.
func lockProject(p *project.Project, command string) (unlock func(), err error) {
	unlock, err = p.Lock(command)
	var le *project.LockedError
	if errors.As(err, &le) {
		return nil, failure(err, "the lock goes with the process that holds it: if that loctool hangs, stop it")
	}
	return unlock, err
}

// useGlossaries gives the project the glossary files of --glossary and
// the cache of loaded glossaries.
func useGlossaries(p *project.Project, files []string) {
	p.ExtraGlossaries = files
	p.GlossaryCache = glossaryCache()
}

// givenGlossaries are glossary files given on the command line, each
// read from its path, absolute or relative to the working folder, and
// named in messages as given.
func givenGlossaries(paths []string) []glossary.File {
	files := make([]glossary.File, len(paths))
	for i, path := range paths {
		files[i] = glossary.File{Name: path}
	}
	return files
}

// glossaryError says what to do about a glossary that cannot be loaded.
func glossaryError(err error) error {
	var ge *glossary.Error
	var ce *project.ConfigError
	switch {
	case errors.As(err, &ce):
		return configError(err)
	case errors.As(err, &ge):
		var hints []string
		if ge.Hint != "" {
			hints = append(hints, ge.Hint)
		}
		if builtinConflict(err) {
			hints = append(hints, "the built-in glossary has a part in it: builtin-glossary: false in config.yaml, or check --no-builtin, leaves it out; loctool glossary explain SPELLING says where a spelling comes from")
		}
		return usageError(err, append(hints, "fix the glossary, or its path in config.yaml or --glossary; each error names its file and line")...)
	}
	return err
}

// builtinConflict reports whether the built-in glossary has a part in
// any of the glossary errors err joins.
func builtinConflict(err error) bool {
	var ge *glossary.Error
	if errors.As(err, &ge) && ge.Builtin {
		return true
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			if builtinConflict(e) {
				return true
			}
		}
	}
	return false
}

// glossaryCache returns where loaded glossaries are kept: the folder
// LOCTOOL_CACHE names, or loctool's folder in the user's cache folder;
// none when LOCTOOL_CACHE is off or there is no such folder.
func glossaryCache() glossary.Cache {
	dir := os.Getenv("LOCTOOL_CACHE")
	switch dir {
	case "off":
		return glossary.Cache{}
	case "":
		d, err := os.UserCacheDir()
		if err != nil {
			return glossary.Cache{}
		}
		dir = filepath.Join(d, "loctool")
	}
	// An entry is this build's: a rebuilt loctool makes its own.
	exe, err := os.Executable()
	if err != nil {
		return glossary.Cache{}
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return glossary.Cache{}
	}
	return glossary.Cache{Dir: dir, Program: fmt.Sprintf("%s %s %d %d", loctoolVersion(), exe, fi.Size(), fi.ModTime().UnixNano())}
}

// projectPaths returns paths given on the command line relative to the
// project's folder, or fails for one outside it.
func projectPaths(p *project.Project, paths []string) ([]string, error) {
	var rels []string
	for _, path := range paths {
		abs, err := filepath.Abs(path)
		if err != nil {
			return nil, err
		}
		rel, err := project.Rel(p.Root, abs)
		if err != nil {
			rel = abs // a file outside the project, for check to read as it is
		}
		rels = append(rels, rel)
	}
	return rels, nil
}

// parseLangs reads a --lang list.
func parseLangs(s string) ([]language.Tag, error) {
	var tags []language.Tag
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		tag, err := language.Parse(f)
		if err != nil {
			return nil, usageError(fmt.Errorf("invalid language tag %q for --lang", f), "give BCP 47 tags separated by commas, such as --lang ru,kk")
		}
		tags = append(tags, tag)
	}
	return tags, nil
}

// inProject reports whether the command runs in a project: --config is
// given, or config.yaml is in the current folder.
func inProject(io *ioStreams) bool {
	if io.configFile != "" {
		return true
	}
	_, err := os.Stat(configName)
	return err == nil
}
