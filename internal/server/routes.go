package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/publish"
)

// routes registers every route, in one place.
func (s *Server) routes() {
	e := s.echo
	e.Use(requestIDs(), s.secureHeaders, s.measure, s.logRequests, s.recoverPanics, s.limitBody, checkText, s.authenticate, s.webSession, s.passwordGate, s.compress)
	e.GET("/healthz", func(c echo.Context) error { return c.JSON(http.StatusOK, map[string]string{"status": "ok"}) })
	e.GET("/readyz", s.readyz)
	e.GET("/metrics", s.metricsPage)
	e.GET("/static/*", s.serveStatic)

	e.GET("/", s.frontPage)
	e.GET(publish.FeedPath, s.feed)
	e.GET("/articles/:slug", s.article)
	e.GET("/briefs/:slug", s.brief)

	e.GET("/login", s.loginPage)
	e.POST("/login", s.loginSubmit)
	// App pages need a signed-in viewer; the middleware sits on each route rather than on a
	// group, so unknown paths stay plain 404s.
	s.htmlPages = map[string]bool{"/login": true}
	app := func(method, path string, h echo.HandlerFunc) {
		e.Add(method, path, h, s.signedIn)
		s.htmlPages[path] = true
	}
	// Page routes that the pages' scripts call answer JSON, errors included (see answersJSON).
	s.jsonPages = map[string]bool{}
	appJSON := func(method, path string, h echo.HandlerFunc) {
		e.Add(method, path, h, s.signedIn)
		s.jsonPages[path] = true
	}
	app(http.MethodPost, "/logout", s.logoutPage)
	app(http.MethodGet, "/desk", s.desk)
	app(http.MethodPost, "/desk/import", s.importPage)
	app(http.MethodGet, "/drafts/new", s.newDraftPage)
	app(http.MethodPost, "/drafts", s.createDraftPage)
	app(http.MethodGet, "/drafts/:id", s.showDraft)
	app(http.MethodPost, "/drafts/:id/edit", s.editDraftPage)
	app(http.MethodPost, "/drafts/:id/transition", s.transitionPage)
	app(http.MethodPost, "/drafts/:id/publish", s.publishPage)
	app(http.MethodGet, "/drafts/:id/preview", s.previewDraft)
	app(http.MethodPost, "/drafts/:id/correct", s.correctPage)
	app(http.MethodGet, "/drafts/:id/unmerged/:rid", s.unmergedPage)
	appJSON(http.MethodGet, "/drafts/:id/working-copy", s.getWorkingCopy)
	appJSON(http.MethodPost, "/drafts/:id/working-copy", s.saveWorkingCopyPage)
	appJSON(http.MethodPost, "/drafts/:id/working-copy/discard", s.discardWorkingCopy)
	appJSON(http.MethodGet, "/drafts/:id/live", s.live)
	appJSON(http.MethodGet, "/drafts/:id/people", s.mentionCandidates)
	app(http.MethodGet, "/inbox", s.inboxPageView)
	app(http.MethodPost, "/inbox/done", s.inboxDonePage)
	app(http.MethodGet, "/drafts/:id/unmerged/:rid/merge", s.conflictsPage)
	app(http.MethodPost, "/drafts/:id/unmerged/:rid/merge", s.resolveConflictsPage)
	app(http.MethodPost, "/drafts/:id/quotes/:qid", s.checkQuotePage)
	app(http.MethodPost, "/drafts/:id/quotes/:qid/waive", s.waiveQuotePage)
	app(http.MethodPost, "/drafts/:id/quotes/:qid/not-quote", s.notQuotePage)
	app(http.MethodPost, "/drafts/:id/comments", s.commentPage)
	app(http.MethodPost, "/comments/:cid/reply", s.replyPage)
	app(http.MethodPost, "/comments/:cid/resolve", s.resolvePage)
	app(http.MethodPost, "/comments/:cid/reopen", s.reopenPage)
	app(http.MethodPost, "/comments/:cid/edit", s.editCommentPage)
	app(http.MethodPost, "/comments/:cid/delete", s.deleteCommentPage)
	app(http.MethodGet, "/account", s.accountPage)
	app(http.MethodPost, "/account/revoke-others", s.revokeOthersPage)
	app(http.MethodPost, "/account/tokens", s.createTokenPage)
	app(http.MethodPost, "/account/revoke/:credential", s.revokeCredentialPage)
	app(http.MethodGet, "/admin/users", s.usersPage)
	app(http.MethodPost, "/admin/users", s.addUserPage)
	app(http.MethodPost, "/admin/users/:uid", s.updateUserPage)
	app(http.MethodPost, "/admin/users/:uid/password-reset", s.resetPasswordPage)
	app(http.MethodGet, passwordPath, s.passwordPage)
	app(http.MethodPost, passwordPath, s.changePasswordPage)

	api := e.Group("/api/v1")
	api.GET("/openapi.json", s.openAPI)
	api.GET("/workflow", s.workflow)
	api.POST("/login", s.login)
	api.POST("/logout", s.logout)
	api.GET("/me/credentials", s.listCredentials)
	api.DELETE("/me/credentials/:credential", s.revokeCredential)
	api.POST("/me/credentials/revoke-others", s.revokeOtherCredentials)
	api.GET("/inbox", s.inbox)
	api.POST("/inbox/done", s.markInboxDone)
	api.GET("/drafts", s.listDrafts)
	api.POST("/drafts", s.createDraft)
	api.GET("/drafts/:id", s.getDraft)
	api.PUT("/drafts/:id", s.updateDraft)
	api.POST("/drafts/:id/transitions", s.transition)
	api.GET("/drafts/:id/history", s.history)
	api.GET("/drafts/:id/revisions/:version", s.revision)
	api.GET("/drafts/:id/unmerged/:rid", s.unmergedRevision)
	api.GET("/drafts/:id/working-copy", s.getWorkingCopy)
	api.PUT("/drafts/:id/working-copy", s.putWorkingCopy)
	api.DELETE("/drafts/:id/working-copy", s.discardWorkingCopy)
	api.GET("/drafts/:id/live", s.live)
	api.GET("/drafts/:id/quotes", s.listQuotes)
	api.PUT("/drafts/:id/quotes/:qid", s.checkQuote)
	api.POST("/drafts/:id/quotes/:qid/waive", s.waiveQuote)
	api.POST("/drafts/:id/quotes/:qid/not-quote", s.notQuote)
	api.GET("/drafts/:id/comments", s.listComments)
	api.POST("/drafts/:id/comments", s.createComment)
	api.POST("/comments/:cid/replies", s.replyComment)
	api.POST("/comments/:cid/resolve", s.resolveComment)
	api.POST("/comments/:cid/reopen", s.reopenComment)
	api.PATCH("/comments/:cid", s.editComment)
	api.DELETE("/comments/:cid", s.deleteComment)
	api.GET("/drafts/:id/diff", s.diff)
	api.POST("/drafts/:id/publish", s.publishDraft)
	api.POST("/articles/:slug/corrections", s.correctArticle)
	api.POST("/import", s.importDraft)
	api.POST("/me/password", s.changePassword)
	api.POST("/users/:uid/password-reset", s.resetPassword)
}
