package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/imaging"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
	"github.com/copydesk/copydesk/internal/publish"
)

// The kinds of image and of variant the images tables hold.
const (
	imageLead   = "lead"
	imageLogo   = "logo"
	variantSize = "size"
	variantIcon = "icon"
)

// SettingLogo is the setting that holds the publication's logo, an absolute URL or a site path;
// uploading a logo sets it to the path of the logo's widest size.
const SettingLogo = "site.logo"

type imageRow struct {
	ID                   int64
	Kind, Hash           string
	Width, Height        int
	Alt, Caption, Credit string
	Filename             string
	UploadedBy           int64
	UploadedAt           time.Time
}

func (imageRow) TableName() string { return "images" }

type imageVariantRow struct {
	ID                int64
	ImageID           int64
	Kind              string
	Width, Height     int
	ContentType, Hash string
	Data              []byte
}

func (imageVariantRow) TableName() string { return "image_variants" }

// NewImage is a checked upload to store: the words that go with it, what the uploader's browser
// called its file (cleaned by newsroom.ImageFileName, and stored as given), the hash and size of the
// original, and the variants made of it (Icons only for a logo).
type NewImage struct {
	Text          newsroom.ImageText
	FileName      string
	Hash          string
	Width, Height int
	Sizes, Icons  []imaging.Variant
}

// ImageFile is one variant's bytes as served. Public is whether anyone may see it, so that any
// cache may keep it, rather than only the signed-in reader who asked.
type ImageFile struct {
	ContentType, Hash string
	Data              []byte
	Public            bool
}

// SetDraftImage stores img as draft id's lead image, in place of any it had, as the acting user,
// who must be allowed to edit the draft now. The image it replaces is kept: a published snapshot
// may still show it, and the draft keeps it as the image taken away, which RestoreDraftImage
// brings back.
func (s *Store) SetDraftImage(ctx context.Context, id int64, img NewImage) (*newsroom.Image, error) {
	img.Text = img.Text.Trimmed()
	if err := img.Text.Check(); err != nil {
		return nil, err
	}
	var out *newsroom.Image
	err := s.draftImageChange(ctx, id, func(tx *gorm.DB, u *newsroom.User, was draftImages) (draftImages, string, error) {
		row, err := s.insertImage(tx, u, imageLead, img)
		if err != nil {
			return draftImages{}, "", err
		}
		out, err = loadImage(tx, row.ID)
		step := newsroom.StepSetImage
		if was.lead != nil {
			step = newsroom.StepReplaceImage
		}
		return draftImages{lead: &row.ID, removed: was.lead}, step, err
	})
	return out, err
}

// RemoveDraftImage takes draft id's lead image away, as the acting user, who must be allowed to
// edit the draft now. The draft keeps it as the image taken away, with its alt text, caption and
// credit, so that RestoreDraftImage can bring it back. A draft with no lead image is left as it
// is, its history too.
func (s *Store) RemoveDraftImage(ctx context.Context, id int64) error {
	return s.draftImageChange(ctx, id, func(_ *gorm.DB, _ *newsroom.User, was draftImages) (draftImages, string, error) {
		if was.lead == nil {
			return was, "", nil
		}
		return draftImages{removed: was.lead}, newsroom.StepRemoveImage, nil
	})
}

// ImageUndo is what a restore of a draft's lead image expects to find, as the page or client
// asking for it last saw the draft: Image, the image taken away that it brings back, and Lead,
// the lead image it puts back in place of (0 for none).
type ImageUndo struct {
	Image, Lead int64
}

// RestoreDraftImage makes the image the last removal or replacement took from draft id its lead
// image again, as the acting user, who must be allowed to edit the draft now; the image it
// replaces, if any, becomes the one taken away, so that a second restore undoes the first. It
// returns the image brought back. seen, when not nil, is the draft's images as the user saw them: when either has changed since,
// as by a colleague's upload, removal or Undo, it refuses with ECONFLICT rather than replace
// or bring back what the user never saw. So it does when there is none to bring back.
func (s *Store) RestoreDraftImage(ctx context.Context, id int64, seen *ImageUndo) (*newsroom.Image, error) {
	var out *newsroom.Image
	err := s.draftImageChange(ctx, id, func(tx *gorm.DB, _ *newsroom.User, was draftImages) (draftImages, string, error) {
		switch {
		case was.removed == nil:
			return was, "", newsroom.Errorf(newsroom.ECONFLICT, "the draft has no image taken away to bring back")
		case seen != nil && (*was.removed != seen.Image || idOrZero(was.lead) != seen.Lead):
			return was, "", newsroom.Errorf(newsroom.ECONFLICT, "the lead image has changed since you saw it: see the draft's image now")
		}
		var err error
		out, err = loadImage(tx, *was.removed)
		return draftImages{lead: was.removed, removed: was.lead}, newsroom.StepRestoreImage, err
	})
	return out, err
}

