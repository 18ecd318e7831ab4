package server

// ClearPageCache drops every page the server keeps, as a change of the site's settings does,
// for the benchmarks of a page's first view.
func (s *Server) ClearPageCache() { s.cache.clear() }
