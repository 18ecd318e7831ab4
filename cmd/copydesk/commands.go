package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/copydesk/copydesk/internal/demo"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// message is what the command line shows for an error: the user-facing text of application
// errors, and the full chain of anything else (the operator is at the machine).
func message(err error) string {
	var e *newsroom.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}

// openStore opens and migrates the database, returning the migrations it applied.
func openStore(ctx context.Context, path, policyDir string) (*store.Store, []string, error) {
	pol, err := loadPolicy(policyDir)
	if err != nil {
		return nil, nil, err
	}
	st, err := store.Open(path, store.Options{Policy: pol})
	if err != nil {
		return nil, nil, err
	}
	applied, err := st.Migrate(ctx)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, applied, nil
}

func migrateCmd(ctx context.Context, args []string, e env) error {
	fs := newFlags(e, "migrate", "migrate [--db FILE]", "Applies the pending database migrations and prints each one it applied.")
	db, policyDir := dbFlag(fs, e), policiesFlag(fs, e)
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	st, applied, err := openStore(ctx, *db, *policyDir)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, m := range applied {
		fmt.Fprintf(e.stdout, "applied %s\n", m)
	}
	if len(applied) == 0 {
		fmt.Fprintln(e.stdout, "database is up to date")
	}
	return nil
}

// userCmd runs "user passwd …" or "user add …".
func userCmd(ctx context.Context, args []string, e env) error {
	if len(args) > 0 && args[0] == "passwd" {
		return userPasswdCmd(ctx, args[1:], e)
	}
	return userAddCmd(ctx, args, e)
}

func userAddCmd(ctx context.Context, args []string, e env) error {
	fs := newFlags(e, "user add", "user add USERNAME --role writer|factchecker|editor|admin [--name NAME] [--email ADDRESS] [--db FILE]",
		"Adds a user. The password is read from standard input (one line; not echoed on a terminal).")
	role := fs.String("role", "", "the user's role, one the workflow declares (copydesk policy show lists them)")
	name := fs.String("name", "", "display name (the username when not given)")
	email := fs.String("email", "", "where their email notifications go (they can change it on their account page)")
	db, policyDir := dbFlag(fs, e), policiesFlag(fs, e)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 || pos[0] != "add" {
		fs.Usage()
		return errors.New(`usage: copydesk user add USERNAME --role ROLE`)
	}
	pw, err := readPassword(e)
	if err != nil {
		return err
	}
	st, _, err := openStore(ctx, *db, *policyDir)
	if err != nil {
		return err
	}
	defer st.Close()
	u, err := st.CreateUser(store.AsOperator(ctx), store.NewUser{Username: pos[1], Name: *name, Role: newsroom.Role(*role), Password: pw, Email: *email})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "added %s (%s)", u.Username, u.Role)
	if u.Email != "" {
		fmt.Fprintf(e.stdout, ", email to %s", u.Email)
	}
	fmt.Fprintln(e.stdout)
	return nil
}

func userPasswdCmd(ctx context.Context, args []string, e env) error {
	fs := newFlags(e, "user passwd", "user passwd USERNAME [--db FILE]",
		"Sets a user's password, read from standard input (one line; not echoed on a terminal), and signs them out\n"+
			"everywhere. It clears a reset's demand for a new password: the way back in when the last admin's is lost.")
	db, policyDir := dbFlag(fs, e), policiesFlag(fs, e)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return errors.New("usage: copydesk user passwd USERNAME")
	}
	pw, err := readPassword(e)
	if err != nil {
		return err
	}
	st, _, err := openStore(ctx, *db, *policyDir)
	if err != nil {
		return err
	}
	defer st.Close()
	u, err := st.SetPassword(store.AsOperator(ctx), pos[0], pw)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "password of %s (%s) changed; their sessions and API tokens are signed out\n", u.Username, u.Role)
	return nil
}

// readPassword reads one line from standard input, without echo when it is a terminal.
func readPassword(e env) (string, error) {
	if f, ok := e.stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(e.stderr, "Password: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		return string(b), err
	}
	line, err := bufio.NewReader(e.stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("reading password: %w", err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", errors.New("password must not be empty: write it on standard input")
	}
	return line, nil
}

func demoCmd(ctx context.Context, args []string, e env) error {
	fs := newFlags(e, "demo", "demo [--db FILE]",
		"Fills an empty database with a demo newsroom: one user per role (passwords printed once) and a sample draft.")
	db, policyDir := dbFlag(fs, e), policiesFlag(fs, e)
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	st, _, err := openStore(ctx, *db, *policyDir)
	if err != nil {
		return err
	}
	defer st.Close()
	return seedDemo(ctx, st, e)
}

func seedDemo(ctx context.Context, st *store.Store, e env) error {
	creds, err := demo.Seed(ctx, st)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "Demo newsroom ready. Sign in with (passwords are shown only this once):")
	for _, c := range creds {
		fmt.Fprintf(e.stdout, "  %-12s %-12s password %s\n", c.Username, c.Role, c.Password)
	}
	return nil
}
