-- Nothing to change here: the column's CHECK (jsonb_typeof(data) = 'object') reads the jsonb already parsed.
-- (The number keeps both back ends' migrations in step: 0004 changed the SQLite edition's insert guard.)
SELECT 1;
