package store_test

import (
	"os"
	"testing"

	"github.com/copydesk/copydesk/internal/store/storetest"
)

// TestMain runs every test on SQLite, and again on PostgreSQL when COPYDESK_TEST_POSTGRES is set.
func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }
