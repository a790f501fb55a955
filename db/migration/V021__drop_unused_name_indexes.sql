-- Name search reads the ordered name pieces of V020 for every fragment, so the two name indexes of
-- V005 serve no query any more; they only slowed every write of an account. (pg_trgm stays: the
-- audit trail's text filter uses it.)
DROP INDEX account_name_grams;
DROP INDEX account_name_trgm;
DROP FUNCTION name_grams(text);
