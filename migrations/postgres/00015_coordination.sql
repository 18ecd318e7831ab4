-- Who does what by when. Settings are the newsroom's own (its time zone, its mail server),
-- edited by an admin. A piece has at most one assignee per desk (a stage the workflow lets
-- people be assigned to) and a due time for the piece (stage '') and optionally per stage.
-- Mentions name the people a comment, reply or note calls on; inbox_done the entries of a
-- person's inbox they marked done by hand.
--
-- Notifications go through a transactional outbox: the change that causes one writes its
-- notification (the in-app copy, which is delivered by being there) and one delivery per other
-- channel (an email to a person, a post to a webhook) in its own transaction. A worker on any
-- app server leases due deliveries, sends them and records each attempt; a lease that runs out
-- (its server died) lets another server take the delivery over. Events gain ref_id: the thread,
-- quote or audit row an event is about, so that a notification can link to the exact place.

-- +goose Up
CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_by BIGINT NOT NULL DEFAULT 0,
    updated_at TIMESTAMPTZ NOT NULL
);

ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';

ALTER TABLE events ADD COLUMN ref_id BIGINT NOT NULL DEFAULT 0;

CREATE TABLE assignments (
    draft_id    BIGINT NOT NULL REFERENCES drafts (id),
    stage       TEXT NOT NULL,
    user_id     BIGINT NOT NULL REFERENCES users (id),
    assigned_by BIGINT NOT NULL REFERENCES users (id),
    assigned_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (draft_id, stage)
);
CREATE INDEX assignments_user ON assignments (user_id, stage, draft_id);

CREATE TABLE deadlines (
    draft_id BIGINT NOT NULL REFERENCES drafts (id),
    stage    TEXT NOT NULL DEFAULT '',
    due_at   TIMESTAMPTZ NOT NULL,
    set_by   BIGINT NOT NULL REFERENCES users (id),
    set_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (draft_id, stage)
);
CREATE INDEX deadlines_due ON deadlines (due_at, draft_id);

CREATE TABLE mentions (
    id         BIGSERIAL PRIMARY KEY,
    draft_id   BIGINT NOT NULL REFERENCES drafts (id),
    user_id    BIGINT NOT NULL REFERENCES users (id),
    author_id  BIGINT NOT NULL REFERENCES users (id),
    comment_id BIGINT REFERENCES comments (id),
    reply_id   BIGINT REFERENCES comment_replies (id),
    audit_id   BIGINT REFERENCES audit (id),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX mentions_user ON mentions (user_id, id);
CREATE INDEX mentions_comment ON mentions (comment_id);

CREATE TABLE inbox_done (
    user_id BIGINT NOT NULL REFERENCES users (id),
    entry   TEXT NOT NULL,
    done_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, entry)
);

CREATE TABLE notifications (
    id         BIGSERIAL PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id),
    event_id   BIGINT NOT NULL,
    kind       TEXT NOT NULL,
    draft_id   BIGINT NOT NULL DEFAULT 0,
    actor_id   BIGINT NOT NULL DEFAULT 0,
    subject    TEXT NOT NULL,
    link       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    read_at    TIMESTAMPTZ
);
CREATE UNIQUE INDEX notifications_once ON notifications (event_id, user_id, kind);
CREATE INDEX notifications_user ON notifications (user_id, id);
CREATE INDEX notifications_draft ON notifications (draft_id, id);

CREATE TABLE notification_prefs (
    user_id BIGINT PRIMARY KEY REFERENCES users (id),
    email   TEXT NOT NULL DEFAULT '[]',
    digest  BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE webhooks (
    id         BIGSERIAL PRIMARY KEY,
    name       TEXT NOT NULL,
    url        TEXT NOT NULL,
    secret     TEXT NOT NULL,
    kinds      TEXT NOT NULL DEFAULT '[]',
    active     BOOLEAN NOT NULL DEFAULT TRUE,
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE deliveries (
    id              BIGSERIAL PRIMARY KEY,
    channel         TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
    notification_id BIGINT REFERENCES notifications (id),
    webhook_id      BIGINT REFERENCES webhooks (id),
    event_id        BIGINT NOT NULL DEFAULT 0,
    draft_id        BIGINT NOT NULL DEFAULT 0,
    recipient       TEXT NOT NULL,
    payload         TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'digest')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_at         TIMESTAMPTZ NOT NULL,
    lease_until     TIMESTAMPTZ,
    leased_by       TEXT NOT NULL DEFAULT '',
    last_error      TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ
);
CREATE INDEX deliveries_due ON deliveries (status, next_at, id);
CREATE INDEX deliveries_draft ON deliveries (draft_id, id);
CREATE INDEX deliveries_webhook ON deliveries (webhook_id, id);

CREATE TABLE delivery_attempts (
    id          BIGSERIAL PRIMARY KEY,
    delivery_id BIGINT NOT NULL REFERENCES deliveries (id),
    node        TEXT NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    ok          BOOLEAN NOT NULL,
    status_code INTEGER NOT NULL DEFAULT 0,
    error       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX delivery_attempts_delivery ON delivery_attempts (delivery_id, id);

-- +goose Down
DROP TABLE delivery_attempts;
DROP TABLE deliveries;
DROP TABLE webhooks;
DROP TABLE notification_prefs;
DROP TABLE notifications;
DROP TABLE inbox_done;
DROP TABLE mentions;
DROP TABLE deadlines;
DROP TABLE assignments;
ALTER TABLE events DROP COLUMN ref_id;
ALTER TABLE users DROP COLUMN email;
DROP TABLE settings;
