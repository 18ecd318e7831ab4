package server

import (
	"net/url"
	"strconv"
	"time"

	json "github.com/goccy/go-json"
	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
	"github.com/copydesk/copydesk/internal/store"
)

// apiArticle is a published piece as the read API gives it: what a list shows, and with Full,
// its text and corrections as well.
type apiArticle struct {
	Slug             string            `json:"slug"`
	Title            string            `json:"title"`
	Byline           string            `json:"byline"`
	Brief            string            `json:"brief"`
	Topics           []string          `json:"topics"`
	Language         string            `json:"language"`
	FirstPublishedAt time.Time         `json:"first_published_at"`
	PublishedAt      time.Time         `json:"published_at"`
	URLs             map[string]string `json:"urls"`
	*apiText
}

// apiText is what the read API adds for one piece: its text and its corrections, newest first.
type apiText struct {
	Body          []string        `json:"body"`
	EditorComment string          `json:"editor_comment"`
	Corrections   []apiCorrection `json:"corrections"`
}

type apiCorrection struct {
	At   time.Time `json:"at"`
	Note string    `json:"note"`
}

// apiArticlePage is one page of the read API's list, with the API URLs of its neighbours ("" at
// either end).
type apiArticlePage struct {
	Items []apiArticle `json:"items"`
	Page  int          `json:"page"`
	Prev  string       `json:"prev"`
	Next  string       `json:"next"`
}

// listArticles answers GET /api/v1/articles: a page of published pieces, newest first,
// narrowed to a topic and an author by their slugs, cached as the public pages are, except a
// page that lists nothing (a topic or an author with no public piece, a page past the end),
// answered empty and not kept. It needs no sign-in. Its next link carries, beside the page's
// number, the cursor of its last piece (after), which starts the next page right after it
// whatever is published meanwhile: counted by page number alone, every publish moved a piece
// from each page into the next, and an app following next got it twice.
func (s *Server) listArticles(c echo.Context) error {
	n, err := pageNumber(c.QueryParam("page"))
	if err != nil {
		return newsroom.Errorf(newsroom.EINVALID, "page must be a whole number from 1 to %d", maxPage)
	}
	q := store.ArchiveQuery{Topic: c.QueryParam("topic"), Author: c.QueryParam("author"), Offset: (n - 1) * frontPageSize, Limit: frontPageSize,
		After: c.QueryParam("after")}
	if q.After != "" {
		q.Offset = 0
	}
	return s.serveRenderedIf(c, "api/articles/"+q.Topic+"/"+q.Author+"/"+strconv.Itoa(n)+"/"+q.After, true, func() (string, []byte, bool, error) {
		arts, next, err := s.store.PublicPage(c.Request().Context(), q)
		if err != nil {
			return "", nil, false, err
		}
		out := apiArticlePage{Items: make([]apiArticle, len(arts)), Page: n}
		for i, a := range arts {
			out.Items[i] = s.apiArticle(a)
		}
		if n > 1 {
			out.Prev = s.articlesURL(q, n-1, "")
		}
		if next != "" {
			out.Next = s.articlesURL(q, n+1, next)
		}
		contentType, body, err := jsonAnswer(out)
		return contentType, body, len(arts) > 0, err
	})
}

// getArticle answers GET /api/v1/articles/{slug}: one published piece with its text, and the
// URLs of its every rendition. It needs no sign-in.
func (s *Server) getArticle(c echo.Context) error {
	return s.servePublished(c, "api/article", slugParam(c), echo.MIMEApplicationJSON, func(a publish.Article) ([]byte, error) {
		out := s.apiArticle(a)
		out.apiText = &apiText{Body: a.Body, EditorComment: a.EditorComment, Corrections: []apiCorrection{}}
		for _, cr := range a.Corrections {
			out.Corrections = append(out.Corrections, apiCorrection{At: cr.At, Note: cr.Note})
		}
		_, body, err := jsonAnswer(out)
		return body, err
	})
}

// jsonAnswer encodes v as the API's JSON answers are, for serveRendered.
func jsonAnswer(v any) (string, []byte, error) {
	body, err := json.Marshal(v)
	return echo.MIMEApplicationJSON, append(body, '\n'), err
}

// apiArticle is what the read API lists of a piece.
func (s *Server) apiArticle(a publish.Article) apiArticle {
	site := s.site()
	lang := a.Language
	if lang == "" {
		lang = site.Language
	}
	if lang == "" {
		lang = "en"
	}
	first := a.FirstPublishedAt
	if first.IsZero() {
		first = a.PublishedAt
	}
	topics := a.Topics
	if topics == nil {
		topics = []string{}
	}
	urls := publish.URLs(site, a.Slug)
	urls["api"] = site.URL("/api/v1/articles/" + url.PathEscape(a.Slug))
	return apiArticle{Slug: a.Slug, Title: a.Title, Byline: a.Byline, Brief: a.Brief, Topics: topics, Language: lang,
		FirstPublishedAt: first.UTC(), PublishedAt: a.PublishedAt.UTC(), URLs: urls}
}

// articlesURL is the absolute URL of page n of the list q names, starting after the cursor
// after unless it is "".
func (s *Server) articlesURL(q store.ArchiveQuery, n int, after string) string {
	v := url.Values{"page": {strconv.Itoa(n)}}
	if after != "" {
		v.Set("after", after)
	}
	if q.Topic != "" {
		v.Set("topic", q.Topic)
	}
	if q.Author != "" {
		v.Set("author", q.Author)
	}
	return s.site().URL("/api/v1/articles?" + v.Encode())
}
