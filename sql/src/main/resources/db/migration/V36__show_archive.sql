-- An archived show has left the active lists (its plans, jobs and cost ledger stay, and its reports still run): when
-- and by whom. Archiving is an ADMIN's audited action; nothing deletes a show that has costs (V34).
ALTER TABLE show ADD COLUMN archived_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE show ADD COLUMN archived_by VARCHAR(100);
