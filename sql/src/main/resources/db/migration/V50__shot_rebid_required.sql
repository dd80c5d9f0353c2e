-- A revised pull changed the frames of a shot already in progress or done: its bid no longer holds. Set by a shot
-- list or editorial update, cleared when the shot gets hand bids again.
ALTER TABLE shot ADD COLUMN rebid_required BOOLEAN DEFAULT FALSE NOT NULL;
