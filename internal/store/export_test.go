package store

import "github.com/copydesk/copydesk/internal/newsroom"

// RepeatToldSQL and RepeatKey let the external tests explain the repeat lookup on either
// dialect (storetest cannot be imported by the package's own tests).
const RepeatToldSQL = repeatToldSQL

func RepeatKey(e *newsroom.Event) string { return repeatKey(e) }

// PruneRepeatKeysSQL lets the external tests explain the sweep of repeat keys.
const PruneRepeatKeysSQL = pruneRepeatKeysSQL

// DeleteSharedKeysSQL lets the external tests explain a webhook's deletion of its shared keys.
const DeleteSharedKeysSQL = deleteSharedKeysSQL

// InboxMentionsSQL lets the external tests explain the inbox's mentions on either dialect.
const InboxMentionsSQL = inboxMentionsSQL
