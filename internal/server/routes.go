package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/copydesk/copydesk/internal/publish"
	"github.com/copydesk/copydesk/web"
)

// routes registers every route, in one place.
func (s *Server) routes() {
	e := s.echo
	e.Use(middleware.RequestID(), s.logRequests, s.recoverPanics, s.limitBody, s.authenticate)
	e.GET("/healthz", func(c echo.Context) error { return c.JSON(http.StatusOK, map[string]string{"status": "ok"}) })
	e.StaticFS("/static", echo.MustSubFS(web.FS, "static"))

	e.GET("/", s.frontPage)
	e.GET(publish.FeedPath, s.feed)
	e.GET("/articles/:slug", s.article)
	e.GET("/briefs/:slug", s.brief)

	api := e.Group("/api/v1")
	api.POST("/login", s.login)
	api.GET("/drafts", s.listDrafts)
	api.POST("/drafts", s.createDraft)
	api.GET("/drafts/:id", s.getDraft)
	api.PUT("/drafts/:id", s.updateDraft)
	api.POST("/drafts/:id/transitions", s.transition)
	api.GET("/drafts/:id/history", s.history)
	api.GET("/drafts/:id/revisions/:version", s.revision)
	api.GET("/drafts/:id/quotes", s.listQuotes)
	api.PUT("/drafts/:id/quotes/:qid", s.checkQuote)
	api.POST("/drafts/:id/quotes/:qid/waive", s.waiveQuote)
	api.GET("/drafts/:id/comments", s.listComments)
	api.POST("/drafts/:id/comments", s.createComment)
	api.POST("/comments/:cid/replies", s.replyComment)
	api.POST("/comments/:cid/resolve", s.resolveComment)
	api.POST("/comments/:cid/reopen", s.reopenComment)
	api.GET("/drafts/:id/diff", s.diff)
	api.POST("/drafts/:id/publish", s.publishDraft)
	api.POST("/articles/:slug/corrections", s.correctArticle)
	api.POST("/import", s.importDraft)
}
