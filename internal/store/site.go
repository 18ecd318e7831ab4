package store

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// The settings rows of the public site, each a key of the settings table. site.footer holds the
// footer's lines joined by newlines; a site.footer row with nothing in it is a footer set to
// none, while no row leaves the default.
const (
	keySiteName        = "site.name"
	keySiteBaseURL     = "site.base_url"
	keySiteLogo        = "site.logo"
	keySiteLanguage    = "site.language"
	keySiteDescription = "site.description"
	keySiteFooter      = "site.footer"
)

// SiteSettings returns the site settings an admin saved on the site settings page (the command
// line's, which win, are the server's to lay over them). It needs no signed-in user: every
// public page is made with them.
func (s *Store) SiteSettings(ctx context.Context) (newsroom.SiteSettings, error) {
	v, err := s.settingsLike(ctx, "site.%")
	if err != nil {
		return newsroom.SiteSettings{}, internal("read site settings", err)
	}
	set := newsroom.SiteSettings{Name: v[keySiteName], BaseURL: v[keySiteBaseURL], Logo: v[keySiteLogo],
		Language: v[keySiteLanguage], Description: v[keySiteDescription]}
	if footer, ok := v[keySiteFooter]; ok {
		set.Footer = []string{}
		if footer != "" {
			set.Footer = strings.Split(footer, "\n")
		}
	}
	return set, nil
}

// SaveSiteSettings saves the site settings, for whoever may manage the newsroom's settings, and
// records the change, so that every server drops the pages it made with the old ones. A refused
// setting saves none of them.
func (s *Store) SaveSiteSettings(ctx context.Context, set newsroom.SiteSettings) error {
	u, err := s.permitted(ctx, policy.SettingsManage)
	if err != nil {
		return err
	}
	set = set.Normalize()
	if err := set.CheckSaved(); err != nil {
		return err
	}
	if set.Footer == nil {
		set.Footer = []string{}
	}
	values := map[string]string{keySiteName: set.Name, keySiteBaseURL: set.BaseURL, keySiteLogo: set.Logo,
		keySiteLanguage: set.Language, keySiteDescription: set.Description, keySiteFooter: strings.Join(set.Footer, "\n")}
	var by int64
	if u != nil {
		by = u.ID
	}
	now := s.clock()
	return internal("save site settings", s.tx(ctx, func(tx *gorm.DB) error {
		for k, v := range values {
			if err := putSetting(tx, settingRow{Key: k, Value: v, UpdatedBy: by, UpdatedAt: now}); err != nil {
				return err
			}
		}
		record(tx, settingsEvent(by, "site"))
		return nil
	}))
}

// settingsEvent is the event of a change to the settings by actorID; action names which.
func settingsEvent(actorID int64, action string) newsroom.Event {
	return newsroom.Event{Kind: newsroom.EventSettingsChanged, ActorID: actorID, Action: action}
}

// SiteChangedAt returns when the public site last changed, its pieces aside: the later of when
// the newsroom began (its first account was made) and the last change to the site settings or
// to the time zone public dates are shown in. It
// is the updated time of a feed with no entries, which must say something true and the same on
// every request. It is zero while the newsroom has neither.
func (s *Store) SiteChangedAt(ctx context.Context) (time.Time, error) {
	var began, changed []time.Time
	err := s.read(ctx).Table("users").Order("created_at").Limit(1).Pluck("created_at", &began).Error
	if err == nil {
		err = s.read(ctx).Table("settings").Where("key LIKE ? OR key = ?", "site.%", newsroom.SettingTimeZone).Order("updated_at DESC").Limit(1).Pluck("updated_at", &changed).Error
	}
	if err != nil {
		return time.Time{}, internal("when the site changed", err)
	}
	return latest(append(began, changed...)), nil
}

// latest is the latest of times, or the zero time for none.
func latest(times []time.Time) time.Time {
	var at time.Time
	for _, t := range times {
		if t.After(at) {
			at = t
		}
	}
	return at
}
