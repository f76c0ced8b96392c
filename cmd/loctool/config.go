package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/viper"

	"github.com/loctool/loctool/internal/atomicfile"
	"github.com/loctool/loctool/project"
)

// configName is the configuration file looked for in the current folder.
const configName = "config.yaml"

// openProject loads the configuration and opens the project, for a
// command that segments articles when segments is set.
func openProject(io *ioStreams, segments bool) (*project.Project, error) {
	f, err := loadConfig(io)
	if err != nil {
		return nil, err
	}
	open := project.Open
	if !segments {
		open = project.OpenLazily
	}
	p, err := open(f.Config)
	var ce *project.ConfigError
	if errors.As(err, &ce) {
		return nil, configError(f.Place(err))
	}
	return p, err
}

// loadConfig reads the project's configuration: --config, or config.yaml
// in the current folder, with the LOCTOOL_ environment variables over it.
func loadConfig(io *ioStreams) (*project.ConfigFile, error) {
	file := io.configFile
	if file == "" {
		file = configName
		if _, err := os.Stat(file); errors.Is(err, fs.ErrNotExist) {
			return nil, usageError(errors.New("no config.yaml in the current folder"),
				"run loctool in the folder of your project, or give --config path/to/config.yaml")
		}
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, err
	}
	data, err := atomicfile.ReadRegular(abs)
	var nr *atomicfile.NotRegularError
	if errors.As(err, &nr) {
		hint := "give --config the path of the configuration's file"
		if io.configFile == "" {
			hint = "put the project's configuration file in its place"
		}
		return nil, usageError(fmt.Errorf("%s is %s, not a file: cannot read the configuration", file, nr.What()), hint)
	}
	if err != nil {
		return nil, usageError(fmt.Errorf("cannot read the configuration: %w", err), "check the path given to --config")
	}
	f, err := project.DecodeConfig(project.ConfigSource{File: file, Data: data, Root: filepath.Dir(abs), Env: envSettings()})
	if err != nil {
		return nil, configError(err)
	}
	return f, nil
}

// envSettings reads, through viper, the settings environment variables
// give ([envVar]). An empty variable is as if unset.
func envSettings() []project.EnvSetting {
	v := viper.New()
	var out []project.EnvSetting
	for _, s := range project.Settings() {
		name := envVar(s.Key)
		if v.BindEnv(s.Key, name) == nil && v.IsSet(s.Key) {
			out = append(out, project.EnvSetting{Key: s.Key, Var: name, Value: v.GetString(s.Key)})
		}
	}
	return out
}

// envVar is the environment variable of a setting: LOCTOOL_ and its key
// in capitals, with _ for its dots and hyphens, a name any shell can
// export (LOCTOOL_SEGMENTATION_RULES, LOCTOOL_LIMITS_MAX_SIZE).
func envVar(key string) string {
	return "LOCTOOL_" + strings.ToUpper(strings.NewReplacer(".", "_", "-", "_").Replace(key))
}

// configError makes a configuration's problem a usage error, at its
// place and with its hint; of several, the first in the file.
func configError(err error) error {
	if joined, ok := err.(interface{ Unwrap() []error }); ok && len(joined.Unwrap()) > 0 {
		err = joined.Unwrap()[0]
	}
	var ce *project.ConfigError
	if !errors.As(err, &ce) {
		return usageError(err)
	}
	d := ce.Diagnostic()
	var e error = errors.New(d.Message)
	if d.File != "" {
		e = &positionError{file: d.File, line: d.Start.Line, col: d.Start.Col, msg: d.Message}
	}
	if d.Hint == "" {
		return usageError(e)
	}
	return usageError(e, d.Hint)
}