// idOrZero is *id, or 0 for nil.
func idOrZero(id *int64) int64 {
	if id == nil {
		return 0
	}
	return *id
}

// draftImages are the images a draft points at: its lead image and the one its last removal
// took away, each nil for none.
type draftImages struct{ lead, removed *int64 }

// draftImageChange locks draft id, checks the actor may change its image, and points the draft
// at the images that change returns given those it points at now, writing in the same
// transaction the audit entry of the step change names, with the images it took away and put
// in place. A change that names no step has changed nothing, and writes nothing.
func (s *Store) draftImageChange(ctx context.Context, id int64, change func(*gorm.DB, *newsroom.User, draftImages) (draftImages, string, error)) error {
	u, err := actor(ctx)
	if err != nil {
		return err
	}
	err = s.tx(ctx, func(tx *gorm.DB) error {
		v, err := s.lockDraft(tx, u, id)
		if err != nil {
			return err
		}
		if err := s.policy.CheckImage(u, v.draft()); err != nil {
			return err
		}
		var was draftImages
		if err := queryRowRaw(tx, "SELECT lead_image_id, removed_image_id FROM drafts WHERE id = ?", id).Scan(&was.lead, &was.removed); err != nil {
			return err
		}
		now, step, err := change(tx, u, was)
		if err != nil || step == "" {
			return err
		}
		note, err := imageNote(tx, step, was.lead, now.lead)
		if err != nil {
			return err
		}
		at := s.clock()
		if err := touchDraft(tx, id, map[string]any{"lead_image_id": now.lead, "removed_image_id": now.removed}, at).Error; err != nil {
			return err
		}
		stage := newsroom.Stage(v.Row.Stage)
		return insertAudit(tx, id, u.ID, step, stage, stage, note, at)
	})
	return internal("change the image of draft", err)
}

