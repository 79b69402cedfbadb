package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestWorkersFlag(t *testing.T) {
	runT := func(args ...string) (string, string, error) {
		var stdout, stderr bytes.Buffer
		app := newApp(strings.NewReader(""), &stdout, &stderr)
		err := app.RunContext(context.Background(), append([]string{"chronicle", "csv", "--all"}, args...))
		return stdout.String(), stderr.String(), err
	}
	want, _, err := runT("--workers", "1")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(want, "source,outlet,published,") {
		t.Fatalf("no CSV header in %q", want)
	}
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"default", nil, ""},
		{"two", []string{"--workers", "2"}, ""},
		{"five", []string{"--workers", "5"}, ""},
		{"negative", []string{"--workers", "-1"}, "--workers -1: give a positive number of workers, or 0 for one per CPU"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := runT(tt.args...)
			if tt.wantErr != "" {
				ee, ok := err.(*exitError)
				if !ok || ee.code != 2 || err.Error() != tt.wantErr {
					t.Fatalf("err = %v, want usage error %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("output differs from --workers 1:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
