package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
	"github.com/copydesk/copydesk/internal/store"
)

// footerFlag adds --footer-file, defaulting to $COPYDESK_FOOTER_FILE; empty means the built-in
// footer.
func footerFlag(fs *flag.FlagSet, e env) *string {
	return fs.String("footer-file", e.getenv("COPYDESK_FOOTER_FILE"), "file whose lines are the site footer of every published piece (env COPYDESK_FOOTER_FILE; default: the house footer)")
}

// loadFooter reads the footer lines from path, or returns the house footer when path is empty.
func loadFooter(path string) ([]string, error) {
	if path == "" {
		return publish.DefaultFooter, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("footer: %w", err)
	}
	text := strings.TrimRight(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
	if text == "" {
		return []string{}, nil
	}
	return strings.Split(text, "\n"), nil
}

// readPiece reads the house-format file at path, refusing one larger than newsroom.MaxTextBytes,
// the most the API takes for an import too: no piece within the limits is larger, and a file
// given by mistake (a disk image, /dev/zero) would otherwise be read into memory whole.
func readPiece(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, newsroom.MaxTextBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(data) > newsroom.MaxTextBytes {
		return nil, fmt.Errorf("%s is larger than %d bytes, the most a piece in the house format may take; nothing was imported", path, newsroom.MaxTextBytes)
	}
	return data, nil
}

func importCmd(ctx context.Context, args []string, e env) error {
	fs := newFlags(e, "import", "import FILE --author USERNAME [--db FILE] [--footer-file FILE]",
		"Creates a draft, owned by the writer USERNAME, from a piece in the house text format, and prints it as JSON.\nA file not in the house format is refused with the line and what was expected; nothing is imported.")
	author := fs.String("author", "", "username of the writer who will own the draft")
	db, policyDir := dbFlag(fs, e), policiesFlag(fs, e)
	footerFile := footerFlag(fs, e)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *author == "" {
		return fmt.Errorf("usage: copydesk import FILE --author USERNAME")
	}
	data, err := readPiece(pos[0])
	if err != nil {
		return err
	}
	footer, err := loadFooter(*footerFile)
	if err != nil {
		return err
	}
	st, _, err := openStore(ctx, *db, *policyDir)
	if err != nil {
		return err
	}
	defer st.Close()
	d, err := st.Import(store.AsOperator(ctx), *author, data, footer)
	if err != nil {
		return fmt.Errorf("%s: %s", pos[0], message(err))
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(d)
}