// imageNote is the audit note of an image step that took the image gone away and put the image
// put in its place (either nil for none), naming each by its file's name and alt text.
func imageNote(tx *gorm.DB, step string, gone, put *int64) (string, error) {
	labels := map[int64]string{}
	ids := []int64{idOrZero(gone), idOrZero(put)}
	rows, err := queryRaw(tx, "SELECT id, filename, alt FROM images WHERE id IN (?, ?)", ids[0], ids[1])
	if err != nil {
		return "", err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name, alt string
		if err := rows.Scan(&id, &name, &alt); err != nil {
			return "", err
		}
		labels[id] = newsroom.ImageLabel(name, alt)
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	return newsroom.ImageNote(step, labels[ids[0]], labels[ids[1]]), nil
}

// RemovedDraftImage returns the image the last removal or replacement took from draft id, which
// the acting user must be able to see, or nil when there is none.
func (s *Store) RemovedDraftImage(ctx context.Context, id int64) (*newsroom.Image, error) {
	return s.draftImageIn(ctx, id, "drafts.removed_image_id")
}

// DraftImage returns the lead image of draft id, which the acting user must be able to see, or
// nil when it has none.
func (s *Store) DraftImage(ctx context.Context, id int64) (*newsroom.Image, error) {
	return s.draftImageIn(ctx, id, "drafts.lead_image_id")
}

// draftImageIn returns the image column, an expression over draft id's row, names, when the
// acting user may see the draft: nil when it names none.
func (s *Store) draftImageIn(ctx context.Context, id int64, column string) (*newsroom.Image, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	var ids []sql.NullInt64
	q := s.visibleTo(s.read(ctx).Table("drafts"), u).Where("drafts.id = ?", id)
	if err := q.Pluck(column, &ids).Error; err != nil {
		return nil, internal("draft image", err)
	}
	if len(ids) == 0 {
		return nil, newsroom.Errorf(newsroom.ENOTFOUND, "draft %d not found", id)
	}
	if !ids[0].Valid {
		return nil, nil
	}
	img, err := loadImage(s.read(ctx), ids[0].Int64)
	return img, internal("draft image", err)
}

// insertImage stores an image and its variants.
func (s *Store) insertImage(tx *gorm.DB, u *newsroom.User, kind string, img NewImage) (*imageRow, error) {
	row := imageRow{Kind: kind, Hash: img.Hash, Width: img.Width, Height: img.Height, Alt: img.Text.Alt,
		Caption: img.Text.Caption, Credit: img.Text.Credit, Filename: img.FileName, UploadedBy: u.ID, UploadedAt: s.clock()}
	if err := tx.Create(&row).Error; err != nil {
		return nil, err
	}
	for _, set := range []struct {
		kind     string
		variants []imaging.Variant
	}{{variantSize, img.Sizes}, {variantIcon, img.Icons}} {
		for _, v := range set.variants {
			vr := imageVariantRow{ImageID: row.ID, Kind: set.kind, Width: v.Width, Height: v.Height,
				ContentType: v.ContentType, Hash: v.Hash, Data: v.Data}
			if err := tx.Create(&vr).Error; err != nil {
				return nil, err
			}
		}
	}
	return &row, nil
}

// loadImage reads image id with its sizes, narrowest first.
func loadImage(db *gorm.DB, id int64) (*newsroom.Image, error) {
	imgs, err := loadImages(db, []int64{id})
	if err != nil {
		return nil, err
	}
	return imgs[id], nil
}

// loadImages reads the images ids name with their sizes, narrowest first, by id.
func loadImages(db *gorm.DB, ids []int64) (map[int64]*newsroom.Image, error) {
	out := map[int64]*newsroom.Image{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []imageRow
	if err := db.Session(&gorm.Session{NewDB: true}).Where("id IN ?", ids).Find(&rows).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.ID] = &newsroom.Image{ID: r.ID, ImageText: newsroom.ImageText{Alt: r.Alt, Caption: r.Caption, Credit: r.Credit},
			Width: r.Width, Height: r.Height, Variants: []newsroom.ImageVariant{}}
	}
	var vs []imageVariantRow
	err := db.Session(&gorm.Session{NewDB: true}).Model(&imageVariantRow{}).
		Select("image_id, width, height, content_type, hash").
		Where("image_id IN ? AND kind = ?", ids, variantSize).Order("image_id, width").Find(&vs).Error
	if err != nil {
		return nil, err
	}
	for _, v := range vs {
		img := out[v.ImageID]
		img.Variants = append(img.Variants, newsroom.ImageVariant{Path: variantPath(v), Width: v.Width, Height: v.Height, ContentType: v.ContentType})
	}
	return out, nil
}

// variantPath is where a stored variant is served.
func variantPath(v imageVariantRow) string {
	return imaging.Path(imaging.Variant{Hash: v.Hash, ContentType: v.ContentType})
}

// PublishedImage turns a stored image into the value the renderers take.
func PublishedImage(img *newsroom.Image) *publish.Image {
	if img == nil {
		return nil
	}
	out := &publish.Image{Alt: img.Alt, Caption: img.Caption, Credit: img.Credit}
	for _, v := range img.Variants {
		out.Variants = append(out.Variants, publish.ImageVariant{Path: v.Path, Width: v.Width, Height: v.Height, ContentType: v.ContentType})
	}
	return out
}

// leadImageOf reads which image draft id has now, for a snapshot to keep.
func leadImageOf(tx *gorm.DB, id int64) (*int64, error) {
	var image *int64
	err := queryRowRaw(tx, "SELECT lead_image_id FROM drafts WHERE id = ?", id).Scan(&image)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return image, err
}

