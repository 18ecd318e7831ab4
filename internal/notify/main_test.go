package notify_test

import (
	"os"
	"testing"

	"github.com/copydesk/copydesk/internal/store/storetest"
)

// TestMain runs the tests on SQLite, then again on PostgreSQL when the tests have one.
func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }
