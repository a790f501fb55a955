-- Indexes for every kind of account search, for every query length.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Exact lookups: phone (E.164), email and Taobao id case-insensitively.
CREATE INDEX account_phone ON account (phone);
CREATE INDEX account_email_lower ON account (lower(email));
CREATE INDEX account_taobao_lower ON account (lower(taobao_id));

-- Name fragments of three or more characters (Latin or Chinese): trigrams. This needs a UTF-8
-- character-type locale; under C, pg_trgm indexes no Chinese at all.
CREATE INDEX account_name_trgm ON account USING gin (lower(name) gin_trgm_ops);

-- Name fragments of one or two characters (one or two Chinese characters inside a name), which
-- trigrams cannot serve: every 1- and 2-character piece of the lower-cased name.
CREATE FUNCTION name_grams(name text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT piece), '{}')
      FROM (SELECT substr(lower(name), i, len) AS piece
              FROM generate_series(1, char_length(name)) AS i,
                   (VALUES (1), (2)) AS l(len)
             WHERE i + len - 1 <= char_length(name)) AS pieces
     WHERE btrim(piece) <> ''
$$;
CREATE INDEX account_name_grams ON account USING gin (name_grams(name));
