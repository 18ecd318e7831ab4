package revpack

// MaxDepth is how many deltas at most follow a keyframe. Rebuilding a revision unpacks its
// keyframe and every delta up to it, so this bounds the time a read takes; a keyframe costs
// several deltas' bytes, so the longer the chains the smaller the store (see docs/performance.md).
const MaxDepth = 15

// maxChainText bounds the bytes a rebuild unpacks in all, its keyframe and each delta counted at
// the whole text's size: on the largest drafts it, not MaxDepth, ends a chain, so that a
// rebuild stays well under 2 ms whatever the draft's size.
const maxChainText = 1 << 20

// Chain describes the chain a revision ends: Depth deltas after a keyframe of KeyBytes, and
// Bytes packed in all, the keyframe's included.
type Chain struct {
	Depth    int
	KeyBytes int
	Bytes    int
}

// Extends reports whether a delta of deltaBytes, of a text of textBytes marshalled, should
// follow the revision that ends c, rather than a keyframe. A chain ends at MaxDepth, when its
// deltas would add up to more than its keyframe (a new keyframe would then cost less, and
// reads get faster), or when a rebuild would unpack more than maxChainText.
func (c Chain) Extends(deltaBytes, textBytes int) bool {
	deltas := c.Bytes - c.KeyBytes + deltaBytes
	return c.Depth+1 <= MaxDepth && deltas <= c.KeyBytes && (c.Depth+2)*textBytes <= maxChainText
}
