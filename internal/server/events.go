package server

import "github.com/copydesk/copydesk/internal/newsroom"

// heard keeps the server in step with the store's changes, its own and, through the store's
// CatchUp, other servers': what makes a piece public or changes it there drops the pages it
// can change from the page cache, a change to the settings drops the site settings kept and
// every page made with them, any change may move inbox entries so the inbox counts are
// dropped, and this process's own changes are counted in the metrics.
func (s *Server) heard(e newsroom.Event) {
	s.inboxCounts.heard()
	switch e.Kind {
	case newsroom.EventPublished, newsroom.EventReleased, newsroom.EventCorrected:
		s.cache.published(e.DraftID)
	case newsroom.EventSettingsChanged:
		s.siteCache.drop()
		s.cache.clear()
	}
	if e.Local {
		s.metrics.count(e)
	}
}
