-- A piece's open threads and each thread's replies were capped (newsroom.MaxOpenComments,
-- newsroom.MaxReplies), but not what a piece keeps: resolved threads had no cap, so one person
-- could put gigabytes of comments on a piece, all read with every view of it. comment_totals
-- keeps, for each piece, how many threads it holds and the code points of their text, the
-- words they are on and their replies, so that a new comment or reply is checked against
-- newsroom.MaxThreads and newsroom.MaxCommentText without reading the texts. Every change to a
-- piece's comments updates it under the draft's lock; this counts what is there now.

-- +goose Up
CREATE TABLE comment_totals (
    draft_id    BIGINT PRIMARY KEY REFERENCES drafts (id),
    threads     BIGINT NOT NULL,
    code_points BIGINT NOT NULL
);
INSERT INTO comment_totals (draft_id, threads, code_points)
SELECT comments.draft_id, COUNT(*),
       SUM(length(comments.body) + length(comments.quote)
           + COALESCE((SELECT SUM(length(comment_replies.body)) FROM comment_replies WHERE comment_replies.comment_id = comments.id), 0))
FROM comments
GROUP BY comments.draft_id;

-- +goose Down
DROP TABLE comment_totals;
