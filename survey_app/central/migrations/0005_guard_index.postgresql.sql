-- Nothing to change here: CHECK constraints guard the revision range and the object data already.
-- (The number keeps both back ends' migrations in step: 0005 changed the SQLite edition's insert guard.)
SELECT 1;
