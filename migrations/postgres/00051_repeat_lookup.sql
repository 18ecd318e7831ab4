-- events_repeats and deliveries_event let the outbox find, for a mention or an assignment, the
-- emails and webhook posts of the same one (the same kind by the same actor to the same person
-- on the same piece) in the last hour, however many events and deliveries there are.

-- +goose Up
CREATE INDEX events_repeats ON events (subject_id, draft_id, kind, actor_id, at);
CREATE INDEX deliveries_event ON deliveries (event_id);

-- +goose Down
DROP INDEX deliveries_event;
DROP INDEX events_repeats;
