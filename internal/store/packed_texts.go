package store

import (
	"database/sql"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/revpack"
)

// packedText is a numbered revision's text as stored: packed (see internal/revpack), with the
// version of the keyframe its chain starts at, the chain it ends, and the checksum of the text.
type packedText struct {
	data  []byte
	from  int
	chain revpack.Chain
	sum   uint32
}

// packAfter packs raw, the marshalled text of version, as a delta after prev, how version-1 is
// packed, whose marshalled text is prevRaw; or as a keyframe when prev is nil, when prevRaw is
// not the text prev holds (a delta made against it could never be unpacked), or when prev's
// chain should end (see revpack.Chain.Extends).
func packAfter(prev *packedText, prevRaw, raw []byte, version int) packedText {
	sum := revpack.Sum(raw)
	if prev != nil && prev.sum == revpack.Sum(prevRaw) {
		delta := revpack.Delta(prevRaw, raw)
		if prev.chain.Extends(len(delta), len(raw)) {
			chain := revpack.Chain{Depth: prev.chain.Depth + 1, KeyBytes: prev.chain.KeyBytes, Bytes: prev.chain.Bytes + len(delta)}
			return packedText{data: delta, from: prev.from, chain: chain, sum: sum}
		}
	}
	key := revpack.Keyframe(raw)
	return packedText{data: key, from: version, chain: revpack.Chain{KeyBytes: len(key), Bytes: len(key)}, sum: sum}
}

// packedChain reads how version of draft id is packed, without its text, or nil when it is not:
// a revision written before migration 00029 and not packed yet.
func packedChain(tx *gorm.DB, id int64, version int) (*packedText, error) {
	var from, bytes, keyBytes int
	var sum int64
	rows, err := queryRaw(tx, packedChainSQL, id, version)
	err = preparedRow{rows, err}.Scan(&from, &bytes, &sum, &keyBytes)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	chain := revpack.Chain{Depth: version - from, KeyBytes: keyBytes, Bytes: bytes}
	return &packedText{from: from, chain: chain, sum: uint32(sum)}, nil
}

// packedChainSQL reads how a version of a draft is packed (see packedChain).
const packedChainSQL = "SELECT r.packed_from, r.packed_chain, r.packed_sum, LENGTH(k.packed) FROM revisions r " +
	"JOIN revisions k ON k.draft_id = r.draft_id AND k.version = r.packed_from " +
	"WHERE r.draft_id = ? AND r.version = ? AND r.packed IS NOT NULL"

// revisionText returns the text of the numbered revision row: rebuilt from its chain, the
// versions from its keyframe up to it, when it is packed, else the whole text the row holds.
func revisionText(db *gorm.DB, row revisionRow) (newsroom.Text, error) {
	if row.Packed == nil {
		return row.wholeText(), nil
	}
	var before []struct{ Packed []byte }
	if *row.PackedFrom < *row.Version {
		err := db.Table("revisions").Select("packed").Where("draft_id = ? AND version >= ? AND version < ?", row.DraftID, *row.PackedFrom, *row.Version).
			Order("version").Find(&before).Error
		if err != nil {
			return newsroom.Text{}, fmt.Errorf("read the chain of version %d of draft %d: %w", *row.Version, row.DraftID, err)
		}
	}
	chain := make([][]byte, 0, len(before)+1)
	for _, b := range before {
		chain = append(chain, b.Packed)
	}
	if row.PackedSum == nil {
		return newsroom.Text{}, fmt.Errorf("version %d of draft %d is packed without its checksum", *row.Version, row.DraftID)
	}
	t, err := revpack.Rebuild(append(chain, row.Packed), uint32(*row.PackedSum))
	if err != nil {
		return newsroom.Text{}, fmt.Errorf("rebuild version %d of draft %d: %w", *row.Version, row.DraftID, err)
	}
	return t, nil
}
