package merge

import "slices"

// mergeTopics merges the topic lists as sets: in theirs' order, without the topics mine
// removed, and with the topics mine added at the end. A side that left the list as it was
// takes the other's list whole, order included.
func mergeTopics(base, theirs, mine []string) []string {
	switch {
	case slices.Equal(mine, base):
		return theirs
	case slices.Equal(theirs, base), slices.Equal(theirs, mine):
		return mine
	}
	inBase, inMine := setOf(base), setOf(mine)
	out := []string{}
	seen := map[string]bool{}
	keep := func(t string) {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, t := range theirs {
		if !inBase[t] || inMine[t] {
			keep(t)
		}
	}
	for _, t := range mine {
		if !inBase[t] {
			keep(t)
		}
	}
	return out
}

func setOf(list []string) map[string]bool {
	set := make(map[string]bool, len(list))
	for _, t := range list {
		set[t] = true
	}
	return set
}
