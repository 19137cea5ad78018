-- The number of open tasks the start page last counted for a session, so that the navigation
-- of every other page shows it without counting again (the session lookup returns it).
ALTER TABLE sessions ADD COLUMN open_tasks integer CHECK (open_tasks >= 0);