// ImageFile returns the variant whose bytes hash to hash, to whoever may see it: anyone, when it
// is a logo's or the lead image of a published piece as last published; otherwise the signed-in
// user in ctx, when they may see a draft that has it as its lead image. Any other is ENOTFOUND.
func (s *Store) ImageFile(ctx context.Context, hash string) (ImageFile, error) {
	db := s.read(ctx)
	var v imageVariantRow
	published := db.Session(&gorm.Session{NewDB: true}).Table("publications").Select("1").
		Joins("JOIN articles ON articles.latest_publication_id = publications.id").
		Joins("JOIN drafts ON drafts.id = articles.draft_id").
		Where("publications.lead_image_id = images.id AND drafts.stage = ?", s.policy.Published())
	q := db.Model(&imageVariantRow{}).Select("image_variants.content_type, image_variants.hash, image_variants.data").
		Joins("JOIN images ON images.id = image_variants.image_id").Where("image_variants.hash = ?", hash)
	err := q.Where("(images.kind = ? OR EXISTS (?))", imageLogo, published).Limit(1).Take(&v).Error
	public := err == nil
	if errors.Is(err, gorm.ErrRecordNotFound) {
		err = s.draftImageFile(ctx, hash, &v)
	}
	if err != nil {
		return ImageFile{}, internal("image file", err)
	}
	return ImageFile{ContentType: v.ContentType, Hash: v.Hash, Data: v.Data, Public: public}, nil
}

// draftImageFile finds the variant hash names among the lead images of drafts the signed-in
// user may see.
func (s *Store) draftImageFile(ctx context.Context, hash string, v *imageVariantRow) error {
	notFound := newsroom.Errorf(newsroom.ENOTFOUND, "no image %s", hash)
	u := newsroom.UserFrom(ctx)
	if u == nil {
		return notFound
	}
	db := s.read(ctx)
	visible := s.visibleTo(db.Session(&gorm.Session{NewDB: true}).Table("drafts").Select("1"), u).
		Where("drafts.lead_image_id = image_variants.image_id")
	err := db.Model(&imageVariantRow{}).Select("content_type, hash, data").
		Where("hash = ? AND EXISTS (?)", hash, visible).Limit(1).Take(v).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return notFound
	}
	return err
}

// SetLogo stores img as the publication's logo, as the acting user, who must be allowed to manage
// settings, and sets the logo setting to the path of its widest size. It records a
// settings_changed event, as SaveSiteSettings does, so every server drops the site settings and
// pages it keeps. It returns that path.
func (s *Store) SetLogo(ctx context.Context, img NewImage) (string, error) {
	u, err := actor(ctx)
	if err != nil {
		return "", err
	}
	if err := s.policy.Check(u, policy.SettingsManage, 0); err != nil {
		return "", err
	}
	img.Text = img.Text.Trimmed()
	if err := img.Text.Check(); err != nil {
		return "", err
	}
	if len(img.Sizes) == 0 {
		return "", newsroom.Errorf(newsroom.EINVALID, "the logo has no sizes")
	}
	path := imaging.Path(img.Sizes[len(img.Sizes)-1])
	err = s.tx(ctx, func(tx *gorm.DB) error {
		if _, err := s.insertImage(tx, u, imageLogo, img); err != nil {
			return err
		}
		if err := putSetting(tx, settingRow{Key: SettingLogo, Value: path, UpdatedBy: u.ID, UpdatedAt: s.clock()}); err != nil {
			return err
		}
		record(tx, settingsEvent(u.ID, "logo"))
		return nil
	})
	return path, internal("set logo", err)
}

// SiteIcon returns the square icon size pixels wide made from the logo the logo setting names,
// or ENOTFOUND when the setting names no logo uploaded here (none, or one elsewhere).
func (s *Store) SiteIcon(ctx context.Context, size int) (ImageFile, error) {
	notFound := newsroom.Errorf(newsroom.ENOTFOUND, "no icon of the logo")
	set, err := s.Setting(ctx, SettingLogo)
	if err != nil {
		return ImageFile{}, err
	}
	name, ours := strings.CutPrefix(set.Value, "/images/")
	hash, ok := imaging.ParsePath(name)
	if !ours || !ok {
		return ImageFile{}, notFound
	}
	logo := s.read(ctx).Session(&gorm.Session{NewDB: true}).Model(&imageVariantRow{}).Select("image_id").
		Joins("JOIN images ON images.id = image_variants.image_id").Where("image_variants.hash = ? AND images.kind = ?", hash, imageLogo)
	var v imageVariantRow
	err = s.read(ctx).Model(&imageVariantRow{}).Select("content_type, hash, data").
		Where("image_id IN (?) AND kind = ? AND width = ?", logo, variantIcon, size).Limit(1).Take(&v).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return ImageFile{}, notFound
	} else if err != nil {
		return ImageFile{}, internal("site icon", err)
	}
	return ImageFile{ContentType: v.ContentType, Hash: v.Hash, Data: v.Data, Public: true}, nil
}
