// Package seeds embeds the five sample articles chronicle runs on when it
// is given no input: coverage of the 2 December 2025 Kremlin talks by five
// outlets, with YAML front matter.
package seeds

import (
	"embed"
	"io/fs"
)

//go:embed *.txt
var files embed.FS

// FS returns the embedded seed articles; file names are at its root.
func FS() fs.FS { return files }
