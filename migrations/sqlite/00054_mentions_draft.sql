-- The draft page counts the threads waiting for its viewer on every view (Store.ThreadsWaiting),
-- with the inbox's mentions query narrowed to the piece. Narrowed by the piece's comments, it
-- still read every mention of the viewer through mentions_user, 4 to 13 ms a view for someone
-- mentioned 10,000 times on 1,000 pieces, and more with each mention elsewhere. mentions_draft
-- finds the viewer's mentions on one piece alone; it leads with the piece, so that the whole
-- inbox, which names no piece, keeps reading mentions_user.

-- +goose Up
CREATE INDEX mentions_draft ON mentions (draft_id, user_id);

-- +goose Down
DROP INDEX mentions_draft;
