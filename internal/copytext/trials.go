package copytext

import (
	"math/rand"
	"testing"
)

// Tally is what a property test counts: the marks (comments, checks) whose words survived, those
// put on other words and those lost.
type Tally struct {
	Wrong, Lost, Survivors int
	// Doubted counts the checks taken back from a quotation that survived beside a copy of it
	// the edit made, the same stretch read twice in a row, which no text can tell from the copy.
	Doubted int
}

// Trials runs trial once for each seed from 0 to seeds-1, each with a random source of its own
// seeded with it, logs the seeds with any mark wrong or lost, and returns the sums. It takes t
// only so that those lines name the test.
func Trials(t testing.TB, seeds int64, trial func(rng *rand.Rand) Tally) Tally {
	t.Helper()
	var sum Tally
	for seed := range seeds {
		n := trial(rand.New(rand.NewSource(seed)))
		if n.Wrong+n.Lost > 0 {
			t.Logf("seed %d: %d wrong, %d lost of %d", seed, n.Wrong, n.Lost, n.Survivors)
		}
		sum.Wrong, sum.Lost, sum.Survivors, sum.Doubted = sum.Wrong+n.Wrong, sum.Lost+n.Lost, sum.Survivors+n.Survivors, sum.Doubted+n.Doubted
	}
	return sum
}
