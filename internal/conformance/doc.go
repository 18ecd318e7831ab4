// Package conformance holds Copydesk's public outputs to their standards in the tests, each with
// a checker nobody here wrote. It is for tests only: every function takes the test, so that a
// missing tool skips it with the reason, or fails it when the environment says CI=true (CI
// installs every tool with .ci/validators.sh).
//
//   - HTML runs the Nu Html Checker (the npm package vnu-jar, on Debian's Java) over pages, all in
//     one JVM, since starting one costs seconds.
//   - Atom runs Debian's jing over feeds, against RFC 4287's RELAX NG schema (its appendix B,
//     testdata/atom.rnc).
//   - JSONLD parses a page's application/ld+json blocks and checks every @type and property
//     against schema.org's vocabulary: the type exists, the property exists, is not superseded,
//     and schema.org lists the type (or one of its superclasses) in the property's
//     domainIncludes; a typed value must be of a type the property's rangeIncludes allows.
//   - NinJS checks ninjs documents against IPTC's ninjs 2.1 JSON Schema (testdata, the copy in
//     shared/schemas).
//   - Lighthouse runs Google's Lighthouse (npm) in Debian's Chromium and returns a page's
//     category scores with the audits that failed.
//
// The npm packages are looked for under $COPYDESK_VALIDATORS (by default
// $HOME/.cache/copydesk/validators), where .ci/validators.sh installs them.
//
// testdata/schemaorg-30.0-vocabulary.jsonl is schema.org's release 30.0 vocabulary
// (data/releases/30.0/schemaorg-current-https.jsonld in github.com/schemaorg/schemaorg, sha256
// 4467fa19edcb1d7fb3c46c0adf3591b7f870c4a60b7838bdb61694fd02864cf6) trimmed to what the check
// reads, one term a line, by:
//
//	jq -c '."@graph"[] | {"@id", "@type", "rdfs:subClassOf", "schema:domainIncludes",
//	  "schema:rangeIncludes", "schema:supersededBy"} | with_entries(select(.value != null))' \
//	  schemaorg-current-https.jsonld > schemaorg-30.0-vocabulary.jsonl
//
// testdata/atom.rnc is RFC 4287's appendix B as published, from "# -*- rnc -*-" to "# EOF".
package conformance
