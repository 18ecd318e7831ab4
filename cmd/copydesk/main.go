// Command copydesk runs Copydesk, the editorial workflow tool: the server, its migrations, user
// management and a demo newsroom. It only wires the internal packages together.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `copydesk — an editorial workflow tool for small newsrooms.

Usage:
  copydesk serve   [--addr 127.0.0.1:8080] [--db copydesk.db] [--demo]   run the server
  copydesk migrate [--db copydesk.db]                                    apply database migrations
  copydesk user add USERNAME --role ROLE [--name NAME] [--db …]          add a user (password on stdin)
  copydesk user passwd USERNAME [--db …]                                 set a user's password (on stdin); signs them out
  copydesk demo    [--db copydesk.db]                                    fill an empty database with a demo newsroom
  copydesk import  FILE --author USERNAME [--db …]                       import a piece in the house text format
  copydesk backup  OUT [--db copydesk.db]                                copy a live SQLite database to OUT
  copydesk restore IN [--db copydesk.db]                                 check a backup and put it in place (server stopped)
  copydesk policy  check|show [--policies DIR] [--format table|mermaid|dot]  check or print the workflow

Environment: COPYDESK_ADDR, COPYDESK_DB, COPYDESK_POLICIES, COPYDESK_FOOTER_FILE and
COPYDESK_BASE_URL set the defaults of --addr, --db, --policies, --footer-file and --base-url.
--policies names a folder whose workflow.yaml replaces the built-in workflow (serve, user,
demo and import read it). --db takes a SQLite file, or a
postgres://USER:PASSWORD@HOST/DB URL to run on PostgreSQL.
Run "copydesk COMMAND --help" for a command's flags.
`

// env is what a command reads from its surroundings; tests supply their own.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], env{os.Stdin, os.Stdout, os.Stderr, os.Getenv}))
}

// run executes one command line and returns the process's exit code.
func run(ctx context.Context, args []string, e env) int {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, usage)
		return 2
	}
	commands := map[string]func(context.Context, []string, env) error{
		"serve": serveCmd, "migrate": migrateCmd, "user": userCmd, "demo": demoCmd, "import": importCmd,
		"backup": backupCmd, "restore": restoreCmd, "policy": policyCmd,
	}
	cmd, ok := commands[args[0]]
	switch {
	case args[0] == "help" || args[0] == "-h" || args[0] == "--help":
		fmt.Fprint(e.stdout, usage)
		return 0
	case !ok:
		fmt.Fprintf(e.stderr, "copydesk: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	err := cmd(ctx, args[1:], e)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "copydesk %s: %s\n", args[0], message(err))
		return 1
	}
	return 0
}

// newFlags makes a command's flag set with the help text every command answers --help with.
func newFlags(e env, name, synopsis, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stdout, "Usage: copydesk %s\n\n%s\n\nFlags:\n", synopsis, about)
		fs.SetOutput(e.stdout)
		fs.PrintDefaults()
		fs.SetOutput(e.stderr)
	}
	return fs
}

// parseArgs parses flags wherever they stand among the arguments ("user add NAME --role x" and
// "user add --role x NAME" both work) and returns the positional arguments.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// dbFlag adds the --db flag, defaulting to $COPYDESK_DB or copydesk.db. A value starting with
// postgres:// or postgresql:// is a PostgreSQL URL; anything else is a SQLite file.
func dbFlag(fs *flag.FlagSet, e env) *string {
	def := e.getenv("COPYDESK_DB")
	if def == "" {
		def = "copydesk.db"
	}
	return fs.String("db", def, "SQLite database file, or a postgres:// URL for PostgreSQL (env COPYDESK_DB)")
}
