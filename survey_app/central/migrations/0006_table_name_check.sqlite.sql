-- Nothing to change here: the SQLite edition has no table-name CHECK (central.revisions refuses bad names).
-- (The number keeps both back ends' migrations in step: 0006 made PostgreSQL's CHECK cheaper.)
SELECT 1;
